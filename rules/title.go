package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/lint"
)

// title blocks configure the title checks; the label picks which:
//
//	title "missing" {                 # title/missing
//	  title    = "报告有标题并写明法治政府建设"
//	  severity = "error"
//	  subject  = ["法治政府建设", "依法行政"]   # the title must match one
//	}
//
//	title "year" {                    # title/year
//	  title    = "标题年度与正文所报告的年度一致"
//	  severity = "error"                # the years differ
//	  undated_severity = "warning"      # the title names no year
//	}
var titleKinds = map[string]*hcl.BodySchema{
	"missing": {Attributes: []hcl.AttributeSchema{{Name: "subject"}}},
	"year":    {Attributes: []hcl.AttributeSchema{{Name: "undated_severity"}}},
}

func decodeTitle(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	name := b.Labels[0]
	schema, ok := titleKinds[name]
	if !ok {
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError, Summary: "Unknown title rule",
			Detail:  `title 块的标签应为 "missing"(title/missing)或 "year"(title/year),不能是 "` + name + `"。`,
			Subject: b.LabelRanges[0].Ptr(),
		})
		return
	}
	bd, _ := content(b, schema, diags)
	rule := bd.rule("title/"+name, lint.Error)
	bd.required("title")
	switch name {
	case "missing":
		bd.required("subject")
		s.add(rule, bd, diags, &checks.TitleMissing{Rule: rule, Subject: bd.patterns("subject")})
	case "year":
		s.add(rule, bd, diags, &checks.TitleYear{Rule: rule, Undated: bd.severity("undated_severity", lint.Warning)})
	}
}
