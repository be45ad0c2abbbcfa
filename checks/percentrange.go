package checks

import (
	"math/big"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// A numeric "percent-range" block configures PercentRange:
//
//	numeric "percent-range" {         # a proportion is within 0–100%
//	  title           = "…"
//	  proportions     = ["通过率", "占比"]
//	  not_proportions = ["完成率"]
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "numeric", Label: "percent-range", Rule: "numeric/percent-range", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "proportions"}, {Name: "not_proportions"}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			d.Require("proportions")
			return &PercentRange{Rule: rule, Proportions: d.Patterns("proportions"), NotProportions: d.Patterns("not_proportions")}
		},
	})
}

var hundred = big.NewRat(100, 1) // never changed

// PercentRange checks that a proportion lies between 0 and 100%:
//
//	组织全体干部参加学法考试,参学率110%,通过率100%。
//
// is an error (a share of a whole cannot exceed the whole), as is
// "纠错率-5%" (nor be less than nothing); it passes
// "参学率100%" and never looks at changes ("同比增长150%", "提高了120%")
// or at rates that may exceed 100% (a 完成率 of a plan may).
//
// A proportion is a percentage, not a change (quantity.Quantity.Growth),
// whose label matches Proportions and not NotProportions. It is reported
// when every value it may stand for is above 100 ("100.4%" is, "100%以上"
// is not), or when a minus sign stands before it ("纠错率-5%", "满意率负3%";
// see quantity.Quantity.Negative: "85%-90%" is a range). A proportion of
// -0% is left alone.
type PercentRange struct {
	Rule                        *lint.Rule
	Proportions, NotProportions []*document.Pattern

	once     sync.Once
	yes, not match.Set
}

func (c *PercentRange) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *PercentRange) Run(pass *lint.Pass) error {
	c.once.Do(func() { c.yes, c.not = match.NewSet(c.Proportions), match.NewSet(c.NotProportions) })
	doc := pass.Doc
	for i := range doc.Quantities {
		q := &doc.Quantities[i]
		if q.Kind != quantity.Percent || q.Growth {
			continue
		}
		if l, m := labelOf(doc, i); !c.yes.MatchMask(l, m) || c.not.MatchMask(l, m) {
			continue
		}
		switch b := interval.Bounds(*q); {
		case q.Negative && q.Value.Sign() > 0:
			reportf(pass, c.Rule, c.Rule.Severity, span(q),
				"%s是负数:比例是部分占总数之比,不能小于0;请核对这个比率,或是否误把“下降”写成了负号。", describe(*q))
		case !q.Negative && b.Lo != nil && b.Lo.Cmp(hundred) > 0:
			reportf(pass, c.Rule, c.Rule.Severity, span(q),
				"%s超过100%%:比例是部分占总数之比,不能大于100%%;请核对这个比率及其分子、分母。", describe(*q))
		}
	}
	return nil
}
