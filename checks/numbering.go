package checks

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/zhnum"
	"github.com/ducha-dev/ducha/lint"
)

// A structure "numbering" block configures Numbering (rule
// structure/numbering):
//
//	structure "numbering" {
//	  title    = "标题和列举的编号连续"
//	  severity = "warning"             # gaps, repeats, numbers out of order
//	  broken_severity      = "warning" # a heading number that lost characters ("行首只剩“)”")
//	  restart_severity     = "warning" # numbering that starts again from one
//	  enumeration_severity = "warning" # 一是…二是…四是
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "structure", Label: "numbering", Rule: "structure/numbering", Severity: lint.Warning,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{
			{Name: "broken_severity"}, {Name: "restart_severity"}, {Name: "enumeration_severity"},
		}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			return &Numbering{
				Rule:        rule,
				Broken:      d.Severity("broken_severity", lint.Warning),
				Restart:     d.Severity("restart_severity", lint.Warning),
				Enumeration: d.Severity("enumeration_severity", lint.Warning),
			}
		},
	})
}

// Numbering checks the numbers of the outline and of the inline lists: per
// level and per parent heading, the headings run 一、二、三…, (一)(二)(三)…,
// 1. 2. 3.…, (1)(2)(3)…, and within a heading's text the items run
// 一是、二是、三是…. It reports gaps, repeats, numbers out of order, a
// top-level numbering that starts again from 一, and headings whose number
// lost characters in extraction (a line that starts with a stray ")").
// Numbering restarts under each parent, and skipping a level ("一、" then
// "1.") is fine (GB/T 9704).
//
// It reports
//
//	(一)健全依法决策机制
//	(二)规范行政执法
//	(四)加强普法宣传        ← (二)之后是(四),缺少(三)
//
// and "一是…二是…四是…", and passes (一)(二)(三) and, under each of
// 一、 and 二、, (一)(二).
//
// A list whose first item is not 一是 is not reported (its first item may
// not have been recognised: "主要做法一是…"), nor is a new list that starts
// again from 一是 in the same part (each paragraph may have its own list).
type Numbering struct {
	Rule *lint.Rule
	// Broken is the severity of a heading whose number lost characters,
	// Restart of a numbering that starts again from one, Enumeration of a
	// defect in an inline list. The rule's own severity is that of gaps,
	// repeats and numbers out of order among headings.
	Broken, Restart, Enumeration lint.Severity
}

func (c *Numbering) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

// sequence is the state of one run of sibling headings.
type sequence struct {
	last *document.Heading // the last heading with a number
	lost int               // headings since last whose number was lost
	// fixed is the number last should have had when it broke the sequence
	// (0 when it did not): the next heading may follow either, so that one
	// wrong number is reported once ("一、二、三、一、五、": 一 for 四).
	fixed int
}

func (c *Numbering) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	seqs := map[[2]int]*sequence{}
	for _, h := range doc.Outline {
		if h.Style == document.NoNumber {
			continue
		}
		key := [2]int{h.Parent, h.Level}
		sq := seqs[key]
		if sq == nil {
			sq = &sequence{}
			seqs[key] = sq
		}
		if h.Broken != "" {
			c.broken(pass, h, sq.last)
		}
		if h.Ordinal == 0 {
			sq.lost++
			continue
		}
		sq.fixed = c.step(pass, h, sq)
		sq.last, sq.lost = h, 0
	}
	c.enumerations(pass)
	return nil
}

// broken reports a heading whose number lost characters.
func (c *Numbering) broken(pass *lint.Pass, h, prev *document.Heading) {
	label := shorten(pass.Doc.Slice(h.Range), 20)
	if h.Ordinal > 0 {
		pass.Reportf(c.Rule, c.Broken, h.Range, "标题“%s”%s,应为“%s”。", label, h.Broken, number(h, h.Ordinal))
		return
	}
	hint := ""
	var opts []lint.ReportOption
	if prev != nil {
		hint = fmt.Sprintf("(前一个同级标题是“%s”)", number(prev, prev.Ordinal))
		opts = append(opts, previous(pass, prev))
	}
	pass.Report(c.Rule, c.Broken, h.Range, fmt.Sprintf("标题“%s”%s;应补全编号%s。", label, h.Broken, hint), opts...)
}

// step checks heading h, which has a number, against the run it belongs
// to. It returns the number h should have had when h breaks the sequence,
// else 0.
func (c *Numbering) step(pass *lint.Pass, h *document.Heading, sq *sequence) int {
	prev := sq.last
	want := 1
	if prev != nil {
		want = prev.Ordinal + 1
	}
	// headings that lost their number may stand for the ones in between
	if h.Ordinal >= want && h.Ordinal <= want+sq.lost || sq.fixed > 0 && h.Ordinal > sq.fixed && h.Ordinal <= sq.fixed+1+sq.lost {
		return 0
	}
	lost := ""
	if sq.lost > 0 {
		lost = fmt.Sprintf("(其间有%d个标题的编号残缺)", sq.lost)
	}
	switch {
	case prev == nil:
		parent := "第一个"
		if h.Parent >= 0 {
			parent = "“" + shorten(pass.Doc.Outline[h.Parent].Label(), 20) + "”下的第一个"
		}
		pass.Reportf(c.Rule, c.Rule.Severity, h.Range, "%s%s标题编号是“%s”,缺少%s%s;标题应从“%s”开始依次编号。",
			parent, levelName(h.Level), number(h, h.Ordinal), missing(h, 1, h.Ordinal-1), lost, number(h, 1))
	case h.Ordinal > want:
		pass.Report(c.Rule, c.Rule.Severity, h.Range, fmt.Sprintf("标题编号“%s”之后是“%s”,缺少%s%s;标题应依次编号。",
			number(prev, prev.Ordinal), number(h, h.Ordinal), missing(h, want, h.Ordinal-1), lost),
			previous(pass, prev))
	case h.Ordinal == prev.Ordinal:
		pass.Report(c.Rule, c.Rule.Severity, h.Range, fmt.Sprintf("标题编号“%s”重复:前一个同级标题也是“%s”;应依次编号为“%s”。",
			number(h, h.Ordinal), number(prev, prev.Ordinal), number(h, want)),
			previous(pass, prev))
	case h.Ordinal == 1 && h.Parent < 0:
		pass.Report(c.Rule, c.Restart, h.Range, fmt.Sprintf("最高一级标题重新从“%s”开始编号(前面已到“%s”);全文的%s标题应连续编号。",
			number(h, 1), number(prev, prev.Ordinal), levelName(h.Level)),
			previous(pass, prev))
	case h.Ordinal == 1:
		pass.Report(c.Rule, c.Restart, h.Range, fmt.Sprintf("同一标题下的%s标题重新从“%s”开始编号(前面已到“%s”);应连续编号,或检查是否漏了上一级标题。",
			levelName(h.Level), number(h, 1), number(prev, prev.Ordinal)),
			previous(pass, prev))
	default:
		pass.Report(c.Rule, c.Rule.Severity, h.Range, fmt.Sprintf("标题编号“%s”之后是“%s”,顺序颠倒;标题应依次编号。",
			number(prev, prev.Ordinal), number(h, h.Ordinal)),
			previous(pass, prev))
	}
	return want
}

// previous points at prev, the heading before one that breaks the
// numbering.
func previous(pass *lint.Pass, prev *document.Heading) lint.ReportOption {
	return lint.WithRelated(prev.Range, "前一个同级标题“"+shorten(pass.Doc.Slice(prev.Range), 20)+"”")
}

// enumerations checks the inline "一是…二是…" lists, per heading.
func (c *Numbering) enumerations(pass *lint.Pass) {
	last := map[int]int{} // heading index → index of its last item
	for i, e := range pass.Doc.Enumerations {
		k, seen := last[e.Heading]
		last[e.Heading] = i
		prev := pass.Doc.Enumerations[k]
		p := prev.Ordinal
		switch {
		case !seen || e.Ordinal == 1 || e.Ordinal == p+1:
		case e.Ordinal == p:
			pass.Report(c.Rule, c.Enumeration, e.Range, fmt.Sprintf("“%s是”重复:前一项也是“%s是”;应为“%s是”。", e.Number, e.Number, zhnum.Format(p+1)),
				lint.WithRelated(prev.Range, "前一项“"+prev.Number+"是”"))
		case e.Ordinal > p+1:
			gap := "“" + zhnum.Format(p+1) + "是”"
			if e.Ordinal-1 > p+1 {
				gap += "至“" + zhnum.Format(e.Ordinal-1) + "是”"
			}
			pass.Reportf(c.Rule, c.Enumeration, e.Range, "“%s是”之后是“%s是”,缺少%s;应依次列举。", zhnum.Format(p), e.Number, gap)
		default:
			pass.Reportf(c.Rule, c.Enumeration, e.Range, "“%s是”之后是“%s是”,顺序颠倒;应依次列举。", zhnum.Format(p), e.Number)
		}
	}
}

// number writes ordinal n in the numbering style of h: "(三)", "三、", "3.".
func number(h *document.Heading, n int) string {
	switch h.Style {
	case document.ChineseComma:
		return zhnum.Format(n) + "、"
	case document.ChineseParen:
		return "(" + zhnum.Format(n) + ")"
	case document.ArabicDot:
		return strconv.Itoa(n) + "."
	case document.ArabicComma:
		return strconv.Itoa(n) + "、"
	case document.ArabicParen:
		return "(" + strconv.Itoa(n) + ")"
	}
	return strconv.Itoa(n)
}

// missing writes the numbers from a to b in h's style: "“(三)”" or
// "“(三)”至“(七)”".
func missing(h *document.Heading, a, b int) string {
	if a >= b {
		return "“" + number(h, a) + "”"
	}
	return "“" + number(h, a) + "”至“" + number(h, b) + "”"
}

var levelNames = [...]string{"", "一级", "二级", "三级", "四级"}

func levelName(l int) string {
	if l > 0 && l < len(levelNames) {
		return levelNames[l]
	}
	return ""
}
