package rules

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ducha-dev/ducha/lint"
)

// An example block holds a report that rules share as an example, so that
// one complete report can be every rule's passing example without being
// written (and parsed) once per rule:
//
//	example "complete" {
//	  text = <<-EOT
//	    ××区人民政府关于2023年度法治政府建设情况的报告
//	    …
//	  EOT
//	}
//
//	part "other" {
//	  …
//	  example_pass = example.complete   # or a text of its own
//	}
//
// A rule file may name an example declared in any file of the set, the
// built-in ones included.
var exampleSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "text", Required: true}}}

type sharedExample struct {
	text string
	rng  hcl.Range
}

// exampleRef is a rule's example_fail or example_pass naming an example
// block, to resolve once every file has loaded.
type exampleRef struct {
	rule *lint.Rule
	fail bool
	name string
	rng  hcl.Range
}

func decodeExample(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	name := b.Labels[0]
	c, d := b.Body.Content(exampleSchema)
	*diags = append(*diags, d...)
	if c == nil {
		return
	}
	bd := &body{block: b, attrs: c.Attributes, diags: diags}
	text := strings.TrimSpace(bd.str("text", ""))
	if prev, ok := s.shared[name]; ok {
		bd.errorf(b.LabelRanges[0], "Duplicate example", "example %q 已在 %s 定义过;请改用别的名字。", name, prev.rng)
		return
	}
	s.shared[name] = sharedExample{text: text, rng: b.DefRange}
}

// example reads example_fail or example_pass: a report's text, or a
// reference to an example block (example.NAME), recorded to be resolved
// once every file has loaded.
func (b *body) example(name string, r *lint.Rule) string {
	a, ok := b.attrs[name]
	if !ok {
		return ""
	}
	if tr, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() {
		if len(tr) == 2 && tr.RootName() == "example" {
			if step, ok := tr[1].(hcl.TraverseAttr); ok {
				b.exRefs = append(b.exRefs, exampleRef{rule: r, fail: name == "example_fail", name: step.Name, rng: a.Expr.Range()})
				return ""
			}
		}
		b.errorf(a.Expr.Range(), "Invalid example", "%s 应为一份报告的文字(可用 <<-EOT … EOT),或引用 example 块,如 example.complete。", name)
		return ""
	}
	return strings.TrimSpace(b.str(name, ""))
}

// resolveExamples fills in the examples rules name, diagnosing names no
// file declares.
func (s *Set) resolveExamples(diags *hcl.Diagnostics) {
	for _, ref := range s.exRefs {
		ex, ok := s.shared[ref.name]
		if !ok {
			names := make([]string, 0, len(s.shared))
			for n := range s.shared {
				names = append(names, n)
			}
			sort.Strings(names)
			*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown example",
				Detail:  fmt.Sprintf("没有名为 %q 的 example 块;已声明的有:%s。", ref.name, strings.Join(names, "、")),
				Subject: ref.rng.Ptr()})
			continue
		}
		if ref.fail {
			ref.rule.ExampleFail = ex.text
		} else {
			ref.rule.ExamplePass = ex.text
		}
	}
}

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
