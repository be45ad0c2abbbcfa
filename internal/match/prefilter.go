package match

import (
	"slices"
	"strings"
)

// A Prefilter is what New reads from a pattern's syntax: the literals
// that prefilter it. The built-in rules' are written into the program
// when it is generated (Prefilters), so that their patterns are not
// parsed when the checks first use them, which was a fifth of loading
// the rules and checking a first report.
type Prefilter struct {
	// Src is the pattern.
	Src string
	// Lits, Exact and Anchor are Pattern's lits, exact and anchor; More
	// and Ends its more and ends, EndsAt where ends must be. A pattern
	// with none of them always runs.
	Lits   []string
	Exact  bool
	Anchor uint8
	More   [][]string
	Ends   []string
	EndsAt uint8
}

// Prefilters is a table of Prefilter sorted by Src.
type Prefilters []Prefilter

// IsPlain reports whether New reads src without parsing it (a literal or
// an alternation of literals): a table of Prefilters need not hold it.
func IsPlain(src string) bool {
	_, _, ok := plainLiterals(src)
	return ok
}

// Analyse returns the prefilter New gives src.
func Analyse(src string) Prefilter {
	p := analyse(Deferred(src))
	f := Prefilter{Src: src, Lits: p.lits, Exact: p.exact, Anchor: uint8(p.anchor), Ends: p.ends.lits, EndsAt: uint8(p.ends.at)}
	for _, m := range p.more {
		f.More = append(f.More, m.lits)
	}
	return f
}

// lookup returns the prefilter of src, or nil.
func (t *Prefilters) lookup(src string) *Prefilter {
	if t == nil {
		return nil
	}
	i, ok := slices.BinarySearchFunc(*t, src, func(p Prefilter, s string) int { return strings.Compare(p.Src, s) })
	if !ok {
		return nil
	}
	return &(*t)[i]
}

// pattern builds re's Pattern from f.
func (f *Prefilter) pattern(re *Regexp) Pattern {
	p := Pattern{Re: re}
	p.lits, p.exact, p.anchor = f.Lits, f.Exact, anchor(f.Anchor)
	for _, l := range p.lits {
		p.masks = append(p.masks, RuneMask(l))
	}
	for _, m := range f.More {
		p.more = append(p.more, newLitSet(m, anywhere))
	}
	if f.Ends != nil {
		p.ends = newLitSet(f.Ends, anchor(f.EndsAt))
	}
	return p
}

// DeferredIn is Deferred for a pattern whose prefilter t may hold.
func DeferredIn(src string, t *Prefilters) *Regexp {
	return &Regexp{src: src, deferred: true, prefilters: t}
}
