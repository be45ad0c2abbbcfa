package format

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/lint"
)

// DocxOptions adjust Docx.
type DocxOptions struct {
	// Author is the comments' author; "ducha" when empty.
	Author string
	// Date is the comments' date; the zero time leaves it out.
	Date time.Time
}

// The parts of a .docx that Docx writes; every other entry of an input
// .docx is copied as it was, compressed bytes and all.
const (
	partDocument     = "word/document.xml"
	partDocumentRels = "word/_rels/document.xml.rels"
	partContentTypes = "[Content_Types].xml"
	partComments     = "word/comments.xml"
)

// maxPart bounds the bytes read from one part of an input .docx, as
// decode.DefaultMaxSize bounds a whole input.
const maxPart = 64 << 20

// Relationship types and content type of the comments part.
const (
	relComments       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relCommentsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
	ctComments        = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
)

// Docx writes a copy of the report r as a Word document with one comment
// (批注) per finding, anchored on the characters the finding points at;
// its text is the severity, the message (which says what is expected, for
// most findings the correction: lint.Finding has no separate field for
// one) and the rule id, its author opt.Author.
//
// original is the input's bytes. When it is a .docx, the copy is that
// document with the comments added: runs are split where a comment starts
// or ends, and only word/document.xml, word/comments.xml (existing comments
// are kept; the new ones get ids that do not collide), its relationship
// and [Content_Types].xml are rewritten; every other entry (styles,
// numbering, headers, images) is copied byte for byte. Otherwise (a text
// file, a web page, or nil) the copy is a new .docx with one paragraph per
// line of r.Document.Text.
//
// A finding with an empty span is anchored on its whole line (a finding
// at 1:1 on the first line with text). A finding inside a text box is
// anchored on the paragraph that holds the text box.
func Docx(w io.Writer, r *lint.Result, original []byte, opt DocxOptions) error {
	if r == nil || r.Document == nil {
		return errors.New("没有检查结果,无法生成批注文档")
	}
	if opt.Author == "" {
		opt.Author = "ducha"
	}
	text := r.Document.Text
	var (
		src   []byte
		remap func(int) int
	)
	if isDocx(original) {
		src = original
		remap = func(n int) int { return n }
	} else {
		var gen string
		src, gen, remap = newDocx(text)
		text = gen
	}
	anchors := make([]anchor, 0, len(r.Findings))
	for _, f := range r.Findings {
		s, e := remap(clamp(f.Span.Start.Offset, len(r.Document.Text))), remap(clamp(f.Span.End.Offset, len(r.Document.Text)))
		anchors = append(anchors, anchor{start: s, end: e, f: f})
	}
	out, err := annotate(src, text, anchors, opt)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// clamp keeps an offset within [0, n].
func clamp(off, n int) int { return min(max(off, 0), n) }

// isDocx reports whether b is a zip holding word/document.xml.
func isDocx(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return false
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	return zipEntry(zr, partDocument) != nil
}

func zipEntry(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf(".docx 中的 %s 无法解压,文件已损坏;请用 Word 或 WPS 打开后重新另存为 .docx", f.Name)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf(".docx 中的 %s 无法解压,文件已损坏;请用 Word 或 WPS 打开后重新另存为 .docx", f.Name)
	}
	if len(b) > maxPart {
		return nil, fmt.Errorf(".docx 中的 %s 解压后超过 %d 字节的上限", f.Name, maxPart)
	}
	return b, nil
}

// An anchor is a finding and the range of the text its comment covers.
type anchor struct {
	start, end int
	f          lint.Finding
	id         int
}

// annotate adds the comments to the .docx src whose document.xml reads as
// text.
func annotate(src []byte, text string, anchors []anchor, opt DocxOptions) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, errors.New("不是有效的 .docx 文件(zip 结构已损坏);请用 Word 或 WPS 打开后重新另存为 .docx")
	}
	docEntry := zipEntry(zr, partDocument)
	doc, err := readEntry(docEntry)
	if err != nil {
		return nil, err
	}
	walk, err := walkDocx(doc)
	if err != nil {
		return nil, err
	}
	if len(walk.selfClosing) > 0 {
		doc = openEmptyParas(doc, walk.selfClosing)
		if walk, err = walkDocx(doc); err != nil {
			return nil, err
		}
	}
	if string(walk.text) != text {
		return nil, errors.New("无法把问题的位置对应到 .docx 中的文字(文档与检查时读到的不同);请重新检查这份文档后再生成批注")
	}

	// The parts that name the comments part.
	relsEntry := zipEntry(zr, partDocumentRels)
	var rels []byte
	if relsEntry != nil {
		if rels, err = readEntry(relsEntry); err != nil {
			return nil, err
		}
	}
	strict := walk.ns == nsWStrict
	commentsPart, rels, err := commentsRel(rels, strict)
	if err != nil {
		return nil, err
	}
	var comments []byte
	commentsEntry := zipEntry(zr, commentsPart)
	if commentsEntry != nil {
		if comments, err = readEntry(commentsEntry); err != nil {
			return nil, err
		}
	}
	firstID, err := nextCommentID(comments, walk.maxID)
	if err != nil {
		return nil, err
	}
	for i := range anchors {
		anchors[i].id = firstID + i
	}
	ns := walk.ns
	if ns == "" {
		ns = nsW
	}
	newDoc := placeComments(doc, walk, anchors, ns)
	if check, err := walkDocx(newDoc); err != nil || string(check.text) != text {
		return nil, errors.New("内部错误:加入批注后文档的文字变了;请把文档发给 ducha 的开发者")
	}
	comments = addComments(comments, anchors, ns, opt)
	ctEntry := zipEntry(zr, partContentTypes)
	var ct []byte
	if ctEntry != nil {
		if ct, err = readEntry(ctEntry); err != nil {
			return nil, err
		}
	}
	ct = addOverride(ct, "/"+commentsPart, ctComments)

	replaced := map[string][]byte{partDocument: newDoc, partDocumentRels: rels, commentsPart: comments, partContentTypes: ct}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	written := map[string]bool{}
	for _, f := range zr.File {
		if data, ok := replaced[f.Name]; ok {
			if written[f.Name] {
				continue
			}
			written[f.Name] = true
			h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified}
			if err := writeEntry(zw, h, data); err != nil {
				return nil, err
			}
			continue
		}
		h := f.FileHeader
		fw, err := zw.CreateRaw(&h)
		if err != nil {
			return nil, err
		}
		rc, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(fw, rc); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{partContentTypes, partDocumentRels, commentsPart} {
		if !written[name] {
			h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: docEntry.Modified}
			if err := writeEntry(zw, h, replaced[name]); err != nil {
				return nil, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeEntry(zw *zip.Writer, h *zip.FileHeader, data []byte) error {
	fw, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

// openEmptyParas turns each <w:p/> into <w:p></w:p>, so that a comment can
// be anchored in it.
func openEmptyParas(doc []byte, tags [][2]int) []byte {
	var b bytes.Buffer
	last := 0
	for _, t := range tags {
		b.Write(doc[last : t[1]-2])
		b.WriteString("></")
		if p := prefixOf(doc[t[0]:t[1]]); p != "" {
			b.WriteString(p + ":")
		}
		b.WriteString("p>")
		last = t[1]
	}
	b.Write(doc[last:])
	return b.Bytes()
}

// An edit inserts text at a byte offset of document.xml.
type edit struct {
	pos  int
	seq  int // order among the edits at pos
	text string
}

// markup writes WordprocessingML elements with a prefix.
type markup struct{ prefix, ns string }

func (m markup) name(local string) string {
	if m.prefix == "" {
		return local
	}
	return m.prefix + ":" + local
}

// idAttr is the w:id attribute; under a default namespace the w prefix is
// declared on the element itself.
func (m markup) idAttr(id int) string {
	if m.prefix == "" {
		return ` xmlns:w="` + m.ns + `" w:id="` + strconv.Itoa(id) + `"`
	}
	return " " + m.prefix + `:id="` + strconv.Itoa(id) + `"`
}

func (m markup) start(id int) string {
	return "<" + m.name("commentRangeStart") + m.idAttr(id) + "/>"
}

func (m markup) end(id int) string {
	return "<" + m.name("commentRangeEnd") + m.idAttr(id) + "/><" + m.name("r") + "><" + m.name("commentReference") + m.idAttr(id) + "/></" + m.name("r") + ">"
}

// A place is where a comment's start or end goes, and how the markers are
// wrapped there to stay valid: inside a w:t the run is closed and
// reopened, between a run's children only the run.
type place struct {
	pos          int
	open, reopen string
}

// placeComments inserts the comments' range markers and references into
// document.xml.
func placeComments(doc []byte, walk *docxWalk, anchors []anchor, ns string) []byte {
	var edits []edit
	preserved := map[int]bool{}
	seq := 0
	add := func(p place, marker string) {
		edits = append(edits, edit{pos: p.pos, seq: seq, text: p.open + marker + p.reopen})
		seq++
	}
	text := walk.text
	type mark struct {
		p      place
		marker string
		end    bool
		id     int
	}
	var marks []mark
	for _, a := range anchors {
		s, e, ok := extend(text, a.start, a.end)
		if !ok {
			continue
		}
		sp, sseg := walk.at(s, false)
		ep, eseg := walk.at(e, true)
		var ps, pe place
		var okS, okE bool
		if sseg != nil && eseg != nil && sseg.depth == 1 && eseg.depth == 1 {
			ps, okS = placeAt(doc, sseg, s, ns, preserved, &edits)
			pe, okE = placeAt(doc, eseg, e, ns, preserved, &edits)
		}
		if !okS || !okE || pe.pos < ps.pos {
			// A text box, or markup we cannot split: the whole paragraph.
			top := sp
			if top == nil {
				top = ep
			}
			if top == nil {
				continue
			}
			ps = place{pos: top.start}
			pe = place{pos: top.end}
		}
		m := markup{prefix: prefixFor(sseg, sp), ns: ns}
		marks = append(marks, mark{p: ps, marker: m.start(a.id), id: a.id})
		m = markup{prefix: prefixFor(eseg, ep), ns: ns}
		marks = append(marks, mark{p: pe, marker: m.end(a.id), end: true, id: a.id})
	}
	// At one position: the ends of comments that started before it, then
	// the starts, then the ends of comments that start there too.
	startAt := map[int]int{}
	for _, m := range marks {
		if !m.end {
			startAt[m.id] = m.p.pos
		}
	}
	rank := func(m mark) int {
		switch {
		case m.end && startAt[m.id] < m.p.pos:
			return 0
		case !m.end:
			return 1
		}
		return 2
	}
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].p.pos != marks[j].p.pos {
			return marks[i].p.pos < marks[j].p.pos
		}
		return rank(marks[i]) < rank(marks[j])
	})
	// Markers at one position share one wrapping.
	for i := 0; i < len(marks); {
		j := i
		var b strings.Builder
		for j < len(marks) && marks[j].p == marks[i].p {
			b.WriteString(marks[j].marker)
			j++
		}
		add(marks[i].p, b.String())
		i = j
	}
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return a.seq - b.seq
	})
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(doc[last:e.pos])
		b.WriteString(e.text)
		last = e.pos
	}
	b.Write(doc[last:])
	return b.Bytes()
}

// prefixFor is the prefix for markers at a place: the run's or the
// paragraph's.
func prefixFor(s *seg, top *paraInfo) string {
	if s != nil && s.run != nil {
		return s.run.prefix
	}
	if s != nil && s.top != nil {
		return s.top.prefix
	}
	if top != nil {
		return top.prefix
	}
	return "w"
}

// extend returns the range a comment covers: [s, e) kept on character
// boundaries, or, when it is empty, its whole line (the first line with
// text from there, else the last one before).
func extend(text []byte, s, e int) (int, int, bool) {
	s, e = min(s, len(text)), min(max(e, s), len(text))
	for s > 0 && s < len(text) && !utf8.RuneStart(text[s]) {
		s--
	}
	for e < len(text) && !utf8.RuneStart(text[e]) {
		e++
	}
	if s < e && !(e-s == 1 && text[s] == '\n') {
		return s, e, true
	}
	line := func(at int) (int, int) {
		ls := bytes.LastIndexByte(text[:at], '\n') + 1
		le := bytes.IndexByte(text[at:], '\n')
		if le < 0 {
			return ls, len(text)
		}
		return ls, at + le
	}
	for at := s; at < len(text); {
		ls, le := line(at)
		if strings.TrimSpace(string(text[ls:le])) != "" {
			return ls, le, true
		}
		at = le + 1
	}
	for at := min(s, len(text)); at > 0; {
		ls, le := line(at - 1)
		if strings.TrimSpace(string(text[ls:le])) != "" {
			return ls, le, true
		}
		at = ls
	}
	return 0, 0, false
}

// at returns the piece of text a comment boundary at offset n lies in: for
// a start (end false), the piece that begins at or holds n; for an end,
// the piece that ends at or holds n. It also returns the top-level
// paragraph of that piece.
func (w *docxWalk) at(n int, end bool) (*paraInfo, *seg) {
	if len(w.segs) == 0 {
		return nil, nil
	}
	i := sort.Search(len(w.segs), func(i int) bool { return w.segs[i].end > n })
	if end {
		i = sort.Search(len(w.segs), func(i int) bool { return w.segs[i].end >= n })
	}
	if i >= len(w.segs) {
		i = len(w.segs) - 1
	}
	s := &w.segs[i]
	return s.top, s
}

// placeAt returns where the boundary at text offset n goes in the piece s,
// and records the edit a split needs (xml:space="preserve" on the w:t).
func placeAt(doc []byte, s *seg, n int, ns string, preserved map[int]bool, edits *[]edit) (place, bool) {
	m := markup{ns: ns}
	switch s.kind {
	case segParaEnd:
		return place{pos: s.raw0}, true
	case segElem:
		if s.run == nil {
			return place{}, false
		}
		m.prefix = s.run.prefix
		closeRun := "</" + m.name("r") + ">"
		reopen := "<" + m.name("r") + ">" + string(doc[s.run.rPr[0]:s.run.rPr[1]])
		pos := s.raw0
		if n >= s.end {
			pos = s.raw1
		}
		return place{pos: pos, open: closeRun, reopen: reopen}, true
	case segChars:
		if s.run == nil {
			return place{}, false
		}
		m.prefix = s.run.prefix
		k := min(max(n-s.off, 0), s.end-s.off)
		raw := doc[s.raw0:s.raw1]
		pos := s.raw0 + rawIndex(raw, k, s.cdata)
		closeT := "</" + m.name("t") + "></" + m.name("r") + ">"
		// At the start or end of a run holding just this w:t, the markers
		// go beside the run: no split.
		switch {
		case k == 0 && s.raw0 == s.tTag[1] && s.tTag[0] == s.run.content:
			return place{pos: s.run.start}, true
		case k == s.end-s.off && bytes.HasPrefix(doc[s.raw1:], []byte(closeT)):
			return place{pos: s.raw1 + len(closeT)}, true
		}
		reopen := "<" + m.name("r") + ">" + string(doc[s.run.rPr[0]:s.run.rPr[1]]) + "<" + m.name("t") + ` xml:space="preserve">`
		if s.cdata {
			if pos < s.raw0+len("<![CDATA[") || pos > s.raw1-len("]]>") {
				return place{}, false
			}
			closeT = "]]>" + closeT
			reopen += "<![CDATA["
		}
		tag := doc[s.tTag[0]:s.tTag[1]]
		if !preserved[s.tTag[0]] && !bytes.Contains(tag, []byte("xml:space")) {
			preserved[s.tTag[0]] = true
			*edits = append(*edits, edit{pos: s.tTag[1] - 1, seq: -1, text: ` xml:space="preserve"`})
		}
		return place{pos: pos, open: closeT, reopen: reopen}, true
	}
	return place{}, false
}

// nextCommentID returns the first id free for new comments: above every id
// in comments.xml and in the document's comment markers.
func nextCommentID(comments []byte, docMax int) (int, error) {
	id := docMax
	if len(comments) > 0 {
		d := xml.NewDecoder(bytes.NewReader(comments))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return 0, errors.New(".docx 中的 word/comments.xml 不是格式正确的 XML;请用 Word 或 WPS 打开后重新另存为 .docx")
			}
			if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "comment" {
				id = max(id, atoiDefault(attrOf(t, "id"), -1))
			}
		}
	}
	return id + 1, nil
}

// severityLabel is a finding's severity in a comment.
func severityLabel(s lint.Severity) string { return "【" + s.Chinese() + "】" }

// addComments appends the comments to comments.xml, or writes a new one.
func addComments(comments []byte, anchors []anchor, ns string, opt DocxOptions) []byte {
	prefix := "w"
	var head, tail []byte
	if len(comments) > 0 {
		d := xml.NewDecoder(bytes.NewReader(comments))
		var root int = -1
		for {
			before := int(d.InputOffset())
			tok, err := d.Token()
			if err != nil {
				break
			}
			if t, ok := tok.(xml.StartElement); ok && root < 0 {
				root = before
				tag := comments[before:d.InputOffset()]
				prefix = prefixOf(tag)
				if bytes.HasSuffix(tag, []byte("/>")) {
					end := int(d.InputOffset())
					head = append(slices.Clip(comments[:end-2]), '>')
					tail = append([]byte("</"+markup{prefix: prefix}.name(t.Name.Local)+">"), comments[end:]...)
				}
				break
			}
		}
		if head == nil {
			closing := []byte("</" + markup{prefix: prefix}.name("comments") + ">")
			i := bytes.LastIndex(comments, closing)
			if i >= 0 {
				head, tail = comments[:i], comments[i:]
			}
		}
	}
	m := markup{prefix: prefix, ns: ns}
	if prefix == "" {
		m.prefix = "w" // declared on each comment below
	}
	var b bytes.Buffer
	if head == nil {
		b.WriteString(xml.Header[:len(xml.Header)-1])
		b.WriteString("\r\n<w:comments xmlns:w=\"" + ns + "\">")
		tail = []byte("</w:comments>")
		m.prefix = "w"
	} else {
		b.Write(head)
	}
	date := ""
	if !opt.Date.IsZero() {
		date = ` ` + m.name("date") + `="` + opt.Date.UTC().Format("2006-01-02T15:04:05Z") + `"`
	}
	decl := ""
	if prefix == "" && head != nil {
		decl = ` xmlns:w="` + ns + `"`
	}
	for _, a := range anchors {
		fmt.Fprintf(&b, `<%s%s %s="%d" %s="%s" %s="D"%s>`, m.name("comment"), decl, m.name("id"), a.id, m.name("author"), xmlEscape(opt.Author), m.name("initials"), date)
		lines := strings.Split(severityLabel(a.f.Severity)+a.f.Message, "\n")
		if a.f.Fix != nil {
			lines = append(lines, FixText(a.f.Fix))
		}
		for _, r := range a.f.Related {
			lines = append(lines, "另见:"+r.Message)
		}
		lines = append(lines, "规则:"+a.f.Rule)
		for i, line := range lines {
			b.WriteString("<" + m.name("p") + ">")
			if i == 0 {
				b.WriteString("<" + m.name("r") + "><" + m.name("annotationRef") + "/></" + m.name("r") + ">")
			}
			b.WriteString("<" + m.name("r") + "><" + m.name("t") + ` xml:space="preserve">` + xmlEscape(line) + "</" + m.name("t") + "></" + m.name("r") + "></" + m.name("p") + ">")
		}
		b.WriteString("</" + m.name("comment") + ">")
	}
	b.Write(tail)
	return b.Bytes()
}

// xmlEscape escapes s for XML text and attributes; characters XML cannot
// hold become U+FFFD.
func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// relsFile is a .rels part.
type relsFile struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// commentsRel returns the name of the comments part the document's
// relationships name, adding the relationship (with an unused id) when
// there is none.
func commentsRel(rels []byte, strict bool) (string, []byte, error) {
	typ := relComments
	if strict {
		typ = relCommentsStrict
	}
	if len(rels) == 0 {
		rels = []byte(xml.Header[:len(xml.Header)-1] + "\r\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	}
	var rf relsFile
	if err := xml.Unmarshal(rels, &rf); err != nil {
		return "", nil, errors.New(".docx 中的 word/_rels/document.xml.rels 不是格式正确的 XML;请用 Word 或 WPS 打开后重新另存为 .docx")
	}
	ids := map[string]bool{}
	for _, r := range rf.Rels {
		ids[r.ID] = true
		if strings.HasSuffix(r.Type, "/comments") && r.Mode != "External" {
			target := r.Target
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join("word", target)
			}
			return target, rels, nil
		}
	}
	id := "rIdDucha1"
	for n := 2; ids[id]; n++ {
		id = "rIdDucha" + strconv.Itoa(n)
	}
	rel := `<Relationship Id="` + id + `" Type="` + typ + `" Target="comments.xml"/>`
	i := bytes.LastIndex(rels, []byte("</Relationships>"))
	if i < 0 {
		if j := bytes.LastIndex(rels, []byte("/>")); j >= 0 && bytes.Contains(rels[j-20:], []byte("Relationships")) {
			// <Relationships …/>: open it.
			out := append(slices.Clip(rels[:j]), []byte(">"+rel+"</Relationships>")...)
			return partComments, append(out, rels[j+2:]...), nil
		}
		return "", nil, errors.New(".docx 中的 word/_rels/document.xml.rels 结构有误;请用 Word 或 WPS 打开后重新另存为 .docx")
	}
	out := append(slices.Clip(rels[:i]), rel...)
	return partComments, append(out, rels[i:]...), nil
}

// addOverride adds a content type for a part to [Content_Types].xml unless
// it has one.
func addOverride(ct []byte, part, typ string) []byte {
	if len(ct) == 0 {
		ct = []byte(xml.Header[:len(xml.Header)-1] + "\r\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	}
	var types struct {
		Overrides []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if xml.Unmarshal(ct, &types) == nil {
		for _, o := range types.Overrides {
			if strings.EqualFold(o.Part, part) {
				return ct
			}
		}
	}
	o := `<Override PartName="` + part + `" ContentType="` + typ + `"/>`
	i := bytes.LastIndex(ct, []byte("</Types>"))
	if i < 0 {
		return ct
	}
	out := append(slices.Clip(ct[:i]), o...)
	return append(out, ct[i:]...)
}
