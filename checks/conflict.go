package checks

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// A numeric "conflict" block configures Conflict:
//
//	numeric "conflict" {              # a key statistic has one value
//	  title     = "…"
//	  not_label = ["上年", "同期"]       # vetoes for every figure
//	  not_in    = ["next-year"]
//	  figure "负责人出庭次数" {
//	    label     = ["负责人出庭(应诉)?$"]
//	    not_label = ["应出庭"]
//	    unit      = ["次"]
//	  }
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "numeric", Label: "conflict", Rule: "numeric/conflict", Severity: lint.Error,
		Schema: hcl.BodySchema{
			Attributes: []hcl.AttributeSchema{{Name: "not_label"}, {Name: "not_in"}},
			Blocks:     []hcl.BlockHeaderSchema{{Type: "figure", LabelNames: []string{"name"}}},
		},
		Decode: decodeConflict,
	})
}

var figureSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "label", Required: true}, {Name: "not_label"}, {Name: "unit"},
}}

func decodeConflict(d kind.Decoder, rule *lint.Rule) lint.Check {
	c := &Conflict{Rule: rule, NotLabel: d.Patterns("not_label"), NotIn: d.Names("not_in")}
	for _, b := range d.Blocks() {
		fd := d.Sub(b, figureSchema)
		c.Figures = append(c.Figures, Figure{
			Name: b.Labels[0], Label: fd.Patterns("label"), NotLabel: fd.Patterns("not_label"), Units: fd.Strings("unit"),
		})
	}
	if len(c.Figures) == 0 {
		d.ErrorAt(d.Block().DefRange, "No figures", "numeric \"conflict\" 至少要声明一个 figure(关键统计数字),如 figure \"负责人出庭次数\" { label = [\"负责人出庭\"] }。")
	}
	return c
}

// Conflict checks that a key statistic, stated more than once, is stated
// with one value:
//
//	一、… 全年行政机关负责人出庭15次 …
//	三、… 机关负责人出庭12次 …
//
// is an error (15 or 12?); it passes when both say 15次, and when one says
// "15余次". Only the statistics the rule pack declares as Figures are
// compared, each by its label and unit; a part after 其中 (a subset), a
// change ("较上年增加3次"), a figure labelled with another year than the
// report's or vetoed by NotLabel ("上年", "同期") and anything in the parts
// NotIn names (next year's targets are not results) are left out. Each
// statement is compared with the first; intervals that cannot hold one same
// value conflict.
type Conflict struct {
	Rule    *lint.Rule
	Figures []Figure
	// NotLabel vetoes statements of any figure.
	NotLabel []*document.Pattern
	NotIn    []string

	once    sync.Once
	not     match.Set
	figures []figureMatch
}

type figureMatch struct{ label, not match.Set }

// A Figure is one key statistic.
type Figure struct {
	Name            string
	Label, NotLabel []*document.Pattern
	// Units are the canonical units it is stated in; a statement in one
	// unit is compared only with statements in the same unit.
	Units []string
}

// yearInLabel finds a year in a quantity's label; compiled on first use,
// not when every command starts.
var yearInLabel = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`((?:19|20)\d\d)年`) })

func (c *Conflict) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *Conflict) Run(pass *lint.Pass) error {
	c.once.Do(func() {
		c.not = match.NewSet(c.NotLabel)
		for _, f := range c.Figures {
			c.figures = append(c.figures, figureMatch{match.NewSet(f.Label), match.NewSet(f.NotLabel)})
		}
	})
	doc := pass.Doc
	out := regions(pass, c.NotIn)
	first := make([][]*quantity.Quantity, len(c.Figures)) // per figure and unit class, the first statement
	for i := range doc.Quantities {
		q := &doc.Quantities[i]
		if q.Growth || q.Part || q.Negative || q.Kind == quantity.Bare || q.Label == "" || within(out, q.Start) {
			continue
		}
		for fi := range c.Figures {
			f := &c.Figures[fi]
			if !c.states(pass, f, &c.figures[fi], q, i) {
				continue
			}
			var ref *quantity.Quantity
			for _, p := range first[fi] {
				if quantity.UnitClass(p.Unit) == quantity.UnitClass(q.Unit) {
					ref = p
				}
			}
			if ref == nil {
				first[fi] = append(first[fi], q)
				continue
			}
			if interval.Equal(interval.Bounds(*ref), interval.Bounds(*q)) == interval.False {
				pass.ReportOnce(c.Rule, c.Rule.Severity, span(q),
					fmt.Sprintf("%s前后不一致:此处为%s,前文为%s(“%s”);同一统计数字应前后一致,请核对。", f.Name, q.Text, ref.Text, describe(*ref)),
					lint.WithRelated(span(ref), fmt.Sprintf("前文所写的%s:%s", f.Name, ref.Text)))
			}
		}
	}
	return nil
}

// states reports whether q (a level, not a part, with a label) is a
// statement of figure f.
func (c *Conflict) states(pass *lint.Pass, f *Figure, m *figureMatch, q *quantity.Quantity, i int) bool {
	ok := len(f.Units) == 0
	for _, u := range f.Units {
		if u == q.Unit {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	if l, mask := labelOf(pass.Doc, i); !m.label.MatchMask(l, mask) || m.not.MatchMask(l, mask) || c.not.MatchMask(l, mask) {
		return false
	}
	if m := yearInLabel().FindStringSubmatch(q.Label); m != nil && pass.Doc.Year != 0 {
		if y, _ := strconv.Atoi(m[1]); y != pass.Doc.Year {
			return false
		}
	}
	return true
}
