package rules

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/lint"
)

// findingsOf loads the built-in rules and packs, checks report and returns
// its findings as "rule severity message" lines. It checks that the lean
// built-in rules (thawed, not parsed), overridden by the same packs, give
// the same findings.
func findingsOf(t *testing.T, report string, packs ...Source) []string {
	t.Helper()
	var outs [2][]string
	for i, builtin := range []func() []Source{Builtin, BuiltinLean} {
		set, diags := Load(append(builtin(), packs...)...)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		l, err := set.Linter()
		if err != nil {
			t.Fatal(err)
		}
		res, err := l.Check(context.Background(), []byte(report), lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			outs[i] = append(outs[i], f.Rule+" "+f.Severity.String()+" "+f.Message)
		}
	}
	if diff := cmp.Diff(outs[0], outs[1]); diff != "" {
		t.Errorf("the lean built-in rules give other findings (-full +lean):\n%s", diff)
	}
	return outs[0]
}

func only(fs []string, prefix string) []string {
	var out []string
	for _, f := range fs {
		if strings.HasPrefix(f, prefix) {
			out = append(out, f)
		}
	}
	return out
}

const publishedMarch15 = "青山区人民政府关于2023年度法治政府建设情况的报告\n发布日期:2024-03-15\n2023年,我区扎实推进法治政府建设。\n"

// TestOverride: a province adjusts a built-in rule's attributes with an
// override block, from a pack or from a configuration file, in any file
// order, and the set says where.
func TestOverride(t *testing.T) {
	if got := only(findingsOf(t, publishedMarch15), "date/deadline"); len(got) != 0 {
		t.Fatalf("without the override, 15 March is in time: %v", got)
	}
	pack := Source{Name: "province.hcl", Data: []byte("override \"date/deadline\" {\n  deadline = \"03-01\"\n  severity = \"warning\"\n}\n")}
	got := only(findingsOf(t, publishedMarch15, pack), "date/deadline")
	want := []string{"date/deadline warning 2023年度报告的发布日期为2024年3月15日,晚于2024年3月1日的公开期限;年度报告应在3月1日之前向社会公开。"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("overridden deadline (-want +got):\n%s", diff)
	}
	set, diags := Load(append(Builtin(), pack)...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if o := set.Overrides("date/deadline"); len(o) != 1 || o[0].Filename != "province.hcl" || o[0].Start.Line != 1 {
		t.Errorf("Overrides = %v", o)
	}
	for _, r := range set.Rules() {
		if r.ID == "date/deadline" && r.Severity != lint.Warning {
			t.Errorf("severity %v, want warning", r.Severity)
		}
	}
	// the override may come before the rule it changes
	_, diags = Load(append([]Source{pack}, Builtin()...)...)
	if diags.HasErrors() {
		t.Errorf("override before its rule: %v", diags)
	}
	// a configuration file: only its override blocks are read
	cfg := Source{Name: ".ducha.hcl", Config: true, Data: []byte("fail_on = \"warning\"\ndisable = [\"section/other\"]\noverride \"date/deadline\" {\n  deadline = \"03-01\"\n}\n")}
	if got := only(findingsOf(t, publishedMarch15, cfg), "date/deadline"); len(got) != 1 || !strings.HasPrefix(got[0], "date/deadline error") {
		t.Errorf("override in a configuration: %v", got)
	}
	// two overrides: the later wins
	later := Source{Name: "city.hcl", Data: []byte("override \"date/deadline\" {\n  deadline = \"03-20\"\n}\n")}
	if got := only(findingsOf(t, publishedMarch15, pack, later), "date/deadline"); len(got) != 0 {
		t.Errorf("the later override (20 March) should win: %v", got)
	}
}

func TestOverrideErrors(t *testing.T) {
	tests := []struct {
		name, src, pos, want string
	}{
		{"unknown rule", "override \"date/deadlin\" {\n  deadline = \"03-01\"\n}\n", "1:10", "是不是 date/deadline"},
		{"not a rule id", "override \"deadline\" {\n  deadline = \"03-01\"\n}\n", "1:10", "完整的规则 id"},
		{"attribute the rule lacks", "override \"date/period\" {\n  deadline = \"03-01\"\n}\n", "2:3", "不能写属性 deadline"},
		{"bad value", "override \"date/deadline\" {\n  deadline = \"13-01\"\n}\n", "2:14", "MM-DD"},
		{"bad severity", "override \"date/deadline\" {\n  severity = \"fatal\"\n}\n", "2:14", "fatal"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Load(append(Builtin(), Source{Name: "pack.hcl", Data: []byte(tc.src)})...)
			_, lean := Load(append(BuiltinLean(), Source{Name: "pack.hcl", Data: []byte(tc.src)})...)
			if diff := cmp.Diff(diags.Error(), lean.Error()); diff != "" {
				t.Errorf("the lean built-in rules give other diagnostics (-full +lean):\n%s", diff)
			}
			for _, d := range diags {
				if d.Subject != nil && d.Subject.Filename == "pack.hcl" && posOf(d.Subject.Start.Line, d.Subject.Start.Column) == tc.pos && strings.Contains(d.Detail, tc.want) {
					return
				}
			}
			t.Errorf("want a diagnostic at pack.hcl:%s containing %q; got %v", tc.pos, tc.want, diags)
		})
	}
}

func posOf(line, col int) string { return fmt.Sprintf("%d:%d", line, col) }

// TestPackWins: a pack's relation that judges a figure the built-in rules
// judge too is the one the reader sees — under the built-in rule id, or
// under the pack's own numeric rule — and the built-in finding on that
// figure is dropped (lint.Config.Layers).
func TestPackWins(t *testing.T) {
	report, err := os.ReadFile("../testdata/cases/numeric-part-exceeds-total.txt")
	if err != nil {
		t.Fatal(err)
	}
	builtin := only(findingsOf(t, string(report)), "numeric/")
	if len(builtin) != 1 || !strings.Contains(builtin[0], "调解成功125件多于") {
		t.Fatalf("built-in findings: %v", builtin)
	}
	relation := func(id, message string) string {
		return "relation \"province-mediation\" {\n  count \"total\" {\n    label = \"受理矛盾纠纷$\"\n    unit = [\"件\"]\n  }\n" +
			"  count \"success\" {\n    label = \"调解成功$\"\n    unit = [\"件\"]\n  }\n" +
			"  assert \"" + id + "\" {\n    condition = success <= total\n    message = \"" + message + "\"\n  }\n}\n"
	}
	same := Source{Name: "province.hcl", Data: []byte(relation("numeric/part-exceeds-total", "省里的说法:成功${text.success}超过受理${text.total}。"))}
	want := []string{"numeric/part-exceeds-total error 省里的说法:成功125件超过受理120件。"}
	if diff := cmp.Diff(want, only(findingsOf(t, string(report), same), "numeric/")); diff != "" {
		t.Errorf("pack's assert under the built-in id (-want +got):\n%s", diff)
	}
	own := Source{Name: "province.hcl", Data: []byte("numeric \"province-mediation\" {\n  title = \"调解数据\"\n  severity = \"warning\"\n}\n" +
		relation("numeric/province-mediation", "调解成功数超过受理数。"))}
	want = []string{"numeric/province-mediation warning 调解成功数超过受理数。"}
	if diff := cmp.Diff(want, only(findingsOf(t, string(report), own), "numeric/")); diff != "" {
		t.Errorf("pack's own rule on the same figure (-want +got):\n%s", diff)
	}
}

// TestOverrideAddsTerm: a nested block with a new label is added to the
// rule's (a province's own formula in text/term), one with a label the rule
// has replaces it, and the built-in terms keep working.
func TestOverrideAddsTerm(t *testing.T) {
	report := "青山区人民政府关于2023年度法治政府建设情况的报告\n区依法治区委员会召开会议,贯彻中央依法治国工作会议精神。\n"
	pack := Source{Name: "province.hcl", Data: []byte("override \"text/term\" {\n  term \"依法治区委员会\" {\n    correct = \"区委全面依法治区委员会\"\n    wrong   = [\"区依法治区委员会\"]\n  }\n}\n")}
	got := only(findingsOf(t, report, pack), "text/term")
	want := []string{
		"text/term warning “区依法治区委员会”写法有误,应为“区委全面依法治区委员会”。",
		"text/term warning “中央依法治国工作会议”写法有误,应为“中央全面依法治国工作会议”。",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
