package checks

import (
	"regexp"
	"sync"

	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// PercentRange checks that a proportion lies between 0 and 100%:
//
//	组织全体干部参加学法考试,参学率110%,通过率100%。
//
// is an error (a share of a whole cannot exceed the whole); it passes
// "参学率100%" and never looks at changes ("同比增长150%", "提高了120%")
// or at rates that may exceed 100% (a 完成率 of a plan may).
//
// A proportion is a percentage, not a change (quantity.Quantity.Growth),
// whose label matches Proportions and not NotProportions. It is reported
// when every value it may stand for is above 100 ("100.4%" is, "100%以上"
// is not). Package quantity reads no number after a minus sign ("-5%" may
// be a range's end or a code), so a negative proportion is never seen.
type PercentRange struct {
	Rule                        *lint.Rule
	Proportions, NotProportions []*regexp.Regexp

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
		if b := Bounds(*q); b.Lo != nil && b.Lo.Cmp(hundred) > 0 {
			reportf(pass, c.Rule, c.Rule.Severity, span(q),
				"%s超过100%%:比例是部分占总数之比,不能大于100%%;请核对这个比率及其分子、分母。", describe(*q))
		}
	}
	return nil
}
