package match

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A RuneSet is a set of characters, as lo, hi pairs of a range each.
type RuneSet []rune

// Has reports whether r is in s.
func (s RuneSet) Has(r rune) bool {
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] <= r && r <= s[i+1] {
			return true
		}
	}
	return false
}

// Size is the number of characters in s.
func (s RuneSet) Size() int {
	n := 0
	for i := 0; i+1 < len(s); i += 2 {
		n += int(s[i+1]-s[i]) + 1
	}
	return n
}

// FirstChars adds to set the characters a match of re can start with, and
// reports whether re can match the empty string (then the characters after
// it can start a match too) and whether the set is bounded (it is not when
// re starts with . or a negated class).
func FirstChars(re *syntax.Regexp, set *RuneSet) (nullable, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		r := re.Rune[0]
		*set = append(*set, r, r)
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				*set = append(*set, f, f)
			}
		}
		return false, true
	case syntax.OpCharClass:
		cls := RuneSet(re.Rune)
		if cls.Size() > maxStart {
			return false, false
		}
		*set = append(*set, cls...)
		return false, true
	case syntax.OpCapture, syntax.OpPlus:
		return FirstChars(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := FirstChars(re.Sub[0], set)
		return true, ok
	case syntax.OpRepeat:
		n, ok := FirstChars(re.Sub[0], set)
		return n || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n, ok := FirstChars(sub, set)
			if !ok || !n {
				return false, ok
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			n, ok := FirstChars(sub, set)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return nullable, true
	}
	return false, false // OpAnyChar, OpAnyCharNotNL
}

// maxStart bounds the classes FirstChars takes: [一-龥] is too many to be
// a useful trigger, "[Xx×]" is three.
const maxStart = 4096

// A Bitmap is a set of characters for scanning loops: a bit per character
// of the Basic Multilingual Plane, a slice for the rest.
type Bitmap struct {
	bmp   [1 << 16 / 64]uint64
	other []rune
}

// Add adds the characters of s.
func (b *Bitmap) Add(s RuneSet) {
	for i := 0; i+1 < len(s); i += 2 {
		for r := s[i]; r <= s[i+1]; r++ {
			if r < 1<<16 {
				b.bmp[r>>6] |= 1 << (r & 63)
			} else if !slices.Contains(b.other, r) {
				b.other = append(b.other, r)
			}
		}
	}
}

// AnyBelow64K reports whether b has a character from lo to hi, both
// below U+10000 and lo a multiple of 64, hi+1 too.
func (b *Bitmap) AnyBelow64K(lo, hi rune) bool {
	for w := lo >> 6; w <= hi>>6; w++ {
		if b.bmp[w] != 0 {
			return true
		}
	}
	return false
}

// NoneIn64 reports whether b has no character from 64*blk to 64*blk+63,
// for blk below 1024 (the Basic Multilingual Plane).
func (b *Bitmap) NoneIn64(blk int) bool { return b.bmp[blk&1023] == 0 }

// Has is small enough to be inlined in scanning loops.
func (b *Bitmap) Has(r rune) bool {
	if r < 1<<16 {
		return b.bmp[r>>6]&(1<<(r&63)) != 0
	}
	return b.hasOther(r)
}

func (b *Bitmap) hasOther(r rune) bool { return slices.Contains(b.other, r) }

// Starts returns the characters every non-empty match of re starts with,
// or nil when they are not bounded (see FirstChars) or re can match the
// empty string.
func Starts(re *regexp.Regexp) *Bitmap {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	var set RuneSet
	if nullable, ok := FirstChars(t.Simplify(), &set); !ok || nullable {
		return nil
	}
	b := new(Bitmap)
	b.Add(set)
	return b
}

// Prefixes returns strings one of which every match of re starts with:
// the first n characters of the match, or the whole match when it is
// shorter. It is false when they cannot be told in a few hundred strings
// (re can start with ., a large class, a case-folded literal) or a match
// can be empty. Assertions (^, $, \b) are taken to hold, which only adds
// strings.
func Prefixes(re *regexp.Regexp, n int) ([]string, bool) {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil || n <= 0 {
		return nil, false
	}
	ps, ok := prefixes(t.Simplify(), n)
	if !ok {
		return nil, false
	}
	var out []string
	for _, p := range ps {
		if p.s == "" {
			return nil, false // a match can be empty
		}
		if strings.ContainsRune(p.s, utf8.RuneError) {
			return nil, false // U+FFFD matches any invalid byte
		}
		if !slices.Contains(out, p.s) {
			out = append(out, p.s)
		}
	}
	return out, true
}

// prefix is the start of a match: s, of want characters when full, else
// of fewer (the match, or the part of it looked at so far, ends there).
type prefix struct {
	s    string
	full bool
}

// maxPrefixes bounds the strings prefixes tracks.
const maxPrefixes = 512

// prefixes returns the starts, of up to n characters, of re's matches.
func prefixes(re *syntax.Regexp, n int) ([]prefix, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []prefix{{"", false}}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		k := min(n, len(re.Rune))
		return []prefix{{string(re.Rune[:k]), k == n}}, true
	case syntax.OpCharClass:
		if RuneSet(re.Rune).Size() > 64 {
			return nil, false
		}
		var out []prefix
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, prefix{string(r), n == 1})
			}
		}
		return out, true
	case syntax.OpCapture:
		return prefixes(re.Sub[0], n)
	case syntax.OpQuest:
		p, ok := prefixes(re.Sub[0], n)
		return append([]prefix{{"", false}}, p...), ok
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		// up to n repetitions cover n characters (each takes one at least,
		// or none, which adds nothing)
		lo, hi := 0, n
		switch re.Op {
		case syntax.OpPlus:
			lo = 1
		case syntax.OpRepeat:
			lo = min(re.Min, n)
			if re.Max >= 0 {
				hi = min(re.Max, n)
			}
		}
		subs := make([]*syntax.Regexp, 0, hi)
		for i := 0; i < hi; i++ {
			if i < lo {
				subs = append(subs, re.Sub[0])
			} else {
				subs = append(subs, &syntax.Regexp{Op: syntax.OpQuest, Sub: []*syntax.Regexp{re.Sub[0]}})
			}
		}
		if len(subs) == 0 {
			return []prefix{{"", false}}, true
		}
		return prefixes(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs}, n)
	case syntax.OpConcat:
		cur := []prefix{{"", false}}
		for _, sub := range re.Sub {
			var next []prefix
			for _, p := range cur {
				if p.full {
					next = append(next, p)
					continue
				}
				have := len([]rune(p.s))
				ps, ok := prefixes(sub, n-have)
				if !ok {
					return nil, false
				}
				for _, q := range ps {
					next = append(next, prefix{p.s + q.s, q.full})
				}
			}
			if len(next) > maxPrefixes {
				return nil, false
			}
			cur = next
		}
		return cur, true
	case syntax.OpAlternate:
		var out []prefix
		for _, sub := range re.Sub {
			ps, ok := prefixes(sub, n)
			if !ok {
				return nil, false
			}
			out = append(out, ps...)
			if len(out) > maxPrefixes {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false // OpAnyChar, OpAnyCharNotNL, OpNoMatch
}
