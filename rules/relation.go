package rules

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/internal/condition"
	"github.com/ducha-dev/ducha/lint"
)

// A relation block names statistics that a sentence (or clause, paragraph,
// part) states together and the conditions they must meet. It is not a rule
// of its own: each assert reports under a declared rule id, usually one of
// the numeric rules.
//
//	relation "mediation" {
//	  doc       = "人民调解:调解成功数不超过受理数,成功率由二者算出。"
//	  within    = "sentence"          # clause | sentence | paragraph | part
//	  topic     = "调解|纠纷"           # the scope's text must match (optional)
//	  not_in    = ["next-year"]        # parts whose text is not checked
//	  same_unit = true                 # the counts of one binding share a unit
//
//	  count "total" {                  # also: rate "x" {…} (a %), amount "x" {…} (元)
//	    label     = "(受理|调解).{0,8}纠纷"   # regexp(s) on the words before the number
//	    after     = ["纠纷"]            # or on the words after it
//	    not_label = ["成功"]            # vetoes, on either
//	    unit      = ["件", "起"]         # canonical units (default: any)
//	    optional  = false
//	  }
//	  count "success" { label = "调解成功|成功调解" }
//	  rate  "rate"    { label = "调解成功率", optional = true }
//
//	  assert "numeric/part-exceeds-total" {   # the rule it reports under
//	    condition = success <= total
//	    message   = "调解成功${text.success}多于受理的${text.total}。"
//	    severity  = "error"            # default: the rule's
//	    at        = "success"          # the capture the finding points at
//	  }                                # (default: the first in condition)
//	}
var relationSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "doc"}, {Name: "within"}, {Name: "topic"}, {Name: "not_in"}, {Name: "same_unit"}},
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "count", LabelNames: []string{"name"}},
		{Type: "rate", LabelNames: []string{"name"}},
		{Type: "amount", LabelNames: []string{"name"}},
		{Type: "assert", LabelNames: []string{"rule"}},
	},
}

var captureSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "label"}, {Name: "after"}, {Name: "not_label"}, {Name: "unit"}, {Name: "optional"},
}}

var assertSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "condition", Required: true}, {Name: "message", Required: true}, {Name: "severity"}, {Name: "at"},
}}

// captureName is what a capture may be called: a name an HCL expression
// reads as one variable ("total-1" would read as total minus 1).
func captureName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || '0' <= c && c <= '9' && i > 0) {
			return false
		}
	}
	return name != ""
}

// scopes maps the names a rule pack uses to scopes.
var scopes = map[string]checks.Scope{"sentence": checks.ScopeSentence, "clause": checks.ScopeClause, "paragraph": checks.ScopeParagraph, "part": checks.ScopePart}

var captureKinds = map[string]checks.CaptureKind{"count": checks.CaptureCount, "rate": checks.CaptureRate, "amount": checks.CaptureAmount}

// assertRef is an assert's rule id, resolved once every file has loaded.
type assertRef struct {
	id          string
	rng         hcl.Range
	rel         *checks.Relation
	index       int
	severitySet bool
}

func decodeRelation(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	name := b.Labels[0]
	c, d := b.Body.Content(relationSchema)
	*diags = append(*diags, d...)
	if c == nil {
		c = &hcl.BodyContent{}
	}
	bd := &body{block: b, attrs: c.Attributes, diags: diags}
	if prev, ok := s.relations[name]; ok {
		bd.errorf(b.LabelRanges[0], "Duplicate relation", "relation %q 已在 %s 定义过;每个 relation 的名字只能用一次。", name, prev)
		return
	}
	s.relations[name] = b.DefRange
	rel := &checks.Relation{Name: name, Topic: bd.patternOrList("topic"), NotIn: bd.names("not_in"), SameUnit: bd.boolean("same_unit", true)}
	if bd.has("within") {
		w := bd.str("within", "sentence")
		sc, ok := scopes[w]
		if !ok {
			bd.errorf(bd.attrs["within"].Expr.Range(), "Unknown scope", "within 应为 \"clause\"、\"sentence\"、\"paragraph\" 或 \"part\",不能是 %q。", w)
		}
		rel.Within = sc
	}
	var names []string
	var asserts []*hcl.Block
	for _, cb := range c.Blocks {
		if cb.Type == "assert" {
			asserts = append(asserts, cb)
			continue
		}
		cp, ok := decodeCapture(cb, names, diags)
		if ok {
			rel.Captures = append(rel.Captures, cp)
			names = append(names, cp.Name)
		}
	}
	if len(rel.Captures) == 0 {
		bd.errorf(b.DefRange, "No captures", "relation %q 没有捕获任何数字;请用 count \"名称\" { label = \"…\" } 等块声明要比较的统计数字。", name)
	}
	if len(asserts) == 0 {
		bd.errorf(b.DefRange, "No asserts", "relation %q 没有 assert;请写 assert \"numeric/…\" { condition = …, message = \"…\" }。", name)
	}
	for _, ab := range asserts {
		a, sevSet, ok := decodeAssert(ab, names, diags)
		if !ok {
			continue
		}
		rel.Asserts = append(rel.Asserts, a)
		s.asserts = append(s.asserts, assertRef{id: ab.Labels[0], rng: ab.LabelRanges[0], rel: rel, index: len(rel.Asserts) - 1, severitySet: sevSet})
	}
	s.refs = append(s.refs, bd.refs...)
	s.addCheck(rel)
}

func decodeCapture(b *hcl.Block, names []string, diags *hcl.Diagnostics) (checks.Capture, bool) {
	name := b.Labels[0]
	bd := inner(b, captureSchema, diags)
	ok := true
	switch {
	case !captureName(name) || name == "text" || name == "label":
		bd.errorf(b.LabelRanges[0], "Invalid capture name", "捕获名 %q 无效:只能用英文字母、数字和下划线,字母开头(如 \"total\"、\"success_rate\"),且不能是 text 或 label。", name)
		ok = false
	case contains(names, name):
		bd.errorf(b.LabelRanges[0], "Duplicate capture", "本关系中已有名为 %q 的捕获。", name)
		ok = false
	}
	cp := checks.Capture{
		Name:     name,
		Kind:     captureKinds[b.Type],
		Label:    bd.patternOrList("label"),
		After:    bd.patternOrList("after"),
		NotLabel: bd.patternOrList("not_label"),
		Units:    bd.strList("unit"),
		Optional: bd.boolean("optional", false),
	}
	if !bd.has("label") && !bd.has("after") {
		bd.errorf(b.DefRange, "Missing required argument", "%s %q 需要 label(数字前的字词)或 after(数字后的字词)。", b.Type, name)
		ok = false
	}
	return cp, ok
}

func decodeAssert(b *hcl.Block, names []string, diags *hcl.Diagnostics) (checks.Assert, bool, bool) {
	bd := inner(b, assertSchema, diags)
	a := checks.Assert{At: -1}
	ca, ok := bd.attrs["condition"]
	if !ok || len(names) == 0 {
		return a, false, false
	}
	cond, d := condition.CompileCondition(ca.Expr, names)
	*diags = append(*diags, d...)
	// the message is checked even under a bad condition, so that all of
	// an assert's mistakes come in one round
	if m, ok := bd.attrs["message"]; ok {
		*diags = append(*diags, condition.CheckMessage(m.Expr, names)...)
		a.Message = m.Expr
	}
	if d.HasErrors() {
		return a, false, false
	}
	a.Condition = cond
	a.At = cond.Refs[0]
	sevSet := bd.has("severity")
	a.Severity = bd.severity("severity", lint.Error)
	if at, ok := bd.attrs["at"]; ok {
		n := bd.str("at", "")
		i := index(names, n)
		if i < 0 {
			bd.errorf(at.Expr.Range(), "Unknown capture", "at 应是本关系的一个捕获名(%s),不能是 %q。", strings.Join(names, "、"), n)
		} else {
			a.At = i
		}
	}
	return a, sevSet, true
}

// inner reads a nested block that has no blocks of its own (see sub).
func inner(b *hcl.Block, schema *hcl.BodySchema, diags *hcl.Diagnostics) *body {
	bd, _ := sub(b, schema, diags)
	return bd
}

func contains(list []string, s string) bool { return index(list, s) >= 0 }

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
