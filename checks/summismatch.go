package checks

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"sync"

	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// SumMismatch checks that the parts a sentence lists after 其中 add up to
// the total stated before it:
//
//	开展规范性文件清理,共计四十件,其中保留三十九件、废止二件。
//
// is an error (39 + 2 = 41 > 40), and
//
//	审结28件,其中维持13件、撤销3件、终止10件。
//
// a warning (26 < 28: a part may have been left out); it passes
//
//	共计35件,其中行政复议5件,行政诉讼30件。
//
// The total is the last count (or amount) before the first part; the parts
// are the quantities after 其中 with the total's unit, read up to the first
// quantity of another unit or a word in Breaks ("另", "此外"): in
// "接听电话8266个,其中蒙语1119个,部门沟通118次" only 1119 is a part. One
// part may fall short of its total (其中 often names one notable share); two
// or more that fall short are reported with severity Short. Approximate
// numbers compare as intervals: parts of 210件 under "200余件" are fine.
type SumMismatch struct {
	Rule *lint.Rule
	// Short is the severity when MinShort or more parts fall short of the
	// total; the rule's severity is for parts that exceed it.
	Short    lint.Severity
	MinShort int
	// Breaks end the list of parts when they come between two parts.
	Breaks []*regexp.Regexp
	NotIn  []string

	once   sync.Once
	breaks match.Set
}

func (c *SumMismatch) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *SumMismatch) Run(pass *lint.Pass) error {
	c.once.Do(func() { c.breaks = match.NewSet(c.Breaks) })
	doc := pass.Doc
	sentences(pass, c.NotIn, func(lo, hi int) {
		qs := doc.Quantities[lo:hi]
		first := -1
		for i := range qs {
			if qs[i].Part {
				first = i
				break
			}
		}
		if first <= 0 {
			return
		}
		total := -1
		for i := first - 1; i >= 0; i-- {
			if q := &qs[i]; (q.Kind == quantity.Count || q.Kind == quantity.Amount) && !q.Growth {
				total = i
				break
			}
		}
		if total < 0 {
			return
		}
		t := &qs[total]
		var parts []*quantity.Quantity
		prevEnd := t.End
		for i := first; i < len(qs); i++ {
			q := &qs[i]
			if q.Kind != t.Kind || !sameUnit(q, t) || q.Growth || c.breaks.Match(doc.Norm[prevEnd:q.Start]) {
				break
			}
			parts = append(parts, q)
			prevEnd = q.End
		}
		if len(parts) == 0 {
			return
		}
		c.compare(pass, t, parts)
	})
	return nil
}

func (c *SumMismatch) compare(pass *lint.Pass, t *quantity.Quantity, parts []*quantity.Quantity) {
	sum := Bounds(*parts[0])
	for _, p := range parts[1:] {
		sum = sum.Add(Bounds(*p))
	}
	tb := Bounds(*t)
	shown := func() string {
		if allStated(parts) {
			return showAmount(Exact(nominal(parts)), t)
		}
		return showAmount(sum, t)
	}
	switch {
	case Less(tb, sum) == True:
		reportf(pass, c.Rule, c.Rule.Severity, span(t),
			"“其中”各项之和%s(%s)大于总数%s:各部分之和不能超过总数,请核对总数和各项数字。",
			shown(), describeAll(parts, "+"), t.Text)
	case len(parts) >= c.MinShort && Less(sum, tb) == True:
		reportf(pass, c.Rule, c.Short, span(t),
			"“其中”各项之和%s(%s)小于总数%s:如有未列出的部分请写明,否则请核对总数和各项数字。",
			shown(), describeAll(parts, "+"), t.Text)
	}
}

// allStated reports whether every quantity is stated without approximation
// markers (a rounded "300万元" is stated; "200余件" is not).
func allStated(qs []*quantity.Quantity) bool {
	for _, q := range qs {
		if q.Approx != quantity.Exact {
			return false
		}
	}
	return true
}

// nominal is the sum of the values as stated.
func nominal(qs []*quantity.Quantity) *big.Rat {
	sum := new(big.Rat)
	for _, q := range qs {
		sum.Add(sum, q.Value)
	}
	return sum
}

// describeAll joins the quantities with their labels: "保留三十九件+废止二件".
func describeAll(qs []*quantity.Quantity, sep string) string {
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(describe(*q))
	}
	return b.String()
}

// showAmount writes an interval of values in the unit (and multiplier) of
// like: "41件", "至少210件", "3.5万元".
func showAmount(iv Interval, like *quantity.Quantity) string {
	unit := like.Unit
	div := int64(1)
	switch {
	case like.Scale == 8:
		unit, div = "亿"+unit, 100000000
	case like.Scale == 4:
		unit, div = "万"+unit, 10000
	}
	if unit == "%" || unit == "个百分点" {
		div = 1
	}
	if div != 1 {
		iv = iv.Quo(ExactInt(div))
	}
	switch {
	case iv.IsExact():
		return FormatRat(iv.Lo, 4) + unit
	case iv.Lo != nil && iv.Hi == nil:
		return "至少" + FormatRat(iv.Lo, 4) + unit
	case iv.Lo == nil && iv.Hi != nil:
		return "至多" + FormatRat(iv.Hi, 4) + unit
	case iv.Lo != nil:
		return fmt.Sprintf("%s至%s%s", FormatRat(iv.Lo, 4), FormatRat(iv.Hi, 4), unit)
	}
	return "?" + unit
}
