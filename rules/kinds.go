package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// unknownLabel diagnoses a block whose label no kind of its type has,
// naming the labels there are.
func unknownLabel(b *hcl.Block, diags *hcl.Diagnostics) {
	labels := kind.Labels(b.Type)
	names := make([]string, len(labels))
	for i, l := range labels {
		k, _ := kind.Lookup(b.Type, l)
		names[i] = fmt.Sprintf("%q(%s)", l, k.Rule)
	}
	*diags = append(*diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: "Unknown " + b.Type + " rule",
		Detail:  fmt.Sprintf("%s 块的标签应为 %s,不能是 %q。", b.Type, orList(names), b.Labels[0]),
		Subject: b.LabelRanges[0].Ptr(),
	})
}

// orList joins alternatives the Chinese way: "a、b或 c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], "、") + "或 " + names[len(names)-1]
}

// partName reads an attribute naming one part, to be checked against the
// declared parts once every file has loaded; def is used (and checked) when
// the attribute is absent.
func (b *body) partName(name, def string) string {
	p := b.str(name, def)
	rng := b.block.DefRange
	if a, ok := b.attrs[name]; ok {
		rng = a.Expr.Range()
	}
	b.refs = append(b.refs, partRef{names: []string{p}, rng: rng})
	return p
}

// decoding is what one top-level block of a registered kind adds to the set
// besides its rule and check, kept until the rule is added.
type decoding struct {
	s      *Set
	top    *body
	before int // len(diags) when the block began
	parts  []document.PartSpec
	hooks  []func(kind.Resolver)
}

// decodeKind decodes a block of a registered kind (package internal/kind):
// the attributes every rule has, then the kind's own through its Decode.
func decodeKind(k kind.Kind, b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	st := &decoding{s: s, before: len(*diags)}
	var rule *lint.Rule
	if k.Rule == "" {
		st.top, _ = sub(b, &k.Schema, diags)
	} else {
		st.top, _ = content(b, &k.Schema, diags)
		st.top.required("title")
		rule = st.top.rule(k.Rule, k.Severity)
	}
	c := k.Decode(decoder{st.top, st}, rule)
	switch {
	case c == nil:
		return
	case rule == nil:
		s.addCheck(c)
	case c == kind.NoCheck:
		if !s.add(rule, st.top, diags, nil) {
			return
		}
		if k.Unreported != "" {
			s.unchecked = append(s.unchecked, uncheckedRule{rule: rule, rng: b.LabelRanges[0], kind: k})
		}
	default:
		if !s.add(rule, st.top, diags, c) {
			return
		}
	}
	s.refs = append(s.refs, st.top.refs...)
	s.parts = append(s.parts, st.parts...)
	s.hooks = append(s.hooks, st.hooks...)
}

// uncheckedRule is a rule with no check of its own, which some other check
// must report under once every file has loaded (a numeric rule that only
// relations' asserts report under).
type uncheckedRule struct {
	rule *lint.Rule
	rng  hcl.Range
	kind kind.Kind
}

// resolveKinds runs the blocks' AfterLoad functions, then diagnoses the
// rules with no check of their own that no check reports under.
func (s *Set) resolveKinds(diags *hcl.Diagnostics) {
	r := resolver{s: s, diags: diags, byID: map[string]*lint.Rule{}}
	for _, rule := range s.rules {
		r.byID[rule.ID] = rule
	}
	for _, f := range s.hooks {
		f(r)
	}
	reported := map[*lint.Rule]bool{}
	for _, c := range s.checks {
		for _, rule := range c.Rules() {
			reported[rule] = true
		}
	}
	for _, u := range s.unchecked {
		if !reported[u.rule] {
			r.ErrorAt(u.rng, "Rule never reported", u.kind.Unreported, u.rule.ID, strings.Join(kind.Labels(u.kind.Block), "、"))
		}
	}
}

// resolver is the loaded set as a kind.Resolver.
type resolver struct {
	s     *Set
	diags *hcl.Diagnostics
	byID  map[string]*lint.Rule
}

func (r resolver) Rule(id string) *lint.Rule { return r.byID[id] }

func (r resolver) RuleIDs() []string {
	ids := make([]string, len(r.s.rules))
	for i, rule := range r.s.rules {
		ids[i] = rule.ID
	}
	return ids
}

func (r resolver) ErrorAt(rng hcl.Range, summary, detail string, args ...any) {
	*r.diags = append(*r.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(detail, args...), Subject: rng.Ptr(),
	})
}

// decoder is a body as a kind.Decoder; st is the top-level block's.
type decoder struct {
	b  *body
	st *decoding
}

func (d decoder) Block() *hcl.Block               { return d.b.block }
func (d decoder) Has(attr string) bool            { return d.b.has(attr) }
func (d decoder) Require(attrs ...string)         { d.b.required(attrs...) }
func (d decoder) Bool(attr string, def bool) bool { return d.b.boolean(attr, def) }
func (d decoder) Int(attr string, def, lo, hi int) int {
	return d.b.integer(attr, def, lo, hi)
}

func (d decoder) Severity(attr string, def lint.Severity) lint.Severity {
	return d.b.severity(attr, def)
}

func (d decoder) String(attr string) (string, bool) {
	s, _, ok := d.b.stringValue(attr)
	return s, ok
}

func (d decoder) Strings(attr string) []string                       { return d.b.strList(attr) }
func (d decoder) Patterns(attr string) []*match.Regexp               { return d.b.patterns(attr) }
func (d decoder) PatternOrList(attr string) []*match.Regexp          { return d.b.patternOrList(attr) }
func (d decoder) Template(attr string, vars []string) hcl.Expression { return d.b.template(attr, vars) }

func (d decoder) Expr(attr string) hcl.Expression {
	if a, ok := d.b.attrs[attr]; ok {
		return a.Expr
	}
	return nil
}

// Part and Names record their references with the top-level block, which
// resolves them when its rule is added.
func (d decoder) Part(attr, def string) string {
	p := d.b.partName(attr, def)
	d.hoist()
	return p
}

func (d decoder) Names(attr string) []string {
	n := d.b.names(attr)
	d.hoist()
	return n
}

func (d decoder) hoist() {
	if d.b != d.st.top {
		d.st.top.refs = append(d.st.top.refs, d.b.refs...)
		d.b.refs = nil
	}
}

func (d decoder) Blocks() []*hcl.Block { return d.b.blocks }

func (d decoder) Sub(b *hcl.Block, schema *hcl.BodySchema) kind.Decoder {
	bd, _ := sub(b, schema, d.b.diags)
	return decoder{bd, d.st}
}

func (d decoder) Errorf(attr, summary, detail string, args ...any) {
	rng := d.b.block.DefRange
	if a, ok := d.b.attrs[attr]; ok {
		rng = a.Expr.Range()
	}
	d.b.errorf(rng, summary, detail, args...)
}

func (d decoder) ErrorAt(rng hcl.Range, summary, detail string, args ...any) {
	d.b.errorf(rng, summary, detail, args...)
}

func (d decoder) Diagnose(diags hcl.Diagnostics) { *d.b.diags = append(*d.b.diags, diags...) }

func (d decoder) HasErrors() bool { return (*d.b.diags)[d.st.before:].HasErrors() }

func (d decoder) DeclarePart(spec document.PartSpec) { d.st.parts = append(d.st.parts, spec) }

func (d decoder) Shared() map[string]any { return d.st.s.kindShared }

func (d decoder) AfterLoad(f func(kind.Resolver)) { d.st.hooks = append(d.st.hooks, f) }
