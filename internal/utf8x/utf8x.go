// Package utf8x has the UTF-8 primitives of ducha's scanners, made fast for
// Chinese text: most of a report is three-byte sequences, which
// unicode/utf8 decodes out of line.
package utf8x

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Decode is utf8.DecodeRuneInString with the ASCII and three-byte cases
// inlined: it returns the same for every input.
func Decode(s string) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 3 {
		c0, c1, c2 := s[0], s[1], s[2]
		if c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s)
}

// DecodeLast is utf8.DecodeLastRuneInString with the ASCII and three-byte
// cases inlined: it returns the same for every input.
func DecodeLast(s string) (rune, int) {
	n := len(s)
	if n > 0 && s[n-1] < utf8.RuneSelf {
		return rune(s[n-1]), 1
	}
	if n >= 3 {
		c0, c1, c2 := s[n-3], s[n-2], s[n-1]
		if c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeLastRuneInString(s)
}

// Count returns utf8.RuneCountInString(s) for an s cut from valid UTF-8 at
// any byte offsets (a rune cut in two counts as its bytes, as
// utf8.RuneCountInString counts them). It counts the bytes that start a
// rune, eight at a time, and corrects for the cut runes at the ends.
func Count(s string) int {
	n := 0
	// leading continuation bytes of a rune cut at the start: one each
	for n < len(s) && n < 3 && s[n]&0xC0 == 0x80 {
		n++
	}
	body := s[n:]
	i := 0
	const hi = 0x8080808080808080
	for ; i+8 <= len(body); i += 8 {
		w := uint64(body[i]) | uint64(body[i+1])<<8 | uint64(body[i+2])<<16 | uint64(body[i+3])<<24 |
			uint64(body[i+4])<<32 | uint64(body[i+5])<<40 | uint64(body[i+6])<<48 | uint64(body[i+7])<<56
		// a continuation byte has its top bit set and the next one clear
		cont := w & ^(w << 1) & hi
		n += 8 - bits.OnesCount64(cont)
	}
	for ; i < len(body); i++ {
		if body[i]&0xC0 != 0x80 {
			n++
		}
	}
	// a rune cut at the end: each of its bytes counts
	if k := len(body); k > 0 && body[k-1] >= utf8.RuneSelf {
		p := k - 1
		for p > 0 && k-p < 4 && body[p]&0xC0 == 0x80 {
			p--
		}
		if c := body[p]; c >= 0xC0 && p+runeLen(c) > k {
			n += k - p - 1
		}
	}
	return n
}

// runeLen is the length of the sequence lead byte c starts.
func runeLen(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	}
	return 2
}

// Valid is utf8.ValidString, faster on Chinese text: three-byte sequences
// whose first byte puts no limit on the second are checked inline.
func Valid(s string) bool {
	n := len(s)
	for i := 0; i < n; {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			for i+8 <= n && (s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7])&0x80 == 0 {
				i += 8
			}
		case 0xE1 <= c && c <= 0xEF && c != 0xED:
			if i+2 >= n || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
				return false
			}
			i += 3
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 {
				return false
			}
			i += w
		}
	}
	return true
}

// ValidBytes is Valid for a byte slice: utf8.Valid.
func ValidBytes(b []byte) bool {
	n := len(b)
	for i := 0; i < n; {
		c := b[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			for i+8 <= n && (b[i]|b[i+1]|b[i+2]|b[i+3]|b[i+4]|b[i+5]|b[i+6]|b[i+7])&0x80 == 0 {
				i += 8
			}
		case 0xE1 <= c && c <= 0xEF && c != 0xED:
			if i+2 >= n || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 {
				return false
			}
			i += 3
		default:
			r, w := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && w == 1 {
				return false
			}
			i += w
		}
	}
	return true
}

// NextDigit returns the offset of the first ASCII digit of s at or after i,
// or len(s). It tests eight bytes at a time: reports are mostly Chinese,
// with a digit every few dozen bytes.
func NextDigit(s string, i int) int {
	n := len(s)
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= n; i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		x := w ^ (0x30 * ones) // digits become 0 to 9
		// bytes below 10 (the lowest flagged byte is always one)
		if m := (x - 10*ones) & ^x & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < n; i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return i
		}
	}
	return n
}

// Index is strings.Index, faster in long Chinese texts. strings.Index
// looks for the needle's first byte, which for a Chinese word is the first
// byte of a character (E4 to E9 begin most of them), and so stops almost
// every third byte. Index looks instead for the needle's byte that is
// likely the rarest in Chinese text, a continuation byte other than 0x80,
// and compares the needle around each.
func Index(s, sub string) int {
	n := len(sub)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return strings.IndexByte(s, sub[0])
	case n > len(s):
		return -1
	case len(s) <= 64:
		return strings.Index(s, sub)
	}
	k := 0
	for i := 1; i < n; i++ {
		if rarity[sub[i]] < rarity[sub[k]] {
			k = i
		}
	}
	b := sub[k]
	limit := len(s) - n + k + 1 // the anchor byte lies in s[k:limit]
	for i := k; i < limit; {
		j := strings.IndexByte(s[i:limit], b)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-k:i-k+n] == sub {
			return i - k
		}
		i++
	}
	return -1
}

// Contains is strings.Contains by Index.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }

// rarity ranks bytes by how often they occur in Chinese text, rarest
// first: a continuation byte other than 0x80 (one of 63 values, a third of
// the bytes), ASCII, 0x80 (the middle byte of the CJK punctuation 、。《》),
// the comma and the space, and the first bytes of characters (E4 to E9
// start most of them).
var rarity = func() (r [256]uint8) {
	for c := range r {
		switch {
		case c > 0x80 && c < 0xC0:
			r[c] = 1
		case c == ',' || c == ' ':
			r[c] = 4
		case c < 0x80:
			r[c] = 2
		case c == 0x80:
			r[c] = 3
		default:
			r[c] = 5
		}
	}
	return r
}()
