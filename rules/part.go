package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/lint"
)

// A part block declares one required part of the report: how to recognise
// it and how strict to be. Its rule id is "section/" + its label.
//
//	part "deficiencies" {
//	  title    = "上一年度推进法治政府建设存在的不足和原因"
//	  source   = "《法治政府建设与责任落实督察工作规定》"
//	  since    = 2019
//	  severity = "error"             # neither a heading nor the body evidences it
//	  inline_severity = "warning"    # only the body mentions it
//	  thin_severity   = "error"      # its heading has fewer than min_chars under it
//	  min_chars = 40
//	  headings     = ["不足", "存在.{0,4}问题"]   # regexps on heading words, any level
//	  not_headings = ["安排|打算"]                # vetoes
//	  mentions     = ["存在.{0,6}(问题|不足)"]   # body evidence when no heading
//	  leading = false   # unrecognised leading top-level headings count as this part
//	  not_in  = ["next-year"]  # parts inside which its headings and mentions do not count
//
//	  require "causes" {               # content the part's text must carry
//	    severity = "warning"
//	    min      = 1                   # classes that must be evidenced
//	    message  = "…${found}…"        # optional template
//	    in_body  = true                # the headings' own words do not count
//	    class "原因分析" { cues = ["原因", "由于"] }
//	  }
//	}
var partSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "inline_severity"}, {Name: "thin_severity"}, {Name: "min_chars"},
		{Name: "headings"}, {Name: "not_headings"}, {Name: "mentions"},
		{Name: "leading"}, {Name: "not_in"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "require", LabelNames: []string{"name"}}},
}

var requireSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "severity"}, {Name: "min"}, {Name: "message"}, {Name: "in_body"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "class", LabelNames: []string{"name"}}},
}

var classSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "cues", Required: true}},
}

func decodePart(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	name := b.Labels[0]
	bd, blocks := content(b, partSchema, diags)
	rule := bd.rule("section/"+name, lint.Error)
	bd.required("title", "headings")
	spec := document.PartSpec{
		Name:        name,
		Headings:    bd.patterns("headings"),
		NotHeadings: bd.patterns("not_headings"),
		Mentions:    bd.patterns("mentions"),
		Leading:     bd.boolean("leading", false),
		NotIn:       bd.names("not_in"),
	}
	c := &checks.Section{
		Rule:     rule,
		Part:     name,
		Missing:  rule.Severity,
		Inline:   bd.severity("inline_severity", lint.Warning),
		Thin:     bd.severity("thin_severity", lint.Error),
		MinChars: bd.integer("min_chars", 0, 0, 100000),
	}
	for _, rb := range blocks {
		rbd, cbs := sub(rb, requireSchema, diags)
		req := checks.Requirement{
			Name:     rb.Labels[0],
			Severity: rbd.severity("severity", lint.Warning),
			Min:      rbd.integer("min", 1, 0, 100),
			Message:  rbd.template("message", checks.MessageVars),
			InBody:   rbd.boolean("in_body", false),
		}
		for _, cb := range cbs {
			cbd := inner(cb, classSchema, diags)
			req.Classes = append(req.Classes, checks.CueClass{Name: cb.Labels[0], Cues: cbd.patterns("cues")})
		}
		if len(req.Classes) < req.Min {
			rbd.errorf(rb.DefRange, "Requirement cannot be met", "require %q 要求至少 %d 类内容,但只定义了 %d 个 class;请增加 class 或减小 min。", req.Name, req.Min, len(req.Classes))
		}
		c.Requires = append(c.Requires, req)
	}
	if s.add(rule, bd, diags, c) {
		s.parts = append(s.parts, spec)
		s.refs = append(s.refs, bd.refs...)
	}
}
