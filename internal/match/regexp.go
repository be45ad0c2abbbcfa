package match

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// A Regexp is a rule pack's regular expression, compiled when it is first
// matched rather than when the rules load. The built-in rules have some
// 240 patterns, and compiling them all cost more than the rest of loading;
// a report needs few of them, since the prefilter (New) rules most texts
// out from the pattern's syntax alone.
//
// A Regexp is safe for concurrent use: the first goroutine to match it
// compiles it, the others wait.
type Regexp struct {
	src      string
	deferred bool
	// prefilters may hold src's prefilter, made when the program was
	// generated (DeferredIn).
	prefilters *Prefilters
	once       sync.Once
	re         *regexp.Regexp
	compiled   atomic.Bool
}

// Compile compiles src now, as regexp.Compile does: a rule pack's
// patterns are compiled, and diagnosed, when the pack loads.
func Compile(src string) (*Regexp, error) {
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	return FromRegexp(re), nil
}

// MustCompile is Compile that panics on a bad pattern, for patterns
// written in Go.
func MustCompile(src string) *Regexp { return FromRegexp(regexp.MustCompile(src)) }

// FromRegexp wraps a compiled regexp.
func FromRegexp(re *regexp.Regexp) *Regexp {
	r := &Regexp{src: re.String(), re: re}
	r.once.Do(func() {})
	r.compiled.Store(true)
	return r
}

// Deferred returns src to be compiled when it is first matched. src must
// have been validated already: the built-in rules compiled into the
// program were loaded from their HCL, every pattern compiled and
// diagnosed, when they were generated and by the tests that compare them.
// A src that does not compile panics when it is first matched.
func Deferred(src string) *Regexp { return &Regexp{src: src, deferred: true} }

// IsDeferred reports whether r was made by Deferred: its source was
// checked before, and a kind need not check it again at load (that would
// compile it).
func (r *Regexp) IsDeferred() bool { return r.deferred }

// Compiled reports whether r has been compiled (by Compile, or by a first
// match).
func (r *Regexp) Compiled() bool { return r.compiled.Load() }

// Regexp returns the compiled regexp, compiling it on first use.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.once.Do(func() {
		r.re = r.compile()
		r.compiled.Store(true)
	})
	return r.re
}

func (r *Regexp) compile() *regexp.Regexp {
	re, err := regexp.Compile(r.src)
	if err != nil {
		panic(fmt.Sprintf("match: deferred pattern %q does not compile: %v", r.src, err))
	}
	return re
}

// String returns the source, as regexp.Regexp.String does.
func (r *Regexp) String() string { return r.src }

// MatchString reports whether s contains a match.
func (r *Regexp) MatchString(s string) bool { return r.Regexp().MatchString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.Regexp().FindStringIndex(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.Regexp().FindStringSubmatchIndex(s)
}

// NumSubexp is regexp.Regexp.NumSubexp.
func (r *Regexp) NumSubexp() int { return r.Regexp().NumSubexp() }

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}

// LiteralPrefix returns a string every match of r starts with, and
// whether it is the whole of every match. Once r is compiled they are
// regexp.Regexp.LiteralPrefix's; before, they are read from r's syntax,
// which does not compile r (the leading literals, through groups), and
// the prefix may differ from LiteralPrefix's where both are true
// prefixes. Only when the syntax gives none is r compiled to ask.
func (r *Regexp) LiteralPrefix() (prefix string, complete bool) {
	if !r.Compiled() {
		if t, err := syntax.Parse(r.src, syntax.Perl); err == nil {
			var sb strings.Builder
			if complete := syntaxPrefix(t, &sb); sb.Len() > 0 {
				return sb.String(), complete
			}
		}
	}
	return r.Regexp().LiteralPrefix()
}

// syntaxPrefix writes to sb the literal every match of t starts with and
// reports whether it is all t matches (so what follows t goes on it).
func syntaxPrefix(t *syntax.Regexp, sb *strings.Builder) (complete bool) {
	switch t.Op {
	case syntax.OpEmptyMatch:
		return true
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return false
		}
		for _, c := range t.Rune {
			if c == utf8.RuneError { // matches any invalid byte too
				return false
			}
			sb.WriteRune(c)
		}
		return true
	case syntax.OpCapture:
		return syntaxPrefix(t.Sub[0], sb)
	case syntax.OpConcat:
		for _, sub := range t.Sub {
			if !syntaxPrefix(sub, sb) {
				return false
			}
		}
		return true
	}
	return false
}
