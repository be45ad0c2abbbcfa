package rules

import (
	"regexp"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/lint"
)

// text blocks configure the checks on the report's wording:
//
//	text "placeholder" {               # text/placeholder
//	  title    = "没有未替换的模板内容"
//	  severity = "error"
//	  patterns = ["[Xx×]{2,}", "([Xx×])(?:次|个)"] # reported wherever they match;
//	                                    # a capturing group marks what to report
//	  unquoted = ["某某"]               # reported only outside quotation marks
//	  quotes   = ["“”", "‘’", "「」"]    # opening and closing marks
//	  surnames = "王李张刘陈"            # 王某某 after these is a name, not a blank
//	}
//
// Each pattern must start with a definite character or a small class of
// them ("X", "[Xx×]", "某", "〔"), not with ".", "[^…]" or \p{Han}: the check
// looks for those characters and tries the pattern only there, which keeps
// it fast on long reports.
var textKinds = map[string]*hcl.BodySchema{
	"placeholder": {Attributes: []hcl.AttributeSchema{
		{Name: "patterns"}, {Name: "unquoted"}, {Name: "quotes"}, {Name: "surnames"},
	}},
}

func decodeText(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd := kindBody(b, textKinds, diags)
	if bd == nil {
		return
	}
	if !bd.has("patterns") && !bd.has("unquoted") {
		bd.required("patterns")
	}
	rule := bd.rule("text/"+b.Labels[0], lint.Error)
	var pats [2][]*regexp.Regexp
	for i, name := range []string{"patterns", "unquoted"} {
		for _, re := range bd.patterns(name) {
			if err := checks.FastPattern(re); err != nil {
				bd.errorf(bd.attrs[name].Expr.Range(), "Pattern cannot be searched fast", "%v;请以要找的字开头,如 \"X次\" 而不是 \".?X次\"。", err)
				continue
			}
			pats[i] = append(pats[i], re)
		}
	}
	var quotes []string
	if v, a, ok := bd.value("quotes", cty.List(cty.String)); ok {
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if q := e.AsString(); utf8.RuneCountInString(q) == 2 {
				quotes = append(quotes, q)
			} else {
				bd.errorf(a.Expr.Range(), "Invalid quotation marks", "quotes 的每一项应是一对引号:左引号和右引号,如 \"“”\",不能是 %q。", q)
			}
		}
	}
	c, err := checks.NewPlaceholder(rule, pats[0], pats[1], quotes, bd.str("surnames", ""))
	if err != nil {
		bd.errorf(b.DefRange, "Invalid placeholder rule", "%v", err)
		return
	}
	s.add(rule, bd, diags, c)
}
