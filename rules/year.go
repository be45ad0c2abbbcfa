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
// year "heading" is a kind of its own (checks/yearheading.go).
var yearKinds = map[string]*hcl.BodySchema{
	"next-year": {Attributes: []hcl.AttributeSchema{{Name: "part"}}},
}

func decodeYear(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd := kindBody(b, yearKinds, diags)
	if bd == nil {
		return
	}
	rule := bd.rule("year/"+b.Labels[0], lint.Error)
	c := &checks.NextYear{Rule: rule, Part: bd.partName("part", "next-year")}
	if s.add(rule, bd, diags, c) {
		s.refs = append(s.refs, bd.refs...)
	}
}
