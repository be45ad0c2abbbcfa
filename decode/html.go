package decode

import (
	"bytes"
	"cmp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/width"
)

// decodeHTML reads a web page: it finds the page's encoding, then extracts
// its text (see htmlText). charset is the one a container declared for the
// page (an .mht part's Content-Type), "" if none: the page's own <meta>
// wins over it, as a browser has it.
func decodeHTML(src []byte, opt Options, charset string) (*Text, error) {
	declared := charset
	if !hasBOM(src) {
		declared = cmp.Or(prescan(src), charset)
	}
	s, enc, err := toUTF8(src, opt, declared)
	if err != nil {
		return nil, err
	}
	t := extractHTML(s)
	t.Encoding = enc
	if strings.TrimSpace(t.Text) == "" {
		return nil, emptyIn("网页中没有正文文字;请确认保存的是含报告全文的页面")
	}
	return t, nil
}

func hasBOM(src []byte) bool {
	return bytes.HasPrefix(src, bomUTF8) || bytes.HasPrefix(src, bomUTF16LE) || bytes.HasPrefix(src, bomUTF16BE)
}

// prescan returns the charset a page declares in its first 1024 bytes, with
// <meta charset> or <meta http-equiv="Content-Type" content="…charset=…">,
// as browsers look for it; "" if none.
func prescan(src []byte) string {
	z := html.NewTokenizer(bytes.NewReader(src[:min(len(src), sniffLen)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if atom.Lookup(name) != atom.Meta {
				continue
			}
			var charset, equiv, content string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					equiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if c := strings.TrimSpace(charset); c != "" {
				return c
			}
			if strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
				if c := charsetParam(content); c != "" {
					return c
				}
			}
		}
	}
}

// charsetParam extracts the charset from a Content-Type value
// ("text/html; charset=gb2312"), as the HTML standard's algorithm does.
func charsetParam(s string) string {
	lower := asciiLower(s) // same length as s, whatever its bytes
	for {
		i := strings.Index(lower, "charset")
		if i < 0 {
			return ""
		}
		lower, s = lower[i+len("charset"):], s[i+len("charset"):]
		rest := strings.TrimLeft(s, " \t\n\f\r")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\n\f\r")
		if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
			if j := strings.IndexByte(rest[1:], rest[0]); j >= 0 {
				return rest[1 : 1+j]
			}
			return ""
		}
		if j := strings.IndexAny(rest, " \t\n\f\r;"); j >= 0 {
			rest = rest[:j]
		}
		return rest
	}
}

// asciiLower lowers the ASCII letters of s and leaves every other byte
// alone. (strings.ToLower may change the length: invalid UTF-8 becomes
// U+FFFD.)
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Elements whose start and end break a line. <br> breaks one too; table
// cells (<td>, <th>) are separated by a space so that a metadata row
// ("发布日期: 2021-03-31") stays on one line.
var blockElems = atomSet(
	atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
	atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
	atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2,
	atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html,
	atom.Legend, atom.Li, atom.Main, atom.Menu, atom.Ol, atom.P, atom.Pre, atom.Section,
	atom.Summary, atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr, atom.Ul,
)

// Raw-text elements whose content is never shown as text. (<title> is
// raw text too; it goes to Text.Title. <textarea> and <xmp> are kept.)
var rawDropped = atomSet(atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Noembed, atom.Noframes)

// Elements whose whole content is left out: navigation, and things that are
// not text (templates, graphics, form controls, media). What CSS hides is
// kept: a page's script may be what shows the report.
var skipped = atomSet(
	atom.Nav, atom.Template, atom.Svg, atom.Math, atom.Select, atom.Datalist, atom.Object,
	atom.Applet, atom.Audio, atom.Video, atom.Canvas, atom.Button,
)

// Of the skipped elements, these hold only phrasing content: a block
// element inside one means it was left unclosed, and ends the skipping
// rather than losing the rest of the page.
var phrasingSkipped = atomSet(
	atom.Select, atom.Datalist, atom.Object, atom.Applet, atom.Audio, atom.Video,
	atom.Canvas, atom.Button,
)

func atomSet(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

// headingLevel is the outline level of <h1>–<h4>, else 0.
func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	}
	return 0
}

// htmlText extracts the text of a page, streaming over its tokens: there is
// no tree to build, so no nesting depth can exhaust the stack or the time.
//
// Block elements break lines; whitespace runs inside a line collapse to one
// space (a source line break between two Chinese characters to nothing, as
// browsers render it); empty lines are dropped. Scripts, styles and the
// elements in skipped are left out; one left unclosed is skipped to the end
// of <body>, or, if it holds only phrasing content, to the next block. <h1>–<h4> are recorded in Headings: Word's "save as web
// page" writes its heading styles so, and the parser only uses a hint for a
// line that is not a numbered heading already. The <title> goes to Title,
// not into the text, so that line 1 is the page's first visible line.
type htmlText struct {
	z        *html.Tokenizer
	out      strings.Builder
	line     []byte // the current line, before collapsing
	lines    int
	headings map[int]int
	pending  int // the level of a heading whose first line is not yet written
	raw      atom.Atom
	skip     atom.Atom // the element being skipped
	depth    int       // nesting of skip inside itself
	pre      int       // depth inside <pre>
	title    []byte
	hasTitle bool
	meta     []Meta
}

func extractHTML(s string) *Text {
	h := &htmlText{z: html.NewTokenizer(strings.NewReader(s))}
	for h.next() {
	}
	h.flush()
	return &Text{
		Text: h.out.String(), Format: "html", Headings: h.headings,
		Title: string(collapse(nil, h.title)), Meta: h.meta,
	}
}

// next handles one token; it returns false at the end of the input.
func (h *htmlText) next() bool {
	z := h.z
	switch tt := z.Next(); tt {
	case html.ErrorToken:
		return false
	case html.TextToken:
		h.text(z.Text())
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		h.start(atom.Lookup(name), hasAttr, tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		name, _ := z.TagName()
		h.end(atom.Lookup(name))
	}
	return true
}

func (h *htmlText) text(b []byte) {
	switch {
	case h.raw == atom.Title:
		if !h.hasTitle {
			h.title = append(h.title, b...)
		}
	case h.raw != 0, h.depth > 0:
	case h.pre > 0:
		for {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				h.line = append(h.line, b...)
				return
			}
			h.line = append(h.line, b[:i]...)
			h.flush()
			b = b[i+1:]
		}
	default:
		h.line = append(h.line, b...)
	}
}

func (h *htmlText) start(a atom.Atom, hasAttr, self bool) {
	if h.depth > 0 && !h.unclosed(a) {
		if a == h.skip && !self {
			h.depth++
		}
		return
	}
	switch {
	case a == atom.Meta:
		h.addMeta(hasAttr)
	case a == atom.Title || rawDropped[a]:
		h.raw = a // the tokenizer reads up to the matching end tag as text
	case skipped[a]:
		if !self {
			h.skip, h.depth = a, 1
		}
	case a == atom.Br:
		h.flush()
	case a == atom.Td || a == atom.Th:
		h.line = append(h.line, ' ')
	case blockElems[a]:
		h.flush()
		if lv := headingLevel(a); lv > 0 {
			h.pending = lv
		}
		if a == atom.Pre && !self {
			h.pre++
		}
	}
}

func (h *htmlText) end(a atom.Atom) {
	if h.raw != 0 {
		if a == h.raw {
			h.hasTitle = h.hasTitle || a == atom.Title
			h.raw = 0
		}
		return
	}
	if h.depth > 0 && !h.unclosed(a) {
		switch {
		case a == h.skip:
			h.depth--
		case a == atom.Body || a == atom.Html:
			h.depth = 0
		}
		return
	}
	switch {
	case a == atom.Td || a == atom.Th:
		h.line = append(h.line, ' ')
	case blockElems[a] || a == atom.Br:
		h.flush()
		if headingLevel(a) > 0 {
			h.pending = 0
		}
		if a == atom.Pre && h.pre > 0 {
			h.pre--
		}
	}
}

// unclosed reports whether tag a shows that the element being skipped was
// left unclosed, and if so stops skipping.
func (h *htmlText) unclosed(a atom.Atom) bool {
	if phrasingSkipped[h.skip] && (blockElems[a] || a == atom.Td || a == atom.Th) {
		h.depth = 0
		return true
	}
	return false
}

// addMeta keeps a <meta> whose name looks like a date.
func (h *htmlText) addMeta(more bool) {
	var name, content string
	hasContent := false
	for more {
		var k, v []byte
		k, v, more = h.z.TagAttr()
		switch string(k) {
		case "name", "property", "itemprop":
			if name == "" {
				name = strings.TrimSpace(string(v))
			}
		case "content":
			content, hasContent = strings.TrimSpace(string(v)), true
		}
	}
	if hasContent && dateish(name) {
		h.meta = append(h.meta, Meta{Name: name, Content: content})
	}
}

// dateWords mark a <meta> name as carrying a date: PubDate, publishdate,
// firstpublishedtime, ArticlePubDate, article:published_time,
// dcterms.issued, Maketime, datePublished…
var dateWords = []string{"date", "time", "issued", "published", "created", "modified", "日期", "时间"}

func dateish(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range dateWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// flush ends the current line: it is collapsed and, unless empty, written.
func (h *htmlText) flush() {
	if len(h.line) == 0 {
		return
	}
	b := collapse(make([]byte, 0, len(h.line)), h.line)
	h.line = h.line[:0]
	if len(b) == 0 {
		return
	}
	h.out.Write(b)
	h.out.WriteByte('\n')
	h.lines++
	if h.pending > 0 {
		if h.headings == nil {
			h.headings = map[int]int{}
		}
		h.headings[h.lines] = h.pending
		h.pending = 0
	}
}

// collapse appends b to dst with its whitespace runs (ASCII whitespace and
// no-break spaces) collapsed to one space and trimmed at both ends, and
// U+FEFF dropped. A run
// that holds a line break between two wide (Chinese) characters disappears,
// as in browsers: it is where the source was wrapped, not a space.
func collapse(dst, b []byte) []byte {
	start := len(dst)
	var prev rune
	space, nl := false, false
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		i += n
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00A0':
			space = true
			nl = nl || r == '\n' || r == '\r'
			continue
		case '\uFEFF':
			continue // invisible, and in the way of matching
		}
		if space && len(dst) > start && !(nl && isWide(prev) && isWide(r)) {
			dst = append(dst, ' ')
		}
		space, nl = false, false
		dst = utf8.AppendRune(dst, r)
		prev = r
	}
	return dst
}

func isWide(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}
