package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The inputs drafters and reviewers actually have, all made from seed 004
// (testdata/decode, see its README): the findings must be those of the
// plain text, at the lines each format gives (a .docx line is a paragraph,
// a page line a block).
func TestE2EInputKinds(t *testing.T) {
	const d = "testdata/decode/"
	txt := []string{
		"7:1 info section/other",
		"17:18 warning section/responsible-person",
		"29:105 warning date/malformed", // 2022共召开: 年 lost (issue 11)
		"69:1 warning section/deficiencies",
	}
	paragraphs := []string{"6:1 info section/other", "11:18 warning section/responsible-person", "17:105 warning date/malformed", "37:1 warning section/deficiencies"}
	tests := []struct {
		file string
		args []string
		want []string
	}{
		{"testdata/seeds/004_35c39e72bf24f4a2.txt", nil, txt},
		{d + "004_bom_crlf.txt", nil, txt},
		{d + "004_utf16le.txt", nil, txt},
		{d + "004_utf16be.txt", nil, txt},
		{d + "004_gb18030.txt", nil, txt},
		{d + "004_gb18030.txt", []string{"--encoding", "gbk"}, txt},
		{d + "004.docx", nil, paragraphs},
		// LibreOffice's conversions of a .docx of the seed, and Word's
		// 单个文件网页 and an OFD made by generators: one line per
		// paragraph, as in the .docx.
		{d + "004.doc", nil, paragraphs},
		{d + "004.odt", nil, paragraphs},
		{d + "004.mht", nil, paragraphs},
		{d + "004.ofd", nil, paragraphs},
		{d + "004_gbk.html", nil, []string{"7:1 info section/other", "12:18 warning section/responsible-person", "18:105 warning date/malformed", "38:1 warning section/deficiencies"}},
	}
	if _, err := exec.LookPath("pdftotext"); err == nil || os.Getenv("CI") != "" {
		tests = append(tests, struct {
			file string
			args []string
			want []string
		}{d + "004.pdf", nil, paragraphs})
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file)+strings.Join(tc.args, ""), func(t *testing.T) {
			args := append([]string{"check"}, tc.args...)
			r := exe(t, "", "", append(args, tc.file)...)
			r.wantCode(t, exitOK)
			var want []string
			for _, w := range tc.want {
				want = append(want, tc.file+" "+w)
			}
			wantFindings(t, r.stdout, want)
		})
	}
}

// TestE2EBadInputs checks that inputs that cannot be read are each
// reported with what to do, exit status 2, and do not stop the others.
func TestE2EBadInputs(t *testing.T) {
	dir := t.TempDir()
	docx, err := os.ReadFile(filepath.Join(repoRoot, "testdata/decode/001.docx"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	corrupt := write("corrupt.docx", docx[:len(docx)/2])
	bomb := write("bomb.docx", zipBomb(t))
	pdf := write("report.pdf.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
	nul := write("nul.txt", []byte("\xb7\xa8\xd6\xce\xd5\xfe\xb8\xae\x00"))
	good := filepath.Join(repoRoot, "testdata/cases/complete.txt")

	r := exe(t, "", "", "check", corrupt, bomb, pdf, nul, good)
	r.wantCode(t, exitTrouble)
	for _, want := range []struct{ path, msg string }{
		{corrupt, "docx"},
		{bomb, "上限"},
		{pdf, "PDF"},
		{nul, "二进制"},
	} {
		line := ""
		for _, l := range strings.Split(r.stdout, "\n") {
			if strings.HasPrefix(l, want.path+": error: ") {
				line = l
			}
		}
		if !strings.Contains(line, want.msg) {
			t.Errorf("%s: want an error mentioning %q, got %q\nstdout:\n%s", filepath.Base(want.path), want.msg, line, r.stdout)
		}
	}
	if strings.Contains(r.stdout, good) {
		t.Errorf("the good report has findings it should not have:\n%s", r.stdout)
	}
}

// zipBomb is a .docx whose document.xml inflates far beyond the size
// limit: 80 MB of zeros in a few tens of kilobytes.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/styles.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for i := 0; i < 80; i++ {
		if _, err := w.Write(zeros); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestE2ENoOverwrite checks that --output never replaces a report being
// checked.
func TestE2ENoOverwrite(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.txt")
	src, err := os.ReadFile(filepath.Join(repoRoot, "testdata/seeds/000_027d5137780acf8a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(report, src, 0o644); err != nil {
		t.Fatal(err)
	}
	r := exe(t, "", "", "check", "--format", "json", "--output", report, report)
	r.wantCode(t, exitTrouble)
	if !strings.Contains(r.stderr, "不会覆盖") {
		t.Errorf("stderr does not say why:\n%s", r.stderr)
	}
	after, _ := os.ReadFile(report)
	if !bytes.Equal(after, src) {
		t.Fatal("the report was overwritten")
	}
}

// TestE2EPublished checks that the publication date reaches the deadline
// check from the command line, from the configuration and from a web
// page's <meta> tags, and that JSON lists the dates.
func TestE2EPublished(t *testing.T) {
	const seed001 = "testdata/seeds/001_15088844970135c4.txt"
	late := exe(t, "", "", "check", "--published", "2021-04-15", seed001)
	late.wantCode(t, exitFindings)
	wantFindings(t, late.stdout, []string{seed001 + " 1:1 error date/deadline", seed001 + " 63:3 warning section/deficiencies"})
	if !strings.Contains(late.stdout, "发布日期为2021年4月15日(检查时指定),晚于2021年4月1日") {
		t.Errorf("message:\n%s", late.stdout)
	}
	bad := exe(t, "", "", "check", "--published", "2021-02-30", seed001)
	bad.wantCode(t, exitTrouble)
	if !strings.Contains(bad.stderr, "--published") {
		t.Errorf("stderr:\n%s", bad.stderr)
	}

	dir := t.TempDir()
	page := filepath.Join(dir, "late.html")
	html := `<html><head><meta charset="utf-8"><meta name="PubDate" content="2021-04-20 10:00"><title>报告</title></head><body>` +
		`<h1>某镇2020年度法治政府建设情况报告</h1><p>2020年,我镇扎实推进法治政府建设。</p></body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	r := exe(t, "", "", "check", "--format", "json", page)
	var out struct {
		Files []struct {
			Document struct {
				Dates []map[string]any
			}
			Findings []struct{ Rule, Message string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	f := out.Files[0]
	if diff := cmp.Diff([]map[string]any{{"kind": "published", "date": "2021-04-20"}}, f.Document.Dates); diff != "" {
		t.Errorf("dates mismatch (-want +got):\n%s", diff)
	}
	found := false
	for _, fd := range f.Findings {
		found = found || fd.Rule == "date/deadline" && strings.Contains(fd.Message, "网页元数据 PubDate")
	}
	if !found {
		t.Errorf("no date/deadline from the page's PubDate: %+v", f.Findings)
	}
}
