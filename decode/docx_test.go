package decode

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// zipEntry is one file of a zip built by makeZip.
type zipEntry struct {
	name, body string
}

// epoch is the modification time of every generated zip entry, so that
// generated files are the same bytes each time.
var epoch = time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC)

func makeZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: epoch})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	wNS     = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps"`
)

// documentXML wraps body (paragraphs and tables) as word/document.xml.
func documentXML(body ...string) string {
	return xmlHead + `<w:document ` + wNS + `><w:body>` + strings.Join(body, "") +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
}

// stylesXML wraps style definitions as word/styles.xml.
func stylesXML(defs ...string) string {
	return xmlHead + `<w:styles ` + wNS + `>` + strings.Join(defs, "") + `</w:styles>`
}

// styleDef defines paragraph style id named name; extra goes inside.
func styleXML(id, name, extra string) string {
	return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/>%s</w:style>`, id, name, extra)
}

// makeDocx builds a .docx whose body is paragraphs (XML fragments, see
// para) and, when styles is not empty, whose word/styles.xml is styles.
func makeDocx(t testing.TB, paragraphs []string, styles string) []byte {
	t.Helper()
	entries := []zipEntry{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"word/document.xml", documentXML(paragraphs...)},
	}
	if styles != "" {
		entries = append(entries, zipEntry{"word/styles.xml", styles})
	}
	return makeZip(t, entries...)
}

// para is a paragraph in style (none if empty) with one run per text.
func para(style string, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		fmt.Fprintf(&b, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	}
	for _, r := range runs {
		b.WriteString(`<w:r><w:t xml:space="preserve">`)
		xmlEscape(&b, r)
		b.WriteString("</w:t></w:r>")
	}
	b.WriteString("</w:p>")
	return b.String()
}

func xmlEscape(b *strings.Builder, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	r.WriteString(b, s)
}

// decodeOK decodes src and fails the test on error.
func decodeOK(t *testing.T, src []byte, opt Options) *Text {
	t.Helper()
	got, err := Bytes(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestDocxParagraphs(t *testing.T) {
	doc := makeDocx(t, []string{
		para("", "大兴区安定镇2020年度", "法治政府建设年度情况报告"),
		para(""),
		// Tabs, breaks, hyphens; tab stops in pPr are not tabs.
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>` +
			`<w:r><w:t>来源</w:t><w:tab/><w:t>安定镇</w:t></w:r>` +
			`<w:r><w:br/><w:t>第二行</w:t><w:br w:type="page"/><w:t>同一行</w:t><w:noBreakHyphen/><w:t>续</w:t></w:r></w:p>`,
		// Tracked changes: inserted text is in, deleted text and field codes out.
		`<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>` +
			`<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>` +
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
		// Moved text: once, where it was moved to.
		`<w:p><w:moveFrom w:id="4" w:author="a"><w:r><w:t>挪走</w:t></w:r></w:moveFrom><w:r><w:t>留下</w:t></w:r>` +
			`<w:moveTo w:id="5" w:author="a"><w:r><w:t>挪来</w:t></w:r></w:moveTo></w:p>`,
		// Entities and whitespace as written.
		`<w:p><w:r><w:t xml:space="preserve">  A&amp;B &lt;一&gt; </w:t></w:r></w:p>`,
		// A text box: its paragraph comes before the one that holds it, once.
		`<w:p><w:r><w:t>框外</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>` +
			para("", "框内") + `</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` +
			para("", "框内") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
		para("", "\uFEFF落款"),
		para("1", "\uFEFF"), // blank once the U+FEFF is gone: no heading hint
	}, "")
	got := decodeOK(t, doc, Options{})
	want := &Text{
		Text:     "大兴区安定镇2020年度法治政府建设年度情况报告\n\n来源\t安定镇\n第二行同一行-续\n新增1\n留下挪来\n  A&B <一> \n框内\n框外\n落款\n\n",
		Encoding: "UTF-8",
		Format:   "docx",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded .docx (-want +got):\n%s", diff)
	}
}

func TestDocxTable(t *testing.T) {
	cell := func(paras ...string) string { return "<w:tc><w:tcPr/>" + strings.Join(paras, "") + "</w:tc>" }
	doc := makeDocx(t, []string{
		para("", "表1 行政复议情况"),
		`<w:tbl><w:tblPr/><w:tr>` + cell(para("", "类别")) + cell(para("", "件数")) + `</w:tr>` +
			`<w:tr>` + cell(para("", "行政复议")) + cell(para("", "5"), para("", "(其中")) + `</w:tr></w:tbl>`,
		para("", "表后"),
	}, "")
	got := decodeOK(t, doc, Options{}).Text
	want := "表1 行政复议情况\n类别\n件数\n行政复议\n5\n(其中\n表后\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDocxHeadings(t *testing.T) {
	styles := stylesXML(
		styleXML("a", "Normal", ""),
		styleXML("1", "heading 1", `<w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>`),
		styleXML("Heading2", "Heading 2", ""),
		styleXML("30", "标题 3", ""),
		styleXML("custom", "我的标题", `<w:basedOn w:val="1"/>`),              // inherits level 1
		styleXML("lvl", "提纲", `<w:pPr><w:outlineLvl w:val="3"/></w:pPr>`), // level 4 by outline level
		styleXML("deep", "heading 5", ""),                                 // not 1–4
		styleXML("body", "Body", `<w:pPr><w:outlineLvl w:val="9"/></w:pPr>`),
		styleXML("loop1", "x", `<w:basedOn w:val="loop2"/>`),
		styleXML("loop2", "y", `<w:basedOn w:val="loop1"/>`),
		styleXML("a3", "Title", ""),
		`<w:style w:type="character" w:styleId="2"><w:name w:val="heading 2 Char"/></w:style>`,
	)
	doc := makeDocx(t, []string{
		para("a3", "关于2020年法治政府建设", "情况的报告"), // 1
		para("1", "一、主要举措和成效"),               // 2
		para("Heading2", "(一)规范执法"),          // 3
		para("30", "三级"),                     // 4
		para("custom", "自定义"),                // 5
		para("lvl", "四级"),                    // 6
		para("deep", "五级"),                   // 7
		para("body", "正文"),                   // 8
		para("loop1", "循环"),                  // 9
		para("1"),                            // 10: empty, no hint
		para("4", "未定义的样式 4"),                // 11: falls back to built-in ids
		`<w:p><w:pPr><w:pStyle w:val="a"/><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>直接设置大纲级别</w:t></w:r></w:p>`, // 12
		// The style before a tracked formatting change is not the style.
		`<w:p><w:pPr><w:pStyle w:val="a"/><w:pPrChange w:id="3"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>改过样式</w:t></w:r></w:p>`, // 13
		`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>两</w:t><w:br/><w:t>行</w:t></w:r></w:p>`,                                                  // 14–15
		para("2", "字符样式同名"), // 16: id 2 is a character style here, so the built-in id applies
		`<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:br/><w:t xml:space="preserve"> </w:t><w:br/><w:t>换行之后</w:t></w:r></w:p>`, // 17–19: the hint goes to 19
	}, styles)
	got := decodeOK(t, doc, Options{})
	want := map[int]int{2: 1, 3: 2, 4: 3, 5: 1, 6: 4, 11: 4, 12: 2, 14: 2, 16: 2, 19: 1}
	if diff := cmp.Diff(want, got.Headings); diff != "" {
		t.Errorf("Headings (-want +got):\n%s", diff)
	}
	if got.Title != "关于2020年法治政府建设情况的报告" {
		t.Errorf("Title = %q", got.Title)
	}
}

func TestDocxHeadingsWithoutStyles(t *testing.T) {
	doc := makeDocx(t, []string{para("1", "一级"), para("Heading2", "二级"), para("标题3", "三级"), para("a", "正文"), para("Title", "题目")}, "")
	got := decodeOK(t, doc, Options{})
	if diff := cmp.Diff(map[int]int{1: 1, 2: 2, 3: 3}, got.Headings); diff != "" {
		t.Errorf("Headings (-want +got):\n%s", diff)
	}
	if got.Title != "题目" {
		t.Errorf("Title = %q", got.Title)
	}
}

func TestDocxDamagedStyles(t *testing.T) {
	doc := makeDocx(t, []string{para("1", "一级")}, "<w:styles><oops")
	got := decodeOK(t, doc, Options{})
	if got.Text != "一级\n" {
		t.Errorf("Text = %q", got.Text)
	}
}

func TestDocxStrictNamespace(t *testing.T) {
	body := xmlHead + `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		`<w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>`
	doc := makeZip(t, zipEntry{"word/document.xml", body})
	if got := decodeOK(t, doc, Options{}).Text; got != "严格格式\n" {
		t.Errorf("Text = %q", got)
	}
}

func TestDocxOtherNamespacesIgnored(t *testing.T) {
	body := xmlHead + `<w:document ` + wNS + ` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><a:p><a:r><a:t>图中文字</a:t></a:r></a:p></w:drawing></w:r></w:p></w:body></w:document>`
	doc := makeZip(t, zipEntry{"word/document.xml", body})
	if got := decodeOK(t, doc, Options{}).Text; got != "正文\n" {
		t.Errorf("Text = %q", got)
	}
}

func TestDocxErrors(t *testing.T) {
	good := makeDocx(t, []string{para("", "报告")}, "")
	for _, tc := range []struct {
		name  string
		src   []byte
		opt   Options
		empty bool // want ErrEmpty
		parts []string
	}{
		{name: "empty document", src: makeDocx(t, nil, ""), empty: true},
		{name: "only empty paragraphs", src: makeDocx(t, []string{para(""), para("", " ")}, ""), empty: true},
		{name: "truncated zip", src: good[:len(good)/2], parts: []string{"zip 结构已损坏", "重新另存为 .docx"}},
		{name: "zip magic then garbage", src: []byte("PK\x03\x04" + strings.Repeat("\xAB", 100)), parts: []string{"zip 结构已损坏"}},
		{name: "empty zip", src: makeZip(t), parts: []string{"没有 word/document.xml"}},
		{name: "missing document.xml", src: makeZip(t, zipEntry{"[Content_Types].xml", contentTypes}, zipEntry{"word/styles.xml", stylesXML()}), parts: []string{"没有 word/document.xml", "不是 Word 文档"}},
		{name: "xlsx", src: makeZip(t, zipEntry{"xl/workbook.xml", "<workbook/>"}), parts: []string{"Excel"}},
		{name: "pptx", src: makeZip(t, zipEntry{"ppt/presentation.xml", "<p/>"}), parts: []string{"PowerPoint"}},
		{name: "odt without text", src: makeZip(t, zipEntry{"mimetype", "application/vnd.oasis.opendocument.text"}, zipEntry{"content.xml", "<x/>"}), empty: true},
		{name: "odt without content.xml", src: makeZip(t, zipEntry{"mimetype", "application/vnd.oasis.opendocument.text"}), parts: []string{"content.xml", "已损坏"}},
		{name: "malformed xml", src: makeZip(t, zipEntry{"word/document.xml", documentXML(para("", "报告")) + "</w:body>"}), parts: []string{"word/document.xml", "不是格式正确的 XML", "第 2 行"}},
		{name: "unclosed xml", src: makeZip(t, zipEntry{"word/document.xml", xmlHead + "<w:document " + wNS + "><w:body><w:p>"}), parts: []string{"不是格式正确的 XML"}},
		{name: "not xml", src: makeZip(t, zipEntry{"word/document.xml", "\x00\x01binary"}), parts: []string{"不是格式正确的 XML"}},
		{name: "unknown xml encoding", src: makeZip(t, zipEntry{"word/document.xml", `<?xml version="1.0" encoding="no-such"?><w:document/>`}), parts: []string{"word/document.xml", "无法读取"}},
		{name: "unsupported compression", src: rawEntry(t, "word/document.xml", 99, []byte("<x/>"), 4), parts: []string{"无法解压", "已损坏"}},
		{name: "bad checksum", src: badCRC(t, documentXML(para("", "报告"))), parts: []string{"无法解压", "已损坏"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bytes(tc.src, tc.opt)
			if err == nil {
				t.Fatalf("no error; decoded %q", got.Text)
			}
			if tc.empty {
				if !errors.Is(err, ErrEmpty) {
					t.Fatalf("error = %v, want ErrEmpty", err)
				}
				return
			}
			wantErr(t, err, tc.parts...)
		})
	}
}

// rawEntry builds a zip whose only entry, name, is stored with compression
// method and the given data, declaring size as its uncompressed size.
func rawEntry(t testing.TB, name string, method uint16, data []byte, size uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	h := &zip.FileHeader{
		Name: name, Method: method, Modified: epoch,
		CompressedSize64: uint64(len(data)), UncompressedSize64: size,
	}
	if method == zip.Store {
		h.CRC32 = crc32.ChecksumIEEE(data)
	}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb returns n bytes of zeros deflated, a zip bomb's payload, made by
// streaming (never holding the zeros) and kept for the next test that asks.
func bomb(t testing.TB, n int64) []byte {
	t.Helper()
	bombsMu.Lock()
	defer bombsMu.Unlock()
	if b, ok := bombs[n]; ok {
		return b
	}
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(fw, zeros{}, n); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	bombs[n] = buf.Bytes()
	return buf.Bytes()
}

var (
	bombsMu sync.Mutex
	bombs   = map[int64][]byte{}
)

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func badCRC(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var c bytes.Buffer
	fw, _ := flate.NewWriter(&c, flate.DefaultCompression)
	io.WriteString(fw, body)
	fw.Close()
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, Modified: epoch,
		CRC32:            crc32.ChecksumIEEE([]byte(body)) + 1,
		CompressedSize64: uint64(c.Len()), UncompressedSize64: uint64(len(body)),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(c.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestDocxLimits(t *testing.T) {
	const mb = 1 << 20
	body := documentXML(para("", "报告"))
	manyEntries := func(n int) []byte {
		es := []zipEntry{{"word/document.xml", body}}
		for i := 1; i < n; i++ {
			es = append(es, zipEntry{fmt.Sprintf("word/media/%d.png", i), ""})
		}
		return makeZip(t, es...)
	}
	nestedXML := func(depth int) string {
		return xmlHead + `<w:document ` + wNS + `><w:body>` +
			strings.Repeat("<w:sdt>", depth) + strings.Repeat("</w:sdt>", depth) + `</w:body></w:document>`
	}
	nested := func(depth int) []byte { return makeZip(t, zipEntry{"word/document.xml", nestedXML(depth)}) }
	// stored is not compressed, so that no ratio limit applies.
	stored := func(body string) []byte {
		return rawEntry(t, "word/document.xml", zip.Store, []byte(body), uint64(len(body)))
	}
	for _, tc := range []struct {
		name  string
		src   []byte
		opt   Options
		parts []string
	}{
		// A bomb declaring its size: refused from the header, before inflating.
		{"bomb, default limit", rawEntry(t, "word/document.xml", zip.Deflate, bomb(t, 65*mb), 65*mb), Options{}, []string{"word/document.xml", "解压后超过 67108864 字节", "压缩炸弹"}},
		{"bomb, MaxSize sets the limit", rawEntry(t, "word/document.xml", zip.Deflate, bomb(t, 3*mb), 3*mb), Options{MaxSize: 2 * mb}, []string{"超过 2097152 字节"}},
		{"bomb, MaxUnpacked", rawEntry(t, "word/document.xml", zip.Deflate, bomb(t, 3*mb), 3*mb), Options{MaxUnpacked: mb}, []string{"超过 1048576 字节"}},
		// Under the size limit, but compressed far beyond any Word file.
		{"bomb, ratio", rawEntry(t, "word/document.xml", zip.Deflate, bomb(t, 3*mb), 3*mb), Options{}, []string{"压缩比超过 200 倍"}},
		// A bomb whose header lies about its size is stopped while inflating.
		{"bomb, lying header", rawEntry(t, "word/document.xml", zip.Deflate, bomb(t, 3*mb), 100), Options{MaxUnpacked: 50}, []string{"word/document.xml", "超过 50 字节"}},
		{"bomb, lying header, under budget", rawEntry(t, "word/document.xml", zip.Deflate, bomb(t, 65*mb), 100), Options{}, []string{"word/document.xml", "无法解压"}},
		// styles.xml and document.xml share the budget.
		{"shared budget", makeZip(t, zipEntry{"word/styles.xml", stylesXML() + strings.Repeat(" ", 600)}, zipEntry{"word/document.xml", body + strings.Repeat(" ", 600)}), Options{MaxUnpacked: 1000}, []string{"word/document.xml", "超过 1000 字节"}},
		{"too many entries", manyEntries(DefaultMaxEntries + 1), Options{}, []string{"1001 个条目", "上限 1000"}},
		{"too many entries, option", manyEntries(11), Options{MaxEntries: 10}, []string{"11 个条目", "上限 10"}},
		{"deep nesting", nested(DefaultMaxDepth), Options{}, []string{"嵌套超过 256 层"}},
		{"deep nesting, option", nested(20), Options{MaxDepth: 20}, []string{"嵌套超过 20 层"}},
		{"very deep nesting", stored(nestedXML(100000)), Options{}, []string{"嵌套超过 256 层"}},
		{"very deep nesting, compressed", nested(100000), Options{}, []string{"压缩比"}},
		{"deep styles", makeZip(t, zipEntry{"word/styles.xml", strings.Repeat("<a>", 300)}, zipEntry{"word/document.xml", body}), Options{}, []string{"word/styles.xml", "嵌套超过"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bytes(tc.src, tc.opt)
			if err == nil {
				t.Fatalf("no error; decoded %d bytes", len(got.Text))
			}
			wantErr(t, err, tc.parts...)
		})
	}
	// Just under the limits is fine.
	if _, err := Bytes(nested(DefaultMaxDepth-3), Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("nesting at the limit: %v", err)
	}
	if _, err := Bytes(manyEntries(DefaultMaxEntries), Options{}); err != nil {
		t.Errorf("entries at the limit: %v", err)
	}
}

func TestZipEntries(t *testing.T) {
	z := makeZip(t, zipEntry{"a", "1"}, zipEntry{"b", "2"}, zipEntry{"c", "3"})
	if n, ok := zipEntries(z); !ok || n != 3 {
		t.Errorf("zipEntries = %d, %v; want 3, true", n, ok)
	}
	if _, ok := zipEntries([]byte("PK\x03\x04")); ok {
		t.Error("zipEntries found a directory in a bare header")
	}
}

func TestDocxDetectedByContent(t *testing.T) {
	doc := makeDocx(t, []string{para("", "报告")}, "")
	for _, name := range []string{"", "报告.txt", "报告.doc", "报告.html"} {
		got, err := Bytes(doc, Options{Name: name, Encoding: "gbk"})
		if err != nil || got.Format != "docx" {
			t.Errorf("Name %q: %v, %+v", name, err, got)
		}
	}
}

func TestBudgetReader(t *testing.T) {
	l := &limits{unpacked: 5, max: 5}
	r := &budgetReader{rc: io.NopCloser(strings.NewReader("0123456789")), l: l, name: "word/document.xml"}
	buf := make([]byte, 10)
	n, err := r.Read(buf[:3])
	if n != 3 || err != nil {
		t.Fatalf("first read: %d, %v", n, err)
	}
	for range 3 { // past the budget, and again after
		_, err := r.Read(buf)
		wantErr(t, err, "超过 5 字节")
	}
}
