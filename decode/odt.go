package decode

import (
	"archive/zip"
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// The entry of an .odt that holds the text, and its namespaces.
const (
	odtContent = "content.xml"
	nsText     = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsOffice   = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsStyle    = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
)

// decodeODT reads the text of an OpenDocument text (.odt), as LibreOffice
// and WPS write it, one line per paragraph (see odtDoc).
func decodeODT(zr *zip.Reader, lim *limits) (*Text, error) {
	f := findEntry(zr, odtContent)
	if f == nil {
		return nil, &Error{Reason: "这是 OpenDocument 文件,但其中没有 content.xml,文件已损坏;" + lim.resave()}
	}
	d := &odtDoc{parent: map[string]string{}}
	if err := xmlWalk(f, lim, d.token); err != nil {
		return nil, err
	}
	if strings.TrimSpace(d.out.String()) == "" {
		return nil, emptyIn(".odt 中没有文字;如果正文是图片或扫描件,请先转换为文字")
	}
	return &Text{Text: d.out.String(), Encoding: "UTF-8", Format: "odt", Headings: d.headings, Title: d.title}, nil
}

// odtDoc collects the text of content.xml.
//
// Each text:p and text:h becomes one line, in document order (table cells
// and list items hold paragraphs, so each is a line, as in a .docx); a
// text:h's outline level (1–4) is the line's heading level. Within a
// paragraph text:span is transparent, text:s stands for text:c spaces,
// text:tab for a tab and text:line-break starts a new line. Notes' bodies,
// annotations, tracked deletions and the table of contents (which repeats
// the headings) are skipped: they are not the report's running text.
type odtDoc struct {
	paragraphs
	parent map[string]string // automatic style → the style it is based on
	paras  []*odtPara
	skip   int
}

type odtPara struct {
	text  []byte
	level int // text:outline-level of a text:h
	style string
	space bool // the last character written was a collapsible space
}

// chars appends character data as ODF has it read (§6.1.2): white space
// (space, tab, line end) collapses to one space, and none opens a
// paragraph; text:s, text:tab and text:line-break write the white space
// that is meant.
func (p *odtPara) chars(b []byte) {
	for _, r := range string(b) {
		switch r {
		case ' ', '\t', '\n', '\r':
			if !p.space && len(p.text) > 0 {
				p.text = append(p.text, ' ')
			}
			p.space = true
			continue
		case '\uFEFF':
			continue
		}
		p.text = utf8.AppendRune(p.text, r)
		p.space = false
	}
}

// odtSkipped are the elements whose content is not running text.
var odtSkipped = map[xml.Name]bool{
	{Space: nsText, Local: "note-body"}:          true,
	{Space: nsText, Local: "note-citation"}:      true,
	{Space: nsText, Local: "tracked-changes"}:    true,
	{Space: nsText, Local: "table-of-content"}:   true,
	{Space: nsText, Local: "alphabetical-index"}: true,
	{Space: nsOffice, Local: "annotation"}:       true,
}

func (d *odtDoc) token(tok xml.Token, open []xml.Name) {
	switch t := tok.(type) {
	case xml.StartElement:
		if d.skip > 0 || odtSkipped[t.Name] {
			d.skip++
			return
		}
		d.start(t)
	case xml.EndElement:
		if d.skip > 0 {
			d.skip--
			return
		}
		if t.Name.Space == nsText && (t.Name.Local == "p" || t.Name.Local == "h") {
			d.endPara()
		}
	case xml.CharData:
		if d.skip == 0 && len(d.paras) > 0 {
			d.paras[len(d.paras)-1].chars(t)
		}
	}
}

func (d *odtDoc) start(t xml.StartElement) {
	if t.Name.Space == nsStyle && t.Name.Local == "style" {
		if name, parent := attrNS(t, nsStyle, "name"), attrNS(t, nsStyle, "parent-style-name"); name != "" && parent != "" {
			d.parent[name] = parent
		}
		return
	}
	if t.Name.Space != nsText {
		return
	}
	switch t.Name.Local {
	case "p", "h":
		p := &odtPara{style: attrNS(t, nsText, "style-name")}
		if t.Name.Local == "h" {
			p.level = atoi(attrNS(t, nsText, "outline-level"), 1)
		}
		d.paras = append(d.paras, p)
		return
	}
	if len(d.paras) == 0 {
		return
	}
	p := d.paras[len(d.paras)-1]
	switch t.Name.Local {
	case "s":
		n := atoi(attrNS(t, nsText, "c"), 1)
		// At most 100: more is layout, and a bomb of text:s would
		// multiply the XML's size.
		p.text = append(p.text, strings.Repeat(" ", max(1, min(n, 100)))...)
	case "tab":
		p.text = append(p.text, '\t')
	case "line-break":
		p.text = append(p.text, '\n')
	default:
		return
	}
	p.space = false
}

// isTitle reports whether a paragraph in style is in LibreOffice's Title
// style, directly or through an automatic style.
func (d *odtDoc) isTitle(style string) bool {
	for hops := 0; style != "" && hops < 8; hops++ {
		if style == "Title" {
			return true
		}
		style = d.parent[style]
	}
	return false
}

func (d *odtDoc) endPara() {
	if len(d.paras) == 0 {
		return
	}
	p := d.paras[len(d.paras)-1]
	d.paras = d.paras[:len(d.paras)-1]
	if p.space && len(p.text) > 0 && p.text[len(p.text)-1] == ' ' {
		p.text = p.text[:len(p.text)-1] // white space that closes a paragraph is not shown
	}
	d.add(string(p.text), p.level, func() bool { return d.isTitle(p.style) })
}

// attrNS returns the value of the attribute space:local of t.
func attrNS(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}
