// Package match runs rule-pack regexps over many short texts (headings,
// sentences, the labels of quantities) without running most of them: when
// a check first uses a regexp, its syntax tree yields the literals one of
// which every match must contain ("成功" for "(调解|化解)成功"), and a text
// that contains none of them (told first by a 64-bit mask of its
// characters, then by strings.Contains) cannot match. A regexp that is
// nothing but a few literals ("调解|纠纷", "(参学|通过)率$") is matched by
// the literals alone. A pattern with no such literal (".+率") always runs.
//
// The patterns are Regexps, compiled only when one must run: most never
// are. The built-in rules' literals are worked out when the program is
// generated (Prefilters), so their patterns are not even parsed.
package match

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// RuneMask is a 64-bit signature of the characters of s: one bit per
// character, chosen by a hash. If s contains t, RuneMask(s) has every bit
// of RuneMask(t); so a text whose mask lacks a bit of a word's mask cannot
// contain the word.
func RuneMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && (c != 0xE0 || s[i+1] >= 0xA0) && (c != 0xED || s[i+1] < 0xA0):
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		m |= runeBit(r)
	}
	return m
}

func runeBit(r rune) uint64 { return 1 << (uint32(r) * 0x9E3779B1 >> 26) }

// A Set is a list of patterns; it matches a text when one of them does.
type Set []Pattern

// A Pattern is a regexp with the literals that prefilter it.
type Pattern struct {
	// Re is the regexp, compiled when the prefilter first lets a text
	// through (an exact pattern is never compiled).
	Re   *Regexp
	lits []string // nil: no prefilter
	// masks are the RuneMask of each of lits: a text whose mask lacks
	// a bit of one cannot contain that literal.
	masks []uint64
	// exact says lits are all the pattern matches ("调解|纠纷",
	// "调(解|处)", "(参学|通过)率$"): containing one of them (at the start
	// or end when anchored) is matching, and the regexp need not run.
	exact  bool
	anchor anchor
	// more are further literal sets, from the other parts of a pattern
	// that is a sequence ("(受理|调解).{0,8}(纠纷|案件)$"): a match contains
	// one literal of each. ends are the literals one of which a match
	// anchored at the text's end (or start) ends (or starts) with.
	more []litSet
	ends litSet
}

// A litSet is a set of literals with their RuneMasks.
type litSet struct {
	lits  []string
	masks []uint64
	// at says where a literal must be: anywhere, atStart or atEnd.
	at anchor
}

func newLitSet(lits []string, at anchor) litSet {
	ls := litSet{lits: lits, at: at}
	for _, l := range lits {
		ls.masks = append(ls.masks, RuneMask(l))
	}
	return ls
}

// has reports whether s (whose RuneMask is mask) has one of the literals
// where they must be.
func (ls *litSet) has(s string, mask uint64) bool {
	for i, l := range ls.lits {
		if ls.masks[i]&mask != ls.masks[i] {
			continue
		}
		var ok bool
		switch ls.at {
		case atStart:
			ok = strings.HasPrefix(s, l)
		case atEnd:
			ok = strings.HasSuffix(s, l)
		default:
			ok = utf8x.Contains(s, l)
		}
		if ok {
			return true
		}
	}
	return false
}

// anchor says where an exact pattern's literals must be.
type anchor uint8

const (
	anywhere anchor = iota
	atStart         // ^…
	atEnd           // …$
	whole           // ^…$
)

// NewSet analyses the regexps for matching.
func NewSet(res []*Regexp) Set {
	m := make(Set, 0, len(res))
	for _, re := range res {
		m = append(m, New(re))
	}
	return m
}

// New analyses re for matching, from its syntax: it does not compile re.
func New(re *Regexp) Pattern {
	p := Pattern{Re: re}
	if lits, anc, ok := plainLiterals(re.String()); ok {
		p.lits, p.exact, p.anchor = lits, true, anc
		for _, l := range lits {
			p.masks = append(p.masks, RuneMask(l))
		}
		return p
	}
	if f := re.prefilters.lookup(re.src); f != nil {
		return f.pattern(re)
	}
	return analyse(re)
}

// plainLiterals returns what a pattern of plain characters matches, read
// without parsing it (New would parse it for the same): a literal
// ("不足"), anchored at the start, the end or both ("^下步", "率$"), or
// literals in an alternation ("调解|纠纷"). More than half of the built-in
// rules' patterns are such, and parsing them all was most of the first
// check's analysis.
func plainLiterals(src string) (lits []string, anc anchor, ok bool) {
	s := src
	if strings.HasPrefix(s, "^") {
		s, anc = s[1:], atStart
	}
	if strings.HasSuffix(s, "$") {
		s = s[:len(s)-1]
		if anc == atStart {
			anc = whole
		} else {
			anc = atEnd
		}
	}
	if s == "" || strings.ContainsAny(s, `\.+*?()[]{}^$`) || !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return nil, anywhere, false
	}
	if !strings.Contains(s, "|") {
		return []string{s}, anc, true
	}
	if anc != anywhere { // "^a|b" is (^a)|b
		return nil, anywhere, false
	}
	lits = strings.Split(s, "|")
	if len(lits) > maxLits*4 || slices.Contains(lits, "") {
		return nil, anywhere, false
	}
	return lits, anywhere, true
}

// analyse analyses re from its syntax tree.
func analyse(re *Regexp) Pattern {
	p := Pattern{Re: re}
	if t, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		t = t.Simplify()
		body, anc := unanchor(t)
		if all, ok := expand(body); ok && len(all) > 0 && (anc != anywhere || !hasEmpty(all)) {
			p.lits, p.exact, p.anchor = all, true, anc
		} else {
			p.lits = required(t)
			p.more, p.ends = parts(body, anc, p.lits)
		}
		for _, l := range p.lits {
			p.masks = append(p.masks, RuneMask(l))
		}
	}
	if p.hasReplacementChar() {
		// the regexp matches U+FFFD on any invalid byte, which holds
		// none of the literal's bytes: no literal can prefilter it
		return Pattern{Re: re}
	}
	return p
}

// hasReplacementChar reports whether one of p's literals holds U+FFFD.
func (p *Pattern) hasReplacementChar() bool {
	sets := append([][]string{p.lits, p.ends.lits}, nil)
	for _, m := range p.more {
		sets = append(sets, m.lits)
	}
	for _, set := range sets {
		for _, l := range set {
			if strings.ContainsRune(l, utf8.RuneError) {
				return true
			}
		}
	}
	return false
}

// parts returns the literal sets of the parts of body, a sequence, other
// than first (which required chose), and the literals a match anchored at
// an end of the text (anc) starts or ends with.
func parts(body *syntax.Regexp, anc anchor, first []string) (more []litSet, ends litSet) {
	if body.Op != syntax.OpConcat || len(body.Sub) < 2 {
		return nil, litSet{}
	}
	for _, sub := range body.Sub {
		if l := required(sub); l != nil && !slices.Equal(l, first) && !hasEmpty(l) {
			more = append(more, newLitSet(l, anywhere))
		}
	}
	edge := body.Sub[len(body.Sub)-1]
	at := atEnd
	if anc == atStart {
		edge, at = body.Sub[0], atStart
	}
	if anc != anywhere {
		if l, ok := expand(edge); ok && len(l) > 0 && !hasEmpty(l) {
			ends = newLitSet(l, at)
		}
	}
	return more, ends
}

// Match reports whether one of the patterns matches s (never the empty s).
func (m Set) Match(s string) bool { return m.MatchMask(s, ^uint64(0)) }

// MatchMask is Match for an s whose RuneMask is mask (or a superset of it:
// ^uint64(0) when it is not known).
func (m Set) MatchMask(s string, mask uint64) bool {
	if s == "" {
		return false
	}
	for i := range m {
		if m[i].MatchMask(s, mask) {
			return true
		}
	}
	return false
}

// MatchMask reports whether p.Re matches s, whose RuneMask is mask (or a
// superset of it).
func (p *Pattern) MatchMask(s string, mask uint64) bool {
	if p.exact && s != "" {
		return p.matchExact(s, mask)
	}
	return p.May(s, mask) && p.Re.MatchString(s)
}

// FindIndex returns where the leftmost match of p.Re in s is, as
// regexp.Regexp.FindStringIndex does, or nil; s's RuneMask is mask (or a
// superset of it). A pattern that is one literal ("不足", "^下步") is found
// without running, or compiling, its regexp; any other runs only where
// May lets it.
func (p *Pattern) FindIndex(s string, mask uint64) []int {
	if p.exact && len(p.lits) == 1 && p.lits[0] != "" && s != "" {
		l := p.lits[0]
		if p.masks[0]&mask != p.masks[0] {
			return nil
		}
		switch p.anchor {
		case atStart:
			if strings.HasPrefix(s, l) {
				return []int{0, len(l)}
			}
		case atEnd:
			if strings.HasSuffix(s, l) {
				return []int{len(s) - len(l), len(s)}
			}
		case whole:
			if s == l {
				return []int{0, len(s)}
			}
		default:
			if i := utf8x.Index(s, l); i >= 0 {
				return []int{i, i + len(l)}
			}
		}
		return nil
	}
	if !p.May(s, mask) {
		return nil
	}
	return p.Re.FindStringIndex(s)
}

// Literals returns the literals one of which every match of p.Re
// contains, or nil when there are none to go by. They must not be
// modified.
func (p *Pattern) Literals() []string { return p.lits }

// May reports whether p.Re may match s, whose RuneMask is mask (or a
// superset of it): false when s lacks every literal a match must contain.
func (p *Pattern) May(s string, mask uint64) bool {
	if p.lits != nil && !p.containsAny(s, mask) {
		return false
	}
	for i := range p.more {
		if !p.more[i].has(s, mask) {
			return false
		}
	}
	return p.ends.lits == nil || p.ends.has(s, mask)
}

func (p *Pattern) matchExact(s string, mask uint64) bool {
	for i, l := range p.lits {
		if p.masks[i]&mask != p.masks[i] {
			continue
		}
		var ok bool
		switch p.anchor {
		case atStart:
			ok = strings.HasPrefix(s, l)
		case atEnd:
			ok = strings.HasSuffix(s, l)
		case whole:
			ok = s == l
		default:
			ok = utf8x.Contains(s, l)
		}
		if ok {
			return true
		}
	}
	return false
}

// unanchor splits off a leading ^ and a trailing $ (as the text's start and
// end: the patterns are not multi-line).
func unanchor(t *syntax.Regexp) (*syntax.Regexp, anchor) {
	if t.Op != syntax.OpConcat || len(t.Sub) == 0 {
		return t, anywhere
	}
	subs := t.Sub
	a := anywhere
	if subs[0].Op == syntax.OpBeginText {
		subs, a = subs[1:], atStart
	}
	if n := len(subs); n > 0 && subs[n-1].Op == syntax.OpEndText {
		subs = subs[:n-1]
		if a == atStart {
			a = whole
		} else {
			a = atEnd
		}
	}
	if a == anywhere {
		return t, a
	}
	return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs}, a
}

func hasEmpty(ls []string) bool {
	for _, l := range ls {
		if l == "" {
			return true
		}
	}
	return false
}

func (p *Pattern) containsAny(s string, mask uint64) bool {
	for i, l := range p.lits {
		if p.masks[i]&mask == p.masks[i] && utf8x.Contains(s, l) {
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

// expand returns every string t matches, when t is built of literals,
// small classes, alternations and concatenations only and they are few.
func expand(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 || len(t.Rune) == 0 {
			return nil, false
		}
		return []string{string(t.Rune)}, true
	case syntax.OpCharClass:
		l := required(t)
		return l, l != nil
	case syntax.OpCapture:
		return expand(t.Sub[0])
	case syntax.OpQuest:
		l, ok := expand(t.Sub[0])
		return append([]string{""}, l...), ok
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			l, ok := expand(s)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, len(out) <= maxLits*4
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range t.Sub {
			l, ok := expand(s)
			if !ok || len(out)*len(l) > maxLits*4 {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(l))
			for _, a := range out {
				for _, b := range l {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
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
