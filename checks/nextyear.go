package checks

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/lint"
)

// A year "next-year" block configures NextYear (rule year/next-year):
//
//	year "next-year" {
//	  title    = "下一年度安排写的是下一年"
//	  severity = "error"
//	  part     = "next-year"          # the part block of the plan (default)
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "year", Label: "next-year", Rule: "year/next-year", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "part"}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			return &NextYear{Rule: rule, Part: d.Part("part", "next-year")}
		},
	})
}

// NextYear checks that the part on next year's plan (第二十五条 (四)) is
// about next year: a year its heading names, or failing that the year its
// first sentence opens with, is the year after the one reported on. A plan
// that names another year is mostly last year's plan left in the report.
//
// For a report on 2022 it reports
//
//	三、2024年工作安排
//
// and passes "三、2023年法治政府建设工作打算", "三、下步工作打算" (no year) and
//
//	二、下一年度推进法治政府建设的主要安排
//	2023年,我区将…
//
// A heading that names several years passes when one of them is next year
// ("巩固2022年成果,谋划2023年工作"); when the title and the opening paragraph
// name different years, next year of either passes.
type NextYear struct {
	Rule *lint.Rule
	// Part names the document.PartSpec of the plan.
	Part string
}

func (c *NextYear) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

// yearAt is a year named in the text and where.
type yearAt struct {
	year int
	r    lint.Range
}

func (c *NextYear) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	m := pass.Parts.Get(c.Part)
	if m == nil {
		return fmt.Errorf("no part %q is declared", c.Part)
	}
	doc := pass.Doc
	switch {
	case doc.Year == 0:
		pass.NotApplicable(c.Rule, "报告年度不明")
		return nil
	case !m.Found():
		pass.NotApplicable(c.Rule, "报告没有单列下一年度安排部分")
		return nil
	}
	h := m.Headings[0]
	where := "下一年度安排“" + h.Label() + "”"
	years := yearsIn(doc, h.TextRange)
	if len(years) == 0 {
		s, ok := firstSentence(doc, h)
		if !ok {
			return nil
		}
		if y, r, ok := doc.YearIn(s); ok && r.Start == s.Start {
			years = append(years, yearAt{y, r})
			where = "下一年度安排的首句“" + shorten(doc.Slice(s), 30) + "”"
		}
	}
	want := doc.Year + 1
	lo, hi := yearBounds(doc)
	for _, y := range years {
		if y.year > lo && y.year <= hi+1 {
			pass.Evidence(c.Rule, y.r)
			return nil
		}
	}
	if len(years) > 0 {
		report := fmt.Sprintf("本报告是%d年度报告", doc.Year)
		if doc.YearFrom == "date" {
			report = fmt.Sprintf("本报告未写明年度,按报告日期推断为%d年度报告", doc.Year)
		}
		pass.Reportf(c.Rule, c.Rule.Severity, years[0].r, "%s写的是%d年,%s,下一年度应为%d年;请核对年份。",
			where, years[0].year, report, want)
	}
	return nil
}

// yearsIn returns the years r names ("2024年", "二〇二四年度"), in order,
// without dates and periods (see Document.YearIn).
func yearsIn(doc *document.Document, r lint.Range) []yearAt {
	var out []yearAt
	for r.Len() > 0 {
		y, yr, ok := doc.YearIn(r)
		if !ok {
			break
		}
		out = append(out, yearAt{y, yr})
		r.Start = yr.End
	}
	return out
}

// firstSentence returns the first sentence of h's text.
func firstSentence(doc *document.Document, h *document.Heading) (lint.Range, bool) {
	ss := doc.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].Start >= h.Body.Start })
	if i == len(ss) || ss[i].Start >= h.Body.End {
		return lint.Range{}, false
	}
	return ss[i], true
}
