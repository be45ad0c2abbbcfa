package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/lint"
)

// A text "brackets" block configures Brackets (rule text/brackets):
//
//	text "brackets" {
//	  title    = "成对的符号配对完整"
//	  severity = "warning"
//	  pairs    = ["《》", "()", "“”"]   # opening and closing mark
//	}
//
// The pairs are folded as the text is, so "（）" is "()".
func init() {
	kind.Register(kind.Kind{
		Block: "text", Label: "brackets", Rule: "text/brackets", Severity: lint.Warning,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "pairs", Required: true}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			pairs := d.Strings("pairs")
			for i, p := range pairs {
				pairs[i], _ = norm.String(p)
			}
			c, err := NewBrackets(rule, pairs)
			if err != nil {
				d.Errorf("pairs", "Invalid pairs", "%v。", err)
				return nil
			}
			return c
		},
	})
}

// Brackets checks that paired marks (《》 () 〔〕 【】 “” ‘’) are balanced
// within a paragraph: a title without its 《, a year range opened with (
// and closed with 》, a quotation never closed are mistakes a reader sees
// at once.
//
// It reports
//
//	认真落实……工作要点》                ← 》 without 《
//	《法治政府建设实施纲要(2021—2025年》   ← ( closed by 》
//	“十三五规划的要求                     ← “ never closed
//
// and passes nested pairs (《关于<…>的决定》: marks not in Pairs, such as
// <>, are not looked at), and what other rules report or lists use:
//
//	)强化行政执法监督       ← a heading whose number was lost
//	                          (structure/numbering reports it)
//	1)落实……  一)……         ← a list item numbered with a closing mark
//
// A paragraph is a line of the report's text; a body line that does not
// end a sentence (no 。;:!? at its end) runs on into the next body line,
// as text extracted from a PDF does.
type Brackets struct {
	Rule *lint.Rule
	// Pairs are the opening and closing marks, each pair two characters
	// ("《》"), as they read in the normalised view (full-width "（）" is
	// "()").
	Pairs []string

	closer map[rune]rune // opening mark → closing mark
	opener map[rune]rune // closing mark → opening mark
	marks  runeBitmap
	// lead says which bytes start the encoding of a mark: the scan steps
	// over a character whose first byte starts none (most Chinese
	// characters, E4–E9) by that byte alone.
	lead  [256]bool
	leads []byte // the bytes of lead, for leadScan
}

// leadScan finds the next byte of a few in a text, each by
// strings.IndexByte (which looks at many bytes at a time): the scan of a
// line for brackets jumps from one possible mark to the next.
type leadScan struct {
	s     string
	leads []byte
	next  [6]int // per lead byte: its next offset, len(s) when none
}

func (sc *leadScan) start(s string, i int, leads []byte) {
	sc.s, sc.leads = s, leads
	for k, b := range leads {
		sc.next[k] = sc.find(i, b)
	}
}

func (sc *leadScan) find(i int, b byte) int {
	if k := strings.IndexByte(sc.s[i:], b); k >= 0 {
		return i + k
	}
	return len(sc.s)
}

// from returns the offset of the first lead byte at or after i.
func (sc *leadScan) from(i int) int {
	best := len(sc.s)
	for k, b := range sc.leads {
		if sc.next[k] < i {
			sc.next[k] = sc.find(i, b)
		}
		best = min(best, sc.next[k])
	}
	return best
}

// utf8Width is the length of the encoding a byte starts (1 for a byte that
// starts none).
var utf8Width = func() (w [256]uint8) {
	for b := range w {
		switch {
		case b >= 0xF0 && b < 0xF8:
			w[b] = 4
		case b >= 0xE0:
			w[b] = 3
		case b >= 0xC0:
			w[b] = 2
		default:
			w[b] = 1
		}
	}
	return w
}()

// NewBrackets builds the check; each pair must be two different characters.
func NewBrackets(rule *lint.Rule, pairs []string) (*Brackets, error) {
	c := &Brackets{Rule: rule, Pairs: pairs, closer: map[rune]rune{}, opener: map[rune]rune{}}
	for _, p := range pairs {
		r := []rune(p)
		if len(r) != 2 || r[0] == r[1] {
			return nil, fmt.Errorf("成对符号 %q 应是两个不同的字符:左符号和右符号,如 \"《》\"", p)
		}
		c.closer[r[0]] = r[1]
		c.opener[r[1]] = r[0]
		c.marks.Add([]rune{r[0], r[0], r[1], r[1]})
		for _, m := range r {
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], m)
			if !c.lead[buf[0]] {
				c.lead[buf[0]] = true
				c.leads = append(c.leads, buf[0])
			}
		}
	}
	return c, nil
}

func (c *Brackets) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

// openMark is a mark awaiting its partner.
type openMark struct {
	r    rune
	at   lint.Range
	line int
}

func (c *Brackets) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	var open []openMark
	var cur docCursor
	runOn := false // the previous line runs on into this one
	for _, l := range doc.Lines {
		if !l.Kind.IsText() {
			continue
		}
		if !runOn || l.Kind != document.BodyLine {
			c.unclosed(pass, open)
			open = open[:0]
		}
		open = c.line(pass, l, open, &cur)
		text := doc.Slice(l.Range)
		last, _ := utf8.DecodeLastRuneInString(text)
		runOn = l.Kind == document.BodyLine && !strings.ContainsRune("。;:!?…", last) && !c.isCloser(last)
	}
	c.unclosed(pass, open)
	return nil
}

func (c *Brackets) isCloser(r rune) bool { _, ok := c.opener[r]; return ok }

// line reads the marks of one line onto open and returns it.
func (c *Brackets) line(pass *lint.Pass, l document.Line, open []openMark, cur *docCursor) []openMark {
	doc := pass.Doc
	s := doc.Norm[:l.End]
	var sc leadScan
	if len(c.leads) <= len(sc.next) {
		sc.start(s, l.Start, c.leads)
	}
	for i := l.Start; i < l.End; {
		if len(c.leads) <= len(sc.next) {
			if i = sc.from(i); i >= l.End {
				break
			}
		} else if !c.lead[s[i]] {
			i += int(utf8Width[s[i]])
			continue
		}
		var r rune
		w := 1
		switch b := s[i]; {
		case b < utf8.RuneSelf:
			r = rune(b)
		case b >= 0xE0 && b < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, w = rune(b&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !c.marks.Has(r) {
			i += w
			continue
		}
		at := lint.Range{Start: i, End: i + w}
		i += w
		if (r == '〔' || r == '〕' || r == '[' || r == ']' || r == '(' || r == ')' || r == '【' || r == '】') && cur.inDocNumber(doc, at.Start) {
			continue // format/doc-number reports its brackets
		}
		if _, ok := c.closer[r]; ok {
			open = append(open, openMark{r, at, l.Number})
			continue
		}
		o, ok := c.opener[r]
		if !ok {
			continue
		}
		if k := lastOpen(open, o); k >= 0 {
			// Marks opened after the partner and not closed are unmatched.
			c.unclosed(pass, open[k+1:])
			open = open[:k]
			continue
		}
		if len(open) == 0 && listNumber(s[l.Start:at.Start]) {
			continue
		}
		if n := len(open); n > 0 {
			// A mark closed with the wrong partner: "(2021—2025年》".
			top := open[n-1]
			pass.Report(c.Rule, c.Rule.Severity, at, fmt.Sprintf("%s与前面的%s不配对:%s应以%s结束,%s应以%s开始;请核对符号。",
				mark(r), mark(top.r), mark(top.r), mark(c.closer[top.r]), mark(r), mark(o)),
				lint.WithRelated(top.at, "与之不配对的"+mark(top.r)))
			open = open[:n-1]
			continue
		}
		pass.Reportf(c.Rule, c.Rule.Severity, at, "%s前面没有与之配对的%s;请补上%s或删去多余的%s。", mark(r), mark(o), mark(o), mark(r))
	}
	return open
}

// unclosed reports the marks of open that were never closed.
func (c *Brackets) unclosed(pass *lint.Pass, open []openMark) {
	for _, m := range open {
		pass.Reportf(c.Rule, c.Rule.Severity, m.at, "%s后面没有与之配对的%s;请补上%s或删去多余的%s。", mark(m.r), mark(c.closer[m.r]), mark(c.closer[m.r]), mark(m.r))
	}
}

// lastOpen returns the index of the innermost open mark r, or -1.
func lastOpen(open []openMark, r rune) int {
	for k := len(open) - 1; k >= 0; k-- {
		if open[k].r == r {
			return k
		}
	}
	return -1
}

// listNumber reports whether before, the start of a line up to a closing
// mark, is empty (a heading whose opening mark and number were lost,
// which structure/numbering reports) or a list number ("1", "一", "a").
func listNumber(before string) bool {
	before = strings.TrimSpace(before)
	if utf8.RuneCountInString(before) > 3 {
		return false
	}
	for _, r := range before {
		if !('0' <= r && r <= '9' || 'a' <= r|0x20 && r|0x20 <= 'z' || strings.ContainsRune("一二三四五六七八九十", r)) {
			return false
		}
	}
	return true
}

// docCursor walks the document numbers in text order, as the lines are.
type docCursor struct{ num, glued int }

// inDocNumber reports whether offset n, not before the last one asked
// about, is inside one of the report's document numbers ("国发〔2021〕33号",
// "厅字〔201928" which lost its 〕).
func (cur *docCursor) inDocNumber(doc *document.Document, n int) bool {
	ds := doc.DocNumbers
	for cur.num < len(ds) && ds[cur.num].Range.End <= n {
		cur.num++
	}
	if cur.num < len(ds) && ds[cur.num].Range.Start <= n {
		return true
	}
	gs := doc.Glued
	for cur.glued < len(gs) && gs[cur.glued].End <= n {
		cur.glued++
	}
	return cur.glued < len(gs) && gs[cur.glued].Kind == dates.DocNumberGlue && gs[cur.glued].Start <= n
}

// mark quotes a mark for a message: "“《”", and the quotation marks by
// name, which quoting would make unreadable.
func mark(r rune) string {
	switch r {
	case '“':
		return "左引号“"
	case '”':
		return "右引号”"
	case '‘':
		return "左单引号‘"
	case '’':
		return "右单引号’"
	}
	return "“" + string(r) + "”"
}
