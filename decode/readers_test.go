package decode

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/richardlehane/mscfb"
)

// TestPDFWithoutPdftotext checks the message when pdftotext is not on the
// PATH: it names the Debian packages to install.
func TestPDFWithoutPdftotext(t *testing.T) {
	src, err := os.ReadFile(fixtureDir + "/001.pdf")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", "")
	_, err = Bytes(src, Options{})
	wantErr(t, err, "pdftotext", "poppler-utils", "poppler-data", "另存为 .docx")
}

// TestPDFReader checks the PDF path with a reader of the integrator's
// (Options.PDF): the paragraphs a page broke are joined again, page
// numbers and running headers dropped, and a PDF without text is a scan.
func TestPDFReader(t *testing.T) {
	line := func(text string, x0, x1, y float64) Line {
		return Line{Text: text, XMin: x0, XMax: x1, YMin: y, YMax: y + 20}
	}
	pages := []Page{
		{Width: 600, Height: 800, Lines: []Line{
			line("某区人民政府办公室文件", 200, 400, 30),
			line("关于2023年度法治政府建设", 80, 520, 100), // a title over two lines, centred
			line("情况的报告", 250, 350, 121),
			line("一、主要举措和成效", 80, 260, 150),
			line("全年办理行政复议案件", 112, 520, 171), // indented first line, full
			line("35件,依法纠错3件。", 80, 300, 192), // ends short
			line("二、存在的不足和原因", 80, 280, 213),
			line("一是队伍建设有待加强,二是", 112, 520, 234),
			line("- 1 -", 290, 310, 760),
		}},
		{Width: 600, Height: 800, Lines: []Line{
			line("某区人民政府办公室文件", 200, 400, 30),
			line("基层执法力量不足。", 80, 260, 100),
			line("第 2 页", 280, 320, 760),
		}},
	}
	want := "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件35件,依法纠错3件。\n二、存在的不足和原因\n一是队伍建设有待加强,二是基层执法力量不足。\n"
	got := decodeOK(t, []byte("%PDF-1.7\n"), Options{PDF: PDFReaderFunc(func(ctx context.Context, src []byte) ([]Page, error) { return pages, nil })})
	if got.Text != want || got.Format != "pdf" {
		t.Errorf("got %q (%s)\nwant %q", got.Text, got.Format, want)
	}

	// A running header that repeats the title, which the first page has
	// in its text: the title stays.
	title := "关于2023年度法治政府建设情况的报告"
	headed := []Page{
		{Width: 600, Height: 800, Lines: []Line{line(title, 150, 450, 100), line("一、主要举措", 80, 200, 150), line("全年办理行政复议案件", 112, 520, 171), line("35件。", 80, 150, 192)}},
		{Width: 600, Height: 800, Lines: []Line{line(title, 150, 450, 30), line("二、存在的不足", 80, 220, 100), line("执法力量不足,执法人员", 112, 520, 121), line("有待培训。", 80, 180, 142)}},
		{Width: 600, Height: 800, Lines: []Line{line(title, 150, 450, 30), line("三、工作安排", 80, 200, 100)}},
	}
	got = decodeOK(t, []byte("%PDF-1.7\n"), Options{PDF: PDFReaderFunc(func(ctx context.Context, src []byte) ([]Page, error) { return headed, nil })})
	if want := title + "\n一、主要举措\n全年办理行政复议案件35件。\n二、存在的不足\n执法力量不足,执法人员有待培训。\n三、工作安排\n"; got.Text != want {
		t.Errorf("got %q\nwant %q", got.Text, want)
	}

	scan := PDFReaderFunc(func(ctx context.Context, src []byte) ([]Page, error) { return []Page{{Width: 600, Height: 800}}, nil })
	_, err := Bytes([]byte("%PDF-1.4\n"), Options{PDF: scan})
	wantErr(t, err, "扫描件,没有文字层,需要先做文字识别(OCR)")

	// The time-out reaches the reader as its context's deadline.
	var deadline bool
	probe := PDFReaderFunc(func(ctx context.Context, src []byte) ([]Page, error) {
		_, deadline = ctx.Deadline()
		return pages, nil
	})
	decodeOK(t, []byte("%PDF-1.4\n"), Options{PDF: probe})
	if !deadline {
		t.Error("the PDF reader ran without a deadline")
	}
}

// TestPdftotext reads a real PDF, when pdftotext is installed.
func TestPdftotext(t *testing.T) {
	requireTool(t, "pdftotext")
	src, err := os.ReadFile(fixtureDir + "/004.pdf")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := Pdftotext{}.ReadPDF(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 || pages[0].Width < 500 || len(pages[0].Lines) < 10 {
		t.Fatalf("%d pages, the first %+v", len(pages), pages[0])
	}
	last := pages[0].Lines[len(pages[0].Lines)-1]
	if strings.TrimSpace(last.Text) != "- 1 -" {
		t.Errorf("the first page ends with %q, not its page number", last.Text)
	}
}

// TestByContent checks that what a .doc or .wps file holds decides how it
// is read, not its name.
func TestByContent(t *testing.T) {
	doc, err := os.ReadFile(fixtureDir + "/001.doc")
	if err != nil {
		t.Fatal(err)
	}
	mht, err := os.ReadFile(fixtureDir + "/001.mht")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		src    []byte
		format string
	}{
		{"报告.wps", doc, "doc"}, // LibreOffice cannot write WPS 文字; its files are .doc inside
		{"报告.txt", doc, "doc"},
		{"报告.doc", []byte("<html><head><meta charset=utf-8></head><body><p>关于2023年度法治政府建设情况的报告</p></body></html>"), "html"},
		{"报告.doc", mht, "mht"},
		{"报告.pdf", []byte("关于2023年度法治政府建设情况的报告\n"), "text"},
	} {
		got := decodeOK(t, tc.src, Options{Name: tc.name})
		if got.Format != tc.format {
			t.Errorf("%s: read as %s, want %s", tc.name, got.Format, tc.format)
		}
	}
}

// TestDocText checks the assembly of a .doc's text from its pieces.
func TestDocText(t *testing.T) {
	u16 := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return b
	}
	// A UTF-16 piece, then a compressed (cp1252) one, then text after the
	// main document (a footnote).
	wd := u16("第\x13 PAGE \x14三\x15页\x13 IF \x13 = 1 \x141\x15 \x14真\x15\x13 TOC \x15\r一、\t标题\x0b续\x07\x0c")
	n := uint32(len(wd) / 2)
	wd = append(wd, []byte("A\x1eB\x1fC\r")...)
	wd = append(wd, u16("脚注\r")...)
	pieces := []piece{
		{cpStart: 0, cpEnd: n, fc: 0},
		{cpStart: n, cpEnd: n + 7, fc: 2 * n, compressed: true},
		{cpStart: n + 7, cpEnd: n + 10, fc: 2*n + 7},
	}
	got, _ := docText(wd, pieces, n+7, papx{})
	want := "第三页真\n一、\t标题\n续\n\nA-BC\n"
	if got != want {
		t.Errorf("docText = %q, want %q", got, want)
	}
}

// oleRename renames a top-level stream of a compound file in its
// directory entry (name, then its length in bytes with the terminator).
func oleRename(t *testing.T, b []byte, from, to string) []byte {
	t.Helper()
	b = append([]byte(nil), b...)
	u := func(s string) []byte {
		var out []byte
		for _, c := range utf16.Encode([]rune(s)) {
			out = binary.LittleEndian.AppendUint16(out, c)
		}
		return out
	}
	i := strings.Index(string(b), string(u(from)))
	if i < 0 || i%128 != 0 {
		t.Fatalf("no directory entry %q", from)
	}
	name := make([]byte, 64)
	copy(name, u(to))
	copy(b[i:], name)
	binary.LittleEndian.PutUint16(b[i+64:], uint16(2*len(to)+2))
	return b
}

// TestDocRefused checks the compound files that are no Word document.
func TestDocRefused(t *testing.T) {
	doc, err := os.ReadFile(fixtureDir + "/001.doc")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		src   []byte
		parts []string
	}{
		{"Microsoft Works", oleRename(t, doc, "WordDocument", "CONTENTS"), []string{"Microsoft Works", "另存为 .docx"}},
		{"password-protected .docx", oleRename(t, doc, "WordDocument", "EncryptedPackage"), []string{"密码", "另存为 .docx"}},
		{"Excel", oleRename(t, doc, "WordDocument", "Workbook"), []string{"Excel"}},
		{"no table stream", oleRename(t, doc, "1Table", "2Table"), []string{"已损坏"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bytes(tc.src, Options{Name: "报告.wps"})
			wantErr(t, err, tc.parts...)
		})
	}
}

// TestDocShortLastSector checks that a compound file whose last sector is
// cut short (as WPS writes some) is read, padded: mscfb alone refuses it.
func TestDocShortLastSector(t *testing.T) {
	doc, err := os.ReadFile(fixtureDir + "/001.doc")
	if err != nil {
		t.Fatal(err)
	}
	short := doc[:len(doc)-8] // the last sector's trailing zeros
	if _, err := mscfb.New(bytes.NewReader(short)); err == nil {
		if _, err := Bytes(short, Options{}); err != nil {
			t.Fatal(err)
		}
		t.Log("mscfb reads the short file itself")
	}
	want := decodeOK(t, doc, Options{})
	got := decodeOK(t, short, Options{})
	if got.Text != want.Text {
		t.Errorf("the short file reads differently")
	}
}

// TestFATLoop checks that a stream's sector chain that loops is refused,
// where mscfb would read the loop round and round.
func TestFATLoop(t *testing.T) {
	doc, err := os.ReadFile(fixtureDir + "/001.doc")
	if err != nil {
		t.Fatal(err)
	}
	if fatLoops(doc) {
		t.Fatal("a loop in LibreOffice's file")
	}
	// The FAT entry of WordDocument's first sector (the FIB's) points to
	// itself.
	b := append([]byte(nil), doc...)
	fib := bytes.Index(b, []byte("\xEC\xA5"))
	sec := fib/512 - 1
	fat := binary.LittleEndian.Uint32(b[0x4C:])
	binary.LittleEndian.PutUint32(b[512+512*int(fat)+4*sec:], uint32(sec))
	_, err = Bytes(b, Options{})
	wantErr(t, err, "已损坏")
}

// TestDocHeadings checks that a paragraph in a built-in heading style
// (istd 1–4) is a heading at its first line with text.
func TestDocHeadings(t *testing.T) {
	var wd []byte
	for _, u := range utf16.Encode([]rune("\v一、标题\r正文\r(一)小标题\r")) {
		wd = binary.LittleEndian.AppendUint16(wd, u)
	}
	n := uint32(len(wd) / 2)
	// fc 0–12: the first paragraph (istd 1), 12–18 the second (Normal),
	// then a gap, then 20– the third (istd 2).
	styles := papx{fc: []uint32{0, 12, 18, 20, 2 * n}, istd: []uint16{1, 0, 0, 2}}
	text, headings := docText(wd, []piece{{cpStart: 0, cpEnd: n}}, n, styles)
	if text != "\n一、标题\n正文\n(一)小标题\n" {
		t.Fatalf("text %q", text)
	}
	if diff := cmp.Diff(map[int]int{2: 1, 4: 2}, headings); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
}

// TestOpenDocumentKinds checks that only an OpenDocument text is read as
// one.
func TestOpenDocumentKinds(t *testing.T) {
	content := `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>` +
		`<text:h text:outline-level="2">一、  主要举措</text:h><text:p>全年<text:span>办结</text:span>案件<text:s text:c="2"/>100件<text:tab/>。<text:line-break/>续行<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注</text:p></text:note-body></text:note></text:p>` +
		`<table:table><table:table-row><table:table-cell><text:p>格一 </text:p></table:table-cell><table:table-cell><text:p>格二</text:p></table:table-cell></table:table-row></table:table>` +
		`<text:h text:outline-level="6">深层标题</text:h></office:text></office:body></office:document-content>`
	got := decodeOK(t, makeZip(t, zipEntry{"mimetype", "application/vnd.oasis.opendocument.text"}, zipEntry{"content.xml", content}), Options{})
	want := &Text{Text: "一、 主要举措\n全年办结案件  100件\t。\n续行\n格一\n格二\n深层标题\n", Encoding: "UTF-8", Format: "odt", Headings: map[int]int{1: 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	_, err := Bytes(makeZip(t, zipEntry{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, zipEntry{"content.xml", content}), Options{})
	wantErr(t, err, ".ods", "另存为 .docx")
}

// TestPieceTableLimits checks the piece tables readPieces refuses.
func TestPieceTableLimits(t *testing.T) {
	clx := func(cps []uint32, fcs []uint32) []byte {
		b := binary.LittleEndian.AppendUint32([]byte{0x02}, uint32(4*len(cps)+8*len(fcs)))
		for _, cp := range cps {
			b = binary.LittleEndian.AppendUint32(b, cp)
		}
		for _, fc := range fcs {
			b = append(b, 0, 0)
			b = binary.LittleEndian.AppendUint32(b, fc)
			b = append(b, 0, 0)
		}
		return b
	}
	const wdLen = 1000
	repeat := []uint32{0}
	var at0 []uint32
	for k := uint32(1); k <= 2000; k++ {
		repeat = append(repeat, 400*k)
		at0 = append(at0, 0x40000000) // compressed, at 0
	}
	for _, tc := range []struct {
		name string
		clx  []byte
		ok   bool
	}{
		{"one UTF-16 piece", clx([]uint32{0, 400}, []uint32{100}), true},
		{"one compressed piece", clx([]uint32{0, 900}, []uint32{0x40000000 | 2*50}), true},
		{"past the stream", clx([]uint32{0, 400}, []uint32{300}), false},
		{"CPs going back", clx([]uint32{0, 400, 100}, []uint32{0, 0}), false},
		{"the same bytes 2,000 times", clx(repeat, at0), false},
		{"a Prc, then the pieces", append([]byte{0x01, 0x02, 0x00, 0xAA, 0xBB}, clx([]uint32{0, 10}, []uint32{0})...), true},
		{"a Prc longer than the CLX", []byte{0x01, 0xFF, 0x00}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readPieces(tc.clx, fib{fcClx: 0, lcbClx: uint32(len(tc.clx))}, wdLen)
			if (err == nil) != tc.ok {
				t.Errorf("error %v, want ok=%v", err, tc.ok)
			}
		})
	}
}
