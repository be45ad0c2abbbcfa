package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
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
