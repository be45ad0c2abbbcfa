package decode

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/transform"
)

// The parts of a .docx that are read; everything else (images, headers,
// footnotes, settings) is never decompressed.
const (
	docxDocument = "word/document.xml"
	docxStyles   = "word/styles.xml"
)

// WordprocessingML namespaces: transitional (what Word, WPS and LibreOffice
// write) and strict; and markup compatibility, whose mc:Fallback repeats the
// content of mc:Choice for old readers.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// ratioFloor is the unpacked size above which MaxRatio applies: small
// entries of repetitive XML legitimately compress very well.
const ratioFloor = 1 << 20

// decodeZip reads a zip container: a .docx, an .odt or an .ofd, told
// apart by the entries they must have, within the limits of opt.
func decodeZip(src []byte, opt Options) (*Text, error) {
	lim := newLimits(opt)
	// Count the entries from the end-of-directory record before archive/zip
	// allocates one File per entry.
	if n, ok := zipEntries(src); ok && n > uint64(lim.entries) {
		return nil, tooManyEntries(n, lim.entries)
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, &Error{Reason: "不是有效的 .docx 文件(zip 结构已损坏);请用 Word 或 WPS 打开后重新另存为 .docx"}
	}
	if len(zr.File) > lim.entries {
		return nil, tooManyEntries(uint64(len(zr.File)), lim.entries)
	}
	switch {
	case findEntry(zr, docxDocument) != nil:
		return decodeDocx(zr, &lim)
	case isODT(odfType(zr, &lim), zr):
		lim.kind = "odt"
		return decodeODT(zr, &lim)
	case findEntry(zr, ofdRoot) != nil:
		lim.kind = "ofd"
		return decodeOFD(zr, &lim)
	}
	return nil, notWord(zr, &lim)
}

// docxContentTypes is the entry every OOXML package has.
const docxContentTypes = "[Content_Types].xml"

// decodeDocx reads the paragraphs of a .docx, one line per paragraph (see
// docxDoc for the details).
func decodeDocx(zr *zip.Reader, lim *limits) (*Text, error) {
	doc := findEntry(zr, docxDocument)
	var st styles
	var err error
	if f := findEntry(zr, docxStyles); f != nil {
		if st, err = readStyles(f, lim); err != nil {
			return nil, err
		}
	}
	t, err := readDocument(doc, st, lim)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(t.Text) == "" {
		return nil, emptyIn(".docx 中没有文字;如果正文是图片或扫描件,请先转换为文字")
	}
	return t, nil
}

// limits is what is left of Options' limits while one .docx is read.
type limits struct {
	kind     string // "docx", "odt" or "ofd", for messages
	unpacked int64  // bytes that may still be decompressed
	max      int64  // the MaxUnpacked in force, for messages
	entries  int
	depth    int
}

func newLimits(opt Options) limits {
	l := limits{kind: "docx", unpacked: opt.MaxUnpacked, entries: opt.MaxEntries, depth: opt.MaxDepth}
	if l.unpacked <= 0 {
		l.unpacked = opt.MaxSize
	}
	if l.unpacked <= 0 {
		l.unpacked = DefaultMaxSize
	}
	if l.entries <= 0 {
		l.entries = DefaultMaxEntries
	}
	if l.depth <= 0 {
		l.depth = DefaultMaxDepth
	}
	l.max = l.unpacked
	return l
}

func tooManyEntries(n uint64, max int) error {
	return &Error{limit: true, Reason: fmt.Sprintf(".docx 压缩包中有 %d 个条目,超过上限 %d 个,不像正常的 Word 文档(可能是恶意构造的文件);请用 Word 或 WPS 打开后重新另存为 .docx", n, max)}
}

func (l *limits) tooBig(name string) error {
	return &Error{limit: true, Reason: fmt.Sprintf(".%s 中的 %s 解压后超过 %d 字节的上限(可能是“压缩炸弹”);如确是正常文档,请删去其中的大量内容,或另存为 .txt 后再检查", l.kind, name, l.max)}
}

// resave is the advice for a damaged or suspicious file of l's kind.
func (l *limits) resave() string {
	switch l.kind {
	case "odt":
		return "请用 WPS 或 LibreOffice 打开后重新另存为 .odt 或 .docx"
	case "ofd":
		return "请用 OFD 阅读器(如数科、福昕)打开后另存为 PDF,或复制正文另存为 .txt"
	}
	return "请用 Word 或 WPS 打开后重新另存为 .docx"
}

// open opens a zip entry for reading within the limits: its declared size
// and compression ratio are checked first, and the reader it returns fails
// once the bytes decompressed pass the budget, whatever the header said.
func (l *limits) open(f *zip.File) (io.ReadCloser, error) {
	size := f.UncompressedSize64
	if size > uint64(l.unpacked) {
		return nil, l.tooBig(f.Name)
	}
	if size > ratioFloor && (f.CompressedSize64 == 0 || size/f.CompressedSize64 > MaxRatio) {
		return nil, &Error{limit: true, Reason: fmt.Sprintf(".%s 中的 %s 压缩比超过 %d 倍,不像正常的文档(可能是“压缩炸弹”);%s", l.kind, f.Name, MaxRatio, l.resave())}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, l.damaged(f.Name)
	}
	return &budgetReader{rc: rc, l: l, name: f.Name}, nil
}

func (l *limits) damaged(name string) error {
	return &Error{Reason: fmt.Sprintf(".%s 中的 %s 无法解压,文件已损坏;%s", l.kind, name, l.resave())}
}

// budgetReader reads a zip entry and charges what it reads to the limits.
type budgetReader struct {
	rc   io.ReadCloser
	l    *limits
	name string
}

func (r *budgetReader) Read(p []byte) (int, error) {
	if r.l.unpacked < 0 {
		return 0, r.l.tooBig(r.name)
	}
	if int64(len(p)) > r.l.unpacked+1 {
		p = p[:r.l.unpacked+1]
	}
	n, err := r.rc.Read(p)
	r.l.unpacked -= int64(n)
	if r.l.unpacked < 0 {
		return 0, r.l.tooBig(r.name)
	}
	if err != nil && err != io.EOF {
		return n, r.l.damaged(r.name)
	}
	return n, err
}

func (r *budgetReader) Close() error { return r.rc.Close() }

// zipEntries reads the number of entries from a zip's end-of-central-
// directory record (or its zip64 counterpart).
func zipEntries(b []byte) (uint64, bool) {
	start := max(0, len(b)-(22+0xFFFF))
	i := bytes.LastIndex(b[start:], []byte("PK\x05\x06"))
	if i < 0 {
		return 0, false
	}
	i += start
	if i+22 > len(b) {
		return 0, false
	}
	n := uint64(binary.LittleEndian.Uint16(b[i+10:]))
	if n == 0xFFFF && i >= 20 && bytes.HasPrefix(b[i-20:], []byte("PK\x06\x07")) {
		off := binary.LittleEndian.Uint64(b[i-20+8:])
		if off < uint64(len(b)) && uint64(len(b))-off >= 56 && bytes.HasPrefix(b[off:], []byte("PK\x06\x06")) {
			n = binary.LittleEndian.Uint64(b[off+32:])
		}
	}
	return n, true
}

func findEntry(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// notWord explains a zip without word/document.xml: often another office
// format saved with the wrong extension.
func notWord(zr *zip.Reader, l *limits) error {
	switch t := odfType(zr, l); {
	case strings.HasPrefix(t, "application/vnd.oasis.opendocument.spreadsheet"):
		return &Error{Reason: "这是 OpenDocument 表格(.ods),不是文字文档;请把报告正文另存为 .docx 或 .txt"}
	case strings.HasPrefix(t, "application/vnd.oasis.opendocument.presentation"):
		return &Error{Reason: "这是 OpenDocument 演示文稿(.odp),不是文字文档;请把报告正文另存为 .docx 或 .txt"}
	case findEntry(zr, "xl/workbook.xml") != nil:
		return &Error{Reason: "这是 Excel 表格(.xlsx),不是 Word 文档;请把报告正文另存为 .docx 或 .txt"}
	case findEntry(zr, "ppt/presentation.xml") != nil:
		return &Error{Reason: "这是 PowerPoint 演示文稿(.pptx),不是 Word 文档;请把报告正文另存为 .docx 或 .txt"}
	}
	return &Error{Reason: "这是 zip 压缩包,但其中没有 word/document.xml,不是 Word 文档(.docx);如是压缩包请先解压,如是损坏的 .docx 请用 Word 或 WPS 打开后重新另存"}
}

// isODT reports whether a zip whose mimetype entry says t is an
// OpenDocument text: t says so, or there is no mimetype (some tools leave
// it out) but a content.xml and no OOXML content types.
func isODT(t string, zr *zip.Reader) bool {
	if t != "" {
		return strings.HasPrefix(t, "application/vnd.oasis.opendocument.text")
	}
	return findEntry(zr, odtContent) != nil && findEntry(zr, docxContentTypes) == nil
}

// odfType returns the media type an OpenDocument package names in its
// mimetype entry ("application/vnd.oasis.opendocument.text"), "" if none.
func odfType(zr *zip.Reader, l *limits) string {
	f := findEntry(zr, "mimetype")
	if f == nil || f.UncompressedSize64 > 100 {
		return ""
	}
	rc, err := l.open(f)
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return strings.TrimSpace(string(b))
}

// xmlDecoder reads an entry's XML. Word writes UTF-8; other declared
// encodings are honoured through the WHATWG labels.
func xmlDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, _, err := lookup(label)
		if err != nil {
			return nil, fmt.Errorf("unknown XML encoding %q", label) // not the *Error about Options.Encoding
		}
		return transform.NewReader(in, enc.NewDecoder()), nil
	}
	return d
}

// xmlError turns what the XML decoder returned into an error for the user.
func (l *limits) xmlError(name string, err error) error {
	var de *Error
	if errors.As(err, &de) {
		return de // a limit, or damage found by the budget reader
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{Reason: fmt.Sprintf(".%s 中的 %s 不是格式正确的 XML(第 %d 行);文件可能已损坏,%s", l.kind, name, se.Line, l.resave())}
	}
	return &Error{Reason: fmt.Sprintf(".%s 中的 %s 无法读取,文件可能已损坏;%s", l.kind, name, l.resave())}
}

func (l *limits) tooDeep(name string) error {
	return &Error{limit: true, Reason: fmt.Sprintf(".%s 中的 %s 元素嵌套超过 %d 层,不像正常的文档(可能是恶意构造的文件);%s", l.kind, name, l.depth, l.resave())}
}

// xmlWalk calls fn for every token of the entry f, with the stack of open
// elements (the token's own element last, for a start or end tag). It
// enforces the nesting limit and turns errors into ones for the user.
func xmlWalk(f *zip.File, l *limits, fn func(tok xml.Token, open []xml.Name)) error {
	rc, err := l.open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xmlDecoder(rc)
	var open []xml.Name
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return l.xmlError(f.Name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) >= l.depth {
				return l.tooDeep(f.Name)
			}
			open = append(open, t.Name)
			fn(tok, open)
		case xml.EndElement:
			fn(tok, open)
			open = open[:len(open)-1]
		default:
			fn(tok, open)
		}
	}
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// openIs reports whether the element n back from the innermost open one is
// w:local (n = 0 is the innermost).
func openIs(open []xml.Name, n int, local string) bool {
	i := len(open) - 1 - n
	return i >= 0 && open[i].Local == local && isW(open[i])
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// A styleDef is what styles.xml says about a paragraph style.
type styleDef struct {
	name, basedOn string
	outline       int // w:outlineLvl, 0-based; -1 when not set
}

// styles maps style ids to their definitions.
type styles map[string]styleDef

// readStyles reads the paragraph styles of styles.xml. A damaged styles.xml
// costs only the heading hints (Word itself falls back to defaults), but its
// limits still hold.
func readStyles(f *zip.File, l *limits) (styles, error) {
	st := styles{}
	var id string
	var cur styleDef
	err := xmlWalk(f, l, func(tok xml.Token, open []xml.Name) {
		t, ok := tok.(xml.StartElement)
		if !ok {
			if e, ok := tok.(xml.EndElement); ok && isW(e.Name) && e.Name.Local == "style" && id != "" {
				st[id] = cur
				id = ""
			}
			return
		}
		if !isW(t.Name) {
			return
		}
		switch t.Name.Local {
		case "style":
			id, cur = "", styleDef{outline: -1}
			if typ := attr(t, "type"); typ == "" || typ == "paragraph" {
				id = attr(t, "styleId")
			}
		case "name":
			if openIs(open, 1, "style") {
				cur.name = attr(t, "val")
			}
		case "basedOn":
			if openIs(open, 1, "style") {
				cur.basedOn = attr(t, "val")
			}
		case "outlineLvl":
			if openIs(open, 1, "pPr") && openIs(open, 2, "style") {
				cur.outline = atoi(attr(t, "val"), -1)
			}
		}
	})
	var de *Error
	if errors.As(err, &de) && de.limit {
		return nil, err
	}
	return st, nil
}

func atoi(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// level is the outline level (1–4) a paragraph in style id has, or 0. The
// style's name decides ("heading 2", which Word writes whatever the UI
// language, or "标题 2"), else its outline level, else the style it is
// based on. Ids that styles.xml does not define fall back to the ids Word
// and WPS give the built-in heading styles ("Heading2", and "2" in Chinese
// Word).
func (st styles) level(id string) int {
	for hops := 0; id != "" && hops < 16; hops++ {
		d, ok := st[id]
		if !ok {
			return builtinLevel(id)
		}
		if lv := nameLevel(d.name); lv > 0 {
			return lv
		}
		if d.outline >= 0 {
			return d.outline + 1
		}
		id = d.basedOn
	}
	return 0
}

// isTitle reports whether style id is the Title style.
func (st styles) isTitle(id string) bool {
	if d, ok := st[id]; ok {
		n := strings.ToLower(strings.TrimSpace(d.name))
		return n == "title" || n == "标题"
	}
	return id == "Title"
}

// nameLevel reads "heading 2", "Heading2" or "标题 2" as 2.
func nameLevel(name string) int {
	s := strings.ToLower(strings.TrimSpace(name))
	switch {
	case strings.HasPrefix(s, "heading"):
		s = s[len("heading"):]
	case strings.HasPrefix(s, "标题"):
		s = s[len("标题"):]
	default:
		return 0
	}
	s = strings.TrimSpace(s)
	if len(s) == 1 && '1' <= s[0] && s[0] <= '9' {
		return int(s[0] - '0')
	}
	return 0
}

func builtinLevel(id string) int {
	if len(id) == 1 && '1' <= id[0] && id[0] <= '9' {
		return int(id[0] - '0')
	}
	return nameLevel(id)
}

// A docxPara is a paragraph being read.
type docxPara struct {
	text    []byte
	style   string
	outline int // direct w:outlineLvl, 0-based; -1 when not set
}

// docxDoc collects the text of document.xml.
//
// Each w:p becomes one line, in document order; table cells hold
// paragraphs, so each paragraph of each cell is a line too, and a finding's
// line number is the paragraph's number in the document. Within a paragraph
// the runs' w:t are joined; w:tab becomes a tab; a manual line break (w:br,
// w:cr) starts a new line: drafters who paste text from the web or a PDF
// get Shift+Enter breaks, and a heading ("二、…") is only recognised at the
// start of a line. Page and column breaks are layout and add nothing. A
// paragraph nested in another (a text box anchored in it) comes out before
// the paragraph that holds it; mc:Fallback, which repeats mc:Choice, is
// skipped. Tracked changes are read as if accepted: deleted text
// (w:delText) is not w:t, and text moved away (w:moveFrom) is skipped; field
// codes (w:instrText) are left out too.
type docxDoc struct {
	st styles
	paragraphs
	paras  []*docxPara // open paragraphs, innermost last
	inText bool        // inside a w:t
	skip   int         // depth inside an mc:Fallback
}

func readDocument(f *zip.File, st styles, l *limits) (*Text, error) {
	d := &docxDoc{st: st}
	if err := xmlWalk(f, l, d.token); err != nil {
		return nil, err
	}
	return &Text{Text: d.out.String(), Encoding: "UTF-8", Format: "docx", Headings: d.headings, Title: d.title}, nil
}

func (d *docxDoc) token(tok xml.Token, open []xml.Name) {
	switch t := tok.(type) {
	case xml.StartElement:
		if d.skip > 0 || t.Name.Space == nsMC && t.Name.Local == "Fallback" || isW(t.Name) && t.Name.Local == "moveFrom" {
			d.skip++
			return
		}
		if isW(t.Name) {
			d.start(t, open)
		}
	case xml.EndElement:
		if d.skip > 0 {
			d.skip--
			return
		}
		if isW(t.Name) {
			switch t.Name.Local {
			case "p":
				d.endPara()
			case "t":
				d.inText = false
			}
		}
	case xml.CharData:
		if d.inText && d.skip == 0 && len(d.paras) > 0 {
			p := d.paras[len(d.paras)-1]
			if bytes.Contains(t, zwnbsp) {
				t = bytes.ReplaceAll(t, zwnbsp, nil) // invisible, and in the way of matching
			}
			p.text = append(p.text, t...)
		}
	}
}

// zwnbsp is U+FEFF, a byte-order mark where it starts a file.
var zwnbsp = []byte("\uFEFF")

func (d *docxDoc) start(t xml.StartElement, open []xml.Name) {
	if t.Name.Local == "p" {
		d.paras = append(d.paras, &docxPara{outline: -1})
		return
	}
	if len(d.paras) == 0 {
		return
	}
	p := d.paras[len(d.paras)-1]
	inRun := openIs(open, 1, "r")
	switch t.Name.Local {
	case "pStyle":
		if openIs(open, 1, "pPr") && openIs(open, 2, "p") {
			p.style = attr(t, "val")
		}
	case "outlineLvl":
		if openIs(open, 1, "pPr") && openIs(open, 2, "p") {
			p.outline = atoi(attr(t, "val"), -1)
		}
	case "t":
		d.inText = inRun
	case "tab":
		if inRun {
			p.text = append(p.text, '\t')
		}
	case "br":
		if typ := attr(t, "type"); inRun && (typ == "" || typ == "textWrapping") {
			p.text = append(p.text, '\n')
		}
	case "cr":
		if inRun {
			p.text = append(p.text, '\n')
		}
	case "noBreakHyphen":
		if inRun {
			p.text = append(p.text, '-')
		}
	}
}

// endPara writes the innermost open paragraph as a line (more than one if
// it holds line breaks) and records its heading level and title style.
func (d *docxDoc) endPara() {
	if len(d.paras) == 0 {
		return
	}
	p := d.paras[len(d.paras)-1]
	d.paras = d.paras[:len(d.paras)-1]
	lv := d.st.level(p.style)
	if p.outline >= 0 {
		lv = p.outline + 1
	}
	d.add(string(p.text), lv, func() bool { return p.style != "" && d.st.isTitle(p.style) })
}
