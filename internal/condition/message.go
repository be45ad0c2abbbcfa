package condition

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ducha-dev/ducha/internal/hclfreeze"
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

// CheckMessage checks an assert's message template when rules load: it may
// refer to the captures by name (their values), to text.NAME and label.NAME,
// and call MessageFuncs; anything else is a diagnostic at its position.
// A message of the built-in rules compiled into the program
// (hclfreeze.Frozen) is not checked again: it was, against the same
// captures, when it was generated (relations cannot be overridden).
func CheckMessage(expr hcl.Expression, captures []string) hcl.Diagnostics {
	if hclfreeze.Frozen(expr) {
		return nil
	}
	var diags hcl.Diagnostics
	isCapture := func(n string) bool {
		for _, c := range captures {
			if c == n {
				return true
			}
		}
		return false
	}
	avail := strings.Join(captures, "、") + "、text.名称、label.名称"
	for _, t := range expr.Variables() {
		root := t.RootName()
		switch {
		case root == "text" || root == "label":
			ok := false
			if len(t) == 2 {
				if a, isAttr := t[1].(hcl.TraverseAttr); isAttr && isCapture(a.Name) {
					ok = true
				}
			}
			if !ok {
				diags = append(diags, diag(t.SourceRange(), "Unknown variable",
					"消息中的 %s 后应跟一个捕获名,如 ${%s.%s};捕获有:%s。", root, root, captures[0], strings.Join(captures, "、")))
			}
		case isCapture(root):
			if len(t) > 1 {
				diags = append(diags, diag(t.SourceRange(), "Unknown variable", "捕获 %s 是一个数,不能取属性;要引用它的原文请写 ${text.%s}。", root, root))
			}
		default:
			diags = append(diags, diag(t.SourceRange(), "Unknown variable", "消息中的 ${%s} 不可用;可用的有:%s。", root, avail))
		}
	}
	plain := false // only text and references to known names: nothing to type-check
	if se, ok := expr.(hclsyntax.Expression); ok {
		plain = true
		hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			plain = plain && plainNode(n)
			if c, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				if _, known := MessageFuncs[c.Name]; !known {
					diags = append(diags, diag(c.NameRange, "Function not allowed", "消息中不能调用函数 %s();可用的函数有:%s。", c.Name, "pct、round、sum、min、max、abs、format"))
				}
			}
			return nil
		})
	}
	if !diags.HasErrors() && !plain {
		diags = append(diags, typeCheckMessage(expr, captures)...)
	}
	return diags
}

// plainNode reports whether n is a part of a message that cannot fail to
// render once its names are known: a template, a string or number, or a
// reference (a capture is a number, text.X and label.X strings). A message
// of such parts only needs no type check, which evaluates it and was a
// sixth of loading the built-in rules.
func plainNode(n hclsyntax.Node) bool {
	switch n := n.(type) {
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr, *hclsyntax.ScopeTraversalExpr:
		return true
	case *hclsyntax.LiteralValueExpr:
		return n.Val.IsKnown() && !n.Val.IsNull() && (n.Val.Type() == cty.String || n.Val.Type() == cty.Number)
	}
	return false
}

// typeCheckMessage evaluates a message whose names are known with every
// capture an unknown number and every text.X and label.X an unknown
// string: what the text states is not known at load time, but the calls'
// argument counts and types are, so round(pct(b, a)) (round takes two
// arguments) is a load-time error, not a generic message at check time.
func typeCheckMessage(expr hcl.Expression, captures []string) hcl.Diagnostics {
	nums := make(map[string]cty.Value, len(captures)+2)
	strs := make(map[string]cty.Value, len(captures))
	for _, c := range captures {
		nums[c] = cty.UnknownVal(cty.Number)
		strs[c] = cty.UnknownVal(cty.String)
	}
	obj := cty.ObjectVal(strs)
	nums["text"], nums["label"] = obj, obj
	v, diags := expr.Value(&hcl.EvalContext{Variables: nums, Functions: MessageFuncs})
	if diags.HasErrors() {
		return diags
	}
	if _, err := convert.Convert(v, cty.String); err != nil {
		return hcl.Diagnostics{diag(expr.Range(), "Invalid message", "消息的值应是文字,不能是 %s。", v.Type().FriendlyName())}
	}
	return nil
}
