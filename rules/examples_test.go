package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/lint"
)

// TestBuiltinExamples runs every built-in rule's examples: the failing one
// must draw a finding of the rule, the passing one none. A built-in rule
// without both examples fails the test, so a new rule cannot ship without
// evidence that it can fire.
func TestBuiltinExamples(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, r := range set.Rules() {
		if r.ExampleFail == "" || r.ExamplePass == "" {
			t.Errorf("built-in rule %s lacks example_fail or example_pass", r.ID)
		}
	}
	for _, d := range set.TestExamples(t.Context()) {
		t.Errorf("%s: %s: %s", d.Subject, d.Summary, d.Detail)
	}
}

// TestExamplesCatchMistakes checks that TestExamples reports, at the
// attribute, a failing example the rule does not report, a passing example
// it does report, and an example that is not a report at all.
func TestExamplesCatchMistakes(t *testing.T) {
	pack := `part "statistics" {
  title    = "主要数据"
  headings = ["主要数据统计"]
  example_fail = "关于2023年度法治政府建设情况的报告\n一、主要数据统计\n全年办理行政复议案件12件。\n"
  example_pass = "关于2023年度法治政府建设情况的报告\n一、工作情况\n全年办理行政复议案件12件。\n"
}

part "empty" {
  title    = "空"
  headings = ["空"]
  example_fail = "首页 > 政务公开\n【打印本页】 【关闭本页】\n"
}
`
	set, diags := Load(append(Builtin(), Source{Name: "pack.hcl", Data: []byte(pack)})...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, d := range set.TestExamples(t.Context()) {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, d.Summary))
	}
	joined := strings.Join(got, "\n")
	for _, w := range []string{
		"pack.hcl:4:3 Failing example passes",
		"pack.hcl:5:3 Passing example fails",
		"pack.hcl:11:3 Example cannot be checked",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("want %q among the diagnostics:\n%s", w, joined)
		}
	}
	if len(got) != 3 {
		t.Errorf("want 3 diagnostics, got:\n%s", joined)
	}
}

// TestSharedExample checks that a rule pack can name an example block
// declared in another file, the built-in "complete" report here.
func TestSharedExample(t *testing.T) {
	pack := `part "statistics" {
  title    = "主要数据"
  headings = ["主要数据统计"]
  example_fail = example.complete
}
`
	set, diags := Load(append(Builtin(), Source{Name: "pack.hcl", Data: []byte(pack)})...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var r *lint.Rule
	for _, x := range set.Rules() {
		if x.ID == "section/statistics" {
			r = x
		}
	}
	if r == nil || !strings.HasPrefix(r.ExampleFail, "青山区人民政府关于2023年度法治政府建设情况的报告\n") || r.ExamplePass != "" {
		t.Fatalf("rule %+v", r)
	}
	if d := set.TestExamples(t.Context()); len(d) != 0 {
		t.Errorf("the complete report lacks 主要数据统计, so section/statistics should report it: %v", d)
	}
}

// TestCompleteExample checks that the built-in "complete" report, which many
// rules use as the report that passes, draws no finding of any built-in rule:
// it is what a compliant report looks like.
func TestCompleteExample(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ex, ok := set.shared["complete"]
	if !ok {
		t.Fatal(`no example "complete"`)
	}
	l, err := set.Linter()
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(t.Context(), []byte(ex.text), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("%s %s: %s", f.Span.Start, f.Rule, f.Message)
	}
}
