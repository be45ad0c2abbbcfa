// Package norm builds the normalised view of a report that every matcher reads,
// and maps positions in that view back to the original text.
//
// The view folds full-width ASCII to half-width ("（一）" → "(一)", "，" → ",",
// "０-９" → "0-9"), the ideographic space and no-break spaces to " ", and
// half-width katakana and punctuation to their canonical wide forms, using
// golang.org/x/text/width. Every original rune becomes exactly one rune of the
// view, so lines and columns (counted in runes) are the same in both; only byte
// offsets differ, and Map converts them.
package norm

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Map converts byte offsets in a normalised view to byte offsets in the
// original text. The zero Map is the identity (the text needed no folding).
type Map struct {
	// shifts[i] says: from view offset shifts[i].at onwards, the original
	// offset is the view offset plus shifts[i].delta. Sorted by at.
	shifts []shift
}

type shift struct{ at, delta int }

// Orig returns the offset in the original text of view offset n.
func (m Map) Orig(n int) int {
	if len(m.shifts) == 0 {
		return n
	}
	i := sort.Search(len(m.shifts), func(i int) bool { return m.shifts[i].at > n })
	if i == 0 {
		return n
	}
	return n + m.shifts[i-1].delta
}

// Identity reports whether the view is byte-for-byte the original.
func (m Map) Identity() bool { return len(m.shifts) == 0 }

// Rune returns the normalised form of r.
func Rune(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case r == 0x3000, r == 0x00A0, r == 0x2007, r == 0x202F, r == 0xFEFF:
		return ' '
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r >= 0xFF5F && r <= 0xFFEE:
		if f := width.LookupRune(r).Folded(); f != 0 {
			return f
		}
	}
	return r
}

// String returns the normalised view of s and the map back to s. When s needs
// no folding the view is s itself and the map is the identity, so the common
// case costs one scan and no allocation.
func String(s string) (string, Map) {
	first := -1
	for i, r := range s {
		if r >= 0x80 && Rune(r) != r {
			first = i
			break
		}
	}
	if first < 0 {
		return s, Map{}
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:first])
	var m Map
	delta := 0
	for _, r := range s[first:] {
		f := Rune(r)
		if f == r {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(f)
		// The runes after this one start delta bytes later in the original.
		delta += utf8.RuneLen(r) - utf8.RuneLen(f)
		m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta})
	}
	return b.String(), m
}
