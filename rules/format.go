package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/lint"
)

// format blocks configure the checks of GB/T 9704 forms:
//
//	format "doc-number" {              # format/doc-number
//	  title    = "发文字号符合GB/T 9704"
//	  severity = "warning"             # 国发[2021]33号, 〔20〕, 第28号, 028号, no 号
//	  glued_severity = "warning"       # 厅字〔201928: characters lost in extraction
//	}
//
// What a document number is and how GB/T 9704-2012 7.2.5 writes one is
// fixed by the standard and implemented by the parser (document.DocNumber); the
// block sets how serious a departure is.
var formatKinds = map[string]*hcl.BodySchema{
	"doc-number": {Attributes: []hcl.AttributeSchema{{Name: "glued_severity"}}},
}

func decodeFormat(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd := kindBody(b, formatKinds, diags)
	if bd == nil {
		return
	}
	rule := bd.rule("format/"+b.Labels[0], lint.Warning)
	s.add(rule, bd, diags, &checks.DocNumber{Rule: rule, Glued: bd.severity("glued_severity", lint.Warning)})
}
