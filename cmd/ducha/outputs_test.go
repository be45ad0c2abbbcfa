package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const docx004 = "../../testdata/decode/004.docx"

// TestCheckDocx writes annotated copies of a .docx and a text report and
// checks them again: the copy is a .docx with the input's findings.
func TestCheckDocx(t *testing.T) {
	dir := t.TempDir()
	for _, in := range []string{docx004, seed001} {
		out := filepath.Join(dir, filepath.Base(in)+"-批注.docx")
		before, _ := os.ReadFile(in)
		code, _, errOut := ducha(t, "check", "--format", "docx", "--output", out, in)
		if code == exitTrouble {
			t.Fatalf("%s: exit %d: %s", in, code, errOut)
		}
		if !strings.Contains(errOut, "条批注写入") {
			t.Errorf("%s: stderr %q", in, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
			t.Fatalf("%s: the copy is not a zip: %v", in, err)
		}
		after, _ := os.ReadFile(in)
		if !bytes.Equal(before, after) {
			t.Errorf("%s was changed", in)
		}
		_, want, _ := ducha(t, "check", "--format", "json", in)
		_, got, _ := ducha(t, "check", "--format", "json", out)
		// Same findings, paths aside.
		want = strings.ReplaceAll(want, in, "F")
		got = strings.ReplaceAll(got, out, "F")
		if i, j := strings.Index(want, `"findings"`), strings.Index(got, `"findings"`); i < 0 || j < 0 || want[i:] != got[j:] {
			t.Errorf("%s: the copy's findings differ:\n%s\n---\n%s", in, want, got)
		}
	}
}

func TestCheckDocxRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "报告.docx")
	src, err := os.ReadFile(docx004)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.docx")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"output is input", []string{"--output", in, in}, "就是要检查的报告"},
		{"output is input, other spelling", []string{"--output", filepath.Join(dir, ".", "x", "..", "报告.docx"), in}, "就是要检查的报告"},
		{"output links to input", []string{"--output", link, in}, "就是要检查的报告"},
		{"no output", []string{in}, "须用 --output"},
		{"two inputs", []string{"--output", filepath.Join(dir, "o.docx"), in, seed001}, "一次只能给一份报告"},
		{"unreadable input", []string{"--output", filepath.Join(dir, "o.docx"), filepath.Join(dir, "none.txt")}, "文件不存在"},
		{"with summary", []string{"--summary", "csv", "--output", filepath.Join(dir, "o.docx"), in}, "不能与 --summary"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := ducha(t, append([]string{"check", "--format", "docx"}, tc.args...)...)
			if code != exitTrouble || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, errOut, tc.want)
			}
		})
	}
	after, _ := os.ReadFile(in)
	if !bytes.Equal(src, after) {
		t.Error("the input was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "o.docx")); err == nil {
		t.Error("an output was written despite the error")
	}
}

func TestCheckHTML(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.html")
	code, _, errOut := ducha(t, "check", "--format", "html", "--output", out, seed000, seed001)
	if code == exitTrouble {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"<!DOCTYPE html>", `id="index"`, `href="#r2"`, "<mark class=\"sev-warning\""} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestNoProgressOffTerminal checks that nothing but the findings reach a
// stderr that is not a terminal, with or without --quiet.
func TestNoProgressOffTerminal(t *testing.T) {
	for _, args := range [][]string{{"check", "../../testdata/seeds"}, {"check", "--quiet", "../../testdata/seeds"}} {
		_, _, errOut := ducha(t, args...)
		if errOut != "" {
			t.Errorf("%v: stderr %q", args, errOut)
		}
	}
	if p := newProgress(&bytes.Buffer{}, 10, false, func(string) string { return "" }); p != nil {
		t.Error("a progress line on a buffer")
	}
	var nilProgress *progress
	nilProgress.fileDone("a") // does nothing
	nilProgress.finish()
}

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, total int
		path        string
		cols        int
		want        string
	}{
		{1, 3, "a.txt", 78, "已检查 1/3 个文件:a.txt"},
		{12, 300, "reports/区县/大兴区安定镇2020年度法治政府建设年度情况报告.docx", 50, "已检查 12/300 个文件:…治政府建设年度情况报告.docx"},
		{2, 2, "abcdefghij", 25, "已检查 2/2 个文件:…efghij"},
	}
	for _, tc := range tests {
		got := progressLine(tc.done, tc.total, tc.path, tc.cols)
		if got != tc.want {
			t.Errorf("progressLine(%d, %d, %q, %d) = %q, want %q", tc.done, tc.total, tc.path, tc.cols, got, tc.want)
		}
		if columns(got) > tc.cols {
			t.Errorf("%q is %d columns, more than %d", got, columns(got), tc.cols)
		}
	}
	var b bytes.Buffer
	p := &progress{w: &b, total: 2, width: 40}
	p.fileDone("a.txt")
	p.fileDone("b.txt")
	p.finish()
	if want := "\r已检查 1/2 个文件:a.txt\x1b[K\r已检查 2/2 个文件:b.txt\x1b[K\r\x1b[K"; b.String() != want {
		t.Errorf("progress wrote %q, want %q", b.String(), want)
	}
}
