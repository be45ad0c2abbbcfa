package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/condition"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/lint"
)

// term and watermark blocks list strings the report must not carry, each
// in a block of its own:
//
//	text "term" {                       # text/term (or text/watermark)
//	  title    = "规范表述写法正确"
//	  severity = "warning"
//	  message  = "“${found}”应为“${correct}”。"  # optional; also ${term}, ${note}
//	  term "中央全面依法治国委员会" {
//	    correct  = "中央全面依法治国委员会"   # named in the message; optional
//	    wrong    = ["中央依法治国委员会"]     # matched literally
//	    patterns = ["纲要\\(\\d{8}年\\)"]    # regexps that start with a literal
//	    allow    = ["中央全面依法治国委员会"] # right forms around a wrong one
//	    note     = "…"                       # added to the message
//	  }
//	}
//
// The wrong forms and pattern prefixes of every term and watermark block go
// into one matcher built when the rules load: the first block's Term (NewTerm)
// is shared with the others (Add) through the loader's store, so a report is
// scanned once for all of them.
func init() {
	for _, k := range []struct {
		label string
		def   lint.Severity
	}{{"term", lint.Warning}, {"watermark", lint.Error}} {
		kind.Register(kind.Kind{
			Block: "text", Label: k.label, Rule: "text/" + k.label, Severity: k.def,
			Schema: hcl.BodySchema{
				Attributes: []hcl.AttributeSchema{{Name: "message"}},
				Blocks:     []hcl.BlockHeaderSchema{{Type: "term", LabelNames: []string{"name"}}},
			},
			Decode: decodeTerm,
		})
	}
}

var termEntrySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "correct"}, {Name: "wrong"}, {Name: "patterns"}, {Name: "allow"}, {Name: "note"},
}}

// sharedTerm is the key of the one Term in the loader's store.
const sharedTerm = "checks.Term"

func decodeTerm(d kind.Decoder, rule *lint.Rule) lint.Check {
	b := d.Block()
	blocks := d.Blocks()
	if len(blocks) == 0 {
		d.ErrorAt(b.DefRange, "Missing term blocks", "text %q 至少要有一个 term 块,列出要找的写法。", b.Labels[0])
	}
	var terms []TermEntry
	for _, tb := range blocks {
		td := d.Sub(tb, termEntrySchema)
		correct, _ := td.String("correct")
		note, _ := td.String("note")
		t := TermEntry{
			Name:     tb.Labels[0],
			Correct:  normStr(correct),
			Wrong:    normList(td.Strings("wrong")),
			Patterns: td.Patterns("patterns"),
			Allow:    normList(td.Strings("allow")),
			Note:     note,
		}
		if len(t.Wrong) == 0 && len(t.Patterns) == 0 {
			td.ErrorAt(tb.DefRange, "Missing wrong forms", "term %q 应列出错误写法:wrong(字面)或 patterns(正则表达式)。", t.Name)
			continue
		}
		for _, re := range t.Patterns {
			if re.IsDeferred() {
				continue // the built-in rules' were checked when generated
			}
			if p, _ := re.LiteralPrefix(); p == "" {
				td.Errorf("patterns", "Pattern without a literal start", "模式 %q 应以确定的文字开头(如 \"纲要\\\\(\"),不能以 \\d、. 或字符类开头:检查按开头的文字查找。", re)
			}
		}
		terms = append(terms, t)
	}
	msg := d.Template("message", termVars)
	if d.HasErrors() {
		return nil // this block's mistakes are diagnosed; other files' are not its
	}
	shared := d.Shared()
	if c, ok := shared[sharedTerm].(*Term); ok {
		if err := c.Add(rule, terms, msg); err != nil {
			d.ErrorAt(b.DefRange, "Invalid term rule", "%v", err)
			return nil
		}
		return kind.NoCheck
	}
	c, err := NewTerm(rule, terms, msg)
	if err != nil {
		d.ErrorAt(b.DefRange, "Invalid term rule", "%v", err)
		return nil
	}
	shared[sharedTerm] = c
	return c
}

// normList folds each string the way the text is folded, so that a rule
// file's full-width "（" matches the text's "(".
func normList(ss []string) []string {
	for i, v := range ss {
		ss[i] = normStr(v)
	}
	return ss
}

func normStr(s string) string { v, _ := norm.String(s); return v }

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
// Matching is literal: every wrong form and the literal prefix of every
// pattern go into one matcher (termMatcher), built when the rules load;
// the text is scanned once for all of them, and a pattern is tried,
// anchored, only where its prefix is. The allowed forms are looked for
// only around a wrong form found. One Term reports under several rules
// (NewTerm, then Add): the built-in text/term and text/watermark share it,
// so the report is scanned once for both.
type Term struct {
	rules    []*lint.Rule
	messages []hcl.Expression // per rule
	terms    []TermEntry
	m        *termMatcher
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
	Patterns []*document.Pattern
	// Allow are forms that contain a wrong one and are right
	// ("中央全面依法治国委员会" around "全面依法治国委员会"): a wrong form
	// inside one of them is not reported. Correct is always allowed.
	Allow []string
	// Note is added to the message ("只有(2015—2020年)和(2021—2025年)两版").
	Note string

	rule    int      // index in Term.rules
	allowed []string // Correct and Allow
}

// termVars are the variables a Term message template may use.
var termVars = []string{"found", "correct", "term", "note"}

// maxTermRules bounds the rules one Term check reports under (a bit each
// in Run).
const maxTermRules = 64

// NewTerm builds the check and its matcher for one rule; Add adds more
// rules to the same matcher. message is a template over termVars, nil for
// the default wording. It fails when an entry has no wrong form or a
// pattern does not start with a literal.
func NewTerm(rule *lint.Rule, terms []TermEntry, message hcl.Expression) (*Term, error) {
	c := &Term{m: &termMatcher{}}
	if err := c.Add(rule, terms, message); err != nil {
		return nil, err
	}
	return c, nil
}

// Add adds a rule and its entries to the check: text/term and
// text/watermark share one matcher, so the text is scanned once for both.
// It is called while the rules load, never once the check runs.
func (c *Term) Add(rule *lint.Rule, terms []TermEntry, message hcl.Expression) error {
	if len(c.rules) == maxTermRules {
		return fmt.Errorf("同一检查最多容纳 %d 条规则", maxTermRules)
	}
	var lits []termLit
	for i, t := range terms {
		e := len(c.terms) + i
		if len(t.Wrong) == 0 && len(t.Patterns) == 0 {
			return fmt.Errorf("%q 没有列出错误写法(wrong 或 patterns)", t.Name)
		}
		for _, w := range t.Wrong {
			if w == "" {
				return fmt.Errorf("%q 的错误写法不能是空字符串", t.Name)
			}
			lits = append(lits, termLit{lit: w, entry: e})
		}
		for _, re := range t.Patterns {
			prefix, _ := re.LiteralPrefix()
			if prefix == "" {
				return fmt.Errorf("%q 的模式 %q 应以确定的文字开头(如 \"纲要\\\\(\"),不能以 \\d、. 或字符类开头", t.Name, re)
			}
			// a pattern with a literal prefix starts with a definite
			// character, which is all anchorStart would check
			lits = append(lits, termLit{lit: prefix, entry: e, re: anchored(re, nil)})
		}
	}
	for _, l := range lits {
		if err := c.m.add(l); err != nil {
			return err
		}
	}
	for _, t := range terms {
		t.rule = len(c.rules)
		t.allowed = slices.DeleteFunc(append([]string{t.Correct}, t.Allow...), func(a string) bool { return a == "" })
		c.terms = append(c.terms, t)
	}
	c.rules = append(c.rules, rule)
	c.messages = append(c.messages, message)
	return nil
}

func (c *Term) Rules() []*lint.Rule { return c.rules }

func (c *Term) Run(pass *lint.Pass) error {
	var applies uint64 // a bit per rule
	for k, r := range c.rules {
		if pass.Applies(r) {
			applies |= 1 << k
		}
	}
	if applies == 0 {
		return nil
	}
	doc := pass.Doc
	var hits []termHit
	for _, l := range doc.Lines {
		if !l.Kind.IsText() {
			continue
		}
		hits = c.m.line(doc.Norm, l.Range, hits[:0])
		for _, h := range resolve(hits) {
			if applies&(1<<c.terms[h.entry].rule) != 0 && !c.allowed(doc.Norm, l.Range, h) {
				c.report(pass, h)
			}
		}
	}
	return nil
}

// allowed reports whether the wrong form h lies inside one of its entry's
// allowed forms on the line lr of s: "全面依法治国委员会" inside
// "中央全面依法治国委员会".
func (c *Term) allowed(s string, lr lint.Range, h termHit) bool {
	for _, a := range c.terms[h.entry].allowed {
		lo, hi := max(lr.Start, h.r.End-len(a)), min(lr.End, h.r.Start+len(a))
		if lo >= hi {
			continue
		}
		for off := lo; off < hi; {
			k := strings.Index(s[off:hi], a)
			if k < 0 {
				break
			}
			if at := off + k; at <= h.r.Start && h.r.End <= at+len(a) {
				return true
			}
			off += k + 1
		}
	}
	return false
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
	rule := c.rules[t.rule]
	msg := condition.Message(c.messages[t.rule], def, map[string]cty.Value{
		"found":   cty.StringVal(found),
		"correct": cty.StringVal(t.Correct),
		"term":    cty.StringVal(t.Name),
		"note":    cty.StringVal(t.Note),
	})
	var opts []lint.ReportOption
	if r, text, ok := termFix(doc.Norm, h.r, t); ok {
		opts = append(opts, lint.WithFix(r, text))
	}
	pass.Report(rule, rule.Severity, h.r, msg, opts...)
}

// termFix returns the correction of the wrong form found at r of s: an
// entry with no right form (a watermark) is deleted; a literal wrong form
// that ends like the right one ("中央依法治国委员会", "党政主要责任人") is
// replaced by it; one that lacks the right form's last words
// ("推进法治政府建设第一责任人" for "…第一责任人职责") is replaced together
// with those words when the text goes on with them. A pattern's match (the
// 纲要 of a year that has none) and any other wrong form get no fix: the
// check cannot tell what was meant.
func termFix(s string, r lint.Range, t TermEntry) (lint.Range, string, bool) {
	found := s[r.Start:r.End]
	if t.Correct == "" {
		return r, "", true
	}
	if !slices.Contains(t.Wrong, found) {
		return r, "", false
	}
	last, _ := utf8.DecodeLastRuneInString(found)
	if c, _ := utf8.DecodeLastRuneInString(t.Correct); c == last {
		return r, t.Correct, true
	}
	// the shortest tail of Correct after the last rune found ends with
	for i := len(t.Correct); i > 0; {
		c, w := utf8.DecodeLastRuneInString(t.Correct[:i])
		i -= w
		if c == last {
			tail := t.Correct[i+w:]
			if strings.HasPrefix(s[r.End:], tail) {
				return lint.Range{Start: r.Start, End: r.End + len(tail)}, t.Correct, true
			}
			break
		}
	}
	return r, "", false
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
	// A first character r below U+10000 maps to 1 + its list in lits
	// through two tables, not a map (they are read at every candidate):
	// blockOf[r>>6] is 1 + the index in blocks of r's block of 64
	// characters, which maps r&63 (a table of all 65,536 characters
	// was most of what the check allocated when the rules load). Other
	// first characters are in far.
	blockOf [1 << 10]uint8
	blocks  [][64]uint8
	lits    [][]termLit
	far     map[rune][]termLit
}

// index returns 1 + the list in lits of r, below U+10000, or 0.
func (m *termMatcher) index(r rune) uint8 {
	if b := m.blockOf[r>>6]; b != 0 {
		return m.blocks[b-1][r&63]
	}
	return 0
}

// setIndex sets index(r) to k; there are at most 255 first characters
// below U+10000 (add), so at most 255 blocks.
func (m *termMatcher) setIndex(r rune, k uint8) {
	if m.blockOf[r>>6] == 0 {
		m.blocks = append(m.blocks, [64]uint8{})
		m.blockOf[r>>6] = uint8(len(m.blocks))
	}
	m.blocks[m.blockOf[r>>6]-1][r&63] = k
}

// termLit is one literal the matcher looks for.
type termLit struct {
	lit   string
	entry int
	re    *match.Regexp // the pattern to try where lit is its prefix; nil for a literal
}

// termHit is a literal or pattern found.
type termHit struct {
	r     lint.Range
	entry int
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
	case m.index(r) != 0:
		k := m.index(r) - 1
		m.lits[k] = append(m.lits[k], l)
	case len(m.lits) == 255:
		return fmt.Errorf("要找的写法以 %d 个以上不同的字开头,超出上限 255;请分成几条规则", len(m.lits))
	default:
		m.lits = append(m.lits, []termLit{l})
		m.setIndex(r, uint8(len(m.lits)))
	}
	return nil
}

// starting returns the literals that start with r.
func (m *termMatcher) starting(r rune) []termLit {
	if r < 1<<16 {
		if k := m.index(r); k != 0 {
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
		// Most characters start nothing: an ASCII one, or one of three
		// bytes (Chinese), is told by the bitmap without a call.
		var r rune
		w := 1
		switch b := s[i]; {
		case b < utf8.RuneSelf:
			r = rune(b)
		case b >= 0xE0 && b < 0xF0 && i+2 < end:
			// The first two bytes of a three-byte character say which
			// block of 64 it is in; most blocks hold no first character.
			b1, b2 := s[i+1], s[i+2]
			if b1&0xC0 != 0x80 || b2&0xC0 != 0x80 {
				r, w = utf8.DecodeRuneInString(s[i:end])
				break
			}
			if m.first.NoneIn64(int(b&0x0F)<<6 | int(b1&0x3F)) {
				i += 3
				continue
			}
			r, w = rune(b&0x0F)<<12|rune(b1&0x3F)<<6|rune(b2&0x3F), 3
		default:
			r, w = utf8.DecodeRuneInString(s[i:end])
		}
		if !m.first.Has(r) {
			i += w
			continue
		}
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
			hits = append(hits, termHit{r: lint.Range{Start: i, End: i + n}, entry: l.entry})
		}
		i += w
	}
	return hits
}

// resolve returns the hits to report: of overlapping ones the first and
// longest. hits are in order of start.
func resolve(hits []termHit) []termHit {
	out := hits[:0:0]
	for _, h := range hits {
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
