package checks

import (
	"fmt"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// This file holds what the numeric checks share: units that count the same
// things, the parts a check leaves alone, the words that say what a number
// counts, and the walk over a document's sentences.

// sameUnit reports whether a and b count the same things.
func sameUnit(a, b *quantity.Quantity) bool {
	return quantity.UnitClass(a.Unit) == quantity.UnitClass(b.Unit)
}

// regions returns the text of the named parts (next year's plan: its
// numbers are targets, not results): everything under each heading
// recognised as one of them.
func regions(pass *lint.Pass, names []string) []lint.Range {
	if pass.Parts == nil {
		return nil
	}
	var rs []lint.Range
	for _, n := range names {
		if m := pass.Parts.Get(n); m != nil {
			for _, h := range m.Headings {
				rs = append(rs, lint.Range{Start: h.Range.Start, End: h.Body.End})
			}
		}
	}
	return rs
}

// within reports whether offset n lies in one of rs.
func within(rs []lint.Range, n int) bool {
	for _, r := range rs {
		if r.Contains(n) {
			return true
		}
	}
	return false
}

// words returns what says what q counts: its label, or the words after it
// when it has none ("13件规范性文件继续有效").
func words(q *quantity.Quantity) string {
	if q.Label != "" {
		return q.Label
	}
	return q.After
}

// wordsOf is words for Quantities[i] of doc, with the rune mask of its words (Document.QuantityRunes).
func wordsOf(doc *document.Document, i int) (string, uint64) {
	q := &doc.Quantities[i]
	lm, am := doc.QuantityRunes(i)
	if q.Label != "" {
		return q.Label, lm
	}
	return q.After, am
}

// labelOf is the label of Quantities[i] of doc, with the rune mask of its words (Document.QuantityRunes).
func labelOf(doc *document.Document, i int) (string, uint64) {
	lm, _ := doc.QuantityRunes(i)
	return doc.Quantities[i].Label, lm
}

// isCount reports whether q counts things and is a level, not a change.
func isCount(q *quantity.Quantity) bool { return q.Kind == quantity.Count && !q.Growth }

// maxSentence is the most quantities a sentence may state for the checks
// that compare them pairwise (RateMismatch, PartExceedsTotal, SumMismatch)
// to look at it. A report's sentences state a handful; one with more is a
// table or a run of text without full stops, which those checks cannot
// read, and comparing every pair in it would cost time quadratic in its
// length.
const maxSentence = 64

// sentences calls f with the index range [lo, hi) in doc.Quantities of each
// sentence's quantities, skipping the sentences in the parts notIn names,
// sentences with more than maxSentence quantities and quantities outside
// any sentence.
func sentences(pass *lint.Pass, notIn []string, f func(lo, hi int)) {
	doc := pass.Doc
	qs := doc.Quantities
	out := regions(pass, notIn)
	for lo := 0; lo < len(qs); {
		s := doc.QuantitySentence(lo)
		hi := lo + 1
		for hi < len(qs) && doc.QuantitySentence(hi) == s {
			hi++
		}
		if s >= 0 && hi-lo <= maxSentence && !within(out, qs[lo].Start) {
			f(lo, hi)
		}
		lo = hi
	}
}

// span is the range of q in the normalised view.
func span(q *quantity.Quantity) lint.Range { return lint.Range{Start: q.Start, End: q.End} }

// reportf reports a numeric finding once per rule and range: a relation of
// the rule pack may have reported the same mistake already.
func reportf(pass *lint.Pass, rule *lint.Rule, sev lint.Severity, r lint.Range, format string, args ...any) {
	pass.ReportOnce(rule, sev, r, fmt.Sprintf(format, args...))
}
