package checks

import (
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// A numeric "sum-mismatch" block configures SumMismatch:
//
//	numeric "sum-mismatch" {          # 其中 parts add up to their total
//	  title = "…"  source = "…"  doc = "…"
//	  severity        = "error"       # the parts exceed the total
//	  short_severity  = "warning"     # two or more parts fall short of it
//	  min_short_parts = 2
//	  breaks = ["另", "此外"]          # words between two parts that end the list
//	  not_in = ["next-year"]           # parts whose text is not checked
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "numeric", Label: "sum-mismatch", Rule: "numeric/sum-mismatch", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{
			{Name: "short_severity"}, {Name: "min_short_parts"}, {Name: "breaks"}, {Name: "not_in"},
		}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			return &SumMismatch{
				Rule:     rule,
				Short:    d.Severity("short_severity", lint.Warning),
				MinShort: d.Int("min_short_parts", 2, 1, 100),
				Breaks:   d.Patterns("breaks"),
				NotIn:    d.Names("not_in"),
			}
		},
	})
}

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
// are the quantities after 其中 with the total's unit, read up to a word in
// Breaks ("另", "此外"), the ")" that closes a "(" opened before 其中
// ("共34件(其中…6件、…28件),审查20件": 20 is no part), or a quantity of
// another unit after anything but 、: in "接听电话8266个,其中蒙语1119个,
// 部门沟通118次" only 1119 is a part, and in "议题40个,其中法治议题6个、学法
// 活动1次、文件议题28个" the parts are 6 and 28. One
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
	Breaks []*document.Pattern
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
		end := listEnd(doc.Norm, t.End, qs[first].Start)
		for i := first; i < len(qs); i++ {
			q := &qs[i]
			if q.Start >= end || q.Kind != t.Kind || q.Growth || c.breaks.Match(doc.Norm[prevEnd:q.Start]) {
				break
			}
			if !sameUnit(q, t) {
				// An item of the list counted in another unit ("议题6个、
				// 议题28个、学法活动1次") is no part of the total, and
				// the list goes on after it; after anything but 、 it
				// ends the list ("蒙语1119个,部门沟通118次").
				if !listItem(doc.Norm[prevEnd:q.Start]) {
					break
				}
				prevEnd = q.End
				continue
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
	sum := interval.Bounds(*parts[0])
	for _, p := range parts[1:] {
		sum = sum.Add(interval.Bounds(*p))
	}
	tb := interval.Bounds(*t)
	shown := func() string {
		if allStated(parts) {
			return showAmount(interval.Exact(nominal(parts)), t)
		}
		return showAmount(sum, t)
	}
	switch {
	case interval.Less(tb, sum) == interval.True:
		reportf(pass, c.Rule, c.Rule.Severity, span(t),
			"“其中”各项之和%s(%s)大于总数%s:各部分之和不能超过总数,请核对总数和各项数字。",
			shown(), describeAll(parts, "+"), t.Text)
	case len(parts) >= c.MinShort && interval.Less(sum, tb) == interval.True:
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
func showAmount(iv interval.Interval, like *quantity.Quantity) string {
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
		iv = iv.Quo(interval.ExactInt(div))
	}
	switch {
	case iv.IsExact():
		return interval.FormatRat(iv.Lo, 4) + unit
	case iv.Lo != nil && iv.Hi == nil:
		return "至少" + interval.FormatRat(iv.Lo, 4) + unit
	case iv.Lo == nil && iv.Hi != nil:
		return "至多" + interval.FormatRat(iv.Hi, 4) + unit
	case iv.Lo != nil:
		return fmt.Sprintf("%s至%s%s", interval.FormatRat(iv.Lo, 4), interval.FormatRat(iv.Hi, 4), unit)
	}
	return "?" + unit
}

// listEnd returns where the list of parts that starts after 其中 ends: at
// the ")" closing a "(" opened between the total (ending at from) and the
// first part (starting at to), "共34件(其中规范性文件6件、其他28件),学法
// 活动1次"; else nowhere before the sentence's end (len(s)).
func listEnd(s string, from, to int) int {
	between := s[from:to]
	open := strings.LastIndexByte(between, '(')
	if open < 0 || strings.IndexByte(between[open:], ')') >= 0 {
		return len(s)
	}
	if k := strings.IndexByte(s[to:], ')'); k >= 0 {
		return to + k
	}
	return len(s)
}

// listItem reports whether the text between two quantities is only the
// label of the next item, after a 、 ("、开展学法活动").
func listItem(between string) bool {
	return strings.HasPrefix(strings.TrimLeft(between, " "), "、")
}
