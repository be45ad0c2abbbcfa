package checks

import (
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// A numeric "part-exceeds-total" block configures PartExceedsTotal:
//
//	numeric "part-exceeds-total" {    # a success count ≤ the count it is part of
//	  title   = "…"
//	  success = ["成功", "办结"]        # labels of the part
//	  total   = ["受理", "收到"]        # labels of the total
//	  exempt  = ["结转"]                # sentences left alone
//	  not_in  = ["next-year"]
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "numeric", Label: "part-exceeds-total", Rule: "numeric/part-exceeds-total", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{
			{Name: "success"}, {Name: "total"}, {Name: "exempt"}, {Name: "not_in"},
		}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			d.Require("success", "total")
			return &PartExceedsTotal{Rule: rule, Success: d.Patterns("success"), Total: d.Patterns("total"), Exempt: d.Patterns("exempt"), NotIn: d.Names("not_in")}
		},
	})
}

// PartExceedsTotal checks that a count of successes (resolved, concluded,
// passed) is no larger than the count it is part of:
//
//	共受理矛盾纠纷120件,调解成功125件。
//
// is an error (125 > 120); it passes
//
//	受理矛盾纠纷131件,成功化解131件。
//
// Within a sentence, a count whose label matches Success is compared with
// the nearest count before it that has the same unit and whose label
// matches Total (受理, 收到, 调解 …) but not Success. A part listed after
// 其中 under a total stated before it is left to SumMismatch. Approximate
// counts are intervals: "成功调解200余件" under "受理300件" is fine, and a
// success is reported only when every reading of both exceeds. A sentence
// that matches Exempt ("上年结转", "累计") is left alone: cases carried over
// from last year may be concluded this year.
type PartExceedsTotal struct {
	Rule *lint.Rule
	// Success and Total match the labels of the part and of the total.
	Success, Total []*document.Pattern
	// Exempt matches sentences that are left alone.
	Exempt []*document.Pattern
	NotIn  []string

	once                   sync.Once
	success, total, exempt match.Set
}

func (c *PartExceedsTotal) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *PartExceedsTotal) Run(pass *lint.Pass) error {
	c.once.Do(func() {
		c.success, c.total, c.exempt = match.NewSet(c.Success), match.NewSet(c.Total), match.NewSet(c.Exempt)
	})
	doc := pass.Doc
	sentences(pass, c.NotIn, func(lo, hi int) {
		qs := doc.Quantities[lo:hi]
		exempt := -1 // unknown yet
		for i := range qs {
			s := &qs[i]
			if !isCount(s) {
				continue
			}
			if w, m := wordsOf(doc, lo+i); !c.success.MatchMask(w, m) {
				continue
			}
			for j := i - 1; j >= 0; j-- {
				t := &qs[j]
				if !isCount(t) || !sameUnit(s, t) {
					continue
				}
				w, m := wordsOf(doc, lo+j)
				if !c.total.MatchMask(w, m) || c.success.MatchMask(w, m) {
					continue
				}
				if s.Part && !t.Part {
					break // a 其中 breakdown: SumMismatch's
				}
				if exempt < 0 {
					exempt = 0
					if len(c.Exempt) > 0 && c.exempt.Match(doc.Slice(doc.Sentences[doc.QuantitySentence(lo)])) {
						exempt = 1
					}
				}
				if exempt == 1 {
					return
				}
				if interval.Less(interval.Bounds(*t), interval.Bounds(*s)) == interval.True {
					reportf(pass, c.Rule, c.Rule.Severity, span(s),
						"%s多于%s:成功、办结等数量是其所属总数的一部分,不能超过总数;请核对这两个数字。",
						describe(*s), describe(*t))
				}
				break
			}
		}
	})
	return nil
}
