package checks

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
)

// Go's regexp package has no DFA: an unanchored search runs its NFA at every
// byte, and over a whole report a pattern that starts with a character class
// runs at one or two megabytes a second. Checks that match rule-pack
// patterns against the whole text therefore find, when the rules load, the
// characters a match can start with, scan the text once for those, and try
// the pattern anchored only there.

// maxStart bounds the characters a pattern may start with: [一-龥] is too
// many to be a useful trigger, "[Xx×]" is three.
const maxStart = 4096

// startSet is a set of characters, as ranges.
type startSet []rune // lo, hi pairs

func (s startSet) has(r rune) bool {
	for i := 0; i+1 < len(s); i += 2 {
		if s[i] <= r && r <= s[i+1] {
			return true
		}
	}
	return false
}

// size is the number of characters in s.
func (s startSet) size() int {
	n := 0
	for i := 0; i+1 < len(s); i += 2 {
		n += int(s[i+1]-s[i]) + 1
	}
	return n
}

// FastPattern reports whether re can be searched for by the characters it
// starts with, as the placeholder check searches: it fails for a pattern
// that starts with ".", "[^…]", a class of more than 4096 characters
// (\p{Han}), or that can match the empty string.
func FastPattern(re *regexp.Regexp) error {
	_, _, err := anchorStart(re)
	return err
}

// anchorStart returns re anchored at the start of the text it is matched
// against, with the same capturing groups, and the characters a match can
// start with. It builds the anchored pattern from re's syntax tree, not by
// wrapping its source, which "\Q…" would swallow.
func anchorStart(re *regexp.Regexp) (*regexp.Regexp, startSet, error) {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, nil, err
	}
	var set startSet
	nullable, ok := firstChars(tree.Simplify(), &set)
	if !ok || nullable || set.size() > maxStart {
		return nil, nil, fmt.Errorf("模式 %q 不是以确定的字开头(如“X”“某”“〔”),不能以 .、[^…] 或过大的字符类开头", re.String())
	}
	// Printing a syntax tree with a negated class ("[^)]{0,30}") folds
	// case over all of Unicode and takes milliseconds, so the source is
	// wrapped instead, unless "\Q" (which would swallow the wrapper) is in it.
	src := "^(?:" + re.String() + ")"
	if strings.Contains(re.String(), `\Q`) {
		src = (&syntax.Regexp{Op: syntax.OpConcat, Flags: syntax.Perl, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText}, tree}}).String()
	}
	anchored, err := regexp.Compile(src)
	if err != nil {
		return nil, nil, err
	}
	return anchored, set, nil
}

// firstChars adds to set the characters a match of re can start with, and
// reports whether re can match the empty string (then the characters after
// it can start a match too) and whether the set is bounded.
func firstChars(re *syntax.Regexp, set *startSet) (nullable, ok bool) {
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
		cls := startSet(re.Rune)
		if cls.size() > maxStart {
			return false, false
		}
		*set = append(*set, cls...)
		return false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstChars(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := firstChars(re.Sub[0], set)
		return true, ok
	case syntax.OpRepeat:
		n, ok := firstChars(re.Sub[0], set)
		return n || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			n, ok := firstChars(sub, set)
			if !ok || !n {
				return false, ok
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			n, ok := firstChars(sub, set)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return nullable, true
	}
	return false, false // OpAnyChar, OpAnyCharNotNL
}

// runeBitmap is a set of characters for the scanning loop: a bit per
// character of the Basic Multilingual Plane, a slice for the rest.
type runeBitmap struct {
	bmp   [1 << 16 / 64]uint64
	other []rune
}

func (b *runeBitmap) add(s startSet) {
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

// has is small enough to be inlined in scanning loops.
func (b *runeBitmap) has(r rune) bool {
	if r < 1<<16 {
		return b.bmp[r>>6]&(1<<(r&63)) != 0
	}
	return b.hasOther(r)
}

func (b *runeBitmap) hasOther(r rune) bool { return slices.Contains(b.other, r) }
