package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	goldenflag "github.com/ducha-dev/ducha/internal/golden"
	"github.com/ducha-dev/ducha/lint"
)

// The demo rules: one of each severity, one that passes with evidence, one
// that does not apply to reports before 2025. Their checks look for marker
// words, so the tests control every finding.
var (
	placeholder = &lint.Rule{ID: "text/placeholder", Title: "没有模板残留", Source: "演示", Severity: lint.Warning,
		Doc: "报告中不应留有“XX”之类的模板占位符。", ExampleFail: "标题\n本区XX年。", ExamplePass: "标题\n本区2023年。"}
	wrong    = &lint.Rule{ID: "demo/error", Title: "没有“错误”二字", Source: "演示, 第1条", Severity: lint.Error}
	note     = &lint.Rule{ID: "demo/info", Title: "提示|竖线", Severity: lint.Info}
	heading  = &lint.Rule{ID: "demo/heading", Title: "有一级标题", Severity: lint.Error, Doc: "报告应有一级标题。"}
	upcoming = &lint.Rule{ID: "demo/upcoming", Title: "2025年起的要求", Severity: lint.Error, Since: 2025}
)

type demoCheck struct{}

func (demoCheck) Rules() []*lint.Rule {
	return []*lint.Rule{placeholder, wrong, note, heading, upcoming}
}

func (demoCheck) Run(p *lint.Pass) error {
	d := p.Doc
	for i := 0; ; {
		j := strings.Index(d.Norm[i:], "XX")
		if j < 0 {
			break
		}
		r := lint.Range{Start: i + j, End: i + j + 2}
		p.Report(placeholder, lint.Warning, r, "模板残留“XX”:请填写实际内容。", lint.WithFix(r, "")) // a fix that deletes
		i += j + 2
	}
	if i := strings.Index(d.Norm, "错误"); i >= 0 {
		// A message with everything a format must escape.
		// A fix and a related location with what the formats must escape.
		r := lint.Range{Start: i, End: i + len("错误")}
		var opts []lint.ReportOption
		if d.Title != nil {
			opts = append(opts, lint.WithFix(r, "<正确>&“对”"), lint.WithRelated(d.Title.Range, "标题|在此\n另起一行"))
		}
		p.Report(wrong, lint.Error, r, "含有“错误”,100%要改:第1处\n第2行|竖线", opts...)
	}
	if d.Title != nil {
		p.Report(note, lint.Info, d.Title.Range, "提示:标题")
	}
	for _, h := range d.Outline {
		if h.Level == 1 {
			p.Evidence(heading, h.Range)
			break
		}
	}
	p.Applies(upcoming)
	return nil
}

func demoLinter(t *testing.T) *lint.Linter {
	t.Helper()
	l, err := lint.New(lint.Config{Rules: demoCheck{}.Rules(), Checks: []lint.Check{demoCheck{}}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// demoFiles are three inputs: a report with a finding of each severity
// under a path that needs escaping, a clean one, and one that could not be
// read.
func demoFiles(t *testing.T) []File {
	t.Helper()
	l := demoLinter(t)
	check := func(src string) *lint.Result {
		r, err := l.Check(t.Context(), []byte(src), lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	return []File{
		{Path: "reports/甲 区,1.txt", Result: check("关于2023年度法治政府建设情况的报告\n一、主要工作\n第二行ＸＸ,还有错误。\n")},
		{Path: "b.txt", Result: check("2023年度法治政府建设情况\n全年工作顺利。\n")},
		{Path: "c.txt", Err: errors.New("内容为空,没有可检查的文字")},
	}
}

// golden compares got with testdata/golden/name, or rewrites it under
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if goldenflag.Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	files := demoFiles(t)
	rules := demoLinter(t).Rules()
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"text.txt", func(b *bytes.Buffer) error { return Text(b, files, TextOptions{}) }},
		{"text-color.txt", func(b *bytes.Buffer) error { return Text(b, files, TextOptions{Color: true}) }},
		{"text-details.txt", func(b *bytes.Buffer) error { return Text(b, files, TextOptions{Details: true}) }},
		{"json.json", func(b *bytes.Buffer) error { return JSON(b, files) }},
		{"sarif.json", func(b *bytes.Buffer) error {
			return SARIF(b, files, rules, Tool{Name: "ducha", Version: "v1.2.3", InformationURI: "https://github.com/ducha-dev/ducha"})
		}},
		{"github.txt", func(b *bytes.Buffer) error { return GitHub(b, files) }},
		{"checklist.md", func(b *bytes.Buffer) error { return Checklist(b, files) }},
		{"summary.md", func(b *bytes.Buffer) error { return SummaryMarkdown(b, files, rules) }},
		{"summary.csv", func(b *bytes.Buffer) error { return SummaryCSV(b, files, rules) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

// failWriter fails after n bytes, to check that writers return the error.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	files := demoFiles(t)
	rules := demoLinter(t).Rules()
	writers := map[string]func(*failWriter) error{
		"text":      func(w *failWriter) error { return Text(w, files, TextOptions{}) },
		"json":      func(w *failWriter) error { return JSON(w, files) },
		"sarif":     func(w *failWriter) error { return SARIF(w, files, rules, Tool{Name: "ducha"}) },
		"github":    func(w *failWriter) error { return GitHub(w, files) },
		"checklist": func(w *failWriter) error { return Checklist(w, files) },
		"summary":   func(w *failWriter) error { return SummaryMarkdown(w, files, rules) },
		"csv":       func(w *failWriter) error { return SummaryCSV(w, files, rules) },
	}
	for name, write := range writers {
		if err := write(&failWriter{n: 10}); err == nil {
			t.Errorf("%s: no error from a failing writer", name)
		}
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, demoFiles(t), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if strings.Contains(line, "\x1b") {
			t.Errorf("escape sequence without Color: %q", line)
		}
	}
	if !strings.HasPrefix(b.String(), "reports/甲 区,1.txt:1:1: info: 提示:标题 [demo/info]\n") {
		t.Errorf("first line not path:line:col: severity: message [rule]:\n%s", b.String())
	}
}

// TestJSONContract checks the JSON output field by field against
// DESIGN.md §7.
func TestJSONContract(t *testing.T) {
	var b bytes.Buffer
	files := demoFiles(t)
	if err := JSON(&b, files); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	first := got["files"].([]any)[0].(map[string]any)
	finding := first["findings"].([]any)[1].(map[string]any)
	want := map[string]any{
		"rule": "text/placeholder", "severity": "warning", "message": "模板残留“XX”:请填写实际内容。", "source": "演示",
		"line": 3.0, "column": 4.0, "end_line": 3.0, "end_column": 6.0,
		"offset":     float64(len("关于2023年度法治政府建设情况的报告\n一、主要工作\n第二行")),
		"end_offset": float64(len("关于2023年度法治政府建设情况的报告\n一、主要工作\n第二行ＸＸ")),
		// additive: the fix, here one that deletes (its text is "", not absent)
		"fix": map[string]any{
			"line": 3.0, "column": 4.0, "end_line": 3.0, "end_column": 6.0, "text": "",
			"offset":     float64(len("关于2023年度法治政府建设情况的报告\n一、主要工作\n第二行")),
			"end_offset": float64(len("关于2023年度法治政府建设情况的报告\n一、主要工作\n第二行ＸＸ")),
		},
	}
	if diff := cmp.Diff(want, finding); diff != "" {
		t.Errorf("finding mismatch (-want +got):\n%s", diff)
	}
	wrongAt := float64(len("关于2023年度法治政府建设情况的报告\n一、主要工作\n第二行ＸＸ,还有"))
	fr := first["findings"].([]any)[2].(map[string]any)
	wantFR := map[string]any{
		"fix": map[string]any{"line": 3.0, "column": 9.0, "end_line": 3.0, "end_column": 11.0, "offset": wrongAt, "end_offset": wrongAt + 6, "text": "<正确>&“对”"},
		"related": []any{map[string]any{
			"message": "标题|在此\n另起一行", "line": 1.0, "column": 1.0, "end_line": 1.0, "end_column": 20.0,
			"offset": 0.0, "end_offset": float64(len("关于2023年度法治政府建设情况的报告")),
		}},
	}
	if diff := cmp.Diff(wantFR, map[string]any{"fix": fr["fix"], "related": fr["related"]}); diff != "" {
		t.Errorf("fix and related mismatch (-want +got):\n%s", diff)
	}
	if _, ok := first["findings"].([]any)[0].(map[string]any)["fix"]; ok {
		t.Error("a finding with no fix has a \"fix\" field; it must be omitted")
	}
	doc := first["document"].(map[string]any)
	if doc["year"] != 2023.0 || doc["title"] != "关于2023年度法治政府建设情况的报告" {
		t.Errorf("document = %v", doc)
	}
	bad := got["files"].([]any)[2].(map[string]any)
	if diff := cmp.Diff(map[string]any{"path": "c.txt", "findings": []any{}, "checklist": []any{}, "error": "内容为空,没有可检查的文字"}, bad); diff != "" {
		t.Errorf("unreadable file mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"files": 3.0, "errors": 1.0, "warnings": 1.0, "infos": 2.0}, got["summary"]); diff != "" {
		t.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
}
