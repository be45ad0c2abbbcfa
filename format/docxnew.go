package format

import (
	"archive/zip"
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// docxEpoch is the time stamp of the entries of a new .docx, so that the
// same report always gives the same bytes.
var docxEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// The fixed parts of a new .docx. The default font is the Song typeface
// Chinese Word and WPS use for 公文 body text (宋体, size 三号 would be 16pt;
// 12pt reads better on screen), A4 pages.
const (
	newContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`</Types>`
	newRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`</Relationships>`
	newDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`</Relationships>`
	newStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>` +
		`<w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
		`</w:styles>`
	newDocHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	newDocTail = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
)

// newDocx makes a .docx of text, one paragraph per line, and returns it,
// the text decode will read from it, and the map from offsets in text to
// offsets in that text. What a paragraph cannot hold changes: CRLF ends a
// paragraph like LF, a lone CR becomes a space, characters XML cannot
// carry (and bytes that are not UTF-8) become U+FFFD, U+FEFF is dropped.
func newDocx(text string) ([]byte, string, func(int) int) {
	var doc strings.Builder
	var gen strings.Builder
	offs := make([]int, len(text)+1) // offset in gen of each byte of text
	doc.WriteString(newDocHead)
	lines := strings.SplitAfter(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	pos := 0
	for _, line := range lines {
		doc.WriteString(`<w:p>`)
		inT := false
		openT := func() {
			if !inT {
				doc.WriteString(`<w:r><w:t xml:space="preserve">`)
				inT = true
			}
		}
		closeT := func() {
			if inT {
				doc.WriteString(`</w:t></w:r>`)
				inT = false
			}
		}
		for i := 0; i < len(line); {
			r, size := utf8.DecodeRuneInString(line[i:])
			for k := range size {
				offs[pos+i+k] = gen.Len()
			}
			switch {
			case r == '\n':
				// the paragraph's end, below
			case r == '\r' && i+1 < len(line) && line[i+1] == '\n':
			case r == '\t':
				closeT()
				doc.WriteString(`<w:r><w:tab/></w:r>`)
				gen.WriteByte('\t')
			case r == '\uFEFF':
			default:
				if r == '\r' {
					r = ' '
				}
				if r == utf8.RuneError && size == 1 || !xmlChar(r) {
					r = utf8.RuneError
				}
				openT()
				doc.WriteString(escapeRune(r))
				gen.WriteRune(r)
			}
			i += size
		}
		closeT()
		doc.WriteString(`</w:p>`)
		gen.WriteByte('\n')
		pos += len(line)
	}
	offs[len(text)] = gen.Len()
	doc.WriteString(newDocTail)

	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range []struct{ name, data string }{
		{partContentTypes, newContentTypes},
		{"_rels/.rels", newRootRels},
		{partDocument, doc.String()},
		{partDocumentRels, newDocRels},
		{"word/styles.xml", newStyles},
	} {
		// Writing to memory cannot fail.
		_ = writeEntry(zw, &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: docxEpoch}, []byte(e.data))
	}
	_ = zw.Close()
	return b.Bytes(), gen.String(), func(n int) int { return offs[clamp(n, len(text))] }
}

// xmlChar reports whether XML 1.0 can hold r.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || 0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// escapeRune is r as XML character data.
func escapeRune(r rune) string {
	switch r {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return string(r)
}
