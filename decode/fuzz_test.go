package decode

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkDecoded fails t if Bytes broke its promises: an error is an *Error
// or ErrEmpty and comes without a Text; a Text is valid UTF-8, starts with
// no byte-order mark, holds no NUL, is not blank, and its Headings name
// non-blank lines that exist, at levels 1–4.
func checkDecoded(t *testing.T, got *Text, err error) {
	t.Helper()
	if err != nil {
		var de *Error
		if !errors.As(err, &de) && !errors.Is(err, ErrEmpty) {
			t.Fatalf("error %v (%T) is neither *Error nor ErrEmpty", err, err)
		}
		if got != nil {
			t.Fatalf("a Text with an error")
		}
		if err.Error() == "" {
			t.Fatal("an error without a message")
		}
		return
	}
	s := got.Text
	switch {
	case !utf8.ValidString(s):
		t.Fatalf("Text is not valid UTF-8: %q", s)
	case strings.HasPrefix(s, "\uFEFF"):
		t.Fatalf("Text starts with a BOM: %q", s)
	case strings.IndexByte(s, 0) >= 0:
		t.Fatalf("Text holds a NUL: %q", s)
	case strings.TrimSpace(s) == "":
		t.Fatalf("blank Text without ErrEmpty: %q", s)
	case got.Encoding == "":
		t.Fatal("no Encoding")
	case !knownFormats[got.Format]:
		t.Fatalf("Format %q", got.Format)
	case !utf8.ValidString(got.Title):
		t.Fatalf("Title is not valid UTF-8: %q", got.Title)
	}
	lines := strings.Split(s, "\n")
	for n, lv := range got.Headings {
		if n < 1 || n > len(lines) || lv < 1 || lv > 4 {
			t.Fatalf("Headings[%d] = %d with %d lines", n, lv, len(lines))
		}
		if strings.TrimSpace(lines[n-1]) == "" {
			t.Fatalf("Headings[%d] names a blank line", n)
		}
	}
	for _, m := range got.Meta {
		if !utf8.ValidString(m.Name) || !utf8.ValidString(m.Content) {
			t.Fatalf("Meta is not valid UTF-8: %q", m)
		}
	}
	if got.Format == "html" || got.Format == "mht" {
		checkHTMLLines(t, lines)
	}
}

var knownFormats = map[string]bool{"text": true, "docx": true, "html": true, "doc": true, "odt": true, "mht": true, "pdf": true, "ofd": true}

// checkHTMLLines checks that extracted page text has no empty lines and no
// whitespace left to collapse.
func checkHTMLLines(t *testing.T, lines []string) {
	t.Helper()
	if lines[len(lines)-1] != "" {
		t.Fatalf("page text does not end with a line break")
	}
	for i, l := range lines[:len(lines)-1] {
		if l == "" || strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") || strings.Contains(l, "  ") ||
			strings.ContainsAny(l, "\t\r\f\u00A0") {
			t.Fatalf("line %d not collapsed: %q", i+1, l)
		}
	}
}

// fuzzSeeds are inputs of every kind, for every fuzz target.
func fuzzSeeds(f *testing.F) [][]byte {
	seeds := [][]byte{
		[]byte(sample),
		[]byte("\xEF\xBB\xBF报告\r\n"),
		utf16Bytes(sample, false, true),
		utf16Bytes(sample, true, true),
		gb18030(f, sample),
		[]byte(page),
		gb18030(f, `<html><meta charset="gbk"><h2>一、</h2><pre>a
b</pre><table><tr><td>x</td></tr></table>`),
		[]byte("%PDF-1.4"),
		[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
		makeDocx(f, []string{para("1", "一、", "主要举措"), para("", "正文\t内容")}, stylesXML(styleXML("1", "heading 1", ""))),
	}
	files, _ := filepath.Glob("../testdata/decode/*")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			seeds = append(seeds, b)
		}
	}
	return seeds
}

// FuzzBytes feeds arbitrary bytes, under arbitrary names, through the whole
// dispatcher.
func FuzzBytes(f *testing.F) {
	for i, s := range fuzzSeeds(f) {
		f.Add(s, []string{"", "a.txt", "a.html", "a.docx", "a.doc"}[i%5])
	}
	f.Fuzz(func(t *testing.T, b []byte, name string) {
		got, err := Bytes(b, Options{Name: name})
		checkDecoded(t, got, err)
		// Plain UTF-8 text comes through untouched.
		if err == nil && got.Format == "text" && got.Encoding == "UTF-8" && !bytes.HasPrefix(b, bomUTF8) && got.Text != string(b) {
			t.Fatalf("UTF-8 text changed: %q → %q", b, got.Text)
		}
	})
}

// FuzzDocx mutates the bytes of .docx files.
func FuzzDocx(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		if bytes.HasPrefix(s, zipMagic) {
			f.Add(s)
		}
	}
	f.Add(makeDocx(f, []string{
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
		`<w:p><w:r><w:br/><w:tab/><w:t>x</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:p><w:r><w:t>内</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
	}, stylesXML(styleXML("x", "标题 3", `<w:basedOn w:val="x"/>`))))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Bytes(b, Options{Name: "a.docx", MaxUnpacked: 4 << 20})
		checkDecoded(t, got, err)
	})
}

// FuzzDocxXML wraps arbitrary document.xml and styles.xml in a valid zip,
// which mutated zips (whose checksums break) seldom reach.
func FuzzDocxXML(f *testing.F) {
	f.Add(documentXML(para("1", "一、", "举措"), `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>x</w:t><w:br/></w:r></w:p>`),
		stylesXML(styleXML("1", "heading 1", `<w:pPr><w:outlineLvl w:val="0"/></w:pPr>`)))
	f.Add(documentXML(para("a3", "题目"), para("2", "(一)")), "")
	f.Fuzz(func(t *testing.T, doc, styles string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range map[string]string{"word/document.xml": doc, "word/styles.xml": styles} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
		zw.Close()
		got, err := Bytes(buf.Bytes(), Options{})
		checkDecoded(t, got, err)
		if err == nil && got.Format != "docx" {
			t.Fatalf("a .docx read as %s", got.Format)
		}
	})
}

// FuzzHTML reads arbitrary bytes as a web page.
func FuzzHTML(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte("<html><nav><nav></nav><h1>标题<br>二</h1><pre>\n\n</pre><td>&nbsp;</td><title>t</title><meta name=date content=1>"))
	f.Add([]byte(`<html><meta http-equiv="content-type" content="text/html; charset = 'gb2312'"><p>报告`))
	f.Fuzz(func(t *testing.T, b []byte) {
		charsetParam(string(b)) // any attribute value, in any encoding
		got, err := Bytes(b, Options{Name: "a.html"})
		checkDecoded(t, got, err)
		// Whatever the bytes, a valid UTF-8 string extracts cleanly.
		if utf8.Valid(b) {
			got := extractHTML(string(b))
			if got.Text != "" {
				checkHTMLLines(t, strings.Split(got.Text, "\n"))
			}
		}
	})
}

// FuzzOLE mutates Word 97–2003 files (compound files).
func FuzzOLE(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		if bytes.HasPrefix(s, oleMagic) {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Bytes(b, Options{Name: "a.doc"})
		checkDecoded(t, got, err)
	})
}

// FuzzBBox reads arbitrary bytes as pdftotext's output and lays the pages
// out: the PDF path without pdftotext.
func FuzzBBox(f *testing.F) {
	f.Add([]byte(`<doc><page width="595" height="842"><flow><block><line xMin="72" yMin="72" xMax="520" yMax="86"><word xMin="72" yMin="72" xMax="135" yMax="86">大兴区</word><word xMin="137" yMin="72" xMax="165" yMax="86">2020</word></line><line xMin="72" yMin="90" xMax="300" yMax="104"><word xMin="72" yMin="90" xMax="300" yMax="104">年度报告</word></line><line xMin="290" yMin="800" xMax="310" yMax="814"><word xMin="290" yMin="800" xMax="310" yMax="814">- 1 -</word></line></block></flow></page></doc>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, err := parseBBox(b)
		if err != nil {
			return
		}
		text := layoutText(pages)
		if !utf8.ValidString(text) && utf8.Valid(b) {
			t.Fatalf("invalid UTF-8 from valid input: %q", text)
		}
	})
}

// FuzzMHT reads arbitrary bytes as a single-file web page.
func FuzzMHT(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		if looksMHT(sniffHead(s)) {
			f.Add(s)
		}
	}
	f.Add([]byte("MIME-Version: 1.0\r\nContent-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\nPGh0bWw+PHA+saiB5zwvcD4=\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := Bytes(b, Options{Name: "a.mht"})
		checkDecoded(t, got, err)
	})
}
