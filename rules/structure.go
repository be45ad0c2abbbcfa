package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/lint"
)

// structure blocks configure the checks on the report's structure:
//
//	structure "numbering" {            # structure/numbering
//	  title    = "标题和列举的编号连续"
//	  severity = "warning"             # gaps, repeats, numbers out of order
//	  broken_severity      = "warning" # a heading number that lost characters ("行首只剩“)”")
//	  restart_severity     = "warning" # numbering that starts again from one
//	  enumeration_severity = "warning" # 一是…二是…四是
//	}
var structureKinds = map[string]*hcl.BodySchema{
	"numbering": {Attributes: []hcl.AttributeSchema{
		{Name: "broken_severity"}, {Name: "restart_severity"}, {Name: "enumeration_severity"},
	}},
}

func decodeStructure(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd := kindBody(b, structureKinds, diags)
	if bd == nil {
		return
	}
	rule := bd.rule("structure/"+b.Labels[0], lint.Warning)
	s.add(rule, bd, diags, &checks.Numbering{
		Rule:        rule,
		Broken:      bd.severity("broken_severity", lint.Warning),
		Restart:     bd.severity("restart_severity", lint.Warning),
		Enumeration: bd.severity("enumeration_severity", lint.Warning),
	})
}
