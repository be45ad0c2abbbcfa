package checks

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/lint"
)

// Term checks that the report writes official formulas and names as they
// are ("推进法治建设第一责任人职责", "中央全面依法治国委员会",
// "《法治政府建设实施纲要(2021—2025年)》"), and, configured with other
// strings, that it carries none that do not belong in it (text/watermark:
// the site names and notes of 范文 sites a text was copied from).
//
// For text/term it reports
//
//	履行推进法治政府建设第一责任人职责       ← 推进法治建设第一责任人职责
//	中央依法治国委员会                      ← 中央全面依法治国委员会
//	《法治政府建设实施纲要(2022—2025年)》    ← no such edition
//
// and passes the right forms, and a wrong form inside an allowed one:
// "全面依法治国委员会" is wrong alone, right inside "中央全面依法治国委员会".
//
// Matching is literal: every wrong form, every allowed form and the
// literal prefix of every pattern go into one matcher (termMatcher),
// built when the rules load; the text is scanned once for all of them,
// and a pattern is tried, anchored, only where its prefix is.
type Term struct {
	Rule *lint.Rule
	// Message is a template over found, correct, term and note; nil for
	// the default wording.
	Message hcl.Expression
	// Lines are the kinds of line searched: the report's own text
	// (lint.LineKind.IsText) when nil.
	Lines []lint.LineKind

	terms []TermEntry
	m     *termMatcher
}

// A TermEntry is one formula or name and the ways it is written wrongly.
type TermEntry struct {
	// Name labels the entry (the HCL block's label).
	Name string
	// Correct is the right form, named in the message; may be empty (a
	// watermark has no right form).
	Correct string
	// Wrong are wrong forms, matched literally.
	Wrong []string
	// Patterns are wrong forms as regexps; each must start with a literal
	// of at least one character ("纲要\\(", not "\\d").
	Patterns []*regexp.Regexp
	// Allow are forms that contain a wrong one and are right
	// ("中央全面依法治国委员会" around "全面依法治国委员会"): a wrong form
	// inside one of them is not reported. Correct is always allowed.
	Allow []string
	// Note is added to the message ("只有(2015—2020年)和(2021—2025年)两版").
	Note string
}

// TermVars are the variables a Term message template may use.
var TermVars = []string{"found", "correct", "term", "note"}

// NewTerm builds the check and its matcher. It fails when an entry has
// no wrong form or a pattern does not start with a literal.
func NewTerm(rule *lint.Rule, terms []TermEntry, message hcl.Expression) (*Term, error) {
	m := &termMatcher{}
	for i, t := range terms {
		if len(t.Wrong) == 0 && len(t.Patterns) == 0 {
			return nil, fmt.Errorf("%q 没有列出错误写法(wrong 或 patterns)", t.Name)
		}
		for _, w := range t.Wrong {
			if w == "" {
				return nil, fmt.Errorf("%q 的错误写法不能是空字符串", t.Name)
			}
			if err := m.add(termLit{lit: w, entry: i}); err != nil {
				return nil, err
			}
		}
		for _, re := range t.Patterns {
			prefix, _ := re.LiteralPrefix()
			if prefix == "" {
				return nil, fmt.Errorf("%q 的模式 %q 应以确定的文字开头(如 \"纲要\\\\(\"),不能以 \\d、. 或字符类开头", t.Name, re)
			}
			anchored, _, err := anchorStart(re)
			if err != nil {
				return nil, err
			}
			if err := m.add(termLit{lit: prefix, entry: i, re: anchored}); err != nil {
				return nil, err
			}
		}
		for _, a := range append([]string{t.Correct}, t.Allow...) {
			if a != "" {
				if err := m.add(termLit{lit: a, entry: i, allow: true}); err != nil {
					return nil, err
				}
			}
		}
	}
	return &Term{Rule: rule, Message: message, terms: terms, m: m}, nil
}

func (c *Term) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *Term) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	var hits []termHit
	for _, l := range doc.Lines {
		if !c.searched(l.Kind) {
			continue
		}
		hits = c.m.line(doc.Norm, l.Range, hits[:0])
		for _, h := range c.m.resolve(hits) {
			c.report(pass, h)
		}
	}
	return nil
}

func (c *Term) searched(k lint.LineKind) bool {
	if c.Lines == nil {
		return k.IsText()
	}
	return slices.Contains(c.Lines, k)
}

func (c *Term) report(pass *lint.Pass, h termHit) {
	doc := pass.Doc
	t := c.terms[h.entry]
	found := doc.Slice(h.r)
	def := fmt.Sprintf("“%s”写法有误,应为“%s”。", found, t.Correct)
	if t.Correct == "" {
		def = fmt.Sprintf("“%s”不应出现在报告中。", found)
	}
	if t.Note != "" {
		def = strings.TrimSuffix(def, "。") + ";" + t.Note
	}
	msg := Message(c.Message, def, map[string]cty.Value{
		"found":   cty.StringVal(found),
		"correct": cty.StringVal(t.Correct),
		"term":    cty.StringVal(t.Name),
		"note":    cty.StringVal(t.Note),
	})
	pass.Report(c.Rule, c.Rule.Severity, h.r, msg)
}

// A termMatcher finds many literals in a text in one pass: the scan steps
// over every character that starts none of them (told by a bitmap of first
// characters, most often from the first two bytes alone) and, where one
// may start, compares the few literals that start with that character.
//
// It was measured against an Aho-Corasick automaton
// (github.com/coregx/ahocorasick v0.3.1) over the same literals on the
// 10 MB report: see BENCHMARKS.md. Both cost a pass over the text; this one
// works on the string itself, with no copy to []byte, and was faster.
type termMatcher struct {
	first runeBitmap
	// index maps a first character below U+10000 to 1 + its list in
	// lits (a table, not a map: it is read at every candidate); other
	// first characters are in far.
	index [1 << 16]uint8
	lits  [][]termLit
	far   map[rune][]termLit
}

// termLit is one literal the matcher looks for.
type termLit struct {
	lit   string
	entry int
	re    *regexp.Regexp // the pattern to try where lit is its prefix; nil for a literal
	allow bool           // an allowed form: a wrong one inside it is no finding
}

// termHit is a literal or pattern found.
type termHit struct {
	r     lint.Range
	entry int
	allow bool
}

func (m *termMatcher) add(l termLit) error {
	r, _ := utf8.DecodeRuneInString(l.lit)
	m.first.Add([]rune{r, r})
	switch {
	case r >= 1<<16:
		if m.far == nil {
			m.far = map[rune][]termLit{}
		}
		m.far[r] = append(m.far[r], l)
	case m.index[r] != 0:
		m.lits[m.index[r]-1] = append(m.lits[m.index[r]-1], l)
	case len(m.lits) == 255:
		return fmt.Errorf("要找的写法以 %d 个以上不同的字开头,超出上限 255;请分成几条规则", len(m.lits))
	default:
		m.lits = append(m.lits, []termLit{l})
		m.index[r] = uint8(len(m.lits))
	}
	return nil
}

// starting returns the literals that start with r.
func (m *termMatcher) starting(r rune) []termLit {
	if r < 1<<16 {
		if k := m.index[r]; k != 0 {
			return m.lits[k-1]
		}
		return nil
	}
	return m.far[r]
}

// line appends to hits every match in s[lr.Start:lr.End], in order of start.
func (m *termMatcher) line(s string, lr lint.Range, hits []termHit) []termHit {
	end := lr.End
	for i := lr.Start; i < end; {
		if b := s[i]; b < utf8.RuneSelf {
			if !m.first.Has(rune(b)) {
				i++
				continue
			}
		} else if b >= 0xE0 && b < 0xF0 && i+2 < end {
			if b1 := s[i+1]; b1&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && m.first.NoneIn64(int(b&0x0F)<<6|int(b1&0x3F)) {
				i += 3
				continue
			}
		}
		r, w := runeAt(s, i)
		if m.first.Has(r) {
			rest := s[i:end]
			for _, l := range m.starting(r) {
				if !strings.HasPrefix(rest, l.lit) {
					continue
				}
				n := len(l.lit)
				if l.re != nil {
					loc := l.re.FindStringIndex(rest)
					if loc == nil {
						continue
					}
					n = loc[1]
				}
				hits = append(hits, termHit{r: lint.Range{Start: i, End: i + n}, entry: l.entry, allow: l.allow})
			}
		}
		i += w
	}
	return hits
}

// resolve returns the wrong forms among hits to report: not inside an
// allowed form, and of overlapping ones the first and longest.
func (m *termMatcher) resolve(hits []termHit) []termHit {
	var out []termHit
	for _, h := range hits {
		if h.allow || slices.ContainsFunc(hits, func(a termHit) bool {
			return a.allow && a.r.Start <= h.r.Start && h.r.End <= a.r.End
		}) {
			continue
		}
		if n := len(out); n > 0 && h.r.Start < out[n-1].r.End {
			if h.r.Start == out[n-1].r.Start && h.r.End > out[n-1].r.End {
				out[n-1] = h
			}
			continue
		}
		out = append(out, h)
	}
	return out
}
