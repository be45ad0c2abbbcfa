package document

import (
	"sort"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/quantity"
)

// findQuantities reads the quantities of the body and heading lines (not the
// title, page furniture or metadata) and indexes each by its sentence. A
// number that is really a glued date, year or document number (glued, from
// dates.FindGlued: "202035名" is 2020年35名, not 202035 people) is dropped:
// a false quantity becomes a false finding.
//
// Extraction runs line by line: quantity's clauses and sentences end at line
// ends anyway, so reading each line alone gives the same quantities as
// reading the whole text, without copying it. Clause numbers are made unique
// across lines.
func (d *Document) findQuantities(glued []dates.Glue) {
	var ex quantity.Extractor
	// Reports state a quantity every 100 bytes or so.
	d.Quantities = make([]quantity.Quantity, 0, len(d.Norm)/96)
	clause := 0
	for _, l := range d.Lines {
		if l.Kind != BodyLine && l.Kind != HeadingLine {
			continue
		}
		n := len(d.Quantities)
		qs := ex.Append(d.Quantities, d.Norm[l.Start:l.End], l.Start)
		last := -1
		w := n // where the next quantity kept goes: moved only after a drop
		for r := n; r < len(qs); r++ {
			q := &qs[r]
			last = max(last, q.Clause)
			q.Clause += clause
			if overlapsGlue(glued, q.Start, q.End) {
				continue
			}
			if w != r {
				qs[w] = *q
			}
			w++
		}
		clear(qs[w:]) // no dangling values in the spare capacity
		d.Quantities = qs[:w]
		clause += last + 1
	}
	if len(d.Quantities) == 0 {
		d.Quantities = nil
	}
	d.quantityRunes = make([][2]uint64, len(d.Quantities))
	for i := range d.Quantities {
		d.quantityRunes[i] = [2]uint64{runeMask(d.Quantities[i].Label), runeMask(d.Quantities[i].After)}
	}
	d.quantitySentence = make([]int32, len(d.Quantities))
	s := 0
	for i := range d.Quantities {
		q := &d.Quantities[i]
		for s < len(d.Sentences) && d.Sentences[s].End <= q.Start {
			s++
		}
		if s < len(d.Sentences) && d.Sentences[s].Start <= q.Start {
			d.quantitySentence[i] = int32(s)
		} else {
			d.quantitySentence[i] = -1
		}
	}
}

// overlapsGlue reports whether [start, end) overlaps one of the glued runs
// (sorted, not overlapping).
func overlapsGlue(glued []dates.Glue, start, end int) bool {
	i := sort.Search(len(glued), func(i int) bool { return glued[i].End > start })
	return i < len(glued) && glued[i].Start < end
}

// QuantitySentence returns the index in Sentences of the sentence holding
// Quantities[i], or -1 when it lies in none.
func (d *Document) QuantitySentence(i int) int {
	if i < 0 || i >= len(d.quantitySentence) {
		return -1
	}
	return int(d.quantitySentence[i])
}

// QuantityRunes returns the RuneMask of Quantities[i]'s Label and After:
// checks that test hundreds of labels against their patterns rule most out
// with one AND (see RuneMask).
func (d *Document) QuantityRunes(i int) (label, after uint64) {
	if i < 0 || i >= len(d.quantityRunes) {
		return ^uint64(0), ^uint64(0)
	}
	return d.quantityRunes[i][0], d.quantityRunes[i][1]
}

// runeMask is a 64-bit signature of the characters of s: one bit per
// character, chosen by a hash. If s contains t, runeMask(s) has every bit
// of runeMask(t); so a label whose mask lacks a bit of a word's mask cannot
// contain the word.
func runeMask(s string) uint64 { return match.RuneMask(s) }

// QuantitiesIn returns the indexes [lo, hi) in Quantities of the quantities
// that start inside r. Quantities are in text order, so they form one run.
func (d *Document) QuantitiesIn(r Range) (lo, hi int) {
	qs := d.Quantities
	lo = sort.Search(len(qs), func(i int) bool { return qs[i].Start >= r.Start })
	hi = lo + sort.Search(len(qs)-lo, func(i int) bool { return qs[lo+i].Start >= r.End })
	return lo, hi
}

// TopHeadingAt returns the index in Outline of the outermost heading whose
// text or body holds offset n, or -1 (n lies before the first heading).
func (d *Document) TopHeadingAt(n int) int {
	if d.tops == nil {
		for i, h := range d.Outline {
			if h.Range.Start > n {
				break
			}
			if h.Parent < 0 && n < h.Body.End {
				return i
			}
		}
		return -1
	}
	// The outermost headings' regions are in text order and do not overlap:
	// only the last one to start at or before n can hold it.
	k := sort.Search(len(d.tops), func(k int) bool { return d.Outline[d.tops[k]].Range.Start > n }) - 1
	if k < 0 {
		return -1
	}
	if i := d.tops[k]; n < d.Outline[i].Body.End {
		return i
	}
	return -1
}
