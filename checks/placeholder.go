package checks

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// A text "placeholder" block configures Placeholder (rule text/placeholder):
//
//	text "placeholder" {
//	  title    = "没有未替换的模板内容"
//	  severity = "error"
//	  patterns = ["[Xx×]{2,}", "([Xx×])(?:次|个)"] # reported wherever they match;
//	                                    # a capturing group marks what to report
//	  unquoted = ["某某"]               # reported only outside quotation marks
//	  quotes   = ["“”", "‘’", "「」"]    # opening and closing marks
//	  surnames = "王李张刘陈"            # 王某某 after these is a name, not a blank
//	}
//
// Each pattern must start with a definite character or a small class of
// them ("X", "[Xx×]", "某", "〔"), not with ".", "[^…]" or \p{Han}: the check
// looks for those characters and tries the pattern only there, which keeps
// it fast on long reports.
func init() {
	kind.Register(kind.Kind{
		Block: "text", Label: "placeholder", Rule: "text/placeholder", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{
			{Name: "patterns"}, {Name: "unquoted"}, {Name: "inside"}, {Name: "quotes"}, {Name: "surnames"},
		}},
		Decode: decodePlaceholder,
	})
}

func decodePlaceholder(d kind.Decoder, rule *lint.Rule) lint.Check {
	if !d.Has("patterns") && !d.Has("unquoted") {
		d.Errorf("patterns", "Missing required argument", "%s %q 缺少必需的属性 %s。", "text", "placeholder", "patterns")
	}
	var pats [3][]*match.Regexp
	for i, name := range []string{"patterns", "unquoted", "inside"} {
		for _, re := range d.Patterns(name) {
			if !re.IsDeferred() {
				if err := fastPattern(re); err != nil {
					d.Errorf(name, "Pattern cannot be searched fast", "%v;请以要找的字开头,如 \"X次\" 而不是 \".?X次\"。", err)
					continue
				}
			}
			pats[i] = append(pats[i], re)
		}
	}
	var quotes []string
	for _, q := range d.Strings("quotes") {
		if utf8.RuneCountInString(q) == 2 {
			quotes = append(quotes, q)
		} else {
			d.Errorf("quotes", "Invalid quotation marks", "quotes 的每一项应是一对引号:左引号和右引号,如 \"“”\",不能是 %q。", q)
		}
	}
	surnames, _ := d.String("surnames")
	c, err := NewPlaceholder(rule, pats[0], pats[1], quotes, surnames)
	if err == nil {
		err = c.AddInside(pats[2])
	}
	if err != nil {
		d.Errorf("", "Invalid placeholder rule", "%v", err)
		return nil
	}
	return c
}

// Placeholder checks that no template leftovers remain in the report:
// "XX", "××", "XXXX年", "召开会议X次", "*次", "某某", an empty "〔〕",
// "[填写…]", "(此处…)", "____". A report must not go out with them.
//
// It reports
//
//	全年召开会议X次,××镇率先完成…
//
// and passes
//
//	对“某某说了算”的现象开展专项整治        ← 某某 in quotation marks
//	依法查处王某某非法占地案                ← an anonymised name
//	开展“3+X”常态化执法监督                ← no placeholder
//
// The rule pack gives the patterns. Those in Anywhere are reported wherever
// they match; those in Unquoted only outside quotation marks (a quoted
// "某某" is a saying, not a blank). A pattern with a capturing group reports
// what the group matched: "([Xx×])(?:次|个)" reports the X of "召开会议X次". Nothing is reported right after one of
// the Surnames (张某某, 王×× are anonymised names), nor a match that starts
// or ends inside a Latin word ("XXL").
//
// Each pattern must start with a bounded set of characters (see
// NewPlaceholder): the check scans the text once for them and tries the
// patterns, anchored, only there.
type Placeholder struct {
	Rule *lint.Rule

	srcs     []placeholderPattern // as given, re not yet anchored
	quotes   [][2]rune
	surnames string

	once  sync.Once
	pats  []placeholderPattern
	first runeBitmap // every pattern's first characters
	marks runeBitmap // first and the quotation marks: where the scan stops
	// plain says which ASCII characters are no mark.
	plain [utf8.RuneSelf]bool
	open  map[rune]rune
}

type placeholderPattern struct {
	re     *match.Regexp // anchored
	starts startSet
	quoted bool // reported inside quotation marks too
	inside bool // reported only right after a Han character (inside a word)
}

// NewPlaceholder builds the check. quotes lists the quotation marks, each
// an opening and a closing character ("“”", "「」", or "\"\"" for a mark
// that both opens and closes); surnames lists the characters after which a
// placeholder-like string is an anonymised name. It fails when a pattern
// does not start with a bounded set of characters ("X", "[Xx×]", "某",
// "〔"): one that starts with ".", "[^…]" or \p{Han} could start anywhere.
// The patterns are analysed, and their anchored forms made, when the check
// first runs (a deferred pattern is not checked here: see
// match.Regexp.IsDeferred).
func NewPlaceholder(rule *lint.Rule, anywhere, unquoted []*document.Pattern, quotes []string, surnames string) (*Placeholder, error) {
	c := &Placeholder{Rule: rule, surnames: surnames}
	for i, list := range [][]*match.Regexp{anywhere, unquoted} {
		if err := c.add(list, i == 0, false); err != nil {
			return nil, err
		}
	}
	for _, q := range quotes {
		r := []rune(q)
		if len(r) != 2 {
			return nil, fmt.Errorf("引号 %q 应是一对字符:左引号和右引号,如 \"“”\"", q)
		}
		c.quotes = append(c.quotes, [2]rune{r[0], r[1]})
	}
	return c, nil
}

// AddInside adds patterns reported only inside a word, right after a Han
// character: "(\\*)\\p{Han}" reports the * of "法治*建设" but not of
// "*注", "(_)\\p{Han}" a one-character blank "法治_建设". They are reported
// inside quotation marks too. Each must start as NewPlaceholder requires.
func (c *Placeholder) AddInside(res []*document.Pattern) error {
	return c.add(res, true, true)
}

func (c *Placeholder) add(res []*match.Regexp, quoted, inside bool) error {
	for _, re := range res {
		if !re.IsDeferred() {
			if err := fastPattern(re); err != nil {
				return err
			}
		}
		c.srcs = append(c.srcs, placeholderPattern{re: re, quoted: quoted, inside: inside})
	}
	return nil
}

// build anchors the patterns and makes the scan's tables.
func (c *Placeholder) build() {
	c.open = map[rune]rune{}
	for _, p := range c.srcs {
		anchored, set, err := anchorStart(p.re)
		if err != nil {
			continue // a deferred pattern was checked when it was generated
		}
		p.re, p.starts = anchored, set
		c.pats = append(c.pats, p)
		c.first.Add(match.RuneSet(set))
		c.marks.Add(match.RuneSet(set))
	}
	for _, q := range c.quotes {
		c.open[q[0]] = q[1]
		c.marks.Add(match.RuneSet{q[0], q[0], q[1], q[1]})
	}
	for b := range c.plain {
		c.plain[b] = !c.marks.Has(rune(b))
	}
}

func (c *Placeholder) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *Placeholder) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	c.once.Do(c.build)
	doc := pass.Doc
	for _, l := range doc.Lines {
		if l.Kind.IsText() {
			c.line(pass, l.Range)
		}
	}
	return nil
}

// line scans one line, tracking the quotation marks it is inside.
func (c *Placeholder) line(pass *lint.Pass, lr lint.Range) {
	s := pass.Doc.Norm[:lr.End]
	var closers []rune // the closing marks awaited, innermost last
	prev := -1         // where the character before i starts, -1 at the line's start
	skip := 0          // end of the last match: no new match starts before it
	plain := &c.plain
	for i := lr.Start; i < lr.End; {
		// Most of the text is stepped over without decoding: an ASCII
		// character that is no mark, and a character of three bytes
		// among 64 with no mark (its first two bytes say which 64:
		// they hold its value >> 6).
		if b := s[i]; b < utf8.RuneSelf {
			if plain[b] {
				prev = i
				i++
				continue
			}
		} else if b >= 0xE0 && b < 0xF0 && i+2 < len(s) {
			if b1 := s[i+1]; b1&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && c.marks.NoneIn64(int(b&0x0F)<<6|int(b1&0x3F)) {
				prev = i
				i += 3
				continue
			}
		}
		r, w := runeAt(s, i)
		if c.marks.Has(r) {
			if i >= skip && c.first.Has(r) {
				p := rune(0)
				if prev >= 0 {
					p, _ = runeAt(s, prev)
				}
				if m, end, ok := c.match(s, i, r, p, len(closers) > 0); ok {
					c.report(pass, lr, m)
					skip = end
				}
			}
			switch {
			case len(closers) > 0 && r == closers[len(closers)-1]:
				closers = closers[:len(closers)-1]
			case c.open[r] != 0:
				closers = append(closers, c.open[r])
			}
		}
		prev = i
		i += w
	}
}

// runeAt decodes the character at s[i] as the line scan reads it: a
// three-byte sequence inline (its continuation bytes checked, not its
// value), anything else with utf8.DecodeRuneInString.
func runeAt(s string, i int) (rune, int) {
	r := rune(s[i])
	switch {
	case r < utf8.RuneSelf:
		return r, 1
	case r >= 0xE0 && r < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// match tries the patterns that can start with r at s[i:]. For the first
// that matches and may be reported there it returns what to report (the
// first capturing group when the pattern has one, else the match) and where
// the match ends.
func (c *Placeholder) match(s string, i int, r, prev rune, quoted bool) (lint.Range, int, bool) {
	if strings.ContainsRune(c.surnames, prev) || isLatin(r) && isLatin(prev) {
		return lint.Range{}, 0, false
	}
	for _, p := range c.pats {
		if quoted && !p.quoted || !p.starts.has(r) || p.inside && !unicode.Is(unicode.Han, prev) {
			continue
		}
		loc := p.re.FindStringSubmatchIndex(s[i:])
		if loc == nil || loc[1] == 0 {
			continue
		}
		end := i + loc[1]
		last, _ := utf8.DecodeLastRuneInString(s[i:end])
		if next, _ := utf8.DecodeRuneInString(s[end:]); isLatin(last) && isLatin(next) {
			continue
		}
		m := lint.Range{Start: i, End: end}
		if len(loc) >= 4 && loc[3] > loc[2] {
			m = lint.Range{Start: i + loc[2], End: i + loc[3]}
		}
		return m, end, true
	}
	return lint.Range{}, 0, false
}

func (c *Placeholder) report(pass *lint.Pass, line, r lint.Range) {
	doc := pass.Doc
	pass.Reportf(c.Rule, c.Rule.Severity, r, "“%s”中的“%s”是模板占位符,尚未替换;报告公开前应填写实际内容或删去。",
		around(doc, line, r, 8), doc.Slice(r))
}

// around returns r with up to n characters on each side, within line and
// within its clause (not across 。,;:).
func around(doc *document.Document, line, r lint.Range, n int) string {
	s := doc.Norm
	a := r.Start
	for k := 0; k < n && a > line.Start; k++ {
		c, w := utf8.DecodeLastRuneInString(s[line.Start:a])
		if strings.ContainsRune("。,;:!?", c) {
			break
		}
		a -= w
	}
	b := r.End
	for k := 0; k < n && b < line.End; k++ {
		c, w := utf8.DecodeRuneInString(s[b:line.End])
		if strings.ContainsRune("。,;:!?", c) {
			break
		}
		b += w
	}
	return s[a:b]
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && 'a' <= r|0x20 && r|0x20 <= 'z' }
