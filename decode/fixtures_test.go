package decode

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/golden"
)

// The fixtures in testdata/decode are made from seed 001 by the generators
// below, so that end-to-end tests have a real-looking .docx and GBK page.
// Regenerate them with
//
//	go test ./decode -run Fixtures -update
//
// (the flag is internal/golden's: see golden.Update).

const (
	fixtureDir = "../testdata/decode"
	seed001    = "../testdata/seeds/001_15088844970135c4.txt"
)

// seedParagraphs are the non-blank lines of a seed, trimmed: what a drafter
// would have as the paragraphs of the document.
func seedParagraphs(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			paras = append(paras, l)
		}
	}
	return paras
}

var (
	level1 = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	level2 = regexp.MustCompile(`^[(（][一二三四五六七八九十]+[)）]`)
)

// fixtureStyles are styles.xml as Chinese Word writes it: numeric ids for
// the headings, "a3" for the title.
var fixtureStyles = stylesXML(
	styleXML("a", "Normal", `<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>`),
	styleXML("1", "heading 1", `<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>`),
	styleXML("2", "heading 2", `<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr>`),
	styleXML("a3", "Title", `<w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr>`),
)

// fixtureDocx lays out paragraphs as Word would: the first in the Title
// style, "一、" and "(一)" headings in heading styles, the rest indented
// two characters; runs split where the script changes, as Word splits them
// to set the fonts of digits and Chinese apart.
func fixtureDocx(t testing.TB, paras []string) ([]byte, map[int]int) {
	body, headings := fixtureBody(paras)
	return makeDocx(t, body, fixtureStyles), headings
}

// fixtureBody is the paragraphs of fixtureDocx.
func fixtureBody(paras []string) ([]string, map[int]int) {
	var body []string
	headings := map[int]int{}
	for i, p := range paras {
		style, ppr := "", `<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>`
		switch {
		case i == 0:
			style = "a3"
		case level1.MatchString(p):
			style, headings[i+1] = "1", 1
		case level2.MatchString(p):
			style, headings[i+1] = "2", 2
		}
		if style != "" {
			ppr = fmt.Sprintf(`<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
		}
		var b strings.Builder
		b.WriteString("<w:p>" + ppr)
		for _, run := range scriptRuns(p) {
			b.WriteString(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">`)
			xmlEscape(&b, run)
			b.WriteString("</w:t></w:r>")
		}
		b.WriteString("</w:p>")
		body = append(body, b.String())
	}
	return body, headings
}

// scriptRuns splits s where it changes between ASCII and other characters.
func scriptRuns(s string) []string {
	var runs []string
	start := 0
	for i, r := range s {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if (prev < utf8.RuneSelf) != (r < utf8.RuneSelf) {
				runs = append(runs, s[start:i])
				start = i
			}
		}
	}
	return append(runs, s[start:])
}

// Furniture around the report on the page, as a government site has it.
var (
	pageHeader = []string{"当前位置:首页 > 政务公开 > 法治政府建设年度报告"}
	pageFooter = []string{"【打印本页】 【关闭本页】", "相关阅读:", "主办单位:北京市大兴区人民政府办公室", "版权所有:北京市大兴区人民政府 京ICP备05060933号"}
)

// fixturePage lays out paragraphs as a government site's page in GBK: the
// first as the <h1>, the second (the source and date line) in a table, the
// rest as <p> indented with &nbsp;, with navigation, scripts and a footer.
func fixturePage(t testing.TB, paras []string, pageMeta []Meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xmlEscape(&b, s)
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="gbk" />
<meta name="SiteName" content="北京市大兴区人民政府" />
<meta name="ArticleTitle" content="` + esc(paras[0]) + `" />
`)
	for _, m := range pageMeta {
		fmt.Fprintf(&b, "<meta name=%q content=%q />\n", m.Name, m.Content)
	}
	b.WriteString(`<title>` + esc(paras[0]) + `_北京市大兴区人民政府</title>
<link rel="stylesheet" href="/css/style.css" />
<style type="text/css">.article p { text-indent: 2em; line-height: 2; }</style>
<script type="text/javascript">
var _hmt = _hmt || [];
function doZoom(size) { document.getElementById("zoom").style.fontSize = size + "px"; }
</script>
</head>
<body>
<div class="top"><nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav></div>
<div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设年度报告</div>
<div class="article">
<h1>` + esc(paras[0]) + `</h1>
<table class="info"><tr><td>` + esc(paras[1]) + `</td></tr></table>
<div id="zoom">
`)
	for _, p := range paras[2:] {
		b.WriteString("<p>&nbsp;&nbsp;&nbsp;&nbsp;" + esc(p) + "</p>\n")
	}
	b.WriteString(`</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭本页】</a></div>
<div class="related"><h4>相关阅读:</h4><select onchange="location=this.value"><option>政府网站</option></select></div>
</div>
<div class="footer"><p>主办单位:北京市大兴区人民政府办公室</p><p>版权所有:北京市大兴区人民政府&nbsp;&nbsp;京ICP备05060933号</p></div>
<script>_hmt.push(['_trackPageview']);</script>
</body>
</html>
`)
	return gbk(t, strings.ReplaceAll(b.String(), "\n", "\r\n"))
}

// fixture is one seed made into every input kind.
type fixture struct {
	name string // the seed's number: "001"
	seed string
	meta []Meta // the page's publication-date metas
}

var fixtures = []fixture{
	{"001", seed001, []Meta{{"PubDate", "2021-03-31 14:27"}, {"firstpublishedtime", "2021-03-31-14:27:41"}}},
	{"004", "../testdata/seeds/004_35c39e72bf24f4a2.txt", []Meta{{"PubDate", "2023-02-02 09:20"}}},
}

// encodings are the text files made from each seed: the seed's bytes in
// another encoding or with a BOM and CRLF line ends.
func encodings(t testing.TB, seed string) map[string][]byte {
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(string(b), "\n", "\r\n")
	return map[string][]byte{
		"_bom_crlf.txt": append([]byte("\xEF\xBB\xBF"), crlf...),
		"_utf16le.txt":  utf16Bytes(string(b), false, true),
		"_utf16be.txt":  utf16Bytes(string(b), true, true),
		"_gb18030.txt":  gbk(t, string(b)),
	}
}

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		paras := seedParagraphs(t, fx.seed)
		docx, headings := fixtureDocx(t, paras)
		page := fixturePage(t, paras, fx.meta)
		files := map[string][]byte{fx.name + ".docx": docx, fx.name + "_gbk.html": page}
		for suffix, b := range encodings(t, fx.seed) {
			files[fx.name+suffix] = b
		}
		if golden.Update() {
			if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, b := range files {
				if err := os.WriteFile(filepath.Join(fixtureDir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}

		t.Run(fx.name+".docx", func(t *testing.T) {
			got := decodeFile(t, fx.name+".docx")
			want := &Text{
				Text:     strings.Join(paras, "\n") + "\n",
				Encoding: "UTF-8",
				Format:   "docx",
				Headings: headings,
				Title:    paras[0],
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("testdata/decode/%s.docx (-want +got):\n%s", fx.name, diff)
			}
			if len(headings) < 5 {
				t.Errorf("only %d headings styled", len(headings))
			}
		})

		t.Run(fx.name+"_gbk.html", func(t *testing.T) {
			got := decodeFile(t, fx.name+"_gbk.html")
			lines := append(append([]string{}, pageHeader...), paras...)
			lines = append(lines, pageFooter...)
			for i, l := range lines {
				lines[i] = strings.Join(strings.Fields(l), " ")
			}
			want := &Text{
				Text:     strings.Join(lines, "\n") + "\n",
				Encoding: "GB18030",
				Format:   "html",
				Headings: map[int]int{len(pageHeader) + 1: 1, len(lines) - len(pageFooter) + 2: 4},
				Title:    paras[0] + "_北京市大兴区人民政府",
				Meta:     fx.meta,
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("testdata/decode/%s_gbk.html (-want +got):\n%s", fx.name, diff)
			}
		})

		seed, err := os.ReadFile(fx.seed)
		if err != nil {
			t.Fatal(err)
		}
		for suffix, enc := range map[string]string{"_bom_crlf.txt": "UTF-8", "_utf16le.txt": "UTF-16LE", "_utf16be.txt": "UTF-16BE", "_gb18030.txt": "GB18030"} {
			t.Run(fx.name+suffix, func(t *testing.T) {
				got := decodeFile(t, fx.name+suffix)
				want := string(seed)
				if suffix == "_bom_crlf.txt" {
					want = strings.ReplaceAll(want, "\n", "\r\n")
				}
				if got.Text != want || got.Encoding != enc || got.Format != "text" {
					t.Errorf("testdata/decode/%s%s: encoding %s, format %s, text equal to the seed: %v", fx.name, suffix, got.Encoding, got.Format, got.Text == want)
				}
			})
		}
	}
}

func decodeFile(t *testing.T, name string) *Text {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatalf("%v (run go test ./decode -run Fixtures -update)", err)
	}
	return decodeOK(t, b, Options{Name: name})
}
