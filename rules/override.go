package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/internal/kind"
)

// An override block changes attributes of a rule declared elsewhere —
// usually a built-in one — without redeclaring it, which would be a
// duplicate id:
//
//	override "date/deadline" {
//	  deadline = "03-01"          # this province wants reports by 1 March
//	  severity = "warning"
//	}
//
// Each attribute it sets replaces the rule's own (a list, the whole list); a
// nested block it writes (a part's require "causes", a term "…") replaces
// the rule's block of that type and label, or is added when the rule has
// none: a province adds its own formulas to text/term this way. Overrides
// apply in load order, so a later
// pack's wins, whatever the order of the files that declare the rule. The
// overridden rule is checked as if written so: a wrong attribute in the
// override is an error at its own line. A configuration file (.ducha.hcl)
// may hold override blocks too (Source.Config).

var overrideHeader = hcl.BlockHeaderSchema{Type: "override", LabelNames: []string{"rule"}}

// configSchema is what Load reads of a configuration file: its override
// blocks; the rest is the caller's.
var configSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{overrideHeader}}

// ruleID is the id of the rule block b declares, or "" (an example, a
// relation).
func ruleID(b *hcl.Block) string {
	if len(b.Labels) == 0 {
		return ""
	}
	k, _ := kind.Lookup(b.Type, b.Labels[0])
	return k.Rule
}

// applyOverrides returns b with the overrides of its rule applied, and
// marks them used.
func (s *Set) applyOverrides(b *hcl.Block) *hcl.Block {
	id := ruleID(b)
	obs := s.overrides[id]
	if len(obs) == 0 {
		return b
	}
	s.overridden[id] = nil
	ob := &overrideBody{base: b.Body}
	for _, o := range obs {
		ob.over = append(ob.over, o.Body)
		s.overridden[id] = append(s.overridden[id], o.DefRange)
	}
	nb := *b
	nb.Body = ob
	return &nb
}

// Overrides returns where override blocks changed rule id, in the order
// they apply; nil when none did.
func (s *Set) Overrides(id string) []hcl.Range { return s.overridden[id] }

// unusedOverrides diagnoses overrides of rules no file declares.
func (s *Set) unusedOverrides(diags *hcl.Diagnostics) {
	for _, id := range s.overrideOrder {
		if _, used := s.overridden[id]; used {
			continue
		}
		for _, o := range s.overrides[id] {
			*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown rule",
				Detail:  fmt.Sprintf("override 的对象 %q 不是已加载的规则%s;标签应是规则 id,如 \"date/deadline\";运行 ducha rules list 查看所有规则。", id, Suggest(id, s.rules)),
				Subject: o.LabelRanges[0].Ptr()})
		}
	}
}

// collectOverrides records blocks' override blocks, by rule id.
func (s *Set) collectOverrides(blocks hcl.Blocks, diags *hcl.Diagnostics) {
	for _, b := range blocks {
		if b.Type != "override" {
			continue
		}
		id := b.Labels[0]
		if !strings.Contains(id, "/") {
			*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid rule id",
				Detail:  fmt.Sprintf("override 的标签应是完整的规则 id,如 \"date/deadline\"、\"section/other\",不能是 %q。", id),
				Subject: b.LabelRanges[0].Ptr()})
			continue
		}
		if _, seen := s.overrides[id]; !seen {
			s.overrideOrder = append(s.overrideOrder, id)
		}
		s.overrides[id] = append(s.overrides[id], b)
	}
}

// overrideBody is a rule block's body with override bodies laid over it.
type overrideBody struct {
	base hcl.Body
	over []hcl.Body
}

func (b *overrideBody) Content(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, diags := b.base.Content(schema)
	relaxed := relax(schema)
	for _, o := range b.over {
		oc, d := o.Content(relaxed)
		diags = append(diags, d...)
		c = merge(c, oc)
	}
	return c, diags
}

func (b *overrideBody) PartialContent(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	c, rest, diags := b.base.PartialContent(schema)
	relaxed := relax(schema)
	for _, o := range b.over {
		oc, _, d := o.PartialContent(relaxed)
		diags = append(diags, d...)
		c = merge(c, oc)
	}
	return c, rest, diags
}

func (b *overrideBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	attrs, diags := b.base.JustAttributes()
	for _, o := range b.over {
		oa, d := o.JustAttributes()
		diags = append(diags, d...)
		if attrs == nil {
			attrs = hcl.Attributes{}
		}
		for n, a := range oa {
			attrs[n] = a
		}
	}
	return attrs, diags
}

func (b *overrideBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }

// relax is schema with nothing required: an override sets only what it
// changes.
func relax(schema *hcl.BodySchema) *hcl.BodySchema {
	r := &hcl.BodySchema{Blocks: schema.Blocks}
	for _, a := range schema.Attributes {
		a.Required = false
		r.Attributes = append(r.Attributes, a)
	}
	return r
}

// merge lays over onto c: its attributes replace c's, and its blocks
// replace c's blocks of the same type and labels, or are added.
func merge(c, over *hcl.BodyContent) *hcl.BodyContent {
	if c == nil {
		c = &hcl.BodyContent{}
	}
	if over == nil {
		return c
	}
	out := &hcl.BodyContent{Attributes: hcl.Attributes{}, MissingItemRange: c.MissingItemRange}
	for n, a := range c.Attributes {
		out.Attributes[n] = a
	}
	for n, a := range over.Attributes {
		out.Attributes[n] = a
	}
	replaced := map[string]bool{}
	for _, ob := range over.Blocks {
		replaced[blockKey(ob)] = true
	}
	for _, cb := range c.Blocks {
		if !replaced[blockKey(cb)] {
			out.Blocks = append(out.Blocks, cb)
		}
	}
	out.Blocks = append(out.Blocks, over.Blocks...)
	return out
}

// blockKey identifies a nested block for merging: its type and labels.
func blockKey(b *hcl.Block) string {
	return b.Type + "\x00" + strings.Join(b.Labels, "\x00")
}
