package condition

import (
	"fmt"
	"math/big"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/ducha-dev/ducha/internal/interval"
)

// RatValue is v as an exact cty number (v is a finite decimal).
func RatValue(v *big.Rat) cty.Value {
	n, err := cty.ParseNumberVal(interval.FormatRat(v, 12))
	if err != nil {
		return cty.NullVal(cty.Number)
	}
	return n
}

// MessageFuncs are the functions an assert's message may call: pct(a, b)
// (a ÷ b × 100), round(x, k) (half up to k decimals), sum, min, max, abs and
// format (go-cty's).
var MessageFuncs = map[string]function.Function{
	"pct":    pctFunc,
	"round":  roundFunc,
	"sum":    sumFunc,
	"min":    stdlib.MinFunc,
	"max":    stdlib.MaxFunc,
	"abs":    stdlib.AbsoluteFunc,
	"format": stdlib.FormatFunc,
}

func numArg(v cty.Value) (*big.Rat, bool) {
	if v.IsNull() || !v.IsKnown() {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(v.AsBigFloat().Text('g', -1))
	return r, ok
}

var pctFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "a", Type: cty.Number}, {Name: "b", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		a, ok1 := numArg(args[0])
		b, ok2 := numArg(args[1])
		if !ok1 || !ok2 || b.Sign() == 0 {
			return cty.NilVal, fmt.Errorf("pct 的分母为零")
		}
		r := new(big.Rat).Quo(a, b)
		return RatValue(r.Mul(r, big.NewRat(100, 1))), nil
	},
})

var roundFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "x", Type: cty.Number}, {Name: "decimals", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		x, ok := numArg(args[0])
		k, ok2 := numArg(args[1])
		if !ok || !ok2 || !k.IsInt() || k.Sign() < 0 || k.Num().Int64() > 12 {
			return cty.NilVal, fmt.Errorf("round 的小数位数应为 0 到 12 的整数")
		}
		return RatValue(interval.RoundRat(x, int(k.Num().Int64()))), nil
	},
})

var sumFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "x", Type: cty.Number, AllowNull: true},
	Type:     function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		acc := new(big.Rat)
		for _, a := range args {
			if r, ok := numArg(a); ok {
				acc.Add(acc, r)
			}
		}
		return RatValue(acc), nil
	},
})
