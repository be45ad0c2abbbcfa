package decode

import (
	"archive/zip"
	"encoding/xml"
	"path"
	"strconv"
	"strings"
)

// ofdRoot is the entry every OFD (GB/T 33190) package starts from.
const ofdRoot = "OFD.xml"

// decodeOFD reads an OFD: OFD.xml names each document's Document.xml
// (DocRoot), which lists its pages (Page BaseLoc), whose Content.xml places
// the text (TextObject, TextCode) at coordinates. The text is put in
// reading order by those coordinates (see linesOf) and its paragraphs
// rebuilt as a PDF's are (layoutText). Page templates (running headers,
// seals' captions) are not read.
func decodeOFD(zr *zip.Reader, lim *limits) (*Text, error) {
	var docs []string
	if err := ofdWalk(zr, lim, ofdRoot, func(t xml.StartElement, open []xml.Name, text string) {
		if text != "" && len(open) > 0 && open[len(open)-1].Local == "DocRoot" {
			docs = append(docs, ofdPath("", text))
		}
	}); err != nil {
		return nil, err
	}
	var pages []Page
	for _, doc := range docs {
		var width, height float64
		var locs []string
		err := ofdWalk(zr, lim, doc, func(t xml.StartElement, open []xml.Name, text string) {
			switch {
			case t.Name.Local == "Page" && text == "":
				if loc := strings.TrimSpace(attr(t, "BaseLoc")); loc != "" {
					locs = append(locs, ofdPath(path.Dir(doc), loc))
				}
			case len(open) >= 2 && open[len(open)-1].Local == "PhysicalBox" && open[len(open)-2].Local == "PageArea" && width == 0:
				if box := ofdNumbers(text); len(box) == 4 {
					width, height = box[2], box[3]
				}
			}
		})
		if err != nil {
			return nil, err
		}
		for _, loc := range locs {
			pg, err := ofdPage(zr, lim, loc)
			if err != nil {
				return nil, err
			}
			if pg.Width == 0 {
				pg.Width, pg.Height = width, height
			}
			pages = append(pages, pg)
		}
	}
	if len(docs) == 0 {
		return nil, &Error{Reason: "这个 OFD 文件的 OFD.xml 中没有文档(DocRoot),文件已损坏;" + lim.resave()}
	}
	text := layoutText(pages)
	if strings.TrimSpace(text) == "" {
		return nil, emptyIn(".ofd 中没有文字;如果正文是图片或扫描件,请先做文字识别(OCR)")
	}
	return &Text{Text: text, Encoding: "UTF-8", Format: "ofd"}, nil
}

// ofdPage reads the text placed on one page.
func ofdPage(zr *zip.Reader, lim *limits, name string) (Page, error) {
	var pg Page
	var runs []glyphRun
	var obj struct{ x, y, size float64 } // the open TextObject
	var code struct {
		x, y, width float64
		set         bool
	}
	var lastX, lastY float64 // where the previous TextCode of the object ended
	err := ofdWalk(zr, lim, name, func(t xml.StartElement, open []xml.Name, text string) {
		switch t.Name.Local {
		case "TextObject":
			if text != "" {
				return
			}
			box := ofdNumbers(attr(t, "Boundary"))
			if len(box) < 2 {
				box = []float64{0, 0}
			}
			obj.x, obj.y = box[0], box[1]
			obj.size, _ = strconv.ParseFloat(attr(t, "Size"), 64)
			if obj.size <= 0 {
				obj.size = 3.5
			}
			lastX, lastY = 0, 0
		case "TextCode":
			if text == "" { // the start tag
				code.x, code.y, code.set = lastX, lastY, true
				if v, err := strconv.ParseFloat(attr(t, "X"), 64); err == nil {
					code.x = v
				}
				if v, err := strconv.ParseFloat(attr(t, "Y"), 64); err == nil {
					code.y = v
				}
				code.width = ofdAdvance(attr(t, "DeltaX"), obj.size)
				return
			}
			if !code.set {
				return
			}
			n := float64(strings.Count(text, "") - 1)
			if code.width <= 0 {
				code.width = n * obj.size
			} else {
				code.width += obj.size // the last glyph
			}
			runs = append(runs, glyphRun{text: text, x: obj.x + code.x, y: obj.y + code.y, size: obj.size, width: code.width})
			lastX, lastY = code.x+code.width, code.y
			code.set = false
		case "PhysicalBox":
			if text != "" && len(open) >= 2 && open[len(open)-2].Local == "Area" {
				if box := ofdNumbers(text); len(box) == 4 {
					pg.Width, pg.Height = box[2], box[3]
				}
			}
		}
	})
	if err != nil {
		return pg, err
	}
	pg.Lines = linesOf(runs)
	return pg, nil
}

// ofdWalk calls fn for each start tag of the entry name (text "") and, at
// the end tag, with the element's text (if it has any).
func ofdWalk(zr *zip.Reader, lim *limits, name string, fn func(t xml.StartElement, open []xml.Name, text string)) error {
	f := findEntry(zr, name)
	if f == nil {
		for _, g := range zr.File {
			if strings.EqualFold(g.Name, name) {
				f = g
				break
			}
		}
	}
	if f == nil {
		return &Error{Reason: "这个 OFD 文件缺少 " + name + ",文件已损坏;" + lim.resave()}
	}
	var starts []xml.StartElement
	var text strings.Builder
	return xmlWalk(f, lim, func(tok xml.Token, open []xml.Name) {
		switch t := tok.(type) {
		case xml.StartElement:
			starts = append(starts, t.Copy())
			text.Reset()
			fn(t, open, "")
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(starts) == 0 {
				return
			}
			st := starts[len(starts)-1]
			starts = starts[:len(starts)-1]
			if s := text.String(); strings.TrimSpace(s) != "" {
				fn(st, open, s)
			}
			text.Reset()
		}
	})
}

// ofdPath resolves loc, relative to dir unless it starts with "/", to an
// entry name.
func ofdPath(dir, loc string) string {
	loc = strings.TrimSpace(loc)
	if strings.HasPrefix(loc, "/") {
		return strings.TrimPrefix(path.Clean(loc), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, loc)), "/")
}

// ofdNumbers reads a space-separated list of numbers ("0 0 210 297").
func ofdNumbers(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// ofdAdvance is the distance from a TextCode's first glyph to its last, the
// sum of its DeltaX ("3.5 3.5 g 10 3.5": "g N D" repeats D N times); 0 when
// it has none.
func ofdAdvance(delta string, size float64) float64 {
	f := strings.Fields(delta)
	sum := 0.0
	for i := 0; i < len(f); i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, _ := strconv.Atoi(f[i+1])
			d, _ := strconv.ParseFloat(f[i+2], 64)
			sum += float64(max(0, min(n, 1<<20))) * d
			i += 2
			continue
		}
		d, _ := strconv.ParseFloat(f[i], 64)
		sum += d
	}
	return sum
}
