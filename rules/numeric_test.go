package rules

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/lint"
)

func TestBuiltinNumeric(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	have := map[string]*lint.Rule{}
	for _, r := range set.Rules() {
		have[r.ID] = r
	}
	for _, id := range []string{"numeric/sum-mismatch", "numeric/part-exceeds-total", "numeric/rate-mismatch", "numeric/percent-range", "numeric/conflict"} {
		r := have[id]
		switch {
		case r == nil:
			t.Errorf("built-in rules lack %s", id)
		case r.ExampleFail == "" || r.ExamplePass == "":
			t.Errorf("%s has no example_fail or example_pass", id)
		}
	}
}

// relation wraps a relation's body with a declared rule.
func relation(body string) string {
	return "numeric \"x\" {\n  title = \"T\"\n}\nrelation \"r\" {\n" + body + "}\n"
}

const goodCaptures = "  count \"total\" { label = \"受理\" }\n  count \"part\" { label = \"成功\" }\n"

// TestLoadNumericErrors checks that each mistake in a numeric or relation
// block is a diagnostic at the right file, line and column.
func TestLoadNumericErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  string // "line:col" of the diagnostic's subject
		want string // in the summary or detail
	}{
		{"unknown capture", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= totl\n    message = \"m\"\n  }\n"), "8:25", "没有名为 totl 的捕获"},
		{"unknown function", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = round(part) <= total\n    message = \"m\"\n  }\n"), "8:17", "round"},
		{"condition with no capture", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = 1 < 2\n    message = \"m\"\n  }\n"), "8:17", "没有引用任何捕获"},
		{"condition not a comparison", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part + total\n    message = \"m\"\n  }\n"), "8:17", "需要一个比较"},
		{"bad capture regexp", relation("  count \"total\" { label = \"(受理\" }\n  count \"part\" { label = \"成功\" }\n  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "5:27", "missing closing )"},
		{"bad regexp in a list", relation("  count \"total\" { label = [\"受理\", \"[\"] }\n  count \"part\" { label = \"成功\" }\n  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "5:34", "无效"},
		{"capture matching everything", relation("  count \"total\" { label = \".*\" }\n  count \"part\" { label = \"成功\" }\n  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "5:27", "空字符串"},
		{"capture without label", relation("  count \"total\" { unit = [\"件\"] }\n  count \"part\" { label = \"成功\" }\n  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "5:3", "label"},
		{"invalid capture name", relation("  count \"total-1\" { label = \"受理\" }\n  assert \"numeric/x\" {\n    condition = 1 < 2\n    message = \"m\"\n  }\n"), "5:9", "捕获名"},
		{"reserved capture name", relation("  count \"text\" { label = \"受理\" }\n  count \"part\" { label = \"成功\" }\n  assert \"numeric/x\" {\n    condition = part <= 1\n    message = \"m\"\n  }\n"), "5:9", "text 或 label"},
		{"duplicate capture", relation(goodCaptures + "  count \"part\" { label = \"化解\" }\n  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "7:9", "已有名为"},
		{"undeclared rule", relation(goodCaptures + "  assert \"numeric/nope\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "7:10", "没有 id 为 numeric/nope 的规则"},
		{"message unknown variable", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"${foo}\"\n  }\n"), "9:18", "${foo}"},
		{"message unknown function", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"${upper(text.part)}\"\n  }\n"), "9:18", "upper"},
		{"message text of unknown capture", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"${text.nope}\"\n  }\n"), "9:18", "text 后应跟一个捕获名"},
		{"missing message", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n  }\n"), "7:22", "message"},
		{"unknown at", relation(goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n    at = \"nope\"\n  }\n"), "10:10", "at 应是本关系的一个捕获名"},
		{"unknown within", relation("  within = \"page\"\n" + goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "5:12", "\"paragraph\""},
		{"unknown part in not_in", relation("  not_in = [\"plan\"]\n" + goodCaptures + "  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "5:12", "没有名为 \"plan\" 的 part"},
		{"no asserts", relation(goodCaptures), "4:1", "没有 assert"},
		{"no captures", "numeric \"x\" {\n  title = \"T\"\n}\nrelation \"r\" {\n  assert \"numeric/x\" {\n    condition = 1 < 2\n    message = \"m\"\n  }\n}\n", "4:1", "没有捕获任何数字"},
		{"duplicate relation", relation(goodCaptures+"  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n") + "relation \"r\" {\n}\n", "12:10", "已在"},
		{"numeric rule nothing reports under", "numeric \"sum-mismach\" {\n  title = \"T\"\n}\n", "1:9", "没有任何 relation 的 assert"},
		{"part-exceeds-total without success", "numeric \"part-exceeds-total\" {\n  title = \"T\"\n  total = [\"受理\"]\n}\n", "1:1", "success"},
		{"rate-mismatch without rates", "numeric \"rate-mismatch\" {\n  title = \"T\"\n}\n", "1:1", "rates"},
		{"composite without parts", "numeric \"rate-mismatch\" {\n  title = \"T\"\n  rates = [\"率$\"]\n  composite \"c\" {\n    rate = [\"一类以上率\"]\n  }\n}\n", "4:17", "parts"},
		{"conflict without figures", "numeric \"conflict\" {\n  title = \"T\"\n}\n", "1:1", "figure"},
		{"figure without label", "numeric \"conflict\" {\n  title = \"T\"\n  figure \"f\" {\n    unit = [\"次\"]\n  }\n}\n", "3:14", "label"},
		{"rule attribute in a capture", relation("  count \"total\" {\n    label = \"受理\"\n    title = \"T\"\n  }\n  count \"part\" { label = \"成功\" }\n  assert \"numeric/x\" {\n    condition = part <= total\n    message = \"m\"\n  }\n"), "7:5", "Unsupported argument"},
		{"unknown attribute", "numeric \"percent-range\" {\n  title = \"T\"\n  proportions = [\"率$\"]\n  maximum = 100\n}\n", "4:3", "Unsupported argument"},
		{"bad short severity", "numeric \"sum-mismatch\" {\n  title = \"T\"\n  short_severity = \"minor\"\n}\n", "3:20", "warning"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantDiagnostic(t, tc.src, tc.pos, tc.want) })
	}
}

// TestProvincePack loads a province's own pack on top of the built-in rules:
// a numeric rule of its own, reported under by a relation over paragraphs.
func TestProvincePack(t *testing.T) {
	pack := `
numeric "legal-aid-share" {
  title    = "法律援助案件中刑事案件占比与件数相符"
  source   = "某省法治政府建设年度报告工作指引"
  doc      = "刑事法律援助案件占比由刑事案件数和法律援助案件总数算出。"
  severity = "warning"
}

relation "legal-aid-share" {
  within = "paragraph"
  topic  = "法律援助"
  count "all"      { label = "法律援助案件$" }
  count "criminal" { label = "刑事" }
  rate  "share"    { label = "刑事.*占比$" }
  assert "numeric/legal-aid-share" {
    condition = share == pct(criminal, all)
    message   = "刑事案件占比${text.share}与${criminal}/${all}=${round(pct(criminal, all), 1)}%不符。"
  }
}
`
	set, diags := Load(append(Builtin(), Source{Name: "province.hcl", Data: []byte(pack)})...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, err := set.Linter()
	if err != nil {
		t.Fatal(err)
	}
	src := "某县2023年度法治政府建设情况报告\n全年办理法律援助案件200件。其中刑事案件50件,刑事案件占比30%。"
	res, err := l.Check(context.Background(), []byte(src), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "numeric/legal-aid-share" {
			got = append(got, f.Severity.String()+" "+f.Message)
		}
	}
	want := "warning 刑事案件占比30%与50/200=25%不符。"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want [%q]", got, want)
	}
}

// TestReadmeRelation loads the relation example of README.md with the
// built-in rules and runs it.
func TestReadmeRelation(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var src string
	for _, block := range strings.Split(string(b), "```hcl\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		if strings.Contains(block, "relation \"") {
			src = block
		}
	}
	if src == "" {
		t.Fatal("README.md has no relation example")
	}
	set, diags := Load(append(Builtin(), Source{Name: "README.md", Data: []byte(src)})...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, err := set.Linter()
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(context.Background(), []byte("某县2023年度法治政府建设情况报告\n全年调解矛盾纠纷4489件,调解成功4450件,调解成功率98%。"), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+" "+f.Severity.String()+" "+f.Message)
	}
	want := "numeric/mediation-rate error 调解成功率98%与4450/4489=99.13%不符。"
	if !slices.Contains(got, want) {
		t.Errorf("findings %q lack %q", got, want)
	}
}
