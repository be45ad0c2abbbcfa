package hclfreeze

import (
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// A Literal is a thawed constant string: an attribute's value, or an
// element of a list that is one. It is an hclsyntax expression (its
// LiteralValueExpr gives its range and walks no children) whose cty value
// is built on first use, and Text reads it without building it: making a
// cty string normalises it to NFC again, which is a third of thawing, and
// decoding needs only the Go string of most. A frozen string is NFC
// already (it was a cty string when frozen).
type Literal struct {
	hclsyntax.LiteralValueExpr
	text string
	once sync.Once
}

// Value returns the string as a cty value.
func (l *Literal) Value(*hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	l.once.Do(func() { l.Val = cty.StringVal(l.text) })
	return l.Val, nil
}

// AsTraversal returns nil: a string is not a reference. (The
// LiteralValueExpr's would read its unset value as the keyword null.)
func (l *Literal) AsTraversal() hcl.Traversal { return nil }

// Text returns the string an expression is, if it is a Literal.
func Text(e hcl.Expression) (string, bool) {
	if l, ok := e.(*Literal); ok {
		return l.text, true
	}
	return "", false
}

// Texts returns the strings of a list of Literals.
func Texts(e hcl.Expression) ([]string, bool) {
	t, ok := e.(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil, false
	}
	out := make([]string, len(t.Exprs))
	for i, el := range t.Exprs {
		l, ok := el.(*Literal)
		if !ok {
			return nil, false
		}
		out[i] = l.text
	}
	return out, true
}

// A ThawedTemplate is a thawed attribute's template
// ("调解成功${text.success}多于…"): an hclsyntax.TemplateExpr that says, by
// its type, that it comes from a frozen file (Frozen).
type ThawedTemplate struct {
	hclsyntax.TemplateExpr
}

// Frozen reports whether e is an attribute's value thawed from a frozen
// file, a Literal or a ThawedTemplate: it was checked, as the parsed file's, when
// the frozen file was generated and by the tests that load the file it
// was generated from, so what is costly to check again (a message
// template's types) need not be.
func Frozen(e hcl.Expression) bool {
	switch e.(type) {
	case *Literal, *ThawedTemplate:
		return true
	}
	return false
}
