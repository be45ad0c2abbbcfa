// Package hclfreeze turns parsed HCL files into Go source, and that Go
// source back into the syntax tree hclsyntax would have built, without
// lexing: what the built-in rules need to load in well under a millisecond.
//
// Lexing and parsing HCL costs about 500 instructions a character
// (hashicorp/hcl counts grapheme clusters to give every token its column);
// for files compiled into the program that work can be done once, by go
// generate. Freeze walks a parsed file and writes a Go composite literal of
// its blocks, attributes and constant values with every range; the Go
// linker lays the literal out as data, so it costs nothing at start-up.
// Thaw rebuilds from it an *hclsyntax.Body whose blocks, attributes,
// ranges and expressions are those the parser gives for constants
// (strings, numbers, bools and lists of them), so that decoding code that
// reads it — including type switches on hclsyntax's expression types —
// cannot tell the difference. Other expressions (templates with
// interpolations, conditions, references) are kept as their source text,
// and parsed at their original position when thawed.
//
// Attributes may be blanked when frozen (Options.Blank): their constant
// value becomes the empty string, at its range. The rules use it to leave
// out documentation, which checking does not need.
package hclfreeze

import (
	"bytes"
	"fmt"
	"go/format"
	"slices"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// A File is a frozen HCL file.
type File struct {
	Name string
	Body Body
}

// A Body is a frozen hclsyntax.Body: its attributes in source order.
type Body struct {
	Attrs    []Attr
	Blocks   []Block
	Src, End Range
}

// A Block is a frozen hclsyntax.Block.
type Block struct {
	Type                   string
	Labels                 []string
	TypeRange, Open, Close Range
	LabelRanges            []Range
	Body                   Body
}

// An Attr is a frozen hclsyntax.Attribute.
type Attr struct {
	Name                  string
	Src, NameRange, Equal Range
	Expr                  Expr
}

// The kinds of frozen expression, and what each is thawed as.
const (
	String    = iota // a string without interpolation, Val: a LiteralValueExpr
	Number           // a number, Val its decimal text: a LiteralValueExpr
	True             // a LiteralValueExpr
	False            // a LiteralValueExpr
	Tuple            // a list of Elems, Open the range of its "[": a TupleConsExpr
	Source           // any other expression, Val its source text: parsed
	Template         // a TemplateExpr of the parts Elems
	Wrap             // a TemplateWrapExpr ("${x}") of Elems[0]
	Traversal        // a ScopeTraversalExpr: root Val, then the Step Elems
	Step             // a traversal's .Val step
	Binary           // a BinaryOpExpr: Elems[0] Op Elems[1]
	Unary            // a UnaryOpExpr: Op Elems[0]
	Paren            // a ParenthesesExpr of Elems[0]
	Call             // a FunctionCallExpr of Val with arguments Elems;
	// Open its name's range, More the ranges of its parentheses
)

// An Expr is a frozen expression.
type Expr struct {
	Kind  uint8
	Val   string
	Op    string
	Elems []Expr
	Src   Range
	Open  Range
	More  []Range
}

// ops names hclsyntax's operations, which BinaryOpExpr and UnaryOpExpr
// point to (decoders compare the pointers).
var ops = map[string]*hclsyntax.Operation{
	"||": hclsyntax.OpLogicalOr, "&&": hclsyntax.OpLogicalAnd, "!": hclsyntax.OpLogicalNot,
	"==": hclsyntax.OpEqual, "!=": hclsyntax.OpNotEqual,
	">": hclsyntax.OpGreaterThan, ">=": hclsyntax.OpGreaterThanOrEqual, "<": hclsyntax.OpLessThan, "<=": hclsyntax.OpLessThanOrEqual,
	"+": hclsyntax.OpAdd, "-": hclsyntax.OpSubtract, "*": hclsyntax.OpMultiply, "/": hclsyntax.OpDivide, "%": hclsyntax.OpModulo,
	"neg": hclsyntax.OpNegate,
}

func opName(op *hclsyntax.Operation) (string, bool) {
	for n, o := range ops {
		if o == op {
			return n, true
		}
	}
	return "", false
}

// A Range is an hcl.Range without its file name: start line, column and
// byte, end line, column and byte.
type Range [6]int32

// Options say how to freeze.
type Options struct {
	// Blank reports whether an attribute's constant string value is left
	// out (frozen as ""); path is the types of the blocks it is in,
	// outermost first.
	Blank func(path []string, attr string) bool
}

// Freeze returns the frozen form of a parsed file, whose source is src.
func Freeze(name string, src []byte, body *hclsyntax.Body, opts Options) (File, error) {
	f := freezer{src: src, opts: opts}
	b := f.body(body, nil)
	return File{Name: name, Body: b}, f.err
}

type freezer struct {
	src  []byte
	opts Options
	err  error
}

func (f *freezer) body(b *hclsyntax.Body, path []string) Body {
	out := Body{Src: rng(b.SrcRange), End: rng(b.EndRange)}
	for _, a := range sortedAttrs(b) {
		e := f.expr(a.Expr)
		if f.opts.Blank != nil && f.opts.Blank(path, a.Name) && e.Kind == String {
			e.Val = ""
		}
		out.Attrs = append(out.Attrs, Attr{Name: a.Name, Src: rng(a.SrcRange), NameRange: rng(a.NameRange), Equal: rng(a.EqualsRange), Expr: e})
	}
	for _, bl := range b.Blocks {
		fb := Block{Type: bl.Type, Labels: bl.Labels, TypeRange: rng(bl.TypeRange), Open: rng(bl.OpenBraceRange), Close: rng(bl.CloseBraceRange)}
		for _, r := range bl.LabelRanges {
			fb.LabelRanges = append(fb.LabelRanges, rng(r))
		}
		fb.Body = f.body(bl.Body, append(path[:len(path):len(path)], bl.Type))
		out.Blocks = append(out.Blocks, fb)
	}
	return out
}

// sortedAttrs returns a body's attributes in source order.
func sortedAttrs(b *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *hclsyntax.Attribute) int { return a.SrcRange.Start.Byte - b.SrcRange.Start.Byte })
	return out
}

func (f *freezer) expr(e hclsyntax.Expression) Expr {
	if x, ok := f.node(e); ok {
		return x
	}
	return f.source(e)
}

// node freezes the expressions Thaw rebuilds; ok is false for any other.
func (f *freezer) node(e hclsyntax.Expression) (x Expr, ok bool) {
	all := func(es ...hclsyntax.Expression) ([]Expr, bool) {
		out := make([]Expr, 0, len(es))
		for _, e := range es {
			x, ok := f.node(e)
			if !ok {
				return nil, false
			}
			out = append(out, x)
		}
		return out, true
	}
	x.Src = rng(e.Range())
	switch e := e.(type) {
	case *hclsyntax.TemplateExpr:
		if e.IsStringLiteral() {
			v, d := e.Value(nil)
			if !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
				x.Kind, x.Val = String, v.AsString()
				return x, true
			}
		}
		x.Kind = Template
		x.Elems, ok = all(e.Parts...)
		return x, ok
	case *hclsyntax.TemplateWrapExpr:
		x.Kind = Wrap
		x.Elems, ok = all(e.Wrapped)
		return x, ok
	case *hclsyntax.LiteralValueExpr:
		v := e.Val
		if !v.IsKnown() || v.IsNull() {
			return x, false
		}
		switch v.Type() {
		case cty.Bool:
			x.Kind = False
			if v.True() {
				x.Kind = True
			}
			return x, true
		case cty.Number:
			x.Kind, x.Val = Number, v.AsBigFloat().Text('g', -1)
			return x, true
		case cty.String:
			x.Kind, x.Val = String, v.AsString()
			return x, true
		}
	case *hclsyntax.TupleConsExpr:
		x.Kind, x.Open = Tuple, rng(e.OpenRange)
		x.Elems, ok = all(e.Exprs...)
		return x, ok
	case *hclsyntax.ScopeTraversalExpr:
		x.Kind = Traversal
		for i, step := range e.Traversal {
			switch st := step.(type) {
			case hcl.TraverseRoot:
				if i != 0 {
					return x, false
				}
				x.Val, x.Open = st.Name, rng(st.SrcRange)
			case hcl.TraverseAttr:
				if i == 0 {
					return x, false
				}
				x.Elems = append(x.Elems, Expr{Kind: Step, Val: st.Name, Src: rng(st.SrcRange)})
			default:
				return x, false
			}
		}
		return x, len(e.Traversal) > 0
	case *hclsyntax.BinaryOpExpr:
		x.Kind = Binary
		if x.Op, ok = opName(e.Op); !ok {
			return x, false
		}
		x.Elems, ok = all(e.LHS, e.RHS)
		return x, ok
	case *hclsyntax.UnaryOpExpr:
		x.Kind = Unary
		if x.Op, ok = opName(e.Op); !ok {
			return x, false
		}
		x.Open = rng(e.SymbolRange)
		x.Elems, ok = all(e.Val)
		return x, ok
	case *hclsyntax.ParenthesesExpr:
		x.Kind = Paren
		x.Elems, ok = all(e.Expression)
		return x, ok
	case *hclsyntax.FunctionCallExpr:
		if e.ExpandFinal {
			return x, false
		}
		x.Kind, x.Val, x.Open = Call, e.Name, rng(e.NameRange)
		x.More = []Range{rng(e.OpenParenRange), rng(e.CloseParenRange)}
		x.Elems, ok = all(e.Args...)
		return x, ok
	}
	return x, false
}

// source freezes an expression as its source text, checking that it
// parses back to an expression of the same range.
func (f *freezer) source(e hclsyntax.Expression) Expr {
	r := e.Range()
	text := string(f.src[r.Start.Byte:r.End.Byte])
	x, d := hclsyntax.ParseExpression([]byte(text), r.Filename, r.Start)
	if d.HasErrors() || x.Range() != r {
		if f.err == nil {
			f.err = fmt.Errorf("%s: the expression %.40q does not parse back on its own", r, text)
		}
	}
	return Expr{Kind: Source, Val: text, Src: rng(r)}
}

func rng(r hcl.Range) Range {
	return Range{int32(r.Start.Line), int32(r.Start.Column), int32(r.Start.Byte), int32(r.End.Line), int32(r.End.Column), int32(r.End.Byte)}
}

// Write returns the gofmt'ed Go source of a file of package pkg that
// declares variable name as files, led by a "generated" comment that
// names the generator.
func Write(pkg, name, generator string, files []File) ([]byte, error) {
	var w bytes.Buffer
	fmt.Fprintf(&w, "// Code generated by %s; DO NOT EDIT.\n\npackage %s\n\n", generator, pkg)
	fmt.Fprintf(&w, "import \"github.com/ducha-dev/ducha/internal/hclfreeze\"\n\n")
	fmt.Fprintf(&w, "type (\n_F = hclfreeze.File\n_B = hclfreeze.Body\n_K = hclfreeze.Block\n_A = hclfreeze.Attr\n_E = hclfreeze.Expr\n_R = hclfreeze.Range\n)\n\n")
	fmt.Fprintf(&w, "var %s = []_F{\n", name)
	for _, f := range files {
		fmt.Fprintf(&w, "{Name: %q, Body: ", f.Name)
		writeBody(&w, f.Body)
		w.WriteString("},\n")
	}
	w.WriteString("}\n")
	return format.Source(w.Bytes())
}

func writeBody(w *bytes.Buffer, b Body) {
	w.WriteString("_B{")
	if len(b.Attrs) > 0 {
		w.WriteString("Attrs: []_A{\n")
		for _, a := range b.Attrs {
			fmt.Fprintf(w, "{Name: %q, Src: %s, NameRange: %s, Equal: %s, Expr: ", a.Name, rangeLit(a.Src), rangeLit(a.NameRange), rangeLit(a.Equal))
			writeExpr(w, a.Expr)
			w.WriteString("},\n")
		}
		w.WriteString("}, ")
	}
	if len(b.Blocks) > 0 {
		w.WriteString("Blocks: []_K{\n")
		for _, bl := range b.Blocks {
			fmt.Fprintf(w, "{Type: %q, Labels: %#v, TypeRange: %s, Open: %s, Close: %s, LabelRanges: []_R{", bl.Type, bl.Labels, rangeLit(bl.TypeRange), rangeLit(bl.Open), rangeLit(bl.Close))
			for i, r := range bl.LabelRanges {
				if i > 0 {
					w.WriteString(", ")
				}
				w.WriteString(rangeLit(r)[2:])
			}
			w.WriteString("}, Body: ")
			writeBody(w, bl.Body)
			w.WriteString("},\n")
		}
		w.WriteString("}, ")
	}
	fmt.Fprintf(w, "Src: %s, End: %s}", rangeLit(b.Src), rangeLit(b.End))
}

func writeExpr(w *bytes.Buffer, e Expr) {
	w.WriteString("_E{")
	if e.Kind != String {
		fmt.Fprintf(w, "Kind: hclfreeze.%s, ", kindNames[e.Kind])
	}
	if e.Val != "" {
		fmt.Fprintf(w, "Val: %s, ", strconv.Quote(e.Val))
	}
	if e.Op != "" {
		fmt.Fprintf(w, "Op: %q, ", e.Op)
	}
	if len(e.Elems) > 0 {
		w.WriteString("Elems: []_E{")
		for i, el := range e.Elems {
			if i > 0 {
				w.WriteString(", ")
			}
			writeExpr(w, el)
		}
		w.WriteString("}, ")
	}
	if e.Open != (Range{}) {
		fmt.Fprintf(w, "Open: %s, ", rangeLit(e.Open))
	}
	if len(e.More) > 0 {
		w.WriteString("More: []_R{")
		for i, r := range e.More {
			if i > 0 {
				w.WriteString(", ")
			}
			w.WriteString(rangeLit(r)[2:])
		}
		w.WriteString("}, ")
	}
	fmt.Fprintf(w, "Src: %s}", rangeLit(e.Src))
}

var kindNames = [...]string{String: "String", Number: "Number", True: "True", False: "False", Tuple: "Tuple", Source: "Source",
	Template: "Template", Wrap: "Wrap", Traversal: "Traversal", Step: "Step", Binary: "Binary", Unary: "Unary", Paren: "Paren", Call: "Call"}

func rangeLit(r Range) string {
	return fmt.Sprintf("_R{%d, %d, %d, %d, %d, %d}", r[0], r[1], r[2], r[3], r[4], r[5])
}
