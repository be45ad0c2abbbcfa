package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ducha runs the command in-process and returns its exit status and output.
func ducha(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

const (
	seed000 = "../../testdata/seeds/000_027d5137780acf8a.txt"
	seed001 = "../../testdata/seeds/001_15088844970135c4.txt"
)

func TestCheckText(t *testing.T) {
	code, out, _ := ducha(t, "check", seed000)
	if code != exitOK {
		t.Errorf("exit = %d, want %d (only warnings)", code, exitOK)
	}
	want := seed000 + ":14:46: warning: “党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况”没有单列为报告的一部分"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, seed000+":") || !strings.HasSuffix(line, "]") {
			t.Errorf("line not in path:line:col: severity: message [rule] form: %q", line)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, stderr := ducha(t, "check", "--format", "json", seed001, seed000)
	if code != exitOK {
		t.Fatalf("exit = %d: %s", code, stderr)
	}
	var v struct {
		Version int
		Files   []struct {
			Path     string
			Document struct {
				Title   string
				Year    int
				Outline []struct {
					Level  int
					Number string
					Part   string
				}
			}
			Findings  []struct{ Rule, Severity string }
			Checklist []struct{ Rule, Status string }
		}
		Summary struct{ Files, Errors, Warnings, Infos int }
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if v.Version != 1 || len(v.Files) != 2 || v.Summary.Files != 2 {
		t.Fatalf("version %d, %d files, summary %+v", v.Version, len(v.Files), v.Summary)
	}
	f := v.Files[0]
	// 001's one finding: its part 二 names 原因 in the heading only (issue 11).
	if f.Path != seed001 || f.Document.Year != 2020 || len(f.Findings) != 1 || f.Findings[0].Rule != "section/deficiencies" {
		t.Errorf("001: path %q year %d findings %v", f.Path, f.Document.Year, f.Findings)
	}
	parts := map[string]bool{}
	for _, h := range f.Document.Outline {
		if h.Part != "" {
			parts[h.Part] = true
		}
	}
	if len(parts) != 5 {
		t.Errorf("001: outline parts %v, want all five", parts)
	}
	if v.Summary.Warnings != 12 || v.Summary.Infos != 1 {
		t.Errorf("summary %+v, want the eleven warnings and one info of 000 and the warning of 001", v.Summary)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	failing := filepath.Join(dir, "fail.txt")
	if err := os.WriteFile(failing, []byte("关于2023年度法治政府建设情况的报告\n一、主要工作\n只有一行。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	badRules := filepath.Join(dir, "bad.hcl")
	if err := os.WriteFile(badRules, []byte("part \"x\" {\n  title = \"T\"\n  headings = [\"(\"]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"clean", []string{"check", seed001}, exitOK, ""},
		{"errors found", []string{"check", failing}, exitFindings, ""},
		{"flags after files", []string{"check", failing, "--format", "json"}, exitFindings, ""},
		{"no command", nil, exitTrouble, "用法"},
		{"unknown command", []string{"lint"}, exitTrouble, "未知命令"},
		{"no files", []string{"check"}, exitTrouble, "请给出"},
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt")}, exitTrouble, ""},
		{"empty file", []string{"check", empty, seed001}, exitTrouble, ""},
		{"unknown format", []string{"check", "--format", "xml", seed001}, exitTrouble, "未知的输出格式"},
		{"bad flag", []string{"check", "--frobnicate", seed001}, exitTrouble, "frobnicate"},
		{"bad rules", []string{"check", "--rules", badRules, seed001}, exitTrouble, "bad.hcl:3:15: error: 正则表达式"},
		{"missing rules", []string{"check", "--rules", filepath.Join(dir, "none.hcl"), seed001}, exitTrouble, "找不到规则文件或目录"},
		{"help", []string{"help"}, exitOK, ""},
		{"check help", []string{"check", "--help"}, exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := ducha(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit = %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr)
			}
		})
	}
}

// TestUnreadableFileReported checks that a file that cannot be read is named
// in the output and does not stop the others.
func TestUnreadableFileReported(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "binary.txt")
	if err := os.WriteFile(bin, []byte("abc\x00def"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := ducha(t, "check", bin, seed000)
	if code != exitTrouble {
		t.Errorf("exit = %d, want %d", code, exitTrouble)
	}
	if !strings.Contains(out, bin+": error: ") || !strings.Contains(out, "NUL") {
		t.Errorf("output does not report the binary file:\n%s", out)
	}
	if !strings.Contains(out, seed000+":14:46:") {
		t.Errorf("output lacks the other file's findings:\n%s", out)
	}
}

func TestCustomRules(t *testing.T) {
	dir := t.TempDir()
	pack := filepath.Join(dir, "province.hcl")
	src := `part "statistics" {
  title    = "主要数据"
  source   = "某省法治政府建设年度报告工作指引"
  severity = "warning"
  headings = ["主要数据|数据统计"]
  mentions = ["统计数据"]
}
`
	if err := os.WriteFile(pack, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := ducha(t, "check", "--rules", pack, seed001)
	if code != exitOK {
		t.Fatalf("exit = %d: %s", code, stderr)
	}
	if !strings.Contains(out, "缺少“主要数据”部分") || !strings.Contains(out, "[section/statistics]") {
		t.Errorf("custom rule did not report:\n%s", out)
	}
	code, out, _ = ducha(t, "check", "--no-builtin", "--rules", pack, seed001)
	if code != exitOK || strings.Contains(out, "section/other") {
		t.Errorf("--no-builtin still ran the built-in rules (exit %d):\n%s", code, out)
	}
}
