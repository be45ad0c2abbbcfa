package checks

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/condition"
	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// A relation block configures a Relation: statistics that a sentence (or
// clause, paragraph, part) states together and the conditions they must
// meet. It declares no rule of its own: each assert reports under a declared
// rule id, usually one of the numeric rules.
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
//
// A numeric block whose label is none of the numeric kinds' declares a rule
// with no check of its own, for asserts to report under (numeric
// "legal-aid" is rule numeric/legal-aid); such a rule must be named by an
// assert.
func init() {
	kind.Register(kind.Kind{
		Block: "relation", Label: "*",
		Schema: hcl.BodySchema{
			Attributes: []hcl.AttributeSchema{{Name: "doc"}, {Name: "within"}, {Name: "topic"}, {Name: "not_in"}, {Name: "same_unit"}},
			Blocks: []hcl.BlockHeaderSchema{
				{Type: "count", LabelNames: []string{"name"}},
				{Type: "rate", LabelNames: []string{"name"}},
				{Type: "amount", LabelNames: []string{"name"}},
				{Type: "assert", LabelNames: []string{"rule"}},
			},
		},
		Decode: decodeRelation,
	})
	kind.Register(kind.Kind{
		Block: "numeric", Label: "*", Rule: "numeric/*", Severity: lint.Error,
		Decode: func(kind.Decoder, *lint.Rule) lint.Check { return kind.NoCheck },
		Unreported: "规则 %[1]s 不是内置的数字检查(%[2]s),也没有任何 relation 的 assert 在它之下报告;" +
			"请检查名称是否写错,或在 relation 中加 assert \"%[1]s\" { … }。",
	})
}

var captureSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "label"}, {Name: "after"}, {Name: "not_label"}, {Name: "unit"}, {Name: "optional"},
}}

var assertSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "condition", Required: true}, {Name: "message", Required: true}, {Name: "severity"}, {Name: "at"},
}}

// scopes maps the names a rule pack uses to scopes.
var scopes = map[string]Scope{"sentence": ScopeSentence, "clause": ScopeClause, "paragraph": ScopeParagraph, "part": ScopePart}

var captureKinds = map[string]CaptureKind{"count": CaptureCount, "rate": CaptureRate, "amount": CaptureAmount}

// sharedRelations is the key, in the loader's store, of where each relation
// name was declared.
const sharedRelations = "checks.Relation"

func decodeRelation(d kind.Decoder, _ *lint.Rule) lint.Check {
	b := d.Block()
	name := b.Labels[0]
	declared, _ := d.Shared()[sharedRelations].(map[string]hcl.Range)
	if declared == nil {
		declared = map[string]hcl.Range{}
		d.Shared()[sharedRelations] = declared
	}
	if prev, ok := declared[name]; ok {
		d.ErrorAt(b.LabelRanges[0], "Duplicate relation", "relation %q 已在 %s 定义过;每个 relation 的名字只能用一次。", name, prev)
		return nil
	}
	declared[name] = b.DefRange
	rel := &Relation{Name: name, Topic: d.PatternOrList("topic"), NotIn: d.Names("not_in"), SameUnit: d.Bool("same_unit", true)}
	if d.Has("within") {
		w, ok := d.String("within")
		if !ok {
			w = "sentence"
		}
		sc, ok := scopes[w]
		if !ok {
			d.Errorf("within", "Unknown scope", "within 应为 \"clause\"、\"sentence\"、\"paragraph\" 或 \"part\",不能是 %q。", w)
		}
		rel.Within = sc
	}
	var names []string
	var asserts []*hcl.Block
	for _, cb := range d.Blocks() {
		if cb.Type == "assert" {
			asserts = append(asserts, cb)
			continue
		}
		if cp, ok := decodeCapture(d.Sub(cb, captureSchema), names); ok {
			rel.Captures = append(rel.Captures, cp)
			names = append(names, cp.Name)
		}
	}
	if len(rel.Captures) == 0 {
		d.ErrorAt(b.DefRange, "No captures", "relation %q 没有捕获任何数字;请用 count \"名称\" { label = \"…\" } 等块声明要比较的统计数字。", name)
	}
	if len(asserts) == 0 {
		d.ErrorAt(b.DefRange, "No asserts", "relation %q 没有 assert;请写 assert \"numeric/…\" { condition = …, message = \"…\" }。", name)
	}
	for _, ab := range asserts {
		a, severitySet, ok := decodeAssert(d.Sub(ab, assertSchema), names)
		if !ok {
			continue
		}
		rel.Asserts = append(rel.Asserts, a)
		i, id, rng := len(rel.Asserts)-1, ab.Labels[0], ab.LabelRanges[0]
		d.AfterLoad(func(r kind.Resolver) {
			rule := r.Rule(id)
			if rule == nil {
				r.ErrorAt(rng, "Unknown rule", "%s", "没有 id 为 "+id+" 的规则;assert 的标签应是已声明的规则 id,如 \"numeric/rate-mismatch\"。"+
					declaredNumeric(r.RuleIDs())+"要用自己的 id,请先声明 numeric \"名称\" { title = \"…\" }。")
				return
			}
			as := &rel.Asserts[i]
			as.Rule = rule
			if !severitySet {
				as.Severity = rule.Severity
			}
		})
	}
	return rel
}

// declaredNumeric names the numeric rules an assert may report under.
func declaredNumeric(ids []string) string {
	var numeric []string
	for _, id := range ids {
		if strings.HasPrefix(id, "numeric/") {
			numeric = append(numeric, id)
		}
	}
	if len(numeric) == 0 {
		return "这些规则文件还没有声明任何 numeric 规则(内置规则未加载时,需自己声明)。"
	}
	return "已声明的 numeric 规则有:" + strings.Join(numeric, "、") + "。"
}

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

func decodeCapture(d kind.Decoder, names []string) (Capture, bool) {
	b := d.Block()
	name := b.Labels[0]
	ok := true
	switch {
	case !captureName(name) || name == "text" || name == "label":
		d.ErrorAt(b.LabelRanges[0], "Invalid capture name", "捕获名 %q 无效:只能用英文字母、数字和下划线,字母开头(如 \"total\"、\"success_rate\"),且不能是 text 或 label。", name)
		ok = false
	case slices.Contains(names, name):
		d.ErrorAt(b.LabelRanges[0], "Duplicate capture", "本关系中已有名为 %q 的捕获。", name)
		ok = false
	}
	cp := Capture{
		Name:     name,
		Kind:     captureKinds[b.Type],
		Label:    d.PatternOrList("label"),
		After:    d.PatternOrList("after"),
		NotLabel: d.PatternOrList("not_label"),
		Units:    d.Strings("unit"),
		Optional: d.Bool("optional", false),
	}
	if !d.Has("label") && !d.Has("after") {
		d.ErrorAt(b.DefRange, "Missing required argument", "%s %q 需要 label(数字前的字词)或 after(数字后的字词)。", b.Type, name)
		ok = false
	}
	return cp, ok
}

// decodeAssert reads an assert; severitySet says whether it sets its own
// severity (else it takes its rule's, once the rule is resolved).
func decodeAssert(d kind.Decoder, names []string) (a Assert, severitySet, ok bool) {
	a = Assert{At: -1}
	cexpr := d.Expr("condition")
	if cexpr == nil || len(names) == 0 {
		return a, false, false
	}
	cond, diags := condition.CompileCondition(cexpr, names)
	d.Diagnose(diags)
	// the message is checked even under a bad condition, so that all of
	// an assert's mistakes come in one round
	if m := d.Expr("message"); m != nil {
		d.Diagnose(condition.CheckMessage(m, names))
		a.Message = m
	}
	if diags.HasErrors() {
		return a, false, false
	}
	a.Condition = cond
	a.At = cond.Refs[0]
	severitySet = d.Has("severity")
	a.Severity = d.Severity("severity", lint.Error)
	if d.Has("at") {
		n, _ := d.String("at")
		if i := slices.Index(names, n); i < 0 {
			d.Errorf("at", "Unknown capture", "at 应是本关系的一个捕获名(%s),不能是 %q。", strings.Join(names, "、"), n)
		} else {
			a.At = i
		}
	}
	return a, severitySet, true
}

// Relation checks how statistics a rule pack names relate to each other:
// within each sentence (or clause, paragraph, part) it captures quantities
// by their labels and units and asserts conditions over them, reporting under
// the rule ids the asserts name. The relation of the built-in pack
//
//	relation "litigation" {
//	  count "closed" { label = "结案|审结" }
//	  count "lost"   { label = "败诉" }
//	  rate  "rate"   { label = "败诉率" }
//	  assert "numeric/rate-mismatch" {
//	    condition = rate == pct(lost, closed)
//	    message   = "…"
//	  }
//	}
//
// reports "行政诉讼案件结案51件,败诉9件,败诉率16.65%" (9/51 = 17.65%) and
// passes "结案51件,败诉9件,败诉率17.65%".
//
// A capture binds any quantity of its scope whose kind and unit fit and whose
// label (the words before the number) or After (the words after it) matches;
// when a capture fits several quantities, every way of binding them (each
// quantity to one capture at most) is tried, and an assert is reported only
// when its condition is false for all of them: a statistic that fits some
// reading of the sentence passes. Approximate quantities are intervals (see
// Condition). A scope where a required capture binds nothing is skipped; an
// optional capture may be absent.
type Relation struct {
	// Name is the relation's name, for messages.
	Name string
	// Within is the scope captures are looked for in together.
	Within Scope
	// Topic, when set, limits the relation to scopes whose text matches
	// one of its patterns ("行政复议"): a 受理 and a 审结 in a sentence on
	// something else are not the relation's.
	Topic []*document.Pattern
	// NotIn names the parts whose text is not checked (next year's plan
	// states targets, not results).
	NotIn []string
	// SameUnit makes every count a binding captures have the same unit
	// (人 and 名 count as one, as do 件, 起 and 宗).
	SameUnit bool
	Captures []Capture
	Asserts  []Assert

	once     sync.Once
	caps     []captureMatch
	topic    match.Set
	required bool // some capture is not optional
}

type captureMatch struct{ label, after, not match.Set }

// Scope is how far apart the quantities of one relation may be.
type Scope uint8

const (
	ScopeSentence  Scope = iota // split on 。;!? and line ends
	ScopeClause                 // split on , 、 : as well
	ScopeParagraph              // one line of the text
	ScopePart                   // one top-level heading and all under it
)

// CaptureKind is what sort of quantity a capture takes.
type CaptureKind uint8

const (
	CaptureCount  CaptureKind = iota // quantity.Count
	CaptureRate                      // quantity.Percent
	CaptureAmount                    // quantity.Amount (元)
)

// A Capture names one statistic of a relation.
type Capture struct {
	Name string
	Kind CaptureKind
	// Label matches the words before the number, After the words after it;
	// a quantity is captured when one of either matches (and no NotLabel
	// matches its label or After).
	Label, After, NotLabel []*document.Pattern
	// Units are the canonical units allowed (quantity.Quantity.Unit); empty
	// for any unit of the kind.
	Units []string
	// Optional lets the capture be absent from a scope.
	Optional bool
}

// An Assert is one condition over the captures and the rule it reports
// under.
type Assert struct {
	Rule     *lint.Rule
	Severity lint.Severity
	// Condition is compiled by condition.CompileCondition.
	Condition *condition.Condition
	// Message is a template over the captures — ${name} a capture's value,
	// ${text.name} the quantity as written, ${label.name} its label —
	// checked when the rules load by condition.CheckMessage (names, and the
	// calls' arguments); nil for the check's default wording.
	Message hcl.Expression
	// At is the index of the capture whose quantity the finding points at.
	At int
}

// maxBindings bounds how many ways of binding captures one scope is tried
// with. A scope with more (a paragraph full of counts) is skipped: an
// assert is reported only when every binding fails, and untried bindings
// might not. The search for them gives up after maxBindings×8 steps, so
// that a scope costs at most time linear in its length.
const maxBindings = 512

func (c *Relation) Rules() []*lint.Rule {
	var rs []*lint.Rule
	for _, a := range c.Asserts {
		dup := false
		for _, r := range rs {
			dup = dup || r == a.Rule
		}
		if !dup && a.Rule != nil {
			rs = append(rs, a.Rule)
		}
	}
	return rs
}

func (c *Relation) Run(pass *lint.Pass) error {
	c.once.Do(func() {
		c.topic = match.NewSet(c.Topic)
		for _, cp := range c.Captures {
			c.required = c.required || !cp.Optional
			c.caps = append(c.caps, captureMatch{match.NewSet(cp.Label), match.NewSet(cp.After), match.NewSet(cp.NotLabel)})
		}
	})
	doc := pass.Doc
	qs := doc.Quantities
	cands := make([][]int, len(c.Captures)) // reused by every scope
	out := regions(pass, c.NotIn)
	// The first required capture is what scope tries first; a scope with
	// no quantity it takes is passed over here, without the rest.
	first := -1
	for ci := range c.Captures {
		if !c.Captures[ci].Optional {
			first = ci
			break
		}
	}
	for lo := 0; lo < len(qs); {
		key := scopeKey(doc, c.Within, lo)
		hi := lo + 1
		for hi < len(qs) && scopeKey(doc, c.Within, hi) == key {
			hi++
		}
		if key >= 0 && !within(out, qs[lo].Start) && (first < 0 || c.takesAny(doc, first, lo, hi)) {
			c.scope(pass, lo, hi, cands)
		}
		lo = hi
	}
	return nil
}

// takesAny reports whether capture ci takes one of the quantities [lo, hi).
func (c *Relation) takesAny(doc *document.Document, ci, lo, hi int) bool {
	cp, m := &c.Captures[ci], &c.caps[ci]
	for i := lo; i < hi; i++ {
		lm, am := doc.QuantityRunes(i)
		if cp.match(&doc.Quantities[i], m, lm, am) {
			return true
		}
	}
	return false
}

// scopeKey identifies the scope instance of quantity i; -1 for none.
func scopeKey(doc *document.Document, s Scope, i int) int {
	q := &doc.Quantities[i]
	switch s {
	case ScopeClause:
		return q.Clause
	case ScopeParagraph:
		return doc.LineAt(q.Start).Number
	case ScopePart:
		return doc.TopHeadingAt(q.Start) + 1
	}
	return doc.QuantitySentence(i)
}

// scopeRange is the text of the scope of the quantities [lo, hi).
func scopeRange(doc *document.Document, s Scope, lo, hi int) lint.Range {
	q := &doc.Quantities[lo]
	switch s {
	case ScopeClause:
		return lint.Range{Start: min(q.LabelStart, q.Start), End: max(doc.Quantities[hi-1].AfterEnd, doc.Quantities[hi-1].End)}
	case ScopeParagraph:
		return doc.LineAt(q.Start).Range
	case ScopePart:
		if t := doc.TopHeadingAt(q.Start); t >= 0 {
			h := doc.Outline[t]
			return lint.Range{Start: h.Range.Start, End: h.Body.End}
		}
		end := len(doc.Norm)
		if len(doc.Outline) > 0 {
			end = doc.Outline[0].Range.Start
		}
		return lint.Range{Start: 0, End: end}
	}
	if s := doc.QuantitySentence(lo); s >= 0 {
		return doc.Sentences[s]
	}
	return lint.Range{}
}

// scope checks the relation on the quantities [lo, hi) of one scope;
// cands has room for each capture's candidates.
func (c *Relation) scope(pass *lint.Pass, lo, hi int, cands [][]int) {
	qs := pass.Doc.Quantities[lo:hi]
	for ci := range cands {
		cands[ci] = cands[ci][:0]
	}
	// Required captures first: a scope without one is done with soonest.
	// A relation with none looks at its topic first: one search of the
	// scope's text costs less than every capture on every quantity.
	topicDone := false
	if !c.required && len(c.Topic) > 0 {
		if !c.topic.Match(pass.Doc.Slice(scopeRange(pass.Doc, c.Within, lo, hi))) {
			return
		}
		topicDone = true
	}
	found := false
	for _, optional := range [...]bool{false, true} {
		for ci := range c.Captures {
			cp := &c.Captures[ci]
			if cp.Optional != optional {
				continue
			}
			for i := range qs {
				lm, am := pass.Doc.QuantityRunes(lo + i)
				if cp.match(&qs[i], &c.caps[ci], lm, am) {
					cands[ci] = append(cands[ci], i)
				}
			}
			if len(cands[ci]) == 0 && !cp.Optional {
				return
			}
			found = found || len(cands[ci]) > 0
		}
	}
	if !found || !topicDone && len(c.Topic) > 0 && !c.topic.Match(pass.Doc.Slice(scopeRange(pass.Doc, c.Within, lo, hi))) {
		return
	}
	bindings := c.bindings(qs, cands)
	if len(bindings) == 0 {
		return
	}
	bounds := make([]interval.Interval, len(qs))
	for _, cs := range cands {
		for _, qi := range cs {
			bounds[qi] = interval.Bounds(qs[qi])
		}
	}
	env := make([]condition.Operand, len(c.Captures))
	for _, a := range c.Asserts {
		failed := true
		for _, b := range bindings {
			for ci, qi := range b {
				env[ci] = condition.Operand{}
				if qi >= 0 {
					env[ci] = condition.Operand{Interval: bounds[qi], Present: true}
				}
			}
			if a.Condition.Eval(env) != interval.False {
				failed = false
				break
			}
		}
		if failed {
			c.report(pass, a, qs, bindings[0])
		}
	}
}

// bindings lists the ways of binding each capture to one of its candidates
// (or to nothing, -1, for an optional capture without any), each quantity to
// one capture at most, up to maxBindings; nil when there are none or too
// many.
func (c *Relation) bindings(qs []quantity.Quantity, cands [][]int) [][]int {
	var out [][]int
	cur := make([]int, len(cands))
	steps := 0
	var walk func(ci int) bool
	walk = func(ci int) bool {
		if steps++; steps > 8*maxBindings {
			return false
		}
		if ci == len(cands) {
			if c.SameUnit && !c.sameUnit(qs, cur) {
				return true
			}
			if len(out) == maxBindings {
				return false
			}
			out = append(out, append([]int(nil), cur...))
			return true
		}
		bound := false
		for _, qi := range cands[ci] {
			used := false
			for _, p := range cur[:ci] {
				used = used || p == qi
			}
			if used {
				continue
			}
			bound = true
			cur[ci] = qi
			if !walk(ci + 1) {
				return false
			}
		}
		if !bound && c.Captures[ci].Optional {
			// an optional capture whose quantities the others took
			cur[ci] = -1
			return walk(ci + 1)
		}
		return true
	}
	if !walk(0) {
		return nil
	}
	return out
}

// sameUnit reports whether the counts bound in b share a unit.
func (c *Relation) sameUnit(qs []quantity.Quantity, b []int) bool {
	unit := ""
	for ci, qi := range b {
		if qi < 0 || c.Captures[ci].Kind != CaptureCount {
			continue
		}
		u := quantity.UnitClass(qs[qi].Unit)
		if unit == "" {
			unit = u
		} else if u != unit {
			return false
		}
	}
	return true
}

// match reports whether the capture takes quantity q: kind and unit first
// (cheap), then the patterns.
func (cp *Capture) match(q *quantity.Quantity, m *captureMatch, lm, am uint64) bool {
	switch cp.Kind {
	case CaptureCount:
		if q.Kind != quantity.Count {
			return false
		}
	case CaptureRate:
		if q.Kind != quantity.Percent || q.Negative { // a negative rate is percent-range's
			return false
		}
	case CaptureAmount:
		if q.Kind != quantity.Amount {
			return false
		}
	}
	if q.Growth {
		return false
	}
	if len(cp.Units) > 0 {
		ok := false
		for _, u := range cp.Units {
			if u == q.Unit {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if !m.label.MatchMask(q.Label, lm) && !m.after.MatchMask(q.After, am) {
		return false
	}
	return !m.not.MatchMask(q.Label, lm) && !m.not.MatchMask(q.After, am)
}

func (c *Relation) report(pass *lint.Pass, a Assert, qs []quantity.Quantity, b []int) {
	at := b[a.At]
	if at < 0 {
		for _, r := range a.Condition.Refs {
			if b[r] >= 0 {
				at = b[r]
				break
			}
		}
	}
	if at < 0 {
		return
	}
	var parts []string
	for _, qi := range b {
		if qi >= 0 {
			parts = append(parts, describe(qs[qi]))
		}
	}
	def := fmt.Sprintf("这些数字彼此不符(%s):按“%s”中的关系核对后更正。", strings.Join(parts, ","), c.Name)
	msg := condition.Message(a.Message, def, c.MessageVars(qs, b))
	q := qs[at]
	// the other figures the condition compares, where the reader checks them
	var opts []lint.ReportOption
	seen := map[int]bool{at: true}
	for _, r := range a.Condition.Refs {
		if qi := b[r]; qi >= 0 && !seen[qi] {
			seen[qi] = true
			opts = append(opts, lint.WithRelated(lint.Range{Start: qs[qi].Start, End: qs[qi].End}, "相关的数字“"+qs[qi].Text+"”"))
		}
	}
	pass.ReportOnce(a.Rule, a.Severity, lint.Range{Start: q.Start, End: q.End}, msg, opts...)
}

// describe shows a quantity with its label: "败诉9件", "13件(规范性文件继续有效)".
func describe(q quantity.Quantity) string {
	switch {
	case q.Label != "":
		return shorten(q.Label, 12) + q.Text
	case q.After != "":
		return q.Text + shorten(q.After, 12)
	}
	return q.Text
}

// MessageVars are the variables of an assert's message for a binding: each
// capture's value as a number (null when absent), and the objects text (the
// quantity as written, "200余件") and label (its label) keyed by capture
// name.
func (c *Relation) MessageVars(qs []quantity.Quantity, b []int) map[string]cty.Value {
	vars := map[string]cty.Value{}
	texts := map[string]cty.Value{}
	labels := map[string]cty.Value{}
	for ci, cp := range c.Captures {
		qi := b[ci]
		if qi < 0 {
			vars[cp.Name] = cty.NullVal(cty.Number)
			texts[cp.Name] = cty.StringVal("")
			labels[cp.Name] = cty.StringVal("")
			continue
		}
		q := qs[qi]
		vars[cp.Name] = condition.RatValue(q.Value)
		texts[cp.Name] = cty.StringVal(q.Text)
		labels[cp.Name] = cty.StringVal(q.Label)
	}
	vars["text"] = cty.ObjectVal(texts)
	vars["label"] = cty.ObjectVal(labels)
	return vars
}
