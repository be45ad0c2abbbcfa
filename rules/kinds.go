package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// kindBody decodes a block whose label picks one of several rules ("date"
// "deadline" is date/deadline) against that rule's schema, and diagnoses a
// missing title. For an unknown label it diagnoses the label, naming the
// known ones, and returns nil.
func kindBody(b *hcl.Block, kinds map[string]*hcl.BodySchema, diags *hcl.Diagnostics) *body {
	if s, ok := kinds[b.Labels[0]]; ok {
		bd, _ := content(b, s, diags)
		bd.required("title")
		return bd
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, fmt.Sprintf("%q(%s/%s)", k, b.Type, k))
	}
	for _, l := range kind.Labels(b.Type) {
		k, _ := kind.Lookup(b.Type, l)
		names = append(names, fmt.Sprintf("%q(%s)", l, k.Rule))
	}
	sort.Strings(names)
	*diags = append(*diags, &hcl.Diagnostic{
		Severity: hcl.DiagError, Summary: "Unknown " + b.Type + " rule",
		Detail:  fmt.Sprintf("%s 块的标签应为 %s,不能是 %q。", b.Type, strings.Join(names, "、"), b.Labels[0]),
		Subject: b.LabelRanges[0].Ptr(),
	})
	return nil
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

// decodeKind decodes a block of a registered kind (package internal/kind):
// the attributes every rule has, then the kind's own through its Decode.
func decodeKind(k kind.Kind, b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd, _ := content(b, &k.Schema, diags)
	bd.required("title")
	rule := bd.rule(k.Rule, k.Severity)
	c := k.Decode(decoder{bd}, rule)
	if c == nil {
		return
	}
	if s.add(rule, bd, diags, c) {
		s.refs = append(s.refs, bd.refs...)
	}
}

// decodeLabels decodes a block type that only registered kinds have: its
// label is not one of theirs (Load decodes theirs), so it diagnoses it.
func decodeLabels(b *hcl.Block, _ *Set, diags *hcl.Diagnostics) {
	kindBody(b, nil, diags)
}

// decoder is a body as a kind.Decoder.
type decoder struct{ b *body }

func (d decoder) Has(attr string) bool         { return d.b.has(attr) }
func (d decoder) Part(attr, def string) string { return d.b.partName(attr, def) }
func (d decoder) Severity(attr string, def lint.Severity) lint.Severity {
	return d.b.severity(attr, def)
}

func (d decoder) String(attr string) (string, bool) {
	s, _, ok := d.b.stringValue(attr)
	return s, ok
}

func (d decoder) Strings(attr string) []string         { return d.b.strList(attr) }
func (d decoder) Names(attr string) []string           { return d.b.names(attr) }
func (d decoder) Patterns(attr string) []*match.Regexp { return d.b.patterns(attr) }

func (d decoder) Errorf(attr, summary, detail string, args ...any) {
	rng := d.b.block.DefRange
	if a, ok := d.b.attrs[attr]; ok {
		rng = a.Expr.Range()
	}
	d.b.errorf(rng, summary, detail, args...)
}
