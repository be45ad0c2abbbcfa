package ducha_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/linttest"
)

// TestCases runs the built-in rules over the crafted reports in
// testdata/cases; testdata/README.md explains what each one tests.
func TestCases(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	linttest.Run(t, l, "testdata/cases")
}

// TestSeeds runs the built-in rules over the five real reports; their
// expectation files say which findings a reviewer reading them expects.
func TestSeeds(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	linttest.Run(t, l, "testdata/seeds")
}

// fullWidth widens the ASCII punctuation, digits and letters of s the way a
// drafter's input method writes them: "(一)" → "（一）", "," → "，", "4489" →
// "４４８９".
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestFullWidth checks that a report in full-width punctuation gives the same
// findings, at the same lines and columns, as the same report in half-width.
func TestFullWidth(t *testing.T) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	files = append(files, "testdata/cases/complete.txt", "testdata/cases/rp-body-only.txt", "testdata/cases/title-year-mismatch.txt",
		"testdata/cases/numeric-rate-mismatch.txt", "testdata/cases/numeric-relations.txt", "testdata/cases/numeric-sum-exceeds.txt")
	type key struct {
		Rule, Severity, Message          string
		Line, Column, EndLine, EndColumn int
	}
	view := func(r *lint.Result) []key {
		var ks []key
		for _, f := range r.Findings {
			ks = append(ks, key{f.Rule, f.Severity.String(), f.Message, f.Span.Start.Line, f.Span.Start.Column, f.Span.End.Line, f.Span.End.Column})
		}
		return ks
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		wide := fullWidth(string(src))
		if wide == string(src) {
			t.Fatalf("%s: widening changed nothing", f)
		}
		half, err := ducha.Check(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		full, err := ducha.Check(context.Background(), []byte(wide))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(view(half), view(full)); diff != "" {
			t.Errorf("%s: half-width and full-width findings differ (-half +full):\n%s", f, diff)
		}
		// the offsets differ, but point at the same characters
		for i, fh := range half.Findings {
			ff := full.Findings[i]
			a := string(src[fh.Span.Start.Offset:fh.Span.End.Offset])
			b := wide[ff.Span.Start.Offset:ff.Span.End.Offset]
			if fullWidth(a) != b {
				t.Errorf("%s: finding %d covers %q in half-width but %q in full-width", f, i, a, b)
			}
		}
	}
}

// TestGolden compares the JSON output for the seeds with testdata/golden;
// run with -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seeds in testdata/seeds")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ducha.Check(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := format.JSON(&buf, []format.File{{Path: filepath.ToSlash(f), Result: res}}); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(f), ".txt")+".json")
		if linttest.Updating() {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		var w, g any
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatalf("%s: %v", golden, err)
		}
		if err := json.Unmarshal(buf.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s: JSON output differs from %s (-want +got):\n%s", f, golden, diff)
		}
	}
}

// TestFormatsAgree checks that the same report as .txt, .docx and .html
// gives the same findings: the same rules, severities and messages, under
// the same headings (line numbers differ between the formats).
func TestFormatsAgree(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ Rule, Severity, Message, Under string }
	view := func(path string) []key {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := l.Check(context.Background(), src, lint.Options{Name: path})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var ks []key
		for _, f := range res.Findings {
			under := ""
			for _, h := range res.Document.Outline {
				if h.Line <= f.Span.Start.Line {
					under = h.Label()
				}
			}
			ks = append(ks, key{f.Rule, f.Severity.String(), f.Message, under})
		}
		return ks
	}
	for _, seed := range []string{"001_15088844970135c4", "004_35c39e72bf24f4a2"} {
		n := seed[:3]
		txt := view("testdata/seeds/" + seed + ".txt")
		for _, other := range []string{n + ".docx", n + "_gbk.html", n + "_utf16le.txt", n + "_gb18030.txt", n + "_bom_crlf.txt"} {
			if diff := cmp.Diff(txt, view("testdata/decode/"+other)); diff != "" {
				t.Errorf("%s and %s disagree (-txt +other):\n%s", seed, other, diff)
			}
		}
	}
	// Every seed as LibreOffice converts it (.doc, .odt, .pdf), as Word's
	// 单个文件网页 (.mht) and as an OFD: testdata/README.md lists what
	// the conversions change, none of which changes a finding.
	seeds, _ := filepath.Glob("testdata/seeds/*.txt")
	for _, seed := range seeds {
		n := filepath.Base(seed)[:3]
		txt := view(seed)
		for _, ext := range []string{".doc", ".odt", ".pdf", ".mht", ".ofd"} {
			t.Run(n+ext, func(t *testing.T) {
				if ext == ".pdf" {
					requireTool(t, "pdftotext")
				}
				if diff := cmp.Diff(txt, view("testdata/decode/"+n+ext)); diff != "" {
					t.Errorf("%s and %s disagree (-txt +other):\n%s", seed, n+ext, diff)
				}
			})
		}
	}
}

// requireTool skips t when the program is missing, but fails it when the
// environment variable CI is set: CI installs every tool the tests use.
func requireTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI is set: install it (see .ci/run)", name)
		}
		t.Skipf("%s is not installed: skipping (CI fails instead)", name)
	}
}
