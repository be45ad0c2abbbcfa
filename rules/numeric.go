package rules

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/internal/hclfreeze"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// numeric blocks declare the numeric consistency rules; the label picks the
// kind of check, and the rule id is "numeric/" + the label:
//
//	numeric "sum-mismatch" {          # 其中 parts add up to their total
//	  title = "…"  source = "…"  doc = "…"
//	  severity        = "error"       # the parts exceed the total
//	  short_severity  = "warning"     # two or more parts fall short of it
//	  min_short_parts = 2
//	  breaks = ["另", "此外"]          # words between two parts that end the list
//	  not_in = ["next-year"]           # parts whose text is not checked
//	}
//
//	numeric "part-exceeds-total" {    # a success count ≤ the count it is part of
//	  success = ["成功", "办结"]        # labels of the part
//	  total   = ["受理", "收到"]        # labels of the total
//	  exempt  = ["结转"]                # sentences left alone
//	}
//
//	numeric "rate-mismatch" {         # a rate follows from its counts
//	  rates     = ["率$"]              # labels of rates
//	  not_rates = ["增长率"]
//	  concluded = ["审结", "结案"]     # when the rate's clause has no denominator,
//	                                   # the whole sentence's counts are tried, unless
//	                                   # the numerator exceeds one of these
//	  composite "first-class-or-better" {   # a rate over a sum of counts
//	    rate  = ["一类以上(案件)?率"]
//	    parts = ["优秀", "^一类"]       # each matches the label of one count
//	  }
//	}
//
//	numeric "percent-range" {         # a proportion is within 0–100%
//	  proportions     = ["通过率", "占比"]
//	  not_proportions = ["完成率"]
//	}
//
//	numeric "conflict" {              # a key statistic has one value
//	  not_label = ["上年", "同期"]       # vetoes for every figure
//	  not_in    = ["next-year"]
//	  figure "负责人出庭次数" {
//	    label     = ["负责人出庭(应诉)?$"]
//	    not_label = ["应出庭"]
//	    unit      = ["次"]
//	  }
//	}
//
// Any other label declares a rule with no check of its own: the asserts of
// relation blocks report under it (numeric "legal-aid" is rule
// numeric/legal-aid). Such a rule must be named by an assert.
var numericKinds = map[string]*hcl.BodySchema{
	"sum-mismatch": {Attributes: []hcl.AttributeSchema{
		{Name: "short_severity"}, {Name: "min_short_parts"}, {Name: "breaks"}, {Name: "not_in"},
	}},
	"part-exceeds-total": {Attributes: []hcl.AttributeSchema{
		{Name: "success"}, {Name: "total"}, {Name: "exempt"}, {Name: "not_in"},
	}},
	"rate-mismatch": {
		Attributes: []hcl.AttributeSchema{{Name: "rates"}, {Name: "not_rates"}, {Name: "not_in"}, {Name: "concluded"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "composite", LabelNames: []string{"name"}}},
	},
	"percent-range": {Attributes: []hcl.AttributeSchema{{Name: "proportions"}, {Name: "not_proportions"}}},
	"conflict": {
		Attributes: []hcl.AttributeSchema{{Name: "not_label"}, {Name: "not_in"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "figure", LabelNames: []string{"name"}}},
	},
}

var compositeSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "rate", Required: true}, {Name: "parts", Required: true},
}}

var figureSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "label", Required: true}, {Name: "not_label"}, {Name: "unit"},
}}

func decodeNumeric(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	name := b.Labels[0]
	schema, ok := numericKinds[name]
	if !ok {
		schema = &hcl.BodySchema{}
	}
	bd, blocks := content(b, schema, diags)
	rule := bd.rule("numeric/"+name, lint.Error)
	bd.required("title")
	var c lint.Check
	switch name {
	case "sum-mismatch":
		c = &checks.SumMismatch{
			Rule:     rule,
			Short:    bd.severity("short_severity", lint.Warning),
			MinShort: bd.integer("min_short_parts", 2, 1, 100),
			Breaks:   bd.patterns("breaks"),
			NotIn:    bd.names("not_in"),
		}
	case "part-exceeds-total":
		bd.required("success", "total")
		c = &checks.PartExceedsTotal{Rule: rule, Success: bd.patterns("success"), Total: bd.patterns("total"), Exempt: bd.patterns("exempt"), NotIn: bd.names("not_in")}
	case "rate-mismatch":
		bd.required("rates")
		rm := &checks.RateMismatch{Rule: rule, Rates: bd.patterns("rates"), NotRates: bd.patterns("not_rates"), NotIn: bd.names("not_in"), Concluded: bd.patterns("concluded")}
		for _, cb := range blocks {
			cbd := inner(cb, compositeSchema, diags)
			comp := checks.Composite{Name: cb.Labels[0], Rate: cbd.patterns("rate")}
			for _, p := range cbd.patterns("parts") {
				comp.Parts = append(comp.Parts, []*match.Regexp{p})
			}
			rm.Composites = append(rm.Composites, comp)
		}
		c = rm
	case "percent-range":
		bd.required("proportions")
		c = &checks.PercentRange{Rule: rule, Proportions: bd.patterns("proportions"), NotProportions: bd.patterns("not_proportions")}
	case "conflict":
		cf := &checks.Conflict{Rule: rule, NotLabel: bd.patterns("not_label"), NotIn: bd.names("not_in")}
		for _, fb := range blocks {
			fbd := inner(fb, figureSchema, diags)
			cf.Figures = append(cf.Figures, checks.Figure{
				Name: fb.Labels[0], Label: fbd.patterns("label"), NotLabel: fbd.patterns("not_label"), Units: fbd.strList("unit"),
			})
		}
		if len(blocks) == 0 {
			bd.errorf(b.DefRange, "No figures", "numeric \"conflict\" 至少要声明一个 figure(关键统计数字),如 figure \"负责人出庭次数\" { label = [\"负责人出庭\"] }。")
		}
		c = cf
	}
	if s.add(rule, bd, diags, c) {
		s.refs = append(s.refs, bd.refs...)
		if c == nil {
			s.declared = append(s.declared, declaredRule{id: rule.ID, rng: b.LabelRanges[0]})
		}
	}
}

// declaredRule is a numeric rule with no check of its own, which some
// relation's assert must report under.
type declaredRule struct {
	id  string
	rng hcl.Range
}

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

// declaredNumeric names the numeric rules an assert may report under.
func declaredNumeric(ids []string) string {
	if len(ids) == 0 {
		return "这些规则文件还没有声明任何 numeric 规则(内置规则未加载时,需自己声明)。"
	}
	return "已声明的 numeric 规则有:" + strings.Join(ids, "、") + "。"
}

// resolveAsserts gives each relation's asserts the rules they name, and
// diagnoses a name no file declares and a numeric rule nothing reports
// under.
func (s *Set) resolveAsserts(diags *hcl.Diagnostics) {
	byID := map[string]*lint.Rule{}
	var ids []string
	for _, r := range s.rules {
		byID[r.ID] = r
		ids = append(ids, r.ID)
	}
	named := map[string]bool{}
	for _, a := range s.asserts {
		r := byID[a.id]
		if r == nil {
			*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown rule",
				Detail: "没有 id 为 " + a.id + " 的规则;assert 的标签应是已声明的规则 id,如 \"numeric/rate-mismatch\"。" +
					declaredNumeric(numericIDs(ids)) + "要用自己的 id,请先声明 numeric \"名称\" { title = \"…\" }。",
				Subject: a.rng.Ptr()})
			continue
		}
		named[a.id] = true
		as := &a.rel.Asserts[a.index]
		as.Rule = r
		if !a.severitySet {
			as.Severity = r.Severity
		}
	}
	for _, d := range s.declared {
		if !named[d.id] {
			*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Rule never reported",
				Detail: "规则 " + d.id + " 不是内置的数字检查(" + strings.Join(numericKindNames(), "、") +
					"),也没有任何 relation 的 assert 在它之下报告;请检查名称是否写错,或在 relation 中加 assert \"" + d.id + "\" { … }。",
				Subject: d.rng.Ptr()})
		}
	}
}

func numericIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if strings.HasPrefix(id, "numeric/") {
			out = append(out, id)
		}
	}
	return out
}

func numericKindNames() []string {
	var out []string
	for k := range numericKinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
