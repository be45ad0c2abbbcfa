package checks

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/lint"
)

// A format "doc-number" block configures DocNumber (rule
// format/doc-number):
//
//	format "doc-number" {
//	  title    = "发文字号符合GB/T 9704"
//	  severity = "warning"             # 国发[2021]33号, 〔20〕, 第28号, 028号, no 号
//	  glued_severity = "warning"       # 厅字〔201928: characters lost in extraction
//	}
//
// What a document number is and how GB/T 9704-2012 7.2.5 writes one is
// fixed by the standard and implemented by the parser (document.DocNumber);
// the block sets how serious a departure is.
func init() {
	kind.Register(kind.Kind{
		Block: "format", Label: "doc-number", Rule: "format/doc-number", Severity: lint.Warning,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "glued_severity"}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			return &DocNumber{Rule: rule, Glued: d.Severity("glued_severity", lint.Warning)}
		},
	})
}

// DocNumber checks the document numbers (发文字号) a report cites against
// GB/T 9704-2012 7.2.5: the year in full and in 六角括号, the sequence number
// without 第 and without leading zeros, followed by 号. The parser finds
// them (Document.DocNumbers); numbers whose closing bracket was lost in
// extraction ("厅字〔201928") are among Document.Glued.
//
// It reports
//
//	《关于…的意见》(国发[2021]33号)        ← 应为“国发〔2021〕33号”
//
// and "(2020)", "【2020】", "〔20〕", "〔2019〕第28号", "〔2019〕028号",
// "〔2019〕28" and "厅字〔201928"; it passes "厅字〔2019〕28号".
type DocNumber struct {
	Rule *lint.Rule
	// Glued is the severity of a number that lost characters in
	// extraction; the rule's own severity is that of a malformed one.
	Glued lint.Severity
}

func (c *DocNumber) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *DocNumber) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	for _, n := range doc.DocNumbers {
		p := n.Problems()
		if len(p) == 0 {
			continue
		}
		msg := "发文字号“" + doc.Slice(n.Range) + "”不符合GB/T 9704:" + strings.Join(p, ";")
		want := n.Correct()
		if want == "" {
			pass.Report(c.Rule, c.Rule.Severity, n.Range, msg+"。")
			continue
		}
		pass.Report(c.Rule, c.Rule.Severity, n.Range, msg+",应为“"+want+"”。", lint.WithFix(n.Range, want))
	}
	for _, g := range doc.Glued {
		if g.Kind != dates.DocNumberGlue {
			continue
		}
		lost := "“〕”和“号”"
		if strings.HasSuffix(g.Text, "号") {
			lost = "“〕”"
		}
		r := lint.Range{Start: g.Start, End: g.End}
		pass.Report(c.Rule, c.Glued, r, fmt.Sprintf("发文字号“%s”残缺:年份与发文顺序号连在一起,缺少%s,应为“%s”。", g.Text, lost, g.Guess), lint.WithFix(r, g.Guess))
	}
	return nil
}
