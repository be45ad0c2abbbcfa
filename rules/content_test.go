package rules

import (
	"fmt"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ducha-dev/ducha/internal/kind"
)

// contentSchemas are schemas bodyContent is used with: a file's, a part
// block's with its nested blocks, a sub-block's with a required attribute.
var contentSchemas = []*hcl.BodySchema{
	topSchema(),
	partSchema(),
	{Attributes: []hcl.AttributeSchema{{Name: "title"}, {Name: "label", Required: true}}},
	exampleSchema,
}

// partSchema is the part kind's schema (package checks registers it).
func partSchema() *hcl.BodySchema {
	k, _ := kind.Lookup("part", "x")
	return &k.Schema
}

// FuzzBodyContent checks bodyContent against hclsyntax's Content: the same
// content, and no fast answer where Content has a diagnostic.
func FuzzBodyContent(f *testing.F) {
	for _, s := range Builtin() {
		f.Add(s.Data)
	}
	for _, s := range []string{
		"title = \"T\"\nlabel = \"x\"\n", "label = \"x\"\nnope = 1\n", "title = \"T\"\n",
		"part \"a\" {\n  headings = [\"x\"]\n}\n", "part {\n}\n", "part \"a\" \"b\" {\n}\n", "require \"x\" {\n}\nheadings = []\n",
		"text = \"x\"\n", "label = \"x\"\nlabel {\n}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := hclsyntax.ParseConfig(src, "f.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			return
		}
		body := file.Body.(*hclsyntax.Body)
		bodies := []*hclsyntax.Body{body}
		for _, b := range body.Blocks {
			bodies = append(bodies, b.Body)
		}
		for _, b := range bodies {
			for i, schema := range contentSchemas {
				got, ok := fits(b, schema)
				want, d := b.Content(schema)
				if ok && d.HasErrors() {
					t.Fatalf("schema %d: fits, but Content says %v", i, d)
				}
				if !d.HasErrors() && !ok {
					t.Fatalf("schema %d: Content takes it, fits does not", i)
				}
				if ok {
					if diff := cmp.Diff(summary(want), summary(got)); diff != "" {
						t.Fatalf("schema %d: content differs (-Content +fits):\n%s", i, diff)
					}
				}
			}
		}
	})
}

// summary is what a body's content holds, comparable.
func summary(c *hcl.BodyContent) []string {
	var out []string
	for name, a := range c.Attributes {
		out = append(out, fmt.Sprintf("attr %s=%s %v %v %p", name, a.Name, a.Range, a.NameRange, a.Expr))
	}
	sort.Strings(out)
	for _, b := range c.Blocks {
		out = append(out, fmt.Sprintf("block %s %q %v %v %v %p", b.Type, b.Labels, b.DefRange, b.TypeRange, b.LabelRanges, b.Body))
	}
	return append(out, fmt.Sprintf("missing %v", c.MissingItemRange))
}
