package document

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/quantity"
)

// A Document is a report as ducha reads it: the original text, its normalised
// view, and the structure recognised in it. It is built once per report by
// Parse and only read after that, so any number of checks (and goroutines)
// may share it.
//
// All Ranges index Norm, the normalised view: full-width ASCII folded to
// half-width ("（一）" reads "(一)", "，" reads ","), the ideographic space to a
// space. Norm has exactly the runes of Text, one for one, so lines and columns
// agree; Position and Span convert offsets back to the original.
type Document struct {
	// Text is the decoded original text.
	Text string
	// Norm is the normalised view that every pattern matches against.
	Norm string
	// Lines are all the lines of the text, with what each was recognised as.
	Lines []Line
	// Title is the report's title line, or nil when it has none.
	Title *Title
	// Year is the year reported on (2020 for the report on 2020 published in
	// 2021), or 0 when it could not be told.
	Year int
	// YearFrom says where Year came from: "title", "opening" (the opening
	// paragraph), "caller" (given by the user, which wins over the text) or
	// "date" (implied by the report's publication or signing date when the
	// text names no year: 2023 for a report dated 2024-03-20; the checks of
	// that date against the year, being circular, do not run).
	YearFrom string
	// YearRange locates the year in the text; empty when YearFrom is
	// "caller", or "date" with a date not written in the text.
	YearRange Range
	// TitleYear and OpeningYear are the years the title and the opening
	// paragraph name, 0 when they name none.
	TitleYear, OpeningYear int
	// Outline lists the numbered headings in text order.
	Outline []*Heading
	// Enumerations are the inline "一是…二是…" items, in text order.
	Enumerations []Enumeration
	// Sentences are the body's sentences (split on 。;!? and line ends), in
	// text order, excluding page furniture, metadata and the title.
	Sentences []Range
	// Dates are the report's dates in text order, each with its kind
	// (published, signed, in the text); the caller's publication date, when
	// given, comes first. See Published and Signed.
	Dates []DocDate
	// Glued are the digit runs of the report's lines where extraction lost
	// characters ("2019111日" for 2019年11月1日, "厅字〔201928"), in text
	// order; their offsets index Norm.
	Glued []dates.Glue
	// DocNumbers are the strings of the report's lines that read as a
	// 发文字号 ("国发〔2021〕33号", "国发[2021]33号"), in text order.
	DocNumbers []DocNumber
	// Quantities are the numbers the body and headings state, with their
	// units and labels (package quantity), in text order; their offsets
	// index Norm. QuantitySentence says which sentence holds each.
	Quantities []quantity.Quantity

	nmap        norm.Map
	valid       bool // Norm is valid UTF-8
	checkpoints []checkpoint
	lineStarts  []int // offset of each line's first byte, spaces included
	tops        []int // indexes in Outline of the headings without a parent

	titleYearRange, openingYearRange Range

	pageDates []int // lines of the header that hold the page's date alone (isPageDate)
	coverEnd  int   // line of a cover letter's date, 0 when there is none

	quantitySentence []int32     // per Quantities: index in Sentences, or -1
	quantityRunes    [][2]uint64 // per Quantities: RuneMask of Label and After
}

// LineKind says what a line was recognised as.
type LineKind uint8

const (
	// BlankLine has nothing but spaces.
	BlankLine LineKind = iota
	// FurnitureLine is web-page furniture: navigation ("首页 > …"), buttons
	// ("【打印本页】"), footers ("扫一扫在手机打开当前页面").
	FurnitureLine
	// MetaLine is page metadata: "来源:… 日期:…", "索引号:", "公开日期:".
	MetaLine
	// TitleLine is the report's title.
	TitleLine
	// HeadingLine starts with a heading number (and may run on into text).
	HeadingLine
	// BodyLine is a paragraph of the report.
	BodyLine
	// SignatureLine is the date under the report (落款日期, "2024年2月28日"),
	// possibly after the issuer ("开阳县人民政府 2024年2月28日"). It is not
	// part of the body's sentences or of the last heading's text.
	SignatureLine
)

var lineKindNames = [...]string{"blank", "furniture", "meta", "title", "heading", "body", "signature"}

func (k LineKind) String() string {
	if int(k) < len(lineKindNames) {
		return lineKindNames[k]
	}
	return "LineKind(?)"
}

// A Line is one line of the text.
type Line struct {
	// Range is the line's text, without its line end and without leading or
	// trailing spaces.
	Range
	// Number is the 1-based line number.
	Number int
	// Kind is what the line was recognised as.
	Kind LineKind
}

// OriginalTitle is the report's title as the report writes it (not
// normalised), on one line: a title split over two lines is joined without
// the break and the spaces around it. Empty when the report has no title.
func (d *Document) OriginalTitle() string {
	if d.Title == nil {
		return ""
	}
	lines := strings.Split(d.Original(d.Title.Range), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "")
}

// Title is the report's title line.
type Title struct {
	Text  string // normalised
	Range Range
	Line  int
}

// NumberStyle is the way a heading is numbered.
type NumberStyle uint8

const (
	// NoNumber is a heading whose number was lost or that a source style
	// (a .docx heading) marked as one.
	NoNumber NumberStyle = iota
	// ChineseComma is "一、".
	ChineseComma
	// ChineseParen is "(一)".
	ChineseParen
	// ArabicDot is "1.".
	ArabicDot
	// ArabicComma is "1、".
	ArabicComma
	// ArabicParen is "(1)".
	ArabicParen
)

var styleNames = [...]string{"", "一、", "(一)", "1.", "1、", "(1)"}

func (s NumberStyle) String() string {
	if int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "?"
}

// A Heading is a numbered heading of the outline.
type Heading struct {
	// Level is 1 for "一、", 2 for "(一)", 3 for "1." and "1、", 4 for "(1)".
	Level int
	// Style is how the heading is numbered.
	Style NumberStyle
	// Number is the number as written ("一", "12"), or "" when it was lost.
	Number string
	// Ordinal is the number's value (一 → 1), or 0 when it was lost.
	Ordinal int
	// Text is the heading's words without the number, normalised. For a
	// heading that runs on into its paragraph ("(二)完善依法行政制度。按照…")
	// it is the first sentence, without the full stop.
	Text string
	// Line is the 1-based line the heading is on.
	Line int
	// Range covers the number and Text.
	Range Range
	// Body is the text the heading owns: from after Range (and the full
	// stop ending a run-in heading) up to the next heading at its level or
	// above, or the end of the report's body.
	Body Range
	// Parent is the index in Outline of the enclosing heading, or -1.
	Parent int
	// TextRange covers Text alone.
	TextRange Range

	// Broken says what is wrong with the heading's number ("行首只剩“)”,编号
	// 缺失"), or is empty when the number is whole.
	Broken string
}

// Label returns the heading as a reader quotes it: number and words.
func (h *Heading) Label() string {
	switch h.Style {
	case ChineseComma:
		return h.Number + "、" + h.Text
	case ChineseParen:
		return "(" + h.Number + ")" + h.Text
	case ArabicDot:
		return h.Number + "." + h.Text
	case ArabicComma:
		return h.Number + "、" + h.Text
	case ArabicParen:
		return "(" + h.Number + ")" + h.Text
	}
	return h.Text
}

// An Enumeration is one inline item of a "一是…二是…三是…" list.
type Enumeration struct {
	// Number is the numeral as written ("一"); Ordinal its value.
	Number  string
	Ordinal int
	// Range covers the marker ("一是").
	Range Range
	// Line is the 1-based line number.
	Line int
	// Heading is the index in Outline of the innermost heading that owns the
	// item, or -1.
	Heading int
}

// Slice returns the normalised text of r.
func (d *Document) Slice(r Range) string {
	if r.Start < 0 || r.End > len(d.Norm) || r.Start > r.End {
		return ""
	}
	return d.Norm[r.Start:r.End]
}

// Original returns the original text of r (the view's range mapped back),
// for showing the report's own words: "（一）" where the view reads "(一)".
func (d *Document) Original(r Range) string {
	s, e := d.nmap.Orig(r.Start), d.nmap.Orig(r.End)
	if s < 0 || e > len(d.Text) || s > e {
		return ""
	}
	return d.Text[s:e]
}

// LineAt returns the line containing offset n of the normalised view.
func (d *Document) LineAt(n int) *Line {
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > n }) - 1
	return &d.Lines[max(i, 0)]
}

// Chars counts the characters of r that are not spaces.
func (d *Document) Chars(r Range) int {
	s := d.Slice(r)
	// Spaces are ASCII, which never occurs inside the encoding of another
	// character.
	return d.runeCount(s) - strings.Count(s, " ") - strings.Count(s, "\t") - strings.Count(s, "\n") - strings.Count(s, "\r")
}

// runeLen is the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Top returns where a finding about the whole report goes: the title, or
// the first sentence of the body when there is no title.
func (d *Document) Top() Range {
	if d.Title != nil {
		return d.Title.Range
	}
	if len(d.Sentences) > 0 {
		return d.Sentences[0]
	}
	return Range{}
}
