package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/hclfreeze"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/lint"
)

// commonAttrs are the attributes every rule block may set.
var commonAttrs = []hcl.AttributeSchema{
	{Name: "title"},
	{Name: "source"},
	{Name: "doc"},
	{Name: "severity"},
	{Name: "since"},
	{Name: "until"},
	{Name: "example_fail"},
	{Name: "example_pass"},
}

// body is a rule block's decoded content with helpers that read attributes
// and record a diagnostic, with the attribute's range, for every mistake.
type body struct {
	block  *hcl.Block
	attrs  hcl.Attributes
	blocks hcl.Blocks // nested, in the order written
	diags  *hcl.Diagnostics
	refs   []partRef
	// exRefs are the block's references to example blocks.
	exRefs []exampleRef
}

// partRef is a reference to parts by name, resolved after loading.
type partRef struct {
	names []string
	rng   hcl.Range
}

// content checks the block against the common attributes plus the kind's own
// and returns the body to read them from. Unknown attributes and blocks are
// diagnosed by HCL with their ranges.
func content(b *hcl.Block, kind *hcl.BodySchema, diags *hcl.Diagnostics) (*body, []*hcl.Block) {
	schema := &hcl.BodySchema{Attributes: append(append([]hcl.AttributeSchema(nil), commonAttrs...), kind.Attributes...), Blocks: kind.Blocks}
	c, d := bodyContent(b.Body, schema)
	*diags = append(*diags, inOrder(d)...)
	if c == nil {
		c = &hcl.BodyContent{}
	}
	return &body{block: b, attrs: c.Attributes, blocks: c.Blocks, diags: diags}, c.Blocks
}

// sub reads a block nested in a rule (a require, a class, a capture, an
// assert): only its own attributes and blocks, not the rules' common ones,
// so that a title or until written there is an error, not ignored.
func sub(b *hcl.Block, schema *hcl.BodySchema, diags *hcl.Diagnostics) (*body, []*hcl.Block) {
	c, d := bodyContent(b.Body, schema)
	*diags = append(*diags, inOrder(d)...)
	if c == nil {
		c = &hcl.BodyContent{}
	}
	return &body{block: b, attrs: c.Attributes, blocks: c.Blocks, diags: diags}, c.Blocks
}

// inOrder sorts a body's diagnostics by position: HCL reports unsupported
// attributes in its map's order, which changes from run to run.
func inOrder(d hcl.Diagnostics) hcl.Diagnostics {
	slices.SortStableFunc(d, func(a, b *hcl.Diagnostic) int {
		if a.Subject == nil || b.Subject == nil {
			return 0
		}
		return a.Subject.Start.Byte - b.Subject.Start.Byte
	})
	return d
}

func (b *body) errorf(rng hcl.Range, summary, detail string, args ...any) {
	*b.diags = append(*b.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: rng.Ptr(),
	})
}

func (b *body) has(name string) bool { _, ok := b.attrs[name]; return ok }

// value evaluates a constant attribute (rule files have no variables there)
// and converts it to want.
func (b *body) value(name string, want cty.Type) (cty.Value, *hcl.Attribute, bool) {
	a, ok := b.attrs[name]
	if !ok {
		return cty.NilVal, nil, false
	}
	v, d := a.Expr.Value(nil)
	if d.HasErrors() {
		*b.diags = append(*b.diags, d...)
		return cty.NilVal, a, false
	}
	cv, err := convert.Convert(v, want)
	if err != nil || cv.IsNull() || !cv.IsWhollyKnown() {
		b.errorf(a.Expr.Range(), "Invalid value for "+name, "属性 %s 应为%s。", name, typeName(want))
		return cty.NilVal, a, false
	}
	return cv, a, true
}

func typeName(t cty.Type) string {
	switch {
	case t == cty.String:
		return "字符串,如 \"…\""
	case t == cty.Number:
		return "整数"
	case t == cty.Bool:
		return "true 或 false"
	case t.IsListType():
		return "字符串列表,如 [\"…\", \"…\"]"
	}
	return t.FriendlyName()
}

// stringValue reads a string attribute. A string of the built-in rules
// compiled into the program (hclfreeze.Literal) is read as it is, without
// making it a cty value, which would normalise it again.
func (b *body) stringValue(name string) (string, *hcl.Attribute, bool) {
	if a, ok := b.attrs[name]; ok {
		if s, ok := hclfreeze.Text(a.Expr); ok {
			return s, a, true
		}
	}
	v, a, ok := b.value(name, cty.String)
	if !ok {
		return "", a, false
	}
	return v.AsString(), a, true
}

// stringList reads a list of strings, the built-in rules' as stringValue
// does; an empty list is nil.
func (b *body) stringList(name string) ([]string, *hcl.Attribute, bool) {
	if a, ok := b.attrs[name]; ok {
		if ss, ok := hclfreeze.Texts(a.Expr); ok {
			if len(ss) == 0 {
				ss = nil
			}
			return ss, a, true
		}
	}
	v, a, ok := b.value(name, cty.List(cty.String))
	if !ok {
		return nil, a, false
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e.AsString())
	}
	return out, a, true
}

func (b *body) str(name, def string) string {
	s, _, ok := b.stringValue(name)
	if !ok {
		return def
	}
	return s
}

func (b *body) boolean(name string, def bool) bool {
	v, _, ok := b.value(name, cty.Bool)
	if !ok {
		return def
	}
	return v.True()
}

// integer reads a whole number in [lo, hi].
func (b *body) integer(name string, def, lo, hi int) int {
	v, a, ok := b.value(name, cty.Number)
	if !ok {
		return def
	}
	bf := v.AsBigFloat()
	n, acc := bf.Int64()
	if !bf.IsInt() || acc != 0 || n < int64(lo) || n > int64(hi) {
		b.errorf(a.Expr.Range(), "Invalid value for "+name, "属性 %s 应为 %d 到 %d 之间的整数。", name, lo, hi)
		return def
	}
	return int(n)
}

// severity reads a severity attribute.
func (b *body) severity(name string, def lint.Severity) lint.Severity {
	v, a, ok := b.stringValue(name)
	if !ok {
		return def
	}
	s, err := lint.ParseSeverity(v)
	if err != nil {
		b.errorf(a.Expr.Range(), "Unknown severity", "严重程度 %q 无效:请写 \"error\"、\"warning\" 或 \"info\"。", v)
		return def
	}
	return s
}

// required diagnoses a missing attribute.
func (b *body) required(names ...string) {
	for _, n := range names {
		if !b.has(n) {
			b.errorf(b.block.DefRange, "Missing required argument", "%s %q 缺少必需的属性 %s。", b.block.Type, strings.Join(b.block.Labels, " "), n)
		}
	}
}

// patterns reads a list of regular expressions and diagnoses each bad one
// at its own position in the list. A rule pack's are compiled here, to be
// diagnosed; those of the built-in rules compiled into the program
// (frozenPattern) were when they were generated, and are compiled when
// first matched.
func (b *body) patterns(name string) []*match.Regexp {
	a, ok := b.attrs[name]
	if !ok {
		return nil
	}
	exprs, d := hcl.ExprList(a.Expr)
	if d.HasErrors() {
		b.errorf(a.Expr.Range(), "Invalid value for "+name, "属性 %s 应为正则表达式的列表,如 [\"不足\", \"存在.{0,4}问题\"]。", name)
		return nil
	}
	res := make([]*match.Regexp, 0, len(exprs))
	for _, e := range exprs {
		if re, ok := frozenPattern(e); ok {
			res = append(res, re)
			continue
		}
		v, d := e.Value(nil)
		if d.HasErrors() {
			*b.diags = append(*b.diags, d...)
			continue
		}
		if v.IsNull() || v.Type() != cty.String {
			b.errorf(e.Range(), "Invalid pattern", "%s 的每一项都应是字符串形式的正则表达式。", name)
			continue
		}
		p := v.AsString()
		re, err := compilePattern(p)
		if err != nil {
			b.errorf(e.Range(), "Invalid regular expression", "正则表达式 %q 无效:%v。语法见 https://pkg.go.dev/regexp/syntax;要匹配字面的括号、点号请加反斜杠,如 \"\\\\(一\\\\)\"。", p, err)
			continue
		}
		if re.MatchString("") {
			b.errorf(e.Range(), "Pattern matches everything", "正则表达式 %q 能匹配空字符串,因而匹配任何文字,规则将失去意义;请写出必须出现的字词。", p)
			continue
		}
		res = append(res, re)
	}
	if len(res) == 0 {
		return nil
	}
	return res
}

// frozenPattern returns the pattern e is when e is a string of the built-in
// rules compiled into the program (an hclfreeze.Literal), folded and
// deferred (match.Deferred): the same string, loaded from the HCL, was
// compiled and diagnosed when the program was generated and is by the
// tests, so it is compiled only when a check first matches it, and its
// prefilter is in builtinPrefilters, generated with it.
func frozenPattern(e hcl.Expression) (*match.Regexp, bool) {
	p, ok := hclfreeze.Text(e)
	if !ok {
		return nil, false
	}
	return match.DeferredIn(norm.Pattern(p), &builtinPrefilters), true
}

// compilePattern compiles a pattern for the normalised view
// (document.CompilePattern).
func compilePattern(p string) (*match.Regexp, error) { return document.CompilePattern(p) }

// strList reads a list of strings.
func (b *body) strList(name string) []string {
	out, _, _ := b.stringList(name)
	return out
}

// patternString returns the string e is, if it is one.
func patternString(e hcl.Expression) (string, bool) {
	if s, ok := hclfreeze.Text(e); ok {
		return s, true
	}
	if v, d := e.Value(nil); !d.HasErrors() && v.Type() == cty.String && !v.IsNull() {
		return v.AsString(), true
	}
	return "", false
}

// patternOrList reads one regexp or a list of them.
func (b *body) patternOrList(name string) []*match.Regexp {
	a, ok := b.attrs[name]
	if !ok {
		return nil
	}
	if re, ok := frozenPattern(a.Expr); ok {
		return []*match.Regexp{re}
	}
	if p, ok := patternString(a.Expr); ok {
		re, err := compilePattern(p)
		switch {
		case err != nil:
			b.errorf(a.Expr.Range(), "Invalid regular expression", "正则表达式 %q 无效:%v。", p, err)
			return nil
		case re.MatchString(""):
			b.errorf(a.Expr.Range(), "Pattern matches everything", "正则表达式 %q 能匹配空字符串,因而匹配任何文字;请写出必须出现的字词。", p)
			return nil
		}
		return []*match.Regexp{re}
	}
	return b.patterns(name)
}

// names reads a list of part names, to be checked against the declared
// parts once every file has loaded.
func (b *body) names(name string) []string {
	out, a, ok := b.stringList(name)
	if !ok {
		return nil
	}
	b.refs = append(b.refs, partRef{names: out, rng: a.Expr.Range()})
	return out
}

// template reads a message template: an HCL template over the variables
// vars. References to anything else and calls to any function are load-time
// errors, so a template can never fail when a report is checked.
func (b *body) template(name string, vars []string) hcl.Expression {
	a, ok := b.attrs[name]
	if !ok {
		return nil
	}
	for _, t := range a.Expr.Variables() {
		root := t.RootName()
		known := false
		for _, v := range vars {
			known = known || v == root
		}
		if !known {
			b.errorf(t.SourceRange(), "Unknown variable", "消息模板中的 ${%s} 不可用;可用的变量有:%s。", root, strings.Join(vars, "、"))
		}
	}
	if se, ok := a.Expr.(hclsyntax.Expression); ok {
		hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			if c, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				b.errorf(c.Range(), "Function not allowed", "消息模板中不能调用函数 %s();请只引用变量,如 ${%s}。", c.Name, vars[0])
			}
			return nil
		})
	}
	return a.Expr
}
