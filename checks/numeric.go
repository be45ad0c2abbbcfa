package checks

import (
	"strings"

	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// This file holds what the numeric checks share: units that count the same
// things, the parts a check leaves alone, the words that say what a number
// counts, and the walk over a document's sentences.

// UnitClass maps a canonical unit to the class of units that count the same
// things: 名 and 位 count people as 人 does, 起 and 宗 count cases as 件
// does. Other units are their own class.
func UnitClass(u string) string {
	switch u {
	case "名", "位":
		return "人"
	case "起", "宗":
		return "件"
	}
	return u
}

// sameUnit reports whether a and b count the same things.
func sameUnit(a, b *quantity.Quantity) bool { return UnitClass(a.Unit) == UnitClass(b.Unit) }

// excluded reports whether offset n lies in one of the named parts (next
// year's plan: its numbers are targets, not results).
func excluded(pass *lint.Pass, notIn []string, n int) bool {
	if len(notIn) == 0 || pass.Parts == nil {
		return false
	}
	name := pass.Parts.At(n)
	for _, p := range notIn {
		if p == name && name != "" {
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

// isCount reports whether q counts things and is a level, not a change.
func isCount(q *quantity.Quantity) bool { return q.Kind == quantity.Count && !q.Growth }

// sentences calls f with the index range [lo, hi) in doc.Quantities of each
// sentence's quantities, skipping the sentences in the parts notIn names and
// quantities outside any sentence.
func sentences(pass *lint.Pass, notIn []string, f func(lo, hi int)) {
	doc := pass.Doc
	qs := doc.Quantities
	for lo := 0; lo < len(qs); {
		s := doc.QuantitySentence(lo)
		hi := lo + 1
		for hi < len(qs) && doc.QuantitySentence(hi) == s {
			hi++
		}
		if s >= 0 && !excluded(pass, notIn, qs[lo].Start) {
			f(lo, hi)
		}
		lo = hi
	}
}

// span is the range of q in the normalised view.
func span(q *quantity.Quantity) lint.Range { return lint.Range{Start: q.Start, End: q.End} }

// joinTexts joins the texts of quantities with sep: "39件+2件".
func joinTexts(qs []*quantity.Quantity, sep string) string {
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(q.Text)
	}
	return b.String()
}
