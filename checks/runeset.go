package checks

import (
	"fmt"
	"regexp/syntax"
	"strings"

	"github.com/ducha-dev/ducha/internal/match"
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

// startSet is a set of characters, as ranges (match.RuneSet).
type startSet []rune // lo, hi pairs

func (s startSet) has(r rune) bool { return match.RuneSet(s).Has(r) }

// size is the number of characters in s.
func (s startSet) size() int { return match.RuneSet(s).Size() }

// fastPattern reports whether re can be searched for by the characters it
// starts with, as the placeholder check searches: it fails for a pattern
// that starts with ".", "[^…]", a class of more than 4096 characters
// (\p{Han}), or that can match the empty string.
func fastPattern(re *match.Regexp) error {
	_, _, err := anchorStart(re)
	return err
}

// anchorStart returns re anchored at the start of the text it is matched
// against, with the same capturing groups, and the characters a match can
// start with. It builds the anchored pattern from re's syntax tree, not by
// wrapping its source, which "\Q…" would swallow. The anchored pattern is
// compiled when first matched (match.Deferred: it is re's syntax, valid).
func anchorStart(re *match.Regexp) (*match.Regexp, startSet, error) {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, nil, err
	}
	var set startSet
	nullable, ok := firstChars(tree.Simplify(), &set)
	if !ok || nullable || set.size() > maxStart {
		return nil, nil, fmt.Errorf("模式 %q 不是以确定的字开头(如“X”“某”“〔”),不能以 .、[^…] 或过大的字符类开头", re.String())
	}
	return anchored(re, tree), set, nil
}

// anchored returns re anchored at the start of the text, compiled when
// first matched (match.Deferred: it is re's syntax, valid). tree is re's
// syntax, or nil to parse it if need be. Printing a syntax tree with a
// negated class ("[^)]{0,30}") folds case over all of Unicode and takes
// milliseconds, so the source is wrapped instead, unless "\Q" (which would
// swallow the wrapper) is in it.
func anchored(re *match.Regexp, tree *syntax.Regexp) *match.Regexp {
	if !strings.Contains(re.String(), `\Q`) {
		return match.Deferred("^(?:" + re.String() + ")")
	}
	if tree == nil {
		var err error
		if tree, err = syntax.Parse(re.String(), syntax.Perl); err != nil {
			return re // not reached: re compiles, or was checked when generated
		}
	}
	return match.Deferred((&syntax.Regexp{Op: syntax.OpConcat, Flags: syntax.Perl, Sub: []*syntax.Regexp{{Op: syntax.OpBeginText}, tree}}).String())
}

// firstChars adds to set the characters a match of re can start with, and
// reports whether re can match the empty string and whether the set is
// bounded (match.FirstChars).
func firstChars(re *syntax.Regexp, set *startSet) (nullable, ok bool) {
	return match.FirstChars(re, (*match.RuneSet)(set))
}

// runeBitmap is a set of characters for the scanning loop.
type runeBitmap = match.Bitmap
