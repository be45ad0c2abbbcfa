package checks_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/condition"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

func res(s ...string) []*match.Regexp {
	var out []*match.Regexp
	for _, p := range s {
		out = append(out, match.MustCompile(p))
	}
	return out
}

func template(t *testing.T, src string) hcl.Expression {
	t.Helper()
	e, diags := hclsyntax.ParseTemplate([]byte(src), "t.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return e
}

// TestSectionDirect builds a Section check by hand, as a Go program may,
// and runs it through a Linter.
func TestSectionDirect(t *testing.T) {
	rule := &lint.Rule{ID: "section/stats", Title: "主要数据", Severity: lint.Error}
	c := &checks.Section{
		Rule: rule, Part: "stats", Missing: lint.Error, Inline: lint.Warning, Thin: lint.Error, MinChars: 10,
		Requires: []checks.Requirement{{
			Name: "both", Severity: lint.Warning, Min: 2,
			Classes: []checks.CueClass{{Name: "复议", Cues: res("复议")}, {Name: "诉讼", Cues: res("诉讼")}},
			Message: template(t, "${heading}:只有${found},缺${missing}(${count}/${min})"),
		}},
	}
	l, err := lint.New(lint.Config{
		Rules:  []*lint.Rule{rule},
		Parts:  []document.PartSpec{{Name: "stats", Headings: res("主要数据"), Mentions: res("统计")}},
		Checks: []lint.Check{c},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		src  string
		want string // "" for no finding; else severity + " " + message prefix
	}{
		{"标题\n一、主要数据\n受理行政复议案件12件,行政诉讼案件8件。", ""},
		{"标题\n一、主要数据\n受理行政复议案件12件,办结12件。", "warning 一、主要数据:只有复议,缺诉讼(1/2)"},
		{"标题\n一、主要数据\n无。", "error “一、主要数据”下内容过少(2字)"},
		{"标题\n一、其他\n有关统计见附件。", "warning “主要数据”没有单列为报告的一部分,只在正文中提及(“有关统计见附件。”)"},
		{"标题\n一、其他\n无。", "error 缺少“主要数据”部分"},
	}
	for _, tc := range tests {
		r, err := l.Check(context.Background(), []byte(tc.src), lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if len(r.Findings) > 0 {
			got = r.Findings[0].Severity.String() + " " + r.Findings[0].Message
		}
		if len(r.Findings) > 1 || !strings.HasPrefix(got, tc.want) || (tc.want == "") != (got == "") {
			t.Errorf("%q: got %v, want %q", tc.src, r.Findings, tc.want)
		}
	}
}

func TestMessage(t *testing.T) {
	vars := map[string]cty.Value{"found": cty.StringVal("学法"), "count": cty.NumberIntVal(1)}
	if got := condition.Message(nil, "默认", vars); got != "默认" {
		t.Errorf("nil template: %q", got)
	}
	if got := condition.Message(template(t, "只有${count}类:${found}"), "默认", vars); got != "只有1类:学法" {
		t.Errorf("template: %q", got)
	}
	if got := condition.Message(template(t, "${nope}"), "默认", vars); got != "默认" {
		t.Errorf("failing template: %q, want the default", got)
	}
	if got := condition.Message(template(t, "  "), "默认", vars); got != "默认" {
		t.Errorf("blank template: %q, want the default", got)
	}
}
