package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/lint"
)

func TestBuiltin(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatalf("built-in rules do not load:\n%v", diags)
	}
	var ids []string
	for _, r := range set.Rules() {
		ids = append(ids, r.ID)
		if r.Title == "" || r.Source == "" || r.Doc == "" {
			t.Errorf("rule %s lacks a title, source or doc", r.ID)
		}
	}
	want := []string{"title/missing", "title/year", "section/achievements", "section/deficiencies", "section/responsible-person", "section/next-year", "section/other",
		"date/missing", "date/deadline", "date/period", "date/malformed", "year/next-year", "structure/numbering", "format/doc-number", "text/placeholder",
		"text/term", "text/watermark", "text/brackets", "year/heading"}
	for _, id := range want {
		found := false
		for _, got := range ids {
			found = found || got == id
		}
		if !found {
			t.Errorf("built-in rules lack %s (have %v)", id, ids)
		}
	}
	if _, err := set.Linter(); err != nil {
		t.Fatal(err)
	}
}

const goodPart = `part "x" {
  title    = "T"
  headings = ["不足"]
}
`

// TestLoadErrors checks that each mistake in a rule file is a diagnostic at
// the right file, line and column, saying what to write instead.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  string // "line:col" of the diagnostic's subject
		want string // in the summary or detail
	}{
		{"syntax", "part \"x\" {\n  title = \"T\"\n", "1:10", "Unclosed"},
		{"unknown block", "rule \"x\" {\n}\n", "1:1", "Unsupported block type"},
		{"top-level attribute", "x = 1\n", "1:1", "Unsupported argument"},
		{"block without label", "part {\n}\n", "1:6", "Missing name"},
		{"unknown attribute", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  heading = \"x\"\n}\n", "4:3", "Unsupported argument"},
		{"wrong type", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  min_chars = \"many\"\n}\n", "4:15", "整数"},
		{"not an integer", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  min_chars = 1.5\n}\n", "4:15", "整数"},
		{"headings not a list", "part \"x\" {\n  title = \"T\"\n  headings = \"不足\"\n}\n", "3:14", "列表"},
		{"pattern not a string", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\", [1]]\n}\n", "3:21", "字符串"},
		{"bad regexp", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\", \"(存在\"]\n}\n", "3:21", "missing closing )"},
		{"huge repeat", "part \"x\" {\n  title = \"T\"\n  headings = [\"(a{1000}){1000}\"]\n}\n", "3:15", "invalid repeat count"},
		{"matches everything", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\", \".*\"]\n}\n", "3:21", "空字符串"},
		{"pattern too long", "part \"x\" {\n  title = \"T\"\n  headings = [\"" + strings.Repeat("a", 5000) + "\"]\n}\n", "3:15", "过长"},
		{"unknown severity", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  severity = \"fatal\"\n}\n", "4:14", `"error"、"warning" 或 "info"`},
		{"unknown inline severity", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  inline_severity = \"warn\"\n}\n", "4:21", "warning"},
		{"duplicate id", goodPart + goodPart, "5:1", "已在"},
		{"invalid name", "part \"Bad Name\" {\n  title = \"T\"\n  headings = [\"不足\"]\n}\n", "1:6", "小写英文字母"},
		{"unknown title kind", "title \"color\" {\n  title = \"T\"\n}\n", "1:7", `"missing"`},
		{"missing title", "part \"x\" {\n  headings = [\"不足\"]\n}\n", "1:1", "title"},
		{"missing headings", "part \"x\" {\n  title = \"T\"\n}\n", "1:1", "headings"},
		{"missing subject", "title \"missing\" {\n  title = \"T\"\n}\n", "1:1", "subject"},
		{"unknown part in not_in", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  not_in = [\"plan\"]\n}\n", "4:12", "没有名为"},
		{"since out of range", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  since = 1800\n}\n", "4:11", "1949"},
		{"until before since", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  since = 2020\n  until = 2019\n}\n", "5:11", "早于"},
		{"require unmeetable", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  require \"r\" {\n    min = 2\n    class \"a\" { cues = [\"原因\"] }\n  }\n}\n", "4:3", "min"},
		{"class without cues", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  require \"r\" {\n    class \"a\" {}\n  }\n}\n", "5:15", "cues"},
		{"unknown template variable", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  require \"r\" {\n    message = \"缺少${foo}\"\n    class \"a\" { cues = [\"原因\"] }\n  }\n}\n", "5:20", "${foo}"},
		{"function in template", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  require \"r\" {\n    message = \"${upper(found)}\"\n    class \"a\" { cues = [\"原因\"] }\n  }\n}\n", "5:18", "upper"},
		{"rule attribute in require", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  require \"r\" {\n    until = 2020\n    class \"a\" { cues = [\"原因\"] }\n  }\n}\n", "5:5", "不能写属性 until"},
		{"rule attribute in class", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  require \"r\" {\n    class \"a\" {\n      cues = [\"原因\"]\n      title = \"x\"\n    }\n  }\n}\n", "7:7", "不能写属性 title"},
		{"misspelt attribute, in Chinese", "part \"x\" {\n  titel = \"T\"\n  headings = [\"不足\"]\n}\n", "2:3", "是不是要写 title?"},
		{"missing comma, in Chinese", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\" \"原因\"]\n}\n", "3:20", "缺少逗号"},
		{"message call with too few arguments", relationWith("b <= a", "${round(pct(b, a))}"), "6:33", "函数 round 需要 2 个参数,缺少参数 decimals"},
		{"message call with a wrong type", relationWith("b <= a", "${abs(\"x\")}"), "6:23", "应是一个数"},
		{"message checked under a bad condition", relationWith("b <= c", "${nothere}"), "6:18", "${nothere}"},
		{"term without term blocks", "text \"term\" {\n  title = \"T\"\n}\n", "1:1", "term 块"},
		{"term without wrong forms", "text \"term\" {\n  title = \"T\"\n  term \"a\" {\n    correct = \"甲\"\n  }\n}\n", "3:3", "wrong"},
		{"term pattern without literal", "text \"term\" {\n  title = \"T\"\n  term \"a\" {\n    patterns = [\"\\\\d{4}年\"]\n  }\n}\n", "4:16", "确定的文字开头"},
		{"term unknown attribute", "text \"watermark\" {\n  title = \"T\"\n  term \"a\" {\n    wrongs = [\"甲\"]\n  }\n}\n", "4:5", "Unsupported argument"},
		{"term unknown template variable", "text \"term\" {\n  title = \"T\"\n  message = \"${right}\"\n  term \"a\" {\n    wrong = [\"甲\"]\n  }\n}\n", "3:16", "${right}"},
		{"brackets bad pair", "text \"brackets\" {\n  title = \"T\"\n  pairs = [\"《》\", \"(\"]\n}\n", "3:11", "两个不同的字符"},
		{"brackets without pairs", "text \"brackets\" {\n  title = \"T\"\n}\n", "1:17", "pairs"},
		{"year heading pattern without group", "year \"heading\" {\n  title = \"T\"\n  plans = [\"\\\\d{4}年计划\"]\n}\n", "3:11", "年份"},
		{"year heading unknown part", "year \"heading\" {\n  title = \"T\"\n  parts = [\"plan\"]\n}\n", "3:11", "没有名为"},
		{"empty file", "", "1:1", "没有任何规则"},
		{"only comments", "# nothing here\n", "1:1", "没有任何规则"},
		{"too large", strings.Repeat("# padding\n", MaxFileSize/10+1), "1:1", "超过上限"},
		{"10 MB", strings.Repeat(goodPart, 10<<20/len(goodPart)), "1:1", "超过上限"},
		{"not hcl at all", "\x00\x01\x02binary", "1:1", "Invalid character"},
		{"unknown example", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  example_pass = example.complete\n}\n", "4:18", "没有名为 \"complete\" 的 example"},
		{"example reference not to an example", "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n  example_fail = report.complete\n}\n", "4:18", "example.complete"},
		{"example without text", "example \"a\" {\n}\n", "1:13", "text"},
		{"duplicate example", "example \"a\" {\n  text = \"x\"\n}\nexample \"a\" {\n  text = \"y\"\n}\n", "4:9", "已在"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantDiagnostic(t, tc.src, tc.pos, tc.want) })
	}
}

// relationWith is a relation of two counts a and b with one assert.
func relationWith(condition, message string) string {
	return "relation \"r\" {\n  count \"a\" { label = \"受理\" }\n  count \"b\" { label = \"办结\" }\n" +
		"  assert \"numeric/part-exceeds-total\" {\n    condition = " + condition + "\n    message = \"" + message + "\"\n  }\n}\n"
}

// wantDiagnostic loads src as pack.hcl and fails unless one diagnostic is at
// pos ("line:col") and mentions want in its summary or detail. Every
// diagnostic must carry a position.
func wantDiagnostic(t *testing.T, src, pos, want string) {
	t.Helper()
	_, diags := Load(Source{Name: "pack.hcl", Data: []byte(src)})
	if !diags.HasErrors() {
		t.Fatalf("no error for:\n%s", src)
	}
	var got []string
	for _, d := range diags {
		if d.Subject == nil {
			t.Errorf("diagnostic without a position: %s: %s", d.Summary, d.Detail)
			continue
		}
		at := fmt.Sprintf("%d:%d", d.Subject.Start.Line, d.Subject.Start.Column)
		if d.Subject.Filename == "pack.hcl" && at == pos && strings.Contains(d.Summary+" "+d.Detail, want) {
			return
		}
		got = append(got, fmt.Sprintf("%s:%s: %s: %s", d.Subject.Filename, at, d.Summary, d.Detail))
	}
	t.Errorf("want a diagnostic at pack.hcl:%s containing %q; got:\n%s", pos, want, strings.Join(got, "\n"))
}

func TestDuplicateAcrossFiles(t *testing.T) {
	_, diags := Load(Source{Name: "a.hcl", Data: []byte(goodPart)}, Source{Name: "b.hcl", Data: []byte(goodPart)})
	if len(diags) != 1 || diags[0].Subject.Filename != "b.hcl" || !strings.Contains(diags[0].Detail, "a.hcl:1,1") {
		t.Fatalf("diags = %v", diags)
	}
}

func TestNoSources(t *testing.T) {
	if _, diags := Load(); !diags.HasErrors() {
		t.Fatal("Load() with no sources gave no error")
	}
}

// TestFullWidthPatterns checks that full-width characters in a pattern are
// folded like the text, and stay literals.
func TestFullWidthPatterns(t *testing.T) {
	re, err := compilePattern("（一）加强，")
	if err != nil {
		t.Fatal(err)
	}
	if !re.MatchString("(一)加强,") || re.MatchString("一加强,") {
		t.Errorf("pattern %s does not match the folded text literally", re)
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range Builtin() {
		f.Add(s.Data)
	}
	f.Add([]byte(goodPart))
	f.Fuzz(func(t *testing.T, b []byte) {
		set, diags := Load(Source{Name: "fuzz.hcl", Data: b})
		for _, d := range diags {
			if d.Severity == hcl.DiagError && d.Subject == nil {
				t.Fatalf("error diagnostic without a position: %s: %s", d.Summary, d.Detail)
			}
		}
		if !diags.HasErrors() {
			if _, err := set.Linter(); err != nil {
				t.Fatalf("loaded without diagnostics but Linter failed: %v", err)
			}
		}
	})
}

func TestWriteDiagnostics(t *testing.T) {
	set, diags := Load(Source{Name: "pack.hcl", Data: []byte("part \"x\" {\n  title = \"标题\"\n  headings = [\"不足\", \"(存在\"]\n}\n")})
	var b strings.Builder
	if err := set.WriteDiagnostics(&b, diags); err != nil {
		t.Fatal(err)
	}
	want := "pack.hcl:3:21: error: 正则表达式 \"(存在\" 无效"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("output does not start with %q:\n%s", want, b.String())
	}
	if !strings.Contains(b.String(), "\n      headings = [\"不足\", \"(存在\"]\n                   \u3000\u3000   ^\n") {
		t.Errorf("output lacks the source line with a caret under column 21:\n%s", b.String())
	}
}

// TestCatastrophicLookingPattern checks that a pattern that would backtrack
// exponentially in other engines is accepted and runs in linear time: Go's
// regexp (RE2) has no backtracking blow-up, so there is nothing to reject.
// An input that would take a backtracking engine longer than the age of the
// universe is checked here in milliseconds.
func TestCatastrophicLookingPattern(t *testing.T) {
	src := `part "x" {
  title    = "T"
  headings = ["(a+)+$", "(x|x)*y"]
}
`
	set, diags := Load(Source{Name: "pack.hcl", Data: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, err := set.Linter()
	if err != nil {
		t.Fatal(err)
	}
	heading := "一、" + strings.Repeat("a", 5000) + "b" + strings.Repeat("x", 5000)
	res, err := l.Check(t.Context(), []byte("标题报告\n"+heading+"\n正文。\n"), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "section/x" {
		t.Errorf("findings %v", res.Findings)
	}
}

// TestTermOneMatcher checks that text/term and text/watermark share one
// check, whose matcher is built while the rules load: a report is scanned
// once for both.
func TestTermOneMatcher(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n := 0
	for _, c := range set.Config().Checks {
		var ids []string
		for _, r := range c.Rules() {
			ids = append(ids, r.ID)
		}
		if slices.Contains(ids, "text/term") || slices.Contains(ids, "text/watermark") {
			n++
			if !slices.Contains(ids, "text/term") || !slices.Contains(ids, "text/watermark") {
				t.Errorf("a check reports under %v: text/term and text/watermark should share one", ids)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d checks report under text/term or text/watermark, want 1", n)
	}
}
