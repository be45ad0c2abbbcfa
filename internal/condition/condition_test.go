package condition

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/quantity"
)

func parseExpr(t testing.TB, src string) hclsyntax.Expression {
	t.Helper()
	e, diags := hclsyntax.ParseExpression([]byte(src), "c.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", src, diags)
	}
	return e
}

func TestCompileConditionErrors(t *testing.T) {
	vars := []string{"total", "success", "rate"}
	tests := []struct {
		src  string
		col  int    // column of the diagnostic's subject
		want string // in its detail
	}{
		{"succes <= total", 1, "没有名为 succes 的捕获"},
		{"success <= totl + 1", 12, "totl"},
		{"round(success) <= total", 1, "不能调用函数 round()"},
		{"upper(success) <= total", 1, "upper"},
		{"1 <= 2", 1, "没有引用任何捕获"},
		{"success", 1, "需要一个比较"},
		{"success + 1", 1, "需要一个比较"},
		{`success <= "total"`, 12, "字符串"},
		{"(success <= total) <= total", 2, "需要一个数值"},
		{"success <= total ? 1 : 0", 1, "条件表达式"},
		{"success % 2 == 0", 1, "取余"},
		{"success.value <= total", 1, "不能取属性"},
		{"pct(success) == rate", 1, "需要 2 个参数"},
		{"sum() == rate", 1, "至少 1 个参数"},
		{"success <= null", 12, "null"},
		{"[success] == total", 1, "列表"},
		{"success <= 1e999999999", 12, "过大"},
		{"success <= 1e400", 12, "过大"},
		{"success >= 1e-99", 12, "过小"},
		{"success[0] <= total", 1, "下标"},
	}
	for _, tc := range tests {
		_, diags := CompileCondition(parseExpr(t, tc.src), vars)
		if !diags.HasErrors() {
			t.Errorf("%s: no error", tc.src)
			continue
		}
		d := diags[0]
		if d.Subject == nil || d.Subject.Start.Column != tc.col || d.Subject.Start.Line != 1 {
			t.Errorf("%s: diagnostic at %v, want column %d", tc.src, d.Subject, tc.col)
		}
		if !strings.Contains(d.Detail, tc.want) {
			t.Errorf("%s: %q does not say %q", tc.src, d.Detail, tc.want)
		}
	}
}

func TestConditionEval(t *testing.T) {
	vars := []string{"a", "b", "c", "total", "rate"}
	// "" is absent; a quantity's text is read with quantity.Extract
	tests := []struct {
		cond string
		vals []string // a, b, c, total, rate
		want interval.Truth
	}{
		{"a <= total", []string{"120件", "", "", "125件", ""}, interval.True},
		{"a <= total", []string{"125件", "", "", "120件", ""}, interval.False},
		{"a <= total", []string{"125件", "", "", "120余件", ""}, interval.Unknown},
		{"a <= total", []string{"", "", "", "120件", ""}, interval.Absent},
		// equality over sums: 200余件 can hold any total ≥ 200
		{"a + b == total", []string{"200余件", "10件", "", "210件", ""}, interval.Unknown},
		{"a + b == total", []string{"200余件", "10件", "", "205件", ""}, interval.False},
		{"a + b + c == total", []string{"13件", "3件", "12件", "28件", ""}, interval.True},
		{"a + b + c == total", []string{"13件", "3件", "10件", "28件", ""}, interval.False},
		{"a + b == total", []string{"200余件", "100余件", "", "310件", ""}, interval.Unknown},
		{"a - b == 0", []string{"200余件", "200余件", "", "", ""}, interval.Unknown},
		{"sum(a, b, c) <= total", []string{"13件", "", "12件", "24件", ""}, interval.False},
		{"sum(a, b, c) <= total", []string{"", "", "", "24件", ""}, interval.Absent},
		// rates: rounding or truncation at the stated precision
		{"rate == pct(a, total)", []string{"11件", "", "", "13件", "84.61%"}, interval.Unknown},
		{"rate == pct(a, total)", []string{"11件", "", "", "13件", "84.62%"}, interval.Unknown},
		{"rate == pct(a, total)", []string{"11件", "", "", "13件", "84.6%"}, interval.Unknown},
		{"rate == pct(a, total)", []string{"11件", "", "", "13件", "84.63%"}, interval.False},
		{"rate == pct(a, total)", []string{"9件", "", "", "51件", "17.65%"}, interval.Unknown},
		{"rate == pct(a, total)", []string{"9件", "", "", "51件", "16.65%"}, interval.False},
		{"rate == pct(a + b, total)", []string{"25件", "91件", "", "145件", "80%"}, interval.Unknown},
		{"rate == pct(a, total)", []string{"9件", "", "", "0件", "17.65%"}, interval.Unknown},
		// a comparison about an absent capture is left out of || and &&
		{"rate == pct(a, b) || rate == pct(a, total)", []string{"9件", "", "", "51件", "17.65%"}, interval.Unknown},
		{"rate == pct(a, b) || rate == pct(a, total)", []string{"9件", "", "", "51件", "16.65%"}, interval.False},
		{"rate == pct(a, b) && a <= total", []string{"9件", "", "", "51件", "16.65%"}, interval.True},
		{"!(a > total)", []string{"9件", "", "", "51件", ""}, interval.True},
		{"a != total", []string{"9件", "", "", "9件", ""}, interval.False},
		{"-a < 0 && abs(-a) == a", []string{"9件", "", "", "", ""}, interval.True},
		{"min(a, total) == a && max(a, total) == total", []string{"9件", "", "", "51件", ""}, interval.True},
		{"a * 2 / 3 == 6", []string{"9件", "", "", "", ""}, interval.True},
		{"true && a > 1", []string{"9件", "", "", "", ""}, interval.True},
		{"false || a > 100", []string{"9件", "", "", "", ""}, interval.False},
	}
	for _, tc := range tests {
		c, diags := CompileCondition(parseExpr(t, tc.cond), vars)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tc.cond, diags)
		}
		env := make([]Operand, len(vars))
		for i, v := range tc.vals {
			if v == "" {
				continue
			}
			qs := quantity.Extract(v)
			if len(qs) != 1 {
				t.Fatalf("%q: %d quantities", v, len(qs))
			}
			env[i] = Operand{interval.Bounds(qs[0]), true}
		}
		if got := c.Eval(env); got != tc.want {
			t.Errorf("%s with %v: got %v, want %v", tc.cond, tc.vals, got, tc.want)
		}
	}
}

func TestConditionRefs(t *testing.T) {
	c, diags := CompileCondition(parseExpr(t, "rate == pct(success, total) || rate == pct(success, rate)"), []string{"total", "success", "rate"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if fmt.Sprint(c.Refs) != "[2 1 0]" {
		t.Errorf("Refs = %v, want [2 1 0] (rate, success, total)", c.Refs)
	}
}

// FuzzCondition compiles arbitrary conditions over three captures and
// checks the interval evaluator against go-cty: on exact values a true or
// false result is what cty computes, and on intervals a false result holds
// at their ends and midpoints (no reading satisfies a false condition).
func FuzzCondition(f *testing.F) {
	for _, s := range []string{
		"a <= b", "a + b == c", "a + b + c == c", "c == pct(a, b)", "sum(a, b) <= c",
		"a - b * c > 2 || !(a < b)", "abs(a - b) <= 1 && min(a, b) < max(b, c)", "a / b >= c",
		"a != b", "-a < -b", "(a + 1) * (b - 2) <= c / 3",
	} {
		f.Add(s, int64(3), int64(5), int64(8), uint8(0))
	}
	vars := []string{"a", "b", "c"}
	f.Fuzz(func(t *testing.T, src string, a, b, c int64, widen uint8) {
		e, diags := hclsyntax.ParseExpression([]byte(src), "f.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			return
		}
		cond, diags := CompileCondition(e, vars)
		if diags.HasErrors() {
			return
		}
		if len(src) > 200 {
			return // keep cty's big.Float arithmetic small
		}
		vals := []int64{a % 1000, b % 1000, c % 1000}
		// exact values: agree with cty where cty's arithmetic is exact
		env := make([]Operand, 3)
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: ctyConditionFuncs}
		for i, v := range vals {
			env[i] = Operand{interval.ExactInt(v), true}
			ctx.Variables[vars[i]] = cty.NumberIntVal(v)
		}
		got := cond.Eval(env)
		if got == interval.Absent {
			t.Fatalf("%s: absent with every capture present", src)
		}
		if exactInCty(e) {
			v, d := e.Value(ctx)
			if !d.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.Bool {
				want := interval.False
				if v.True() {
					want = interval.True
				}
				if got != interval.Unknown && got != want {
					t.Fatalf("%s with %v: interval evaluator says %v, cty %v", src, vals, got, v.True())
				}
			}
		}
		// intervals: a false condition is false at every sampled point
		w := int64(widen % 7)
		for i, v := range vals {
			env[i] = Operand{interval.Interval{Lo: big.NewRat(v, 1), Hi: big.NewRat(v+w, 1)}, true}
		}
		if cond.Eval(env) != interval.False {
			return
		}
		for _, pick := range [][3]int64{{0, 0, 0}, {w, w, w}, {0, w, 0}, {w, 0, w}, {w / 2, w / 2, w / 2}, {0, 0, w}, {w, w, 0}} {
			for i, v := range vals {
				env[i] = Operand{interval.ExactInt(v + pick[i]), true}
			}
			if r := cond.Eval(env); r == interval.True {
				t.Fatalf("%s: false over the intervals but true at %v+%v", src, vals, pick)
			}
		}
	})
}

// ctyConditionFuncs are the condition functions for cty, to compare with.
var ctyConditionFuncs = map[string]function.Function{
	"pct": pctFunc, "sum": sumFunc, "min": stdlib.MinFunc, "max": stdlib.MaxFunc, "abs": stdlib.AbsoluteFunc,
}

// exactInCty reports whether cty computes e exactly on integers: no
// division (cty's numbers are binary floats of 512 bits).
func exactInCty(e hclsyntax.Expression) bool {
	exact := true
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		switch n := n.(type) {
		case *hclsyntax.BinaryOpExpr:
			if n.Op == hclsyntax.OpDivide {
				exact = false
			}
		case *hclsyntax.FunctionCallExpr:
			if n.Name == "pct" {
				exact = false
			}
		case *hclsyntax.LiteralValueExpr:
			if n.Val.Type() == cty.Number && !n.Val.AsBigFloat().IsInt() {
				exact = false
			}
		}
		return nil
	})
	return exact
}
