package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/lint"
)

// year blocks configure the checks on the years a report names:
//
//	year "next-year" {                # year/next-year
//	  title    = "下一年度安排写的是下一年"
//	  severity = "error"
//	  part     = "next-year"          # the part block of the plan (default)
//	}
//
//	year "heading" {                  # year/heading
//	  title     = "报告所写年份与报告年度一致"
//	  severity  = "warning"
//	  parts     = ["achievements", "deficiencies"]  # headings that must name the report year
//	  citations = ["《[^》]{0,40}?(\\d{4})年度?法治政府建设[^》]{0,20}报告》"]
//	  review_verbs = ["审议|通过|报送"] # a citation after these is last year's report
//	  plans     = ["(\\d{4})年度?(工作)?(方案|计划)"]  # in the title
//	}
var yearKinds = map[string]*hcl.BodySchema{
	"next-year": {Attributes: []hcl.AttributeSchema{{Name: "part"}}},
	"heading": {Attributes: []hcl.AttributeSchema{
		{Name: "parts"}, {Name: "citations"}, {Name: "review_verbs"}, {Name: "plans"},
	}},
}

func decodeYear(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd := kindBody(b, yearKinds, diags)
	if bd == nil {
		return
	}
	if b.Labels[0] == "heading" {
		rule := bd.rule("year/heading", lint.Warning)
		c := &checks.YearHeading{
			Rule:        rule,
			Parts:       bd.names("parts"),
			Citations:   bd.patterns("citations"),
			ReviewVerbs: bd.patterns("review_verbs"),
			Plans:       bd.patterns("plans"),
		}
		for _, name := range []string{"citations", "plans"} {
			for _, re := range bd.patterns(name) {
				if re.NumSubexp() < 1 {
					bd.errorf(bd.attrs[name].Expr.Range(), "Pattern without a year group", "%s 的模式 %q 应以第一个括号组捕获年份,如 \"(\\\\d{4})年\"。", name, re)
				}
			}
		}
		if s.add(rule, bd, diags, c) {
			s.refs = append(s.refs, bd.refs...)
		}
		return
	}
	rule := bd.rule("year/"+b.Labels[0], lint.Error)
	c := &checks.NextYear{Rule: rule, Part: bd.partName("part", "next-year")}
	if s.add(rule, bd, diags, c) {
		s.refs = append(s.refs, bd.refs...)
	}
}
