package format

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/decode"
	docmodel "github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/lint"
)

// makeDocx zips the given parts (name, content) in order.
func makeDocx(t testing.TB, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		fw, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// unzip returns the entries of a zip by name.
func unzip(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	m := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		m[f.Name] = data
	}
	return m
}

// The tricky document: runs to split, an entity, a tab, a line break, a
// text box (a paragraph inside a paragraph, with its mc:Fallback), an
// empty <w:p/>, a table, a tracked deletion and move, a field code, an
// existing comment with id 3, and w:t without xml:space.
const trickyDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps"><w:body>` +
	`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>关于2023年度法治政府</w:t></w:r><w:r><w:t>建设情况的报告</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t xml:space="preserve">一、主要工作</w:t></w:r></w:p>` +
	`<w:p/>` +
	`<w:p><w:commentRangeStart w:id="3"/><w:r><w:rPr><w:i/></w:rPr><w:t>本区XX年&amp;</w:t><w:tab/><w:t>发文厅字〔201928号</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>` +
	`<w:p><w:r><w:t>文本框前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内错误</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>框内错误</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>文本框后</w:t></w:r></w:p>` +
	`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格XX</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行有错误</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>末尾</w:t></w:r></w:p>` +
	`<w:sectPr/></w:body></w:document>`

const trickyComments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="3" w:author="审核人"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>`

const trickyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`

const plainContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

// trickyDocx is the tricky document with its existing comment, and an
// image-like entry that must be copied as it was.
func trickyDocx(t testing.TB) []byte {
	ct := strings.Replace(plainContentTypes, "</Types>", `<Override PartName="/word/comments.xml" ContentType="`+ctComments+`"/></Types>`, 1)
	return makeDocx(t, partContentTypes, ct, "_rels/.rels", rootRels, partDocument, trickyDocument,
		partDocumentRels, trickyRels, partComments, trickyComments, "word/media/image1.png", "\x89PNG not really")
}

// findingsAt makes one finding per marker word in the document's text, of
// the given severity, spanning the word; an empty marker makes a finding
// at 1:1 with no span.
func findingsAt(doc *docmodel.Document, marks ...string) []lint.Finding {
	var fs []lint.Finding
	for i, m := range marks {
		sev := []lint.Severity{lint.Error, lint.Warning, lint.Info}[i%3]
		if m == "" {
			fs = append(fs, lint.Finding{Rule: "demo/empty", Severity: sev, Message: "缺少某部分:应写明“存在的不足和原因”。",
				Span: lint.Span{Start: lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 1}}})
			continue
		}
		at := strings.Index(doc.Text, m)
		if at < 0 {
			panic("no " + m)
		}
		fs = append(fs, lint.Finding{Rule: "demo/mark", Severity: sev, Message: "“" + m + "”有误 <&>\n第二行说明",
			Span: lint.Span{Start: lint.Position{Offset: at}, End: lint.Position{Offset: at + len(m)}}})
	}
	return fs
}

func resultOf(t testing.TB, src []byte, name string) *lint.Result {
	t.Helper()
	txt, err := decode.Bytes(src, decode.Options{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.Parse(txt, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &lint.Result{Document: doc}
}

// commentsOf returns the comments of a .docx: id → text.
func commentsOf(t testing.TB, parts map[string][]byte) map[string]string {
	t.Helper()
	var c struct {
		Comments []struct {
			ID     string `xml:"id,attr"`
			Author string `xml:"author,attr"`
			Paras  []struct {
				Text []string `xml:"r>t"`
			} `xml:"p"`
		} `xml:"comment"`
	}
	if err := xml.Unmarshal(parts[partComments], &c); err != nil {
		t.Fatalf("comments.xml: %v", err)
	}
	m := map[string]string{}
	for _, x := range c.Comments {
		var lines []string
		for _, p := range x.Paras {
			lines = append(lines, strings.Join(p.Text, ""))
		}
		m[x.ID] = x.Author + ": " + strings.Join(lines, "\n")
	}
	return m
}

// anchored returns, for each comment id in document.xml, the text between
// its range start and end, read the way decode reads text.
func anchored(t testing.TB, doc []byte) map[string]string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	open := map[string]*strings.Builder{}
	got := map[string]string{}
	inT := false
	skip := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		if s, ok := tok.(xml.StartElement); ok && (skip > 0 || s.Name.Local == "Fallback") {
			skip++
			continue
		}
		if _, ok := tok.(xml.EndElement); ok && skip > 0 {
			skip--
			continue
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "commentRangeStart":
				open[attrOf(x, "id")] = &strings.Builder{}
			case "commentRangeEnd":
				id := attrOf(x, "id")
				if b, ok := open[id]; ok {
					got[id] = b.String()
					delete(open, id)
				} else {
					t.Errorf("comment %s ends before it starts", id)
				}
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "t":
				inT = false
			case "p":
				for _, b := range open {
					b.WriteString("¶")
				}
			}
		case xml.CharData:
			if inT {
				for _, b := range open {
					b.Write(x)
				}
			}
		}
	}
	if len(open) > 0 {
		t.Errorf("comments never ended: %v", open)
	}
	return got
}

func TestDocxTricky(t *testing.T) {
	src := trickyDocx(t)
	r := resultOf(t, src, "a.docx")
	r.Findings = findingsAt(r.Document, "", "2023年度法治政府建设", "XX年&", "厅字〔201928", "框内错误", "表格XX", "第一行\n第二行", "有错误")
	glued := &r.Findings[3]
	glued.Fix = &lint.Fix{Span: glued.Span, Text: "厅字〔2019〕28号"}
	glued.Related = []lint.Related{{Span: r.Findings[2].Span, Message: "同一句中的“XX年&”"}}
	var b bytes.Buffer
	if err := Docx(&b, r, src, DocxOptions{}); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, b.Bytes())
	golden(t, "docx-tricky-document.xml", parts[partDocument])
	golden(t, "docx-tricky-comments.xml", parts[partComments])
	golden(t, "docx-tricky-rels.xml", parts[partDocumentRels])
	golden(t, "docx-tricky-content-types.xml", parts[partContentTypes])
	if string(parts["word/media/image1.png"]) != "\x89PNG not really" {
		t.Error("untouched entry changed")
	}
	// Every comment covers what its finding points at. The one at 1:1
	// covers the first line; the one in the text box, the paragraph that
	// holds the text box (whose text, as decode reads it, excludes the box).
	want := map[string]string{
		"3":  "本区XX年&发文厅字〔201928号",
		"4":  "关于2023年度法治政府建设情况的报告",
		"5":  "2023年度法治政府建设",
		"6":  "XX年&",
		"7":  "厅字〔201928",
		"8":  "文本框前框内错误¶文本框后",
		"9":  "表格XX",
		"10": "第一行第二行",
		"11": "有错误",
	}
	if diff := cmp.Diff(want, anchored(t, parts[partDocument])); diff != "" {
		t.Errorf("anchored text mismatch (-want +got):\n%s", diff)
	}
	cs := commentsOf(t, parts)
	if len(cs) != len(r.Findings)+1 || cs["3"] != "审核人: 原有批注" || cs["4"] != "ducha: 【错误】缺少某部分:应写明“存在的不足和原因”。\n规则:demo/empty" {
		t.Errorf("comments = %q", cs)
	}
	if want := "ducha: 【错误】“厅字〔201928”有误 <&>\n第二行说明\n建议改为“厅字〔2019〕28号”\n另见:同一句中的“XX年&”\n规则:demo/mark"; cs["7"] != want {
		t.Errorf("the comment of a finding with a fix and a related location is\n%q, want\n%q", cs["7"], want)
	}
	// The copy reads as the original.
	back := resultOf(t, b.Bytes(), "b.docx")
	if back.Document.Text != r.Document.Text {
		t.Errorf("the copy reads\n%q\nnot\n%q", back.Document.Text, r.Document.Text)
	}
}

func TestDocxFromText(t *testing.T) {
	src := []byte("关于2023年度法治政府建设情况的报告\r\n一、主要工作\r\n\r\n本区XX年\t<script>&\x01\r\n末行错误")
	r := resultOf(t, src, "a.txt")
	r.Findings = findingsAt(r.Document, "", "XX年\t<script>", "末行错误")
	var b bytes.Buffer
	if err := Docx(&b, r, src, DocxOptions{Author: "审核"}); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, b.Bytes())
	golden(t, "docx-text-document.xml", parts[partDocument])
	golden(t, "docx-text-comments.xml", parts[partComments])
	want := map[string]string{"0": "关于2023年度法治政府建设情况的报告", "1": "XX年<script>", "2": "末行错误"}
	if diff := cmp.Diff(want, anchored(t, parts[partDocument])); diff != "" {
		t.Errorf("anchored text mismatch (-want +got):\n%s", diff)
	}
	back := resultOf(t, b.Bytes(), "b.docx")
	if want := "关于2023年度法治政府建设情况的报告\n一、主要工作\n\n本区XX年\t<script>&\uFFFD\n末行错误\n"; back.Document.Text != want {
		t.Errorf("the copy reads %q, want %q", back.Document.Text, want)
	}
}

func TestDocxErrors(t *testing.T) {
	src := trickyDocx(t)
	r := resultOf(t, src, "a.docx")
	other := resultOf(t, []byte("关于2023年度法治政府建设情况的报告\n别的文字\n"), "b.txt")
	tests := []struct {
		name string
		r    *lint.Result
		src  []byte
		want string
	}{
		{"no result", nil, src, "没有检查结果"},
		{"other text", other, src, "无法把问题的位置对应"},
		{"bad xml", r, makeDocx(t, partDocument, "<w:document><w:body>"), "不是格式正确的 XML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Docx(io.Discard, tc.r, tc.src, DocxOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if err := Docx(&failWriter{n: 10}, r, src, DocxOptions{}); err == nil {
		t.Error("no error from a failing writer")
	}
}

// TestDocxWalkMatchesDecode holds the writer's reading of document.xml to
// decode's: the offsets of findings must index the same text.
func TestDocxWalkMatchesDecode(t *testing.T) {
	inputs := map[string][]byte{"tricky": trickyDocx(t)}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "decode", "*.docx"))
	if len(paths) == 0 {
		t.Fatal("no .docx fixtures in testdata/decode")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(p)] = b
	}
	for name, src := range inputs {
		txt, err := decode.Bytes(src, decode.Options{Name: name + ".docx"})
		if err != nil {
			t.Fatal(err)
		}
		w, err := walkDocx(unzip(t, src)[partDocument])
		if err != nil {
			t.Fatal(err)
		}
		if string(w.text) != txt.Text {
			t.Errorf("%s: walk reads\n%q\ndecode reads\n%q", name, w.text, txt.Text)
		}
	}
}

// seedInputs are the inputs the round trip runs on: the seeds (text) and
// the fixtures made from them (.docx, pages, other encodings, CRLF).
func seedInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{}
	for _, pat := range []string{"../testdata/seeds/*.txt", "../testdata/decode/*"} {
		paths, _ := filepath.Glob(pat)
		for _, p := range paths {
			if strings.HasSuffix(p, ".md") {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			in[filepath.Base(p)] = b
		}
	}
	if len(in) < 7 {
		t.Fatalf("only %d seed inputs found", len(in))
	}
	return in
}

type lineFinding struct {
	Rule      string
	Line, Col int
	Message   string
}

func lineFindings(r *lint.Result) []lineFinding {
	var out []lineFinding
	for _, f := range r.Findings {
		out = append(out, lineFinding{f.Rule, f.Span.Start.Line, f.Span.Start.Column, f.Message})
	}
	return out
}

// TestDocxRoundTrip checks the seeds with the built-in rules, writes the
// annotated copy, and checks the copy: same findings, one comment each.
func TestDocxRoundTrip(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range seedInputs(t) {
		t.Run(name, func(t *testing.T) {
			r, err := l.Check(t.Context(), src, lint.Options{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Docx(&b, r, src, DocxOptions{}); err != nil {
				t.Fatal(err)
			}
			back, err := l.Check(t.Context(), b.Bytes(), lint.Options{Name: "copy.docx"})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(lineFindings(r), lineFindings(back)); diff != "" {
				t.Errorf("findings of the copy differ (-original +copy):\n%s", diff)
			}
			parts := unzip(t, b.Bytes())
			if n := len(commentsOf(t, parts)); n != len(r.Findings) {
				t.Errorf("%d comments for %d findings", n, len(r.Findings))
			}
			if n := len(anchored(t, parts[partDocument])); n != len(r.Findings) {
				t.Errorf("%d anchored comments for %d findings", n, len(r.Findings))
			}
			if isDocx(src) {
				// Every entry but the rewritten ones is unchanged.
				orig := unzip(t, src)
				for n, data := range orig {
					if n != partDocument && n != partDocumentRels && n != partContentTypes && !bytes.Equal(data, parts[n]) {
						t.Errorf("%s changed", n)
					}
				}
			}
		})
	}
}

// TestDocxOpensInLibreOffice converts annotated copies to PDF with
// LibreOffice, which refuses a document it cannot read, and checks that
// the PDF holds the report's text.
func TestDocxOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice (LibreOffice) is not installed; CI must run this test")
		}
		t.Skip("soffice (LibreOffice) is not installed; skipping the LibreOffice round trip")
	}
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	srcs := map[string][]byte{"tricky.docx": trickyDocx(t)}
	for _, n := range []string{"001_15088844970135c4.txt", "004.docx"} {
		p := filepath.Join("..", "testdata", "seeds", n)
		if strings.HasSuffix(n, ".docx") {
			p = filepath.Join("..", "testdata", "decode", n)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs[n] = b
	}
	var names []string
	for name, src := range srcs {
		r, err := l.Check(t.Context(), src, lint.Options{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if name == "tricky.docx" {
			r.Findings = findingsAt(r.Document, "", "XX年&", "框内错误", "第一行\n第二行")
		}
		var b bytes.Buffer
		if err := Docx(&b, r, src, DocxOptions{}); err != nil {
			t.Fatal(err)
		}
		out := strings.TrimSuffix(strings.TrimSuffix(name, ".txt"), ".docx") + "-annotated.docx"
		if err := os.WriteFile(filepath.Join(dir, out), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, out)
	}
	sort.Strings(names)
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir}, names...)
	cmd := exec.CommandContext(t.Context(), soffice, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, n := range names {
		pdf := filepath.Join(dir, strings.TrimSuffix(n, ".docx")+".pdf")
		st, err := os.Stat(pdf)
		if err != nil || st.Size() < 1000 {
			t.Errorf("LibreOffice made no PDF of %s: %v", n, err)
			continue
		}
		if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
			txt, err := exec.Command(pdftotext, pdf, "-").Output()
			if err != nil {
				t.Errorf("pdftotext %s: %v", n, err)
			} else if !strings.Contains(strings.ReplaceAll(string(txt), " ", ""), "法治政府") {
				t.Errorf("the PDF of %s lacks the report's text:\n%.300s", n, txt)
			}
		}
	}
}

// FuzzDocx writes an annotated copy of any text, with findings at any
// offsets, as a new .docx and again over that .docx: each is a valid zip
// whose XML parts parse, that decode reads back to the same text, with one
// comment per finding.
func FuzzDocx(f *testing.F) {
	f.Add("关于2023年度法治政府建设情况的报告\n一、主要工作\n本区XX年。", 0, 0, 5, 20, 30, 31)
	f.Add("a\r\n\tb<c>&d\x00e\uFEFF\r", 1, 3, 0, 100, -5, 2)
	f.Add("标题\n\n\n正文", 7, 7, 3, 4, 9, 8)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3 int) {
		txt, err := decode.Bytes([]byte(text), decode.Options{Name: "a.txt", MaxSize: 1 << 20})
		if err != nil {
			return
		}
		doc, err := lint.Parse(txt, lint.Options{})
		if errors.Is(err, docmodel.ErrNoText) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		r := &lint.Result{Document: doc}
		for i, se := range [][2]int{{s1, e1}, {s2, e2}, {s3, e3}} {
			r.Findings = append(r.Findings, lint.Finding{Rule: "fuzz/x", Severity: lint.Warning, Message: text[:min(len(text), i*7)],
				Span: lint.Span{Start: lint.Position{Offset: se[0]}, End: lint.Position{Offset: se[1]}}})
		}
		var first bytes.Buffer
		if err := Docx(&first, r, []byte(text), DocxOptions{}); err != nil {
			t.Fatalf("new .docx: %v", err)
		}
		checkFuzzCopy(t, first.Bytes(), len(r.Findings), 0)
		back, err := decode.Bytes(first.Bytes(), decode.Options{Name: "b.docx"})
		if err != nil {
			if strings.TrimSpace(strings.ReplaceAll(txt.Text, "\uFFFD", "")) == "" {
				return
			}
			t.Fatalf("decode of the copy: %v", err)
		}
		doc2, err := lint.Parse(back, lint.Options{})
		if err != nil {
			return // what made it text (a lone CR) became a space
		}
		r2 := &lint.Result{Document: doc2, Findings: r.Findings}
		var second bytes.Buffer
		if err := Docx(&second, r2, first.Bytes(), DocxOptions{}); err != nil {
			t.Fatalf("over the .docx: %v", err)
		}
		checkFuzzCopy(t, second.Bytes(), 2*len(r.Findings), 0)
		back2, err := decode.Bytes(second.Bytes(), decode.Options{Name: "c.docx"})
		if err != nil || back2.Text != back.Text {
			t.Fatalf("the second copy reads %q (%v), not %q", back2.Text, err, back.Text)
		}
	})
}

// checkFuzzCopy checks an annotated copy: its XML parts parse, it has the
// number of comments given, and no more comment ranges than comments plus
// the ones the document had.
func checkFuzzCopy(t *testing.T, b []byte, comments, had int) {
	t.Helper()
	parts := unzip(t, b)
	for name, data := range parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s does not parse: %v\n%s", name, err, data)
			}
		}
	}
	if n := len(commentsOf(t, parts)); n != comments {
		t.Fatalf("%d comments, want %d", n, comments)
	}
	if n := len(anchored(t, parts[partDocument])); n > comments+had {
		t.Fatalf("%d anchored comments, want at most %d", n, comments+had)
	}
}

// FuzzDocxXML annotates a .docx whose document.xml is any markup: the
// writer must not fail on a document decode reads, its copy's XML must
// parse, and decode must read the copy as the original.
func FuzzDocxXML(f *testing.F) {
	f.Add(trickyDocument, 0, 5, 10, 40)
	f.Add(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t><![CDATA[标题<a>]]>&#x4E2D;&#xFEFF;文</w:t></w:r></w:p><p xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><r><t>默认命名空间</t></r></p></w:body></w:document>`, 1, 4, 3, 30)
	f.Add(`<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t xml:space="preserve">严格
 格式</w:t><w:noBreakHyphen/><w:cr/></w:r></w:p></w:body></w:document>`, 0, 100, 2, 3)
	f.Fuzz(func(t *testing.T, doc string, s1, e1, s2, e2 int) {
		src := makeDocx(t, partDocument, doc)
		txt, err := decode.Bytes(src, decode.Options{Name: "a.docx"})
		if err != nil {
			return
		}
		d, err := lint.Parse(txt, lint.Options{})
		if err != nil {
			return
		}
		r := &lint.Result{Document: d}
		for _, se := range [][2]int{{s1, e1}, {s2, e2}} {
			r.Findings = append(r.Findings, lint.Finding{Rule: "fuzz/x", Severity: lint.Error, Message: "问题",
				Span: lint.Span{Start: lint.Position{Offset: se[0]}, End: lint.Position{Offset: se[1]}}})
		}
		var b bytes.Buffer
		if err := Docx(&b, r, src, DocxOptions{}); err != nil {
			if strings.Contains(err.Error(), "内部错误") {
				t.Fatal(err)
			}
			return // a document the writer cannot read as decode does (an encoding it refuses)
		}
		checkFuzzCopy(t, b.Bytes(), len(r.Findings), strings.Count(doc, "commentRangeStart"))
		back, err := decode.Bytes(b.Bytes(), decode.Options{Name: "b.docx"})
		if err != nil || back.Text != txt.Text {
			t.Fatalf("the copy reads %q (%v), not %q", back.Text, err, txt.Text)
		}
	})
}

// TestDocxMarkup anchors a comment in markup that needs care: CDATA, a
// default namespace (no prefix), the strict namespace, entities, a
// pretty-printed document.
func TestDocxMarkup(t *testing.T) {
	const head = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	tests := []struct {
		name, doc, mark, want, rel string
	}{
		{"cdata", head + `<w:p><w:r><w:t><![CDATA[标题<有误>文字]]></w:t></w:r></w:p></w:body></w:document>`, "<有误>", "<有误>", relComments},
		{"entities", head + `<w:p><w:r><w:t>甲&amp;乙&#x4E19;丁</w:t></w:r></w:p></w:body></w:document>`, "乙丙", "乙丙", relComments},
		{"default namespace", `<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>第一段有误的文字</t></r></p></body></document>`, "有误", "有误", relComments},
		{"strict", `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>严格格式有误</w:t></w:r></w:p></w:body></w:document>`, "有误", "有误", relCommentsStrict},
		{"pretty", head + "\n  <w:p>\n    <w:r>\n      <w:t>缩进的有误文字</w:t>\n    </w:r>\n  </w:p>\n</w:body></w:document>", "有误", "有误", relComments},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := makeDocx(t, partContentTypes, plainContentTypes, "_rels/.rels", rootRels, partDocument, tc.doc)
			r := resultOf(t, src, "a.docx")
			r.Findings = findingsAt(r.Document, tc.mark)
			var b bytes.Buffer
			if err := Docx(&b, r, src, DocxOptions{}); err != nil {
				t.Fatal(err)
			}
			parts := unzip(t, b.Bytes())
			got := anchored(t, parts[partDocument])
			if len(got) != 1 {
				t.Fatalf("anchored %q", got)
			}
			for _, text := range got {
				if text != tc.want {
					t.Errorf("anchored %q, want %q\n%s", text, tc.want, parts[partDocument])
				}
			}
			if !bytes.Contains(parts[partDocumentRels], []byte(tc.rel)) {
				t.Errorf("relationships:\n%s", parts[partDocumentRels])
			}
			if !bytes.Contains(parts[partContentTypes], []byte(`PartName="/word/comments.xml"`)) {
				t.Errorf("content types:\n%s", parts[partContentTypes])
			}
			back := resultOf(t, b.Bytes(), "b.docx")
			if back.Document.Text != r.Document.Text {
				t.Errorf("the copy reads %q, not %q", back.Document.Text, r.Document.Text)
			}
		})
	}
}
