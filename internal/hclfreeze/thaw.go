package hclfreeze

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Thaw rebuilds the syntax of a frozen file: an *hcl.File whose Body is an
// *hclsyntax.Body, with src (the file's source, for diagnostics' excerpts)
// as its Bytes. The expressions kept as source text are parsed; their
// diagnostics, if any (there are none for what Freeze accepted), are
// returned.
func Thaw(f *File, src []byte) (*hcl.File, hcl.Diagnostics) {
	t := thawer{name: f.Name}
	nb, nl := count(&f.Body)
	t.bodies, t.lits = make([]hclsyntax.Body, nb), make([]Literal, nl)
	return &hcl.File{Body: t.body(&f.Body), Bytes: src}, t.diags
}

type thawer struct {
	name  string
	diags hcl.Diagnostics
	// lits and bodies are allocated at once, as many as the file has
	// (count): a file has hundreds of strings, and an allocation each was
	// most of thawing.
	lits   []Literal
	bodies []hclsyntax.Body
}

// count returns the bodies and the Literals (attrExpr) b thaws to.
func count(b *Body) (bodies, lits int) {
	bodies = 1
	for i := range b.Attrs {
		switch e := &b.Attrs[i].Expr; {
		case e.Kind == String:
			lits++
		case allStrings(e):
			lits += len(e.Elems)
		}
	}
	for i := range b.Blocks {
		nb, nl := count(&b.Blocks[i].Body)
		bodies, lits = bodies+nb, lits+nl
	}
	return bodies, lits
}

// allStrings reports whether e is a list of strings only.
func allStrings(e *Expr) bool {
	if e.Kind != Tuple {
		return false
	}
	for i := range e.Elems {
		if e.Elems[i].Kind != String {
			return false
		}
	}
	return true
}

func (t *thawer) newLiteral() *Literal {
	if len(t.lits) == 0 {
		return new(Literal)
	}
	l := &t.lits[0]
	t.lits = t.lits[1:]
	return l
}

func (t *thawer) newBody() *hclsyntax.Body {
	if len(t.bodies) == 0 {
		return new(hclsyntax.Body)
	}
	b := &t.bodies[0]
	t.bodies = t.bodies[1:]
	return b
}

func (t *thawer) body(b *Body) *hclsyntax.Body {
	out := t.newBody()
	out.SrcRange, out.EndRange = t.rng(b.Src), t.rng(b.End)
	if len(b.Attrs) > 0 {
		out.Attributes = make(hclsyntax.Attributes, len(b.Attrs))
	} else {
		out.Attributes = hclsyntax.Attributes{}
	}
	attrs := make([]hclsyntax.Attribute, len(b.Attrs))
	for i := range b.Attrs {
		a := &b.Attrs[i]
		attrs[i] = hclsyntax.Attribute{Name: a.Name, Expr: t.attrExpr(&a.Expr),
			SrcRange: t.rng(a.Src), NameRange: t.rng(a.NameRange), EqualsRange: t.rng(a.Equal)}
		out.Attributes[a.Name] = &attrs[i]
	}
	if len(b.Blocks) > 0 {
		out.Blocks = make(hclsyntax.Blocks, len(b.Blocks))
	}
	blocks := make([]hclsyntax.Block, len(b.Blocks))
	for i := range b.Blocks {
		bl := &b.Blocks[i]
		nb := &blocks[i]
		*nb = hclsyntax.Block{Type: bl.Type, Labels: bl.Labels, Body: t.body(&bl.Body),
			TypeRange: t.rng(bl.TypeRange), OpenBraceRange: t.rng(bl.Open), CloseBraceRange: t.rng(bl.Close)}
		if len(bl.LabelRanges) > 0 {
			nb.LabelRanges = make([]hcl.Range, len(bl.LabelRanges))
			for i, r := range bl.LabelRanges {
				nb.LabelRanges[i] = t.rng(r)
			}
		}
		out.Blocks[i] = nb
	}
	return out
}

// attrExpr rebuilds an attribute's expression: a string, or a list of
// strings, as Literals, a template as a ThawedTemplate, anything else as expr
// does.
func (t *thawer) attrExpr(e *Expr) hclsyntax.Expression {
	literal := func(e *Expr) *Literal {
		l := t.newLiteral()
		l.SrcRange, l.text = t.rng(e.Src), e.Val
		return l
	}
	switch e.Kind {
	case String:
		return literal(e)
	case Template:
		x := &ThawedTemplate{TemplateExpr: hclsyntax.TemplateExpr{SrcRange: t.rng(e.Src), Parts: make([]hclsyntax.Expression, len(e.Elems))}}
		for i := range e.Elems {
			x.Parts[i] = t.expr(&e.Elems[i])
		}
		return x
	case Tuple:
		if !allStrings(e) {
			break
		}
		out := &hclsyntax.TupleConsExpr{Exprs: make([]hclsyntax.Expression, len(e.Elems)), SrcRange: t.rng(e.Src), OpenRange: t.rng(e.Open)}
		for i := range e.Elems {
			out.Exprs[i] = literal(&e.Elems[i])
		}
		return out
	}
	return t.expr(e)
}

// expr rebuilds an expression as the parser builds it, but for a string
// without interpolation: a LiteralValueExpr, not a TemplateExpr of one
// literal part (the same value, range and variables, without the
// template's evaluation).
func (t *thawer) expr(e *Expr) hclsyntax.Expression {
	r := t.rng(e.Src)
	all := func() []hclsyntax.Expression {
		out := make([]hclsyntax.Expression, len(e.Elems))
		for i := range e.Elems {
			out[i] = t.expr(&e.Elems[i])
		}
		return out
	}
	switch e.Kind {
	case String:
		return &hclsyntax.LiteralValueExpr{Val: cty.StringVal(e.Val), SrcRange: r}
	case Number:
		v, err := cty.ParseNumberVal(e.Val)
		if err != nil {
			t.diags = append(t.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid frozen number", Detail: err.Error(), Subject: r.Ptr()})
		}
		return &hclsyntax.LiteralValueExpr{Val: v, SrcRange: r}
	case True:
		return &hclsyntax.LiteralValueExpr{Val: cty.True, SrcRange: r}
	case False:
		return &hclsyntax.LiteralValueExpr{Val: cty.False, SrcRange: r}
	case Tuple:
		return &hclsyntax.TupleConsExpr{Exprs: all(), SrcRange: r, OpenRange: t.rng(e.Open)}
	case Template:
		return &hclsyntax.TemplateExpr{Parts: all(), SrcRange: r}
	case Wrap:
		if len(e.Elems) == 1 {
			return &hclsyntax.TemplateWrapExpr{Wrapped: t.expr(&e.Elems[0]), SrcRange: r}
		}
	case Traversal:
		tr := make(hcl.Traversal, 0, 1+len(e.Elems))
		tr = append(tr, hcl.TraverseRoot{Name: e.Val, SrcRange: t.rng(e.Open)})
		for _, st := range e.Elems {
			tr = append(tr, hcl.TraverseAttr{Name: st.Val, SrcRange: t.rng(st.Src)})
		}
		return &hclsyntax.ScopeTraversalExpr{Traversal: tr, SrcRange: r}
	case Binary:
		if op := ops[e.Op]; op != nil && len(e.Elems) == 2 {
			return &hclsyntax.BinaryOpExpr{LHS: t.expr(&e.Elems[0]), Op: op, RHS: t.expr(&e.Elems[1]), SrcRange: r}
		}
	case Unary:
		if op := ops[e.Op]; op != nil && len(e.Elems) == 1 {
			return &hclsyntax.UnaryOpExpr{Op: op, Val: t.expr(&e.Elems[0]), SrcRange: r, SymbolRange: t.rng(e.Open)}
		}
	case Paren:
		if len(e.Elems) == 1 {
			return &hclsyntax.ParenthesesExpr{Expression: t.expr(&e.Elems[0]), SrcRange: r}
		}
	case Call:
		if len(e.More) == 2 {
			return &hclsyntax.FunctionCallExpr{Name: e.Val, Args: all(), NameRange: t.rng(e.Open),
				OpenParenRange: t.rng(e.More[0]), CloseParenRange: t.rng(e.More[1])}
		}
	case Source:
		x, d := hclsyntax.ParseExpression([]byte(e.Val), t.name, r.Start)
		t.diags = append(t.diags, d...)
		return x
	}
	t.diags = append(t.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid frozen expression",
		Detail: fmt.Sprintf("kind %d: regenerate the frozen file", e.Kind), Subject: r.Ptr()})
	return &hclsyntax.LiteralValueExpr{Val: cty.DynamicVal, SrcRange: r}
}

func (t *thawer) rng(r Range) hcl.Range {
	return hcl.Range{Filename: t.name,
		Start: hcl.Pos{Line: int(r[0]), Column: int(r[1]), Byte: int(r[2])},
		End:   hcl.Pos{Line: int(r[3]), Column: int(r[4]), Byte: int(r[5])}}
}
