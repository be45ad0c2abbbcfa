package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/lint"
)

func result(t *testing.T) *lint.Result {
	t.Helper()
	rule := &lint.Rule{ID: "x/y", Title: "T", Severity: lint.Warning, Source: "S"}
	l, err := lint.New(lint.Config{Rules: []*lint.Rule{rule}, Checks: []lint.Check{checkFunc{rule}}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.Check(t.Context(), []byte("（一）标题\n第二行ＸＸ"), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// checkFunc reports "XX" on line 2.
type checkFunc struct{ r *lint.Rule }

func (c checkFunc) Rules() []*lint.Rule { return []*lint.Rule{c.r} }
func (c checkFunc) Run(p *lint.Pass) error {
	i := strings.Index(p.Doc.Norm, "XX")
	p.Report(c.r, lint.Warning, lint.Range{Start: i, End: i + 2}, "占位符")
	return nil
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	files := []File{{Path: "a.txt", Result: result(t)}, {Path: "b.txt", Err: errors.New("无法读取")}}
	if err := Text(&b, files); err != nil {
		t.Fatal(err)
	}
	want := "a.txt:2:4: warning: 占位符 [x/y]\nb.txt: error: 无法读取\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	files := []File{{Path: "a.txt", Result: result(t)}, {Path: "b.txt", Err: errors.New("无法读取")}}
	if err := JSON(&b, files); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"version": 1.0,
		"files": []any{
			map[string]any{
				"path": "a.txt",
				"document": map[string]any{
					"title": "", "dates": []any{},
					"outline": []any{map[string]any{"level": 2.0, "number": "一", "text": "标题", "line": 1.0, "part": ""}},
				},
				"findings": []any{map[string]any{
					"rule": "x/y", "severity": "warning", "message": "占位符", "source": "S",
					"line": 2.0, "column": 4.0, "end_line": 2.0, "end_column": 6.0,
					"offset": float64(len("（一）标题\n第二行")), "end_offset": float64(len("（一）标题\n第二行ＸＸ")),
				}},
				"checklist": []any{map[string]any{"rule": "x/y", "title": "T", "status": "warn", "line": 2.0}},
				"error":     "",
			},
			map[string]any{"path": "b.txt", "findings": []any{}, "checklist": []any{}, "error": "无法读取"},
		},
		"summary": map[string]any{"files": 2.0, "errors": 0.0, "warnings": 1.0, "infos": 0.0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
