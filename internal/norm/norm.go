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

	"github.com/ducha-dev/ducha/internal/utf8x"
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
	v, m, _ := View(s)
	return v, m
}

// View is String that also reports whether the view is valid UTF-8.
func View(s string) (view string, m Map, valid bool) {
	first := -1
	valid = true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if 0xE4 <= c && c <= 0xEE && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // most of the text: a valid character that does not fold
			continue
		}
		r, n := utf8x.Decode(s[i:])
		// Only runes from U+0080 to U+00BF, U+2000 to U+3FFF and
		// U+F000 to U+FFFF fold; their sequences start with these bytes.
		if (c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF) && Rune(r) != r {
			first = i
			break
		}
		if r == utf8.RuneError && n == 1 {
			valid = false
		}
		i += n
	}
	if first < 0 {
		return s, Map{}, valid
	}
	// The view keeps s[:first] and writes the rest rune by rune, as valid
	// UTF-8.
	v, m := fold(s, first)
	return v, m, valid
}

// fold builds the view of s, whose first rune to fold starts at first.
func fold(s string, first int) (string, Map) {
	var b strings.Builder
	b.Grow(len(s))
	var m Map
	delta := 0
	run := 0 // start of the bytes not yet written, which need no folding
	for i := first; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if 0xE4 <= c && c <= 0xEE && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // a valid character that does not fold
			continue
		}
		r, n := utf8x.Decode(s[i:])
		f := Rune(r)
		if r == utf8.RuneError && n == 1 {
			// written as U+FFFD, like every rune from first on
			b.WriteString(s[run:i])
			b.WriteRune(r)
			i += n
			run = i
			continue
		}
		if f == r {
			i += n
			continue
		}
		b.WriteString(s[run:i])
		b.WriteRune(f)
		i += n
		run = i
		// The runes after this one start delta bytes later in the original.
		delta += n - utf8.RuneLen(f)
		m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta})
	}
	b.WriteString(s[run:])
	return b.String(), m
}
