// Package norm builds the normalised view of a report that every matcher reads,
// and maps positions in that view back to the original text.
//
// The view folds full-width ASCII to half-width ("（一）" → "(一)", "，" → ",",
// "０-９" → "0-9"), the ideographic space and no-break spaces to " ", and
// half-width katakana and punctuation to their canonical wide forms, using
// golang.org/x/text/width. It folds Traditional characters to Simplified
// ("發佈時間" → "发布时间", "報告" → "报告"; see tables.go for which), so that a
// report reposted in Traditional characters reads like the original, and it
// drops the pinyin glosses some mirror sites write after characters ("發(fā)布"
// → "发布": a parenthesised syllable with a tone mark right after a Han
// character).
//
// Every original rune but a gloss's becomes exactly one rune of the view, and a
// Traditional character takes as many bytes as its Simplified form, so lines
// are the same in both; byte offsets differ, and Map converts them; columns
// differ only after a gloss on the same line, and Map.Dropped says by how
// much.
package norm

//go:generate go run gen_tables.go

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// Map converts byte offsets in a normalised view to byte offsets in the
// original text. The zero Map is the identity (no offset moved).
type Map struct {
	// shifts[i] says: from view offset shifts[i].at onwards, the original
	// offset is the view offset plus shifts[i].delta. Sorted by at.
	shifts []shift
}

type shift struct {
	at, delta int
	dropped   int // runes of the original dropped before at (glosses)
}

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

// Dropped returns how many runes of the original before view offset n have
// no rune in the view (the glosses it dropped): a column counted in the view
// plus Dropped(n) - Dropped(lineStart) is the column in the original.
func (m Map) Dropped(n int) int {
	if len(m.shifts) == 0 || m.shifts[len(m.shifts)-1].dropped == 0 {
		return 0
	}
	i := sort.Search(len(m.shifts), func(i int) bool { return m.shifts[i].at > n })
	if i == 0 {
		return 0
	}
	return m.shifts[i-1].dropped
}

// Identity reports whether view offsets are original offsets: no rune folded
// to one of another length and no gloss was dropped. (A Traditional
// character folds in place: its view can differ from the original.)
func (m Map) Identity() bool { return len(m.shifts) == 0 }

// Rune returns the normalised form of r.
func Rune(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case r >= 0x3400 && r < 0xA000:
		return trad(r)
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

// trad returns the Simplified form of the Traditional character r, or r. r
// is below U+A000.
func trad(r rune) rune {
	if tradBits[uint(r>>6)&uint(len(tradBits)-1)]&(1<<(r&63)) == 0 {
		return r
	}
	lo, hi := 0, len(tradFolds)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if rune(tradFolds[h][0]) < r {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return rune(tradFolds[lo][1])
}

// decode3 returns the rune of the valid three-byte sequence at s[i].
func decode3(s string, i int) rune {
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}

// skipPlain returns the end of the run of characters from s[i] that are
// valid three-byte sequences with a first byte from E4 to EE (U+4000 to
// U+EFFF, but the surrogates' ED) and do not fold: most of a report. It is
// the view's inner loop, kept small: the test for a Traditional character
// (first byte E4 to E9) is one load from tradBits, indexed by the bits of
// the first two bytes (r>>6) and masked so that the compiler drops the
// bounds check.
func skipPlain(s string, i int) int {
	for i+2 < len(s) {
		c, b1, b2 := s[i], s[i+1], s[i+2]
		if c < 0xE4 || c > 0xEE || c == 0xED || b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
			break
		}
		if c <= 0xE9 && tradBits[(uint(c&0x0F)<<6|uint(b1&0x3F))&uint(len(tradBits)-1)]>>(b2&0x3F)&1 != 0 {
			break
		}
		i += 3
	}
	return i
}

// valid3 reports whether s[i:] starts with a lead byte and two continuation
// bytes.
func valid3(s string, i int) bool {
	return i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// isOpenParen reports whether the full-width "（" (EF BC 88) starts at
// s[i], whose byte is EF: a cheap test before glossLen.
func isOpenParen(s string, i int) bool {
	return i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x88
}

// glossLen returns the length in bytes and runes of the pinyin gloss at
// s[i:] ("(fā)", "（jìn）"), or 0, 0. A gloss directly follows a Han
// character and is one lower-case syllable of at most six letters with
// exactly one tone mark, in ASCII or full-width parentheses: "(a)" or
// "(ABC)" is no gloss, nor "(fā)" after a digit.
func glossLen(s string, i int) (bytes, runes int) {
	j := i
	switch {
	case s[j] == '(':
		j++
	case strings.HasPrefix(s[j:], "（"):
		j += len("（")
	default:
		return 0, 0
	}
	if prev, _ := utf8.DecodeLastRuneInString(s[:i]); !unicode.Is(unicode.Han, prev) {
		return 0, 0
	}
	letters, tones := 0, 0
	for j < len(s) && letters <= 6 {
		c := s[j]
		switch {
		case c >= 'a' && c <= 'z':
			j++
			letters++
			continue
		case c == ')':
			j++
		case strings.HasPrefix(s[j:], "）"):
			j += len("）")
		case c >= 0xC3 && c <= 0xC7:
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == 'ü' {
				j += n
				letters++
				continue
			}
			if !strings.ContainsRune(toned, r) {
				return 0, 0
			}
			j += n
			letters++
			tones++
			continue
		default:
			return 0, 0
		}
		if letters == 0 || letters > 6 || tones != 1 {
			return 0, 0
		}
		return j - i, letters + 2
	}
	return 0, 0
}

// toned are the pinyin vowels with a tone mark.
const toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

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
			if c == '(' && i > 0 {
				if n, _ := glossLen(s, i); n > 0 {
					first = i
					break
				}
			}
			i++
			continue
		}
		if 0xE4 <= c && c <= 0xEE {
			if j := skipPlain(s, i); j > i {
				i = j // most of the text: valid characters that do not fold
				continue
			}
			if c <= 0xE9 && valid3(s, i) {
				first = i // a Traditional character
				break
			}
		}
		r, n := utf8x.Decode(s[i:])
		// Only runes from U+0080 to U+00BF, U+2000 to U+3FFF, U+4000 to
		// U+9FFF (Traditional characters) and U+F000 to U+FFFF fold;
		// their sequences start with these bytes.
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
	delta, dropped := 0, 0
	run := 0 // start of the bytes not yet written, which need no folding
	for i := first; i < len(s); {
		c := s[i]
		if c == '(' || c == 0xEF && isOpenParen(s, i) {
			if n, runes := glossLen(s, i); n > 0 {
				// dropped: the runes after it start n bytes later
				b.WriteString(s[run:i])
				i += n
				run = i
				delta += n
				dropped += runes
				m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta, dropped: dropped})
				continue
			}
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if 0xE4 <= c && c <= 0xEE {
			if j := skipPlain(s, i); j > i {
				i = j // valid characters that do not fold
				continue
			}
			if c <= 0xE9 && valid3(s, i) {
				// a Traditional character, folded in place: the same
				// length, no shift
				b.WriteString(s[run:i])
				b.WriteRune(trad(decode3(s, i)))
				i += 3
				run = i
				continue
			}
		}
		r, n := utf8x.Decode(s[i:])
		f := Rune(r)
		if r == utf8.RuneError && n == 1 {
			// written as U+FFFD, like every rune from first on: three
			// bytes for one, so the runes after it start two bytes
			// earlier in the original
			b.WriteString(s[run:i])
			b.WriteRune(r)
			i += n
			run = i
			delta += n - utf8.RuneLen(r)
			m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta, dropped: dropped})
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
		// The runes after this one start delta bytes later in the original;
		// a fold to a rune of the same length (an Extension A Traditional
		// character, a half-width katakana) shifts nothing.
		if d := n - utf8.RuneLen(f); d != 0 {
			delta += d
			m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta, dropped: dropped})
		}
	}
	b.WriteString(s[run:])
	return b.String(), m
}

// Pattern folds the full-width characters of a regular expression the way
// View folds the text, so "（一）" and "，" in a rule file match the text's "(一)" and
// ","; a folded character that is a regexp operator is escaped, so it
// stays the literal it was written as.
func Pattern(p string) string {
	i := 0
	for i < len(p) {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(p[i:])
		if Rune(r) != r || w == 1 { // folds, or an invalid byte (written as U+FFFD)
			break
		}
		i += w
	}
	if i == len(p) {
		return p // most patterns have nothing to fold
	}
	var sb strings.Builder
	sb.Grow(len(p))
	sb.WriteString(p[:i])
	for _, r := range p[i:] {
		f := Rune(r)
		if f != r && f < 0x80 && strings.ContainsRune(`\.+*?()|[]{}^$`, f) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(f)
	}
	return sb.String()
}
