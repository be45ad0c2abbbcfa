package lint

import (
	"cmp"
	"slices"
)

// A Finding is one thing wrong with a report.
type Finding struct {
	// Rule is the stable rule id, e.g. "section/deficiencies".
	Rule string
	// Severity is the finding's own severity; one rule may report at several
	// (a missing part is an error, a part only mentioned in passing a warning).
	Severity Severity
	// Message says, in Chinese, what is wrong and what is expected.
	Message string
	// Source names the requirement: the document and, where verified, the
	// article.
	Source string
	// Span locates the finding in the original text.
	Span Span
}

// sortFindings orders findings by position, then rule id, then message, so
// output never depends on the order checks ran in.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Span.Start.Offset, b.Span.Start.Offset),
		cmp.Compare(b.Span.End.Offset, a.Span.End.Offset),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}
