package checks

import (
	"fmt"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// title blocks configure the title checks; the label picks which:
//
//	title "missing" {                 # title/missing: TitleMissing
//	  title    = "报告有标题并写明法治政府建设"
//	  severity = "error"
//	  subject  = ["法治政府建设", "依法行政"]   # the title must match one
//	}
//
//	title "year" {                    # title/year: TitleYear
//	  title    = "标题年度与正文所报告的年度一致"
//	  severity = "error"                # the years differ
//	  undated_severity = "warning"      # the title names no year
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "title", Label: "missing", Rule: "title/missing", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "subject"}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			d.Require("subject")
			return &TitleMissing{Rule: rule, Subject: d.Patterns("subject")}
		},
	})
	kind.Register(kind.Kind{
		Block: "title", Label: "year", Rule: "title/year", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "undated_severity"}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			return &TitleYear{Rule: rule, Undated: d.Severity("undated_severity", lint.Warning)}
		},
	})
}

// TitleMissing checks that the report has a title and that the title says
// what the report is.
//
// It reports a report that opens straight with "2020年,锡林郭勒盟认真贯彻…"
// (no title) and one titled "2023年政府工作报告" (not a report on building a
// rule-of-law government), and passes
//
//	大兴区安定镇2020年度法治政府建设年度情况报告
type TitleMissing struct {
	Rule *lint.Rule
	// Subject matches what the title must name ("法治政府建设").
	Subject []*document.Pattern

	once    sync.Once
	subject match.Set
}

func (c *TitleMissing) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *TitleMissing) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	if doc.Title == nil {
		pass.Report(c.Rule, c.Rule.Severity, doc.Top(), "报告没有标题:应在正文前写明标题,如“××区人民政府关于2023年度法治政府建设情况的报告”。")
		return nil
	}
	c.once.Do(func() { c.subject = match.NewSet(c.Subject) })
	if c.subject.Match(doc.Title.Text) {
		pass.Evidence(c.Rule, doc.Title.Range)
		return nil
	}
	pass.Reportf(c.Rule, c.Rule.Severity, doc.Title.Range, "标题“%s”没有写明是法治政府建设年度报告;应写明,如“××区人民政府关于2023年度法治政府建设情况的报告”。", doc.Title.Text)
	return nil
}

// TitleYear checks that the title names the year reported on and that it is
// the year the body reports on.
//
// It reports "关于2021年度法治政府建设情况的报告" over a body that opens
// "2020年,我区…", and a title with no year ("法治政府建设情况报告", with
// severity Undated); it passes "2020年度…报告" over "2020年,我区…".
type TitleYear struct {
	Rule *lint.Rule
	// Undated is the severity when the title names no year.
	Undated lint.Severity
}

func (c *TitleYear) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *TitleYear) Run(pass *lint.Pass) error {
	doc := pass.Doc
	if doc.Title == nil {
		pass.NotApplicable(c.Rule, "报告没有标题")
		return nil
	}
	if doc.TitleYear == 0 {
		pass.Report(c.Rule, c.Undated, doc.Title.Range, "标题没有写明年度:应写明所报告的年度,如“2023年度”。")
		return nil
	}
	body, from := c.bodyYear(doc)
	if body == 0 || body == doc.TitleYear {
		pass.Evidence(c.Rule, doc.Title.Range)
		return nil
	}
	r := doc.Title.Range
	if y, yr, ok := doc.YearIn(doc.Title.Range); ok && y == doc.TitleYear {
		r = yr
	}
	pass.Report(c.Rule, c.Rule.Severity, r, fmt.Sprintf("标题写的是%d年,%s是%d年;标题应写所报告的年度。", doc.TitleYear, from, body))
	return nil
}

// bodyYear is the year the body reports on: the caller's, else the opening
// paragraph's, else the first top-level heading's ("一、2022年法治政府建设
// 重要工作").
func (c *TitleYear) bodyYear(doc *document.Document) (int, string) {
	if doc.YearFrom == "caller" {
		return doc.Year, "指定的报告年度"
	}
	if doc.OpeningYear != 0 {
		return doc.OpeningYear, "正文开头所述年度"
	}
	for _, h := range doc.Outline {
		if h.Level != 1 {
			continue
		}
		if y, _, ok := doc.YearIn(h.Range); ok {
			return y, fmt.Sprintf("“%s”所述年度", h.Label())
		}
		break
	}
	return 0, ""
}
