package checks

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A matcher runs a list of regexps over the short labels of quantities.
// The numeric checks test every label of a report against their patterns,
// so each pattern carries the literals one of which every match must
// contain ("成功" for "(调解|化解)成功"): a strings.Contains rules most labels
// out before the regexp runs. A pattern with no such literal (".+率") always
// runs.
type matcher []pattern

type pattern struct {
	re   *regexp.Regexp
	lits []string // nil: no prefilter
}

func newMatcher(res []*regexp.Regexp) matcher {
	m := make(matcher, 0, len(res))
	for _, re := range res {
		p := pattern{re: re}
		if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
			p.lits = required(t.Simplify())
		}
		m = append(m, p)
	}
	return m
}

// match reports whether one of the patterns matches s (never the empty s).
func (m matcher) match(s string) bool {
	if s == "" {
		return false
	}
	for _, p := range m {
		if p.lits != nil && !containsAny(s, p.lits) {
			continue
		}
		if p.re.MatchString(s) {
			return true
		}
	}
	return false
}

func containsAny(s string, lits []string) bool {
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// maxLits bounds the literal sets: a longer alternation is not worth
// prefiltering.
const maxLits = 16

// required returns literals one of which every match of t contains, or nil
// when there are none worth testing.
func required(t *syntax.Regexp) []string {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 || len(t.Rune) == 0 {
			return nil
		}
		return []string{string(t.Rune)}
	case syntax.OpCharClass:
		// a small class of single characters: "[他它]"
		var out []string
		for i := 0; i+1 < len(t.Rune); i += 2 {
			if t.Rune[i+1]-t.Rune[i] > maxLits {
				return nil
			}
			for r := t.Rune[i]; r <= t.Rune[i+1]; r++ {
				if !utf8.ValidRune(r) {
					return nil
				}
				out = append(out, string(r))
			}
			if len(out) > maxLits {
				return nil
			}
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return required(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return required(t.Sub[0])
		}
	case syntax.OpConcat:
		// Any one child's literals will do; take the most selective
		// (longest shortest literal).
		var best []string
		for _, s := range t.Sub {
			l := required(s)
			if l != nil && (best == nil || shortest(l) > shortest(best)) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			l := required(s)
			if l == nil {
				return nil
			}
			out = append(out, l...)
		}
		if len(out) > maxLits {
			return nil
		}
		return out
	}
	return nil
}

func shortest(ls []string) int {
	n := -1
	for _, l := range ls {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}
