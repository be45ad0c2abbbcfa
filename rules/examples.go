package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ducha-dev/ducha/lint"
)

// exampleRanges returns where a rule block sets example_fail and
// example_pass (the block's header where it sets neither).
func exampleRanges(b *hcl.Block) [2]hcl.Range {
	r := [2]hcl.Range{b.DefRange, b.DefRange}
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		for i, name := range []string{"example_fail", "example_pass"} {
			if a, ok := sb.Attributes[name]; ok {
				r[i] = a.SrcRange
			}
		}
	}
	return r
}

// TestExamples checks every rule's examples with a Linter built from the
// whole set: example_fail must draw at least one finding of its rule and
// example_pass none. A rule whose failing example draws nothing can never
// fire as its author meant (a pattern that cannot match, a part another
// part's headings claim first); a passing example that draws a finding
// means the rule reports compliant text. Each mismatch is an error
// diagnostic at the example's attribute. Rules without examples are
// skipped: the attributes are optional.
//
// Loading does not do this (it would lint text at load time); ducha rules
// validate does, and the tests of the built-in rules do.
func (s *Set) TestExamples(ctx context.Context) hcl.Diagnostics {
	l, err := s.Linter()
	if err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid rule set", Detail: err.Error()}}
	}
	var diags hcl.Diagnostics
	for _, r := range s.rules {
		rng := s.examples[r.ID]
		for i, ex := range []string{r.ExampleFail, r.ExamplePass} {
			if ex == "" {
				continue
			}
			attr := [2]string{"example_fail", "example_pass"}[i]
			fail := func(summary, detail string, args ...any) {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary,
					Detail: fmt.Sprintf(detail, args...), Subject: rng[i].Ptr()})
			}
			res, err := l.Check(ctx, []byte(ex), lint.Options{})
			if err != nil {
				fail("Example cannot be checked", "规则 %s 的 %s 无法检查:%v。例子应是一份完整的报告。", r.ID, attr, err)
				continue
			}
			var own []lint.Finding
			for _, f := range res.Findings {
				if f.Rule == r.ID {
					own = append(own, f)
				}
			}
			switch {
			case i == 0 && len(own) == 0:
				fail("Failing example passes", "规则 %s 的 example_fail 没有产生本规则的任何问题:要么例子不对,要么规则永远不会报告。", r.ID)
			case i == 1 && len(own) > 0:
				f := own[0]
				fail("Passing example fails", "规则 %s 的 example_pass 产生了本规则的问题(第%d行第%d列:%s);合格的例子不应有本规则的问题。", r.ID, f.Span.Start.Line, f.Span.Start.Column, f.Message)
			}
		}
	}
	return diags
}
