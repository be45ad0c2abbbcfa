package checks

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Message renders a finding's message: the rule pack's template when it has
// one, else the check's own wording. Templates are validated when rules load
// (only known variables and, in relations' messages, MessageFuncs), so
// rendering cannot fail in practice; if it does (a function given a capture
// the text does not state), the default wording is used.
func Message(tmpl hcl.Expression, def string, vars map[string]cty.Value) string {
	if tmpl == nil {
		return def
	}
	v, diags := tmpl.Value(&hcl.EvalContext{Variables: vars, Functions: MessageFuncs})
	if diags.HasErrors() {
		return def
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil || s.IsNull() || !s.IsKnown() {
		return def
	}
	if m := strings.TrimSpace(s.AsString()); m != "" {
		return m
	}
	return def
}
