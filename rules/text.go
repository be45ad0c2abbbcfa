package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/lint"
)

// text blocks configure the checks on the report's wording. text
// "placeholder" and text "brackets" are kinds of their own (checks/placeholder.go,
// checks/brackets.go); term and watermark blocks are decoded here.
var textKinds = map[string]*hcl.BodySchema{
	"term":      termSchema,
	"watermark": termSchema,
}

// term and watermark blocks list strings the report must not carry, each
// in a block of its own:
//
//	text "term" {                       # text/term (or text/watermark)
//	  title    = "规范表述写法正确"
//	  severity = "warning"
//	  message  = "“${found}”应为“${correct}”。"  # optional; also ${term}, ${note}
//	  term "中央全面依法治国委员会" {
//	    correct  = "中央全面依法治国委员会"   # named in the message; optional
//	    wrong    = ["中央依法治国委员会"]     # matched literally
//	    patterns = ["纲要\\(\\d{8}年\\)"]    # regexps that start with a literal
//	    allow    = ["中央全面依法治国委员会"] # right forms around a wrong one
//	    note     = "…"                       # added to the message
//	  }
//	}
//
// The wrong forms and pattern prefixes of every term and watermark block go
// into one matcher built here, when the rules load (checks.NewTerm, then
// Term.Add): a report is scanned once for all of them.
var termSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "message"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "term", LabelNames: []string{"name"}}},
}

var termEntrySchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "correct"}, {Name: "wrong"}, {Name: "patterns"}, {Name: "allow"}, {Name: "note"},
}}

func decodeText(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	switch b.Labels[0] {
	case "term", "watermark":
		decodeTerm(b, s, diags)
		return
	}
	kindBody(b, textKinds, diags) // diagnoses the label
}

func decodeTerm(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	before := len(*diags)
	bd, blocks := content(b, termSchema, diags)
	bd.required("title")
	def := lint.Warning
	if b.Labels[0] == "watermark" {
		def = lint.Error
	}
	rule := bd.rule("text/"+b.Labels[0], def)
	if len(blocks) == 0 {
		bd.errorf(b.DefRange, "Missing term blocks", "text %q 至少要有一个 term 块,列出要找的写法。", b.Labels[0])
	}
	var terms []checks.TermEntry
	for _, tb := range blocks {
		tbd, _ := content(tb, termEntrySchema, diags)
		t := checks.TermEntry{
			Name:     tb.Labels[0],
			Correct:  normStr(tbd.str("correct", "")),
			Wrong:    normList(tbd.strList("wrong")),
			Patterns: tbd.patterns("patterns"),
			Allow:    normList(tbd.strList("allow")),
			Note:     tbd.str("note", ""),
		}
		if len(t.Wrong) == 0 && len(t.Patterns) == 0 {
			tbd.errorf(tb.DefRange, "Missing wrong forms", "term %q 应列出错误写法:wrong(字面)或 patterns(正则表达式)。", t.Name)
			continue
		}
		for _, re := range t.Patterns {
			if p, _ := re.LiteralPrefix(); p == "" {
				tbd.errorf(tbd.attrs["patterns"].Expr.Range(), "Pattern without a literal start", "模式 %q 应以确定的文字开头(如 \"纲要\\\\(\"),不能以 \\d、. 或字符类开头:检查按开头的文字查找。", re)
			}
		}
		terms = append(terms, t)
	}
	msg := bd.template("message", checks.TermVars)
	if (*diags)[before:].HasErrors() {
		return // this block's mistakes are diagnosed; other files' are not its
	}
	if s.term != nil {
		// One matcher for every term and watermark block: the text is
		// scanned once for all of them.
		if s.add(rule, bd, diags, nil) {
			if err := s.term.Add(rule, terms, msg); err != nil {
				bd.errorf(b.DefRange, "Invalid term rule", "%v", err)
			}
		}
		return
	}
	c, err := checks.NewTerm(rule, terms, msg)
	if err != nil {
		bd.errorf(b.DefRange, "Invalid term rule", "%v", err)
		return
	}
	if s.add(rule, bd, diags, c) {
		s.term = c
	}
}

// normList folds each string the way the text is folded, so that a rule
// file's full-width "（" matches the text's "(".
func normList(ss []string) []string {
	for i, v := range ss {
		ss[i] = normStr(v)
	}
	return ss
}

func normStr(s string) string { v, _ := norm.String(s); return v }
