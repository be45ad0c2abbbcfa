package rules

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// bodyContent is body.Content(schema), faster for a body the parser or
// hclfreeze.Thaw built that fits the schema: every attribute and block in
// it, the required attributes there, each block with its labels.
// hclsyntax's Content builds three maps and a body of what remains for
// every call, which was a quarter of loading the built-in rules; here a
// body that fits needs only the content, and one that does not goes to
// Content, which diagnoses it.
func bodyContent(body hcl.Body, schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		if c, ok := fits(sb, schema); ok {
			return c, nil
		}
	}
	return body.Content(schema)
}

// fits returns the content of b when b fits schema, as hclsyntax's Content
// gives it. b must be a body as parsed or thawed, not what PartialContent
// leaves (whose hidden attributes cannot be seen from here).
func fits(b *hclsyntax.Body, schema *hcl.BodySchema) (*hcl.BodyContent, bool) {
	for _, a := range schema.Attributes {
		if a.Required {
			if _, ok := b.Attributes[a.Name]; !ok {
				return nil, false
			}
		}
	}
	for _, bl := range b.Blocks {
		s, ok := blockSchema(schema, bl.Type)
		if !ok || len(bl.Labels) != len(s.LabelNames) {
			return nil, false
		}
	}
	// what AsHCLAttribute and AsHCLBlock make, in one slice each
	c := &hcl.BodyContent{Attributes: make(hcl.Attributes, len(b.Attributes)), MissingItemRange: b.MissingItemRange()}
	attrs, i := make([]hcl.Attribute, len(b.Attributes)), 0
	for name, a := range b.Attributes {
		if !hasAttr(schema, name) {
			return nil, false
		}
		attrs[i] = hcl.Attribute{Name: a.Name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange}
		c.Attributes[name] = &attrs[i]
		i++
	}
	if len(b.Blocks) > 0 {
		c.Blocks = make(hcl.Blocks, len(b.Blocks))
		blocks := make([]hcl.Block, len(b.Blocks))
		for i, bl := range b.Blocks {
			blocks[i] = hcl.Block{Type: bl.Type, Labels: bl.Labels, Body: bl.Body,
				DefRange: bl.DefRange(), TypeRange: bl.TypeRange, LabelRanges: bl.LabelRanges}
			c.Blocks[i] = &blocks[i]
		}
	}
	return c, true
}

func hasAttr(schema *hcl.BodySchema, name string) bool {
	for _, a := range schema.Attributes {
		if a.Name == name {
			return true
		}
	}
	return false
}

func blockSchema(schema *hcl.BodySchema, typ string) (hcl.BlockHeaderSchema, bool) {
	for _, s := range schema.Blocks {
		if s.Type == typ {
			return s, true
		}
	}
	return hcl.BlockHeaderSchema{}, false
}
