package format

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// WordprocessingML namespaces, as decode reads them.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxDepth bounds the nesting of document.xml, like decode.DefaultMaxDepth.
const maxDepth = 256

// A segKind says what produced a piece of the decoded text.
type segKind uint8

const (
	segChars   segKind = iota // character data inside a w:t
	segElem                   // w:tab, w:br, w:cr, w:noBreakHyphen inside a run
	segParaEnd                // the line end of a paragraph: its </w:p>
)

// A seg is a piece of the text decode extracts from document.xml, and where
// it came from in the XML's bytes.
type seg struct {
	off, end   int // in the text
	kind       segKind
	raw0, raw1 int // chars: the character data; elem: the element; paraEnd: the </w:p> tag
	cdata      bool
	run        *runInfo // chars and elem: the run holding it
	tTag       [2]int   // chars: the w:t start tag
	depth      int      // how many paragraphs are open (1: not in a text box)
	top        *paraInfo
}

// runInfo is a w:r: the prefix its tags use and its properties, which a
// split copies.
type runInfo struct {
	prefix  string
	rPr     [2]int // raw range of w:rPr, or zero
	start   int    // where the run's start tag begins
	content int    // where its content after w:rPr begins
}

// paraInfo is a top-level w:p: where its content starts (after w:pPr) and
// ends (the </w:p> tag), for a comment that cannot be anchored more
// precisely.
type paraInfo struct {
	prefix     string
	start, end int
}

// docxWalk is the result of reading document.xml the way decode does.
type docxWalk struct {
	text []byte
	segs []seg // in text order
	// selfClosing are the raw ranges of <w:p/> tags, which must be opened
	// before a comment can be anchored in them.
	selfClosing [][2]int
	maxID       int    // the largest comment id in the document, -1 if none
	ns          string // the WordprocessingML namespace the document uses
}

// openPara is a paragraph being read: its pending text and pieces, with
// offsets relative to the paragraph's text.
type openPara struct {
	text []byte
	segs []seg
	info *paraInfo
}

// walkDocx reads document.xml and returns its text and pieces. It follows
// decode's reading of a .docx (decode/docx.go, docxDoc) step by step, so
// that the offsets of findings index the text it returns: each w:p becomes
// one line ended by LF, written when the paragraph ends (so a paragraph in
// a text box comes before the one holding it); w:t inside a w:r is text,
// w:tab, w:br (text wrapping), w:cr and w:noBreakHyphen in a run are a tab,
// LF, LF and '-'; mc:Fallback and w:moveFrom are skipped; U+FEFF is
// dropped. TestDocxWalkMatchesDecode holds the two to the same text.
func walkDocx(src []byte) (*docxWalk, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	w := &docxWalk{maxID: -1}
	var (
		open     []xml.Name
		paras    []*openPara
		runs     []*runInfo
		inText   bool
		tTag     [2]int
		skip     int
		rPrStart = -1
		elem     = -1 // index in the innermost paragraph's segs of an element awaiting its end
		elemAt   int  // the depth of that element
		top      *paraInfo
	)
	isW := func(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }
	openIs := func(n int, local string) bool {
		i := len(open) - 1 - n
		return i >= 0 && open[i].Local == local && isW(open[i])
	}
	prev := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("word/document.xml 不是格式正确的 XML(第 %d 行);请用 Word 或 WPS 打开后重新另存为 .docx", se.Line)
			}
			return nil, fmt.Errorf("无法读取 word/document.xml(%v);请用 Word 或 WPS 打开后另存为 UTF-8 编码的 .docx", err)
		}
		cur := int(d.InputOffset())
		raw0 := prev
		prev = cur
		switch t := tok.(type) {
		case xml.StartElement:
			if len(open) >= maxDepth {
				return nil, fmt.Errorf("word/document.xml 元素嵌套超过 %d 层,不像正常的 Word 文档", maxDepth)
			}
			open = append(open, t.Name)
			if isW(t.Name) && (t.Name.Local == "commentRangeStart" || t.Name.Local == "commentRangeEnd" || t.Name.Local == "commentReference") {
				w.maxID = max(w.maxID, atoiDefault(attrOf(t, "id"), -1))
			}
			if skip > 0 || t.Name.Space == nsMC && t.Name.Local == "Fallback" || isW(t.Name) && t.Name.Local == "moveFrom" {
				skip++
				continue
			}
			if !isW(t.Name) {
				continue
			}
			if w.ns == "" {
				w.ns = t.Name.Space
			}
			selfClose := bytes.HasSuffix(src[raw0:cur], []byte("/>"))
			switch t.Name.Local {
			case "p":
				p := &openPara{}
				if len(paras) == 0 {
					top = &paraInfo{prefix: prefixOf(src[raw0:cur]), start: cur}
					p.info = top
				}
				paras = append(paras, p)
				if selfClose {
					w.selfClosing = append(w.selfClosing, [2]int{raw0, cur})
				}
				continue
			case "r":
				runs = append(runs, &runInfo{prefix: prefixOf(src[raw0:cur]), start: raw0, content: cur})
				continue
			case "rPr":
				if openIs(1, "r") {
					rPrStart = raw0
				}
			}
			if len(paras) == 0 {
				continue
			}
			p := paras[len(paras)-1]
			inRun := openIs(1, "r")
			var ch byte
			switch t.Name.Local {
			case "t":
				inText = inRun
				tTag = [2]int{raw0, cur}
			case "tab":
				ch = '\t'
			case "br":
				if typ := attrOf(t, "type"); typ == "" || typ == "textWrapping" {
					ch = '\n'
				}
			case "cr":
				ch = '\n'
			case "noBreakHyphen":
				ch = '-'
			}
			if ch != 0 && inRun && len(runs) > 0 {
				p.segs = append(p.segs, seg{off: len(p.text), end: len(p.text) + 1, kind: segElem, raw0: raw0, raw1: cur,
					run: runs[len(runs)-1], depth: len(paras), top: top})
				p.text = append(p.text, ch)
				if !selfClose {
					elem, elemAt = len(p.segs)-1, len(open)
				}
			}
		case xml.EndElement:
			depth := len(open)
			open = open[:len(open)-1]
			if skip > 0 {
				skip--
				continue
			}
			if !isW(t.Name) {
				continue
			}
			if elem >= 0 && depth == elemAt && len(paras) > 0 {
				paras[len(paras)-1].segs[elem].raw1 = cur
				elem = -1
			}
			switch t.Name.Local {
			case "p":
				if len(paras) == 0 {
					continue
				}
				p := paras[len(paras)-1]
				paras = paras[:len(paras)-1]
				elem = -1
				base := len(w.text)
				for _, s := range p.segs {
					s.off += base
					s.end += base
					w.segs = append(w.segs, s)
				}
				w.text = append(w.text, p.text...)
				w.segs = append(w.segs, seg{off: len(w.text), end: len(w.text) + 1, kind: segParaEnd, raw0: raw0, raw1: cur, depth: len(paras) + 1, top: top})
				w.text = append(w.text, '\n')
				if p.info != nil {
					p.info.end = raw0
				}
			case "t":
				inText = false
			case "r":
				if len(runs) > 0 {
					runs = runs[:len(runs)-1]
				}
			case "rPr":
				if rPrStart >= 0 && len(runs) > 0 && openIs(0, "r") {
					runs[len(runs)-1].rPr = [2]int{rPrStart, cur}
					runs[len(runs)-1].content = cur
				}
				rPrStart = -1
			case "pPr":
				if len(paras) == 1 && openIs(0, "p") && top != nil {
					top.start = cur
				}
			}
		case xml.CharData:
			if !inText || skip > 0 || len(paras) == 0 {
				continue
			}
			var run *runInfo // nil only for a w:t left open in skipped markup
			if len(runs) > 0 {
				run = runs[len(runs)-1]
			}
			p := paras[len(paras)-1]
			data := []byte(t)
			if bytes.Contains(data, zwnbsp) {
				data = bytes.ReplaceAll(data, zwnbsp, nil)
			}
			if len(data) == 0 {
				continue
			}
			p.segs = append(p.segs, seg{off: len(p.text), end: len(p.text) + len(data), kind: segChars, raw0: raw0, raw1: cur,
				cdata: bytes.HasPrefix(src[raw0:cur], []byte("<![CDATA[")), run: run, tTag: tTag, depth: len(paras), top: top})
			p.text = append(p.text, data...)
		}
	}
	return w, nil
}

var zwnbsp = []byte("\uFEFF")

// prefixOf returns the namespace prefix of a start tag's raw bytes: "w" for
// "<w:p>", "" for "<p>".
func prefixOf(tag []byte) string {
	end := bytes.IndexAny(tag, " \t\r\n/>")
	if end < 0 {
		end = len(tag)
	}
	name := tag[1:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return string(name[:i])
	}
	return ""
}

func attrOf(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoiDefault(s string, def int) int {
	n := 0
	if s == "" || len(s) > 9 {
		return def
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return def
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// rawIndex returns the offset in raw, the bytes of a character data token,
// of the k-th byte of the text the token decodes to (entities expanded, line
// ends normalised, U+FEFF dropped). k is kept on a character boundary.
func rawIndex(raw []byte, k int, cdata bool) int {
	i, end := 0, len(raw)
	if cdata {
		i, end = len("<![CDATA["), len(raw)-len("]]>")
	}
	n := 0 // decoded bytes so far
	for i < end && n < k {
		c := raw[i]
		switch {
		case c == '&' && !cdata:
			j := bytes.IndexByte(raw[i:end], ';')
			if j < 0 {
				return i
			}
			r := entityRune(raw[i+1 : i+j])
			if r != '\uFEFF' {
				n += utf8.RuneLen(r)
			}
			i += j + 1
		case c == '\r':
			n++
			i++
			if i < end && raw[i] == '\n' {
				i++
			}
		default:
			r, size := utf8.DecodeRune(raw[i:end])
			if r != '\uFEFF' {
				n += size
			}
			i += size
		}
	}
	return i
}

// entityRune decodes the name of an entity reference (without & and ;).
func entityRune(name []byte) rune {
	switch string(name) {
	case "amp":
		return '&'
	case "lt":
		return '<'
	case "gt":
		return '>'
	case "apos":
		return '\''
	case "quot":
		return '"'
	}
	if len(name) > 1 && name[0] == '#' {
		base, digits := 10, name[1:]
		if digits[0] == 'x' {
			base, digits = 16, digits[1:]
		}
		var r rune
		for _, c := range digits {
			var v rune
			switch {
			case '0' <= c && c <= '9':
				v = rune(c - '0')
			case 'a' <= c && c <= 'f':
				v = rune(c-'a') + 10
			case 'A' <= c && c <= 'F':
				v = rune(c-'A') + 10
			default:
				return utf8.RuneError
			}
			r = r*rune(base) + v
			if r > utf8.MaxRune {
				return utf8.RuneError
			}
		}
		if !utf8.ValidRune(r) {
			return utf8.RuneError
		}
		return r
	}
	return utf8.RuneError
}
