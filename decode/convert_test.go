package decode

import (
	"bytes"
	"fmt"
	"mime/quotedprintable"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/golden"
)

// The seeds as the other files reviewers receive: .doc, .odt and .pdf made
// by LibreOffice from a Word document of each seed (convertibleDocx), an
// .mht as Word's 单个文件网页 writes it (fixtureMHT) and an .ofd laid out
// as a converter lays out a page (fixtureOFD). TestConverted makes them
// with -update (soffice must be installed for the first three) and checks
// that each reads back as the seed's paragraphs.

// allSeeds are the five seeds, by number.
var allSeeds = map[string]string{
	"000": "../testdata/seeds/000_027d5137780acf8a.txt",
	"001": seed001,
	"002": "../testdata/seeds/002_5c348e7bc60021f0.txt",
	"003": "../testdata/seeds/003_90fbc7d8aeb855ec.txt",
	"004": "../testdata/seeds/004_35c39e72bf24f4a2.txt",
}

// requireTool skips t when the program is missing, but fails it when the
// environment variable CI is set: CI installs every tool the tests use.
func requireTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed, and CI is set: install it (see .ci/run)", name)
		}
		t.Skipf("%s is not installed: skipping (CI fails instead)", name)
	}
}

// convertibleDocx is fixtureDocx as Word saves it, complete enough for
// LibreOffice to keep its styles, with a footer that numbers the pages
// ("- 3 -"), as 公文 are numbered: the page numbers the PDF reader must drop.
func convertibleDocx(t testing.TB, paras []string) []byte {
	body, _ := fixtureBody(paras)
	rels := xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`
	types := strings.Replace(contentTypes, `</Types>`, `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`, 1)
	footer := xmlHead + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>`
	doc := xmlHead + `<w:document ` + wNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + strings.Join(body, "") +
		`<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
	return makeZip(t,
		zipEntry{"[Content_Types].xml", types},
		zipEntry{"_rels/.rels", rootRels},
		zipEntry{"word/document.xml", doc},
		zipEntry{"word/_rels/document.xml.rels", rels},
		zipEntry{"word/styles.xml", fixtureStyles},
		zipEntry{"word/footer1.xml", footer},
	)
}

// convert runs LibreOffice on the .docx of each seed and returns the files
// it made, by name ("001.doc").
func convert(t *testing.T) map[string][]byte {
	requireTool(t, "soffice")
	in, out := t.TempDir(), t.TempDir()
	var docs []string
	for n, seed := range allSeeds {
		p := filepath.Join(in, n+".docx")
		if err := os.WriteFile(p, convertibleDocx(t, seedParagraphs(t, seed)), 0o644); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, p)
	}
	files := map[string][]byte{}
	for _, ext := range []string{"doc", "odt", "pdf"} {
		// A profile of its own, so that a running LibreOffice is not
		// disturbed and does not take the job.
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(in, "profile"), "--headless", "--convert-to", ext, "--outdir", out}, docs...)
		if b, err := exec.Command("soffice", args...).CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", ext, err, b)
		}
		for n := range allSeeds {
			b, err := os.ReadFile(filepath.Join(out, n+"."+ext))
			if err != nil {
				t.Fatal(err)
			}
			files[n+"."+ext] = b
		}
	}
	return files
}

// fixtureMHT is a seed as Word's 单个文件网页 (.mht): a MIME message whose
// root part is the page, in gb2312 and quoted-printable, with a second
// part (the file list Word adds).
func fixtureMHT(t testing.TB, paras []string) []byte {
	var page strings.Builder
	page.WriteString(`<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">` + "\r\n" +
		`<head>` + "\r\n" + `<meta http-equiv=Content-Type content="text/html; charset=gb2312">` + "\r\n" +
		`<meta name=Generator content="Microsoft Word 15">` + "\r\n" + `<title>` + paras[0] + `</title>` + "\r\n" + `</head>` + "\r\n" +
		`<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>` + "\r\n" + `<div class=WordSection1>` + "\r\n")
	for i, p := range paras {
		var b strings.Builder
		xmlEscape(&b, p)
		switch {
		case i == 0:
			fmt.Fprintf(&page, "<p class=MsoTitle><span style='font-family:方正小标宋简体'>%s</span></p>\r\n", b.String())
		case level1.MatchString(p):
			fmt.Fprintf(&page, "<h1><span style='font-family:黑体'>%s</span></h1>\r\n", b.String())
		case level2.MatchString(p):
			fmt.Fprintf(&page, "<h2><span style='font-family:楷体_GB2312'>%s</span></h2>\r\n", b.String())
		default:
			fmt.Fprintf(&page, "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>%s</span></p>\r\n", b.String())
		}
	}
	page.WriteString("</div>\r\n</body>\r\n</html>\r\n")
	var qp bytes.Buffer
	w := quotedprintable.NewWriter(&qp)
	w.Write(gbk(t, page.String()))
	w.Close()
	const boundary = "----=_NextPart_01DA6B1C.4F3E2A10"
	var b bytes.Buffer
	b.WriteString("MIME-Version: 1.0\r\nX-Document-Type: Worksheet\r\nContent-Type: multipart/related; boundary=\"" + boundary + "\"\r\n\r\n")
	b.WriteString("此文档为“单个文件网页”,也称为“Web 档案”文件。\r\n\r\n")
	b.WriteString("--" + boundary + "\r\nContent-Location: file:///C:/2F8A1C3E/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n")
	b.Write(qp.Bytes())
	b.WriteString("\r\n\r\n--" + boundary + "\r\nContent-Location: file:///C:/2F8A1C3E/report.files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n\r\n")
	b.WriteString("<xml xmlns:o=3D\"urn:schemas-microsoft-com:office:office\">\r\n <o:MainFile HRef=3D\"../report.htm\"/>\r\n</xml>\r\n")
	b.WriteString("--" + boundary + "--\r\n")
	// Word writes the preamble in the system's code page.
	return bytes.Replace(b.Bytes(), []byte("此文档为“单个文件网页”,也称为“Web 档案”文件。"), gbk(t, "此文档为“单个文件网页”,也称为“Web 档案”文件。"), 1)
}

// OFD page geometry, in millimetres, as 公文 are set (GB/T 9704: A4, 28
// characters of 16 pt a line, 22 lines a page).
const (
	ofdLeft, ofdTop  = 27.0, 37.0
	ofdChar, ofdLine = 5.6, 10.5
	ofdPerLine       = 28
	ofdPerPage       = 22
)

// fixtureOFD lays a seed out as an OFD: each paragraph broken into lines of
// ofdPerLine characters (Latin letters and digits half as wide), the first
// indented two characters unless it is a heading, a TextObject per line
// with a TextCode per run of one script, and "- N -" at the foot of each
// page.
func fixtureOFD(t testing.TB, paras []string) []byte {
	type placed struct {
		text string
		x, y float64
	}
	var pages [][]placed
	var cur []placed
	line := 0
	newLine := func() {
		line++
		if line == ofdPerPage {
			pages = append(pages, cur)
			cur, line = nil, 0
		}
	}
	for i, p := range paras {
		indent := 2.0
		if i == 0 || level1.MatchString(p) || level2.MatchString(p) {
			indent = 0
		}
		x := ofdLeft + indent*ofdChar
		for _, run := range scriptRuns(p) {
			if run[0] < utf8.RuneSelf && x+float64(len(run))*ofdChar/2 > ofdLeft+ofdPerLine*ofdChar+0.01 && len(run) < ofdPerLine {
				newLine() // a number or Latin word is not broken
				x = ofdLeft
			}
			for _, r := range run {
				w := ofdChar
				if r < utf8.RuneSelf {
					w = ofdChar / 2
				}
				if x+w > ofdLeft+ofdPerLine*ofdChar+0.01 {
					newLine()
					x = ofdLeft
				}
				y := ofdTop + float64(line)*ofdLine
				if n := len(cur); n > 0 && cur[n-1].y == y && (cur[n-1].text[0] < utf8.RuneSelf) == (r < utf8.RuneSelf) {
					cur[n-1].text += string(r)
				} else {
					cur = append(cur, placed{string(r), x, y})
				}
				x += w
			}
		}
		newLine()
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	entries := []zipEntry{{"OFD.xml", xmlHead + `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>5c348e7bc60021f0</ofd:DocID><ofd:Title>` + paras[0] + `</ofd:Title><ofd:Creator>ducha fixtures</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`}}
	var list strings.Builder
	for n := range pages {
		fmt.Fprintf(&list, `<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>`, n+1, n)
	}
	entries = append(entries, zipEntry{"Doc_0/Document.xml", xmlHead + `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>` + list.String() + `</ofd:Pages></ofd:Document>`},
		zipEntry{"Doc_0/PublicRes.xml", xmlHead + `<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>`})
	for n, pg := range pages {
		var c strings.Builder
		c.WriteString(xmlHead + `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">`)
		id := 10
		obj := func(text string, x, y float64) {
			var esc strings.Builder
			xmlEscape(&esc, text)
			var delta []string
			for i, r := range []rune(text) {
				if i > 0 {
					w := ofdChar
					if r < utf8.RuneSelf {
						w = ofdChar / 2
					}
					delta = append(delta, fmt.Sprintf("%.2f", w))
				}
			}
			fmt.Fprintf(&c, `<ofd:TextObject ID="%d" Boundary="%.2f %.2f %.2f %.2f" Font="1" Size="%.2f"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="%.2f" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>`,
				id, x, y, ofdPerLine*ofdChar, ofdLine, ofdChar, ofdChar, strings.Join(delta, " "), esc.String())
			id++
		}
		for _, p := range pg {
			obj(p.text, p.x, p.y)
		}
		obj(fmt.Sprintf("- %d -", n+1), 100, 270)
		c.WriteString(`</ofd:Layer></ofd:Content></ofd:Page>`)
		entries = append(entries, zipEntry{fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", n), c.String()})
	}
	return makeZip(t, entries...)
}

// convertedTexts are what each converted fixture must read as: the seed's
// paragraphs, except for what the conversion itself changes (explained in
// testdata/README.md).
func convertedText(paras []string, ext string) string {
	lines := append([]string(nil), paras...)
	if ext == "pdf" || ext == "mht" || ext == "ofd" {
		for i, l := range lines {
			// a PDF keeps no run of spaces: the gap between 安定镇 and 日期
			// is one space wide as pdftotext measures it; an OFD places
			// text, so spaces are gaps; a web page collapses white space
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
	}
	text := strings.Join(lines, "\n") + "\n"
	if ext == "pdf" {
		// LibreOffice hangs this full stop in the right margin, and draws
		// it nowhere pdftotext finds it: the only character a conversion
		// loses.
		text = strings.Replace(text, "亟需重视。2022年", "亟需重视2022年", 1)
	}
	return text
}

func TestConverted(t *testing.T) {
	if golden.Update() {
		files := convert(t)
		for n, seed := range allSeeds {
			paras := seedParagraphs(t, seed)
			files[n+".mht"] = fixtureMHT(t, paras)
			files[n+".ofd"] = fixtureOFD(t, paras)
		}
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(fixtureDir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for n, seed := range allSeeds {
		paras := seedParagraphs(t, seed)
		for _, ext := range []string{"doc", "odt", "pdf", "mht", "ofd"} {
			t.Run(n+"."+ext, func(t *testing.T) {
				if ext == "pdf" || ext == "mht" || ext == "ofd" {
					requireTool(t, "pdftotext")
				}
				got := decodeFile(t, n+"."+ext)
				want, text := convertedText(paras, ext), got.Text
				if ext == "pdf" {
					// pdftotext's word gaps next to Chinese characters do
					// not tell a space from the widening of a justified
					// line: the comparison ignores spaces there. (Four
					// spaces of the seeds are lost so, in lines that reach
					// the margin: 002 立案515 件, 003 四所 ”, and 004's
					// >>政府办公室 >>法定主动公开内容 >>….)
					want, text = cjkSpaces.ReplaceAllString(want, "$1$2"), cjkSpaces.ReplaceAllString(text, "$1$2")
				}
				if diff := diffLines(want, text); diff != "" {
					t.Errorf("testdata/decode/%s.%s does not read as the seed (-seed +got):\n%s", n, ext, diff)
				}
				if got.Format != ext {
					t.Errorf("Format %q, want %q", got.Format, ext)
				}
				// The heading styles survive the conversion to .odt and
				// .doc (where only the title's style is not read), and are
				// <h1>, <h2> in the .mht.
				if ext == "odt" || ext == "mht" || ext == "doc" {
					_, headings := fixtureDocx(t, paras)
					if diff := cmp.Diff(headings, got.Headings); diff != "" {
						t.Errorf("headings (-docx +%s):\n%s", ext, diff)
					}
					if got.Title != paras[0] && ext != "doc" {
						t.Errorf("Title %q, want %q", got.Title, paras[0])
					}
				}
			})
		}
	}
}

// cjkSpaces matches spaces with a Chinese character or full-width form on
// one side.
var cjkSpaces = regexp.MustCompile(`([^\x00-\x7F]) +|  *([^\x00-\x7F])`)

// diffLines compares two texts line by line.
func diffLines(want, got string) string {
	return cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n"))
}
