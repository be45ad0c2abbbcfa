// Package condition compiles and evaluates what a rule pack writes as HCL
// expressions: the conditions of a relation's asserts (Condition, over
// intervals, see package interval) and the message templates of findings
// (Message, with MessageFuncs; CheckMessage validates one when rules
// load, so that rendering cannot fail when a report is checked).
package condition

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/internal/interval"
)

// A Condition is an assert's condition, compiled when rules load, evaluated
// over the intervals the captured quantities stand for (see Interval).
//
// The language is the part of HCL's expression syntax that arithmetic on
// statistics needs: numbers, true and false, the names of captures, + − × ÷
// and unary minus, < <= > >= == !=, && || !, parentheses, and the
// functions
//
//	pct(a, b)      a ÷ b × 100
//	sum(a, b, …)   a + b + …, leaving out captures the text does not state
//	min(a, …), max(a, …), abs(a)
//
// Anything else (strings, conditionals, indexes, other functions) is a
// load-time error with its position.
//
// Evaluation is three-valued: a comparison is true when it holds for every
// value the intervals allow, false when it holds for none, unknown
// otherwise; arithmetic is interval arithmetic, so the result encloses every
// value the expression can take. An assert is reported only when its
// condition is false: no reading of the stated numbers satisfies it.
// "a + b == total" with a = 200余件 ([200, ∞)) is unknown, never false,
// however b and total are stated. A comparison that refers to a capture the
// text does not state is absent and left out of && and ||; a condition that
// is absent as a whole is not checked.
type Condition struct {
	root boolNode
	// Refs are the indexes of the captures the condition refers to, in the
	// order they first appear.
	Refs []int
}

// ConditionFuncs are the functions a condition may call.
var ConditionFuncs = []string{"pct", "sum", "min", "max", "abs"}

// An Operand is a capture's value for Eval: the interval its quantity
// stands for, or not Present when the text does not state it.
type Operand struct {
	interval.Interval
	Present bool
}

// Eval evaluates the condition with env[i] the value of capture i.
func (c *Condition) Eval(env []Operand) interval.Truth { return c.root.truth(env) }

// CompileCondition checks expr, an HCL native-syntax expression over the
// capture names vars, and compiles it. Every mistake is a diagnostic with the
// range of the offending part: an unknown name, a function not in
// ConditionFuncs, a string, a comparison of truth values, a number where a
// truth value is expected, a condition that refers to no capture.
func CompileCondition(expr hcl.Expression, vars []string) (*Condition, hcl.Diagnostics) {
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		return nil, hcl.Diagnostics{diag(expr.Range(), "Unsupported syntax", "条件只能用 HCL 原生语法书写(.hcl 文件)。")}
	}
	c := &compiler{vars: vars}
	root := c.boolean(se)
	if len(c.refs) == 0 && !c.diags.HasErrors() {
		c.diags = append(c.diags, diag(expr.Range(), "Condition refers to no capture",
			"条件没有引用任何捕获的数字,结果永远不变,检查不了什么;请引用 %s 等捕获名。", strings.Join(vars, "、")))
	}
	if c.diags.HasErrors() {
		return nil, c.diags
	}
	return &Condition{root: root, Refs: c.refs}, nil
}

func diag(r hcl.Range, summary, detail string, args ...any) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: r.Ptr()}
}

// maxExp bounds the binary exponent of a number in a condition (2^100 ≈
// 10^30): statistics are never larger, and a literal such as 1e999999999
// would make exact arithmetic slow.
const maxExp = 100

type compiler struct {
	vars  []string
	refs  []int
	diags hcl.Diagnostics
}

func (c *compiler) errorf(r hcl.Range, summary, detail string, args ...any) {
	c.diags = append(c.diags, diag(r, summary, detail, args...))
}

// boolean compiles an expression that must be a truth value.
func (c *compiler) boolean(e hclsyntax.Expression) boolNode {
	switch e := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return c.boolean(e.Expression)
	case *hclsyntax.LiteralValueExpr:
		if e.Val.Type() == cty.Bool && e.Val.IsKnown() && !e.Val.IsNull() {
			if e.Val.True() {
				return constTruth(interval.True)
			}
			return constTruth(interval.False)
		}
	case *hclsyntax.UnaryOpExpr:
		if e.Op == hclsyntax.OpLogicalNot {
			return notNode{c.boolean(e.Val)}
		}
	case *hclsyntax.BinaryOpExpr:
		switch e.Op {
		case hclsyntax.OpLogicalAnd, hclsyntax.OpLogicalOr:
			return logicNode{and: e.Op == hclsyntax.OpLogicalAnd, a: c.boolean(e.LHS), b: c.boolean(e.RHS)}
		case hclsyntax.OpLessThan, hclsyntax.OpLessThanOrEqual, hclsyntax.OpGreaterThan,
			hclsyntax.OpGreaterThanOrEqual, hclsyntax.OpEqual, hclsyntax.OpNotEqual:
			return cmpNode{op: e.Op, a: c.number(e.LHS), b: c.number(e.RHS)}
		}
	}
	if c.isNumber(e) {
		c.errorf(e.Range(), "Condition is not a comparison", "这里需要一个比较(如 success <= total、a + b == total),而不是一个数值。")
	} else {
		c.unsupported(e)
	}
	return constTruth(interval.Unknown)
}

// isNumber reports whether e would compile as a number (for a better
// message).
func (c *compiler) isNumber(e hclsyntax.Expression) bool {
	switch e := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return c.isNumber(e.Expression)
	case *hclsyntax.LiteralValueExpr:
		return e.Val.Type() == cty.Number
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.FunctionCallExpr:
		return true
	case *hclsyntax.UnaryOpExpr:
		return e.Op == hclsyntax.OpNegate
	case *hclsyntax.BinaryOpExpr:
		switch e.Op {
		case hclsyntax.OpAdd, hclsyntax.OpSubtract, hclsyntax.OpMultiply, hclsyntax.OpDivide:
			return true
		}
	}
	return false
}

// number compiles an expression that must be a number.
func (c *compiler) number(e hclsyntax.Expression) numNode {
	switch e := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return c.number(e.Expression)
	case *hclsyntax.LiteralValueExpr:
		if e.Val.Type() == cty.Number && e.Val.IsKnown() && !e.Val.IsNull() {
			f := e.Val.AsBigFloat()
			if f.IsInf() || f.Sign() != 0 && (f.MantExp(nil) > maxExp || f.MantExp(nil) < -maxExp) {
				c.errorf(e.Range(), "Number out of range", "数字 %s 过大或过小;条件中的数字应在 ±10^30 之内。", f.Text('g', 6))
				return constNum{interval.Everything}
			}
			if r, ok := new(big.Rat).SetString(f.Text('g', -1)); ok {
				return constNum{interval.Exact(r)}
			}
		}
	case *hclsyntax.ScopeTraversalExpr:
		return c.variable(e)
	case *hclsyntax.UnaryOpExpr:
		if e.Op == hclsyntax.OpNegate {
			return negNode{c.number(e.Val)}
		}
	case *hclsyntax.BinaryOpExpr:
		switch e.Op {
		case hclsyntax.OpAdd, hclsyntax.OpSubtract, hclsyntax.OpMultiply, hclsyntax.OpDivide:
			return arithNode{op: e.Op, a: c.number(e.LHS), b: c.number(e.RHS)}
		}
	case *hclsyntax.FunctionCallExpr:
		return c.call(e)
	}
	if !c.isNumber(e) && c.isBoolean(e) {
		c.errorf(e.Range(), "Expected a number", "这里需要一个数值(捕获名、数字或 pct() 等函数),而不是比较或逻辑表达式。")
	} else {
		c.unsupported(e)
	}
	return constNum{interval.Everything}
}

func (c *compiler) isBoolean(e hclsyntax.Expression) bool {
	switch e := e.(type) {
	case *hclsyntax.ParenthesesExpr:
		return c.isBoolean(e.Expression)
	case *hclsyntax.LiteralValueExpr:
		return e.Val.Type() == cty.Bool
	case *hclsyntax.UnaryOpExpr:
		return e.Op == hclsyntax.OpLogicalNot
	case *hclsyntax.BinaryOpExpr:
		return !c.isNumber(e) && e.Op != hclsyntax.OpModulo
	}
	return false
}

func (c *compiler) unsupported(e hclsyntax.Expression) {
	what := "这种写法"
	switch e := e.(type) {
	case *hclsyntax.TemplateExpr, *hclsyntax.TemplateWrapExpr:
		what = "字符串"
	case *hclsyntax.LiteralValueExpr:
		what = "值 " + e.Val.GoString()
		if e.Val.IsNull() {
			what = "null"
		}
	case *hclsyntax.ConditionalExpr:
		what = "条件表达式 ? :"
	case *hclsyntax.BinaryOpExpr:
		if e.Op == hclsyntax.OpModulo {
			what = "取余 %"
		}
	case *hclsyntax.RelativeTraversalExpr, *hclsyntax.IndexExpr, *hclsyntax.SplatExpr:
		what = "下标或属性"
	case *hclsyntax.TupleConsExpr, *hclsyntax.ObjectConsExpr, *hclsyntax.ForExpr:
		what = "列表或对象"
	}
	c.errorf(e.Range(), "Not allowed in a condition",
		"条件中不能使用%s;只能用捕获名、数字、+ - * /、比较(< <= > >= == !=)、&& || ! 和函数 %s。", what, strings.Join(ConditionFuncs, "、"))
}

// variable compiles a reference to a capture.
func (c *compiler) variable(e *hclsyntax.ScopeTraversalExpr) numNode {
	root := e.Traversal.RootName()
	idx := -1
	for i, v := range c.vars {
		if v == root {
			idx = i
		}
	}
	switch {
	case idx < 0:
		c.errorf(e.Traversal.SourceRange(), "Unknown capture",
			"没有名为 %s 的捕获;本关系捕获的有:%s。", root, strings.Join(c.vars, "、"))
		return constNum{interval.Everything}
	case len(e.Traversal) > 1:
		c.errorf(e.Traversal.SourceRange(), "Not allowed in a condition", "捕获 %s 是一个数,不能取属性或下标。", root)
	}
	seen := false
	for _, r := range c.refs {
		seen = seen || r == idx
	}
	if !seen {
		c.refs = append(c.refs, idx)
	}
	return varNode(idx)
}

// call compiles a call to one of ConditionFuncs.
func (c *compiler) call(e *hclsyntax.FunctionCallExpr) numNode {
	arity := map[string][2]int{"pct": {2, 2}, "sum": {1, -1}, "min": {1, -1}, "max": {1, -1}, "abs": {1, 1}}
	a, ok := arity[e.Name]
	if !ok {
		c.errorf(e.NameRange, "Function not allowed", "条件中不能调用函数 %s();可用的函数有:%s。", e.Name, strings.Join(ConditionFuncs, "、"))
		return constNum{interval.Everything}
	}
	if e.ExpandFinal {
		c.errorf(e.CloseParenRange, "Not allowed in a condition", "条件中的函数调用不能用 ... 展开参数。")
	}
	if len(e.Args) < a[0] || a[1] >= 0 && len(e.Args) > a[1] {
		want := fmt.Sprintf("%d 个", a[0])
		if a[1] < 0 {
			want = fmt.Sprintf("至少 %d 个", a[0])
		}
		c.errorf(e.Range(), "Wrong number of arguments", "函数 %s() 需要 %s参数,这里给了 %d 个。", e.Name, want, len(e.Args))
		return constNum{interval.Everything}
	}
	args := make([]numNode, len(e.Args))
	for i, arg := range e.Args {
		args[i] = c.number(arg)
	}
	return callNode{fn: e.Name, args: args}
}

type boolNode interface {
	truth(env []Operand) interval.Truth
}

// A numNode yields an interval, or false when it depends on a capture the
// text does not state.
type numNode interface {
	num(env []Operand) (interval.Interval, bool)
}

type constTruth interval.Truth

func (t constTruth) truth([]Operand) interval.Truth { return interval.Truth(t) }

type notNode struct{ a boolNode }

func (n notNode) truth(env []Operand) interval.Truth { return interval.Not(n.a.truth(env)) }

type logicNode struct {
	and  bool
	a, b boolNode
}

func (n logicNode) truth(env []Operand) interval.Truth {
	a, b := n.a.truth(env), n.b.truth(env)
	if n.and {
		return interval.And(a, b)
	}
	return interval.Or(a, b)
}

type cmpNode struct {
	op   *hclsyntax.Operation
	a, b numNode
}

func (n cmpNode) truth(env []Operand) interval.Truth {
	a, ok := n.a.num(env)
	if !ok {
		return interval.Absent
	}
	b, ok := n.b.num(env)
	if !ok {
		return interval.Absent
	}
	switch n.op {
	case hclsyntax.OpLessThan:
		return interval.Less(a, b)
	case hclsyntax.OpLessThanOrEqual:
		return interval.LessEq(a, b)
	case hclsyntax.OpGreaterThan:
		return interval.Less(b, a)
	case hclsyntax.OpGreaterThanOrEqual:
		return interval.LessEq(b, a)
	case hclsyntax.OpEqual:
		return interval.Equal(a, b)
	case hclsyntax.OpNotEqual:
		return interval.Not(interval.Equal(a, b))
	}
	return interval.Unknown
}

type constNum struct{ v interval.Interval }

func (n constNum) num([]Operand) (interval.Interval, bool) { return n.v, true }

type varNode int

func (n varNode) num(env []Operand) (interval.Interval, bool) {
	if int(n) >= len(env) || !env[n].Present {
		return interval.Interval{}, false
	}
	return env[n].Interval, true
}

type negNode struct{ a numNode }

func (n negNode) num(env []Operand) (interval.Interval, bool) {
	a, ok := n.a.num(env)
	return a.Neg(), ok
}

type arithNode struct {
	op   *hclsyntax.Operation
	a, b numNode
}

func (n arithNode) num(env []Operand) (interval.Interval, bool) {
	a, ok := n.a.num(env)
	if !ok {
		return interval.Interval{}, false
	}
	b, ok := n.b.num(env)
	if !ok {
		return interval.Interval{}, false
	}
	switch n.op {
	case hclsyntax.OpAdd:
		return a.Add(b), true
	case hclsyntax.OpSubtract:
		return a.Sub(b), true
	case hclsyntax.OpMultiply:
		return a.Mul(b), true
	case hclsyntax.OpDivide:
		return a.Quo(b), true
	}
	return interval.Everything, true
}

type callNode struct {
	fn   string
	args []numNode
}

func (n callNode) num(env []Operand) (interval.Interval, bool) {
	if n.fn == "sum" {
		var acc interval.Interval
		any := false
		for _, a := range n.args {
			v, ok := a.num(env)
			if !ok {
				continue
			}
			if !any {
				acc, any = v, true
			} else {
				acc = acc.Add(v)
			}
		}
		return acc, any
	}
	vs := make([]interval.Interval, len(n.args))
	for i, a := range n.args {
		v, ok := a.num(env)
		if !ok {
			return interval.Interval{}, false
		}
		vs[i] = v
	}
	switch n.fn {
	case "pct":
		return vs[0].Percent(vs[1]), true
	case "abs":
		return vs[0].Abs(), true
	case "min", "max":
		acc := vs[0]
		for _, v := range vs[1:] {
			if n.fn == "min" {
				acc = acc.Min(v)
			} else {
				acc = acc.Max(v)
			}
		}
		return acc, true
	}
	return interval.Everything, true
}
