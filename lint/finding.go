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
	// Fix, when not nil, is the correction the check can tell: the right
	// 发文字号 for a malformed one, the likely original of a glued date, the
	// right formula for a wrong one. Checks leave it nil where they cannot
	// know what was meant (a date that does not exist, a missing part).
	Fix *Fix
	// Related are other places of the report that bear on the finding: the
	// other statement of a conflicting figure, the partner of a bracket.
	Related []Related
}

// A Fix is a suggested replacement, in the manner of analysis.TextEdit:
// put Text where Span is (an empty Text deletes the span). Applying it to
// the original text yields text on which the finding is gone.
type Fix struct {
	// Span is the part of the original text to replace; it usually is the
	// finding's own Span.
	Span Span
	// Text is what to put there.
	Text string
}

// Related is another location that explains a finding, in the manner of
// analysis.RelatedInformation.
type Related struct {
	// Span locates it in the original text.
	Span Span
	// Message says, in Chinese, what is there ("前面的同一统计数字").
	Message string
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
