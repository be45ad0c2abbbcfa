package document

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/internal/utf8x"
)

// ErrNoText is returned by Parse for a text that holds nothing but page
// furniture and metadata: a saved web page whose report did not come along.
var ErrNoText = errors.New("除网页导航、页眉页脚等页面元素外没有正文:请确认保存的是报告全文")

// ParseOptions carry what the caller knows better than the text.
type ParseOptions struct {
	// Year, when not 0, is the year reported on; it wins over the year read
	// from the title or opening paragraph.
	Year int
	// Published, when not zero, is the date the report was made public; it
	// wins over the publication dates of the page's metadata. Only its
	// calendar day (in its own location) counts.
	Published time.Time
}

// A Source is a report's text as a reader decoded it (package decode),
// with what the file declared beside its text.
type Source struct {
	// Text is the report's text, lines separated by "\n".
	Text string
	// Headings maps 1-based line numbers to the outline level (1–4) the
	// file declared for them (a heading style, an HTML <h2>); nil for none.
	Headings map[int]int
	// Meta are a web page's date-like <meta> pairs, in document order.
	Meta []Meta
}

// Meta is one <meta name=… content=…> pair of a web page.
type Meta struct {
	Name    string // as written in the page
	Content string // whitespace-trimmed
}

// Parse builds the Document of a decoded report: it folds the text into the
// normalised view, splits lines, sets aside page furniture and metadata, and
// finds the signature date, the title, the report year, the outline, the
// inline enumerations, the sentences, the dates and their kinds, the digit
// runs that lost characters, the document numbers and the quantities the
// body states (see Document.Quantities). It reads the text once
// per structure and never fails on text that decoded; it returns ErrNoText
// when only furniture is left.
func Parse(t Source, opt ParseOptions) (*Document, error) {
	d := &Document{Text: t.Text}
	d.Norm, d.nmap, d.valid = norm.View(t.Text)
	d.splitLines()
	if !d.hasBody() {
		return nil, ErrNoText
	}
	d.markSignature()
	d.findTitle()
	d.findOutline(t.Headings)
	d.findSentences()
	glued := dates.FindGlued(d.Norm)
	d.findQuantities(glued)
	d.findEnumerations()
	d.findYear(opt.Year)
	d.findDates(opt.Published, t.Meta)
	d.yearFromDates()
	d.findGlued(glued)
	d.findDocNumbers()
	return d, nil
}

// splitLines cuts the view into lines and classifies each.
func (d *Document) splitLines() {
	s := d.Norm
	n := strings.Count(s, "\n") + 1
	d.Lines = make([]Line, 0, n)
	d.lineStarts = make([]int, 0, n)
	for start, num := 0, 1; ; num++ {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		r := trimRange(s, Range{start, end})
		d.lineStarts = append(d.lineStarts, start)
		if end-start > checkpointEvery {
			d.addCheckpoints(start, end, num)
		}
		d.Lines = append(d.Lines, Line{Range: r, Number: num, Kind: classify(s[r.Start:r.End])})
		if end == len(s) {
			break
		}
		start = end + 1
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// trimRange narrows r to exclude leading and trailing spaces.
func trimRange(s string, r Range) Range {
	for r.Start < r.End && isSpace(s[r.Start]) {
		r.Start++
	}
	for r.End > r.Start && isSpace(s[r.End-1]) {
		r.End--
	}
	return r
}

// trimSpace narrows r to exclude leading and trailing white space, line
// ends included.
func trimSpace(s string, r Range) Range {
	for r.Start < r.End && (isSpace(s[r.Start]) || s[r.Start] == '\n') {
		r.Start++
	}
	for r.End > r.Start && (isSpace(s[r.End-1]) || s[r.End-1] == '\n') {
		r.End--
	}
	return r
}

func (d *Document) hasBody() bool {
	for _, l := range d.Lines {
		if l.Kind == BodyLine {
			return true
		}
	}
	return false
}

// isTitle reports whether a line reads as a report's title: short, not a
// sentence, and naming a report, a summary or an account of the work.
func isTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 80 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("。;,:!?、", last) {
		return false
	}
	for _, w := range []string{"报告", "总结", "情况", "汇报"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// findSentences splits the body and heading lines into sentences on 。;!?
// and line ends. A heading's number is not part of its first sentence.
func (d *Document) findSentences() {
	d.Sentences = make([]Range, 0, len(d.Norm)/64) // a sentence every 20 characters or so
	headingAt := make(map[int]*Heading, len(d.Outline))
	for _, h := range d.Outline {
		if _, ok := headingAt[h.Line]; !ok && d.Lines[h.Line-1].Kind == HeadingLine {
			headingAt[h.Line] = h // the heading that starts the line, not one run on into it
		}
	}
	for _, l := range d.Lines {
		if l.Kind != BodyLine && l.Kind != HeadingLine {
			continue
		}
		start := l.Start
		if h := headingAt[l.Number]; h != nil {
			start = h.TextRange.Start
		}
		d.splitSentences(start, l.End)
	}
	if len(d.Sentences) == 0 {
		d.Sentences = nil
	}
}

// sentenceEnds are what ends a sentence in the view: 。;!? (full-width
// ;!? read as ASCII).
var sentenceEnds = [...]string{"。", ";", "!", "?"}

// splitSentences adds the sentences of the text [start, end), one line's.
// Each kind of sentence end is searched for on its own (IndexByte, or
// utf8x.Index for 。), and the nearest taken: an ASCII byte is always a
// character of its own, and E3 80 82 always 。.
func (d *Document) splitSentences(start, end int) {
	s := d.Norm[:end]
	var next [len(sentenceEnds)]int // the next of each at or after start, or end
	find := func(k, from int) int {
		var i int
		if k == 0 {
			i = utf8x.Index(s[from:], sentenceEnds[0])
		} else {
			i = strings.IndexByte(s[from:], sentenceEnds[k][0])
		}
		if i < 0 {
			return end
		}
		return from + i
	}
	for k := range next {
		next[k] = find(k, start)
	}
	for {
		k := 0
		for j := 1; j < len(next); j++ {
			if next[j] < next[k] {
				k = j
			}
		}
		if next[k] >= end {
			break
		}
		e := next[k] + len(sentenceEnds[k])
		d.addSentence(Range{start, e})
		start = e
		for j := range next {
			if next[j] < start {
				next[j] = find(j, start)
			}
		}
	}
	d.addSentence(Range{start, end})
}

func (d *Document) addSentence(r Range) {
	r = trimRange(d.Norm, r)
	if r.Len() > 0 {
		d.Sentences = append(d.Sentences, r)
	}
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', ';', '!', '?':
		return true
	}
	return false
}

// findEnumerations finds the inline "一是…二是…" items: a Chinese numeral
// followed by 是, at the start of a line or after punctuation (so "统一是" and
// "第一是" are not items).
func (d *Document) findEnumerations() {
	s := d.Norm
	h := -1 // innermost heading owning the current position
	for _, l := range d.Lines {
		if l.Kind != BodyLine && l.Kind != HeadingLine {
			continue
		}
		for i := l.Start; i < l.End; {
			j := utf8x.Index(s[i:l.End], "是")
			if j < 0 {
				break
			}
			at := i + j
			i = at + len("是")
			k := at
			for k > l.Start {
				r, w := utf8.DecodeLastRuneInString(s[l.Start:k])
				if !isOrdinalDigit(r) {
					break
				}
				k -= w
			}
			if k == at || at-k > 3*len("十") {
				continue
			}
			if k > l.Start {
				r, _ := utf8.DecodeLastRuneInString(s[l.Start:k])
				if !strings.ContainsRune("。;:,、)!? “\"%", r) {
					continue
				}
			}
			num := s[k:at]
			v, ok := ordinal(num)
			if !ok {
				continue
			}
			h = d.headingAt(k, h)
			d.Enumerations = append(d.Enumerations, Enumeration{
				Number: num, Ordinal: v, Range: Range{k, i}, Line: l.Number, Heading: h,
			})
		}
	}
}

// headingAt returns the index of the innermost heading whose text or body
// contains offset n, searching forward from hint (offsets only grow).
func (d *Document) headingAt(n, hint int) int {
	best := -1
	for i := max(hint, 0); i < len(d.Outline); i++ {
		h := d.Outline[i]
		if h.Range.Start > n {
			break
		}
		if n < h.Body.End {
			best = i
		}
	}
	if best < 0 && hint >= 0 {
		// n may lie after the hinted heading's body, in an enclosing one.
		for p := d.Outline[hint].Parent; p >= 0; p = d.Outline[p].Parent {
			if n < d.Outline[p].Body.End {
				return p
			}
		}
	}
	return best
}

// findYear reads the year reported on from the title, else from the opening
// paragraph (the first prose before the first heading: see openingLine). A
// year the caller gave wins.
func (d *Document) findYear(caller int) {
	if d.Title != nil {
		d.TitleYear, d.titleYearRange, _ = titleYearIn(d.Norm, d.Title.Range)
	}
	if i := d.openingLine(); i >= 0 {
		d.OpeningYear, d.openingYearRange, _ = d.YearIn(d.Lines[i].Range)
	}
	switch {
	case caller != 0:
		d.Year, d.YearFrom = caller, "caller"
	case d.TitleYear != 0:
		d.Year, d.YearFrom, d.YearRange = d.TitleYear, "title", d.titleYearRange
	case d.OpeningYear != 0:
		d.Year, d.YearFrom, d.YearRange = d.OpeningYear, "opening", d.openingYearRange
	}
}

// yearFromDates falls back, when neither the caller, the title nor the
// opening paragraph names the year reported on, to the year the report's own
// date implies: the publication date, else the signing date.
// A report dated in the first half of a year reports on the year before (it
// is due by 1 April); one dated in the second half, on that year (a
// year-end summary).
func (d *Document) yearFromDates() {
	if d.Year != 0 {
		return
	}
	dd, ok := d.Published()
	if !ok {
		dd, ok = d.Signed()
	}
	if !ok {
		return
	}
	y := dd.Date.Year
	if dd.Date.Month <= 6 {
		y--
	}
	d.Year, d.YearFrom, d.YearRange = y, "date", dd.Range
}

// YearIn finds the first year in r that names a year ("2020年", "2020年度",
// "二〇二〇年"), skipping dates ("2021年3月"), periods ("2015—2020年") and
// titles quoted in 《》.
func (d *Document) YearIn(r Range) (int, Range, bool) {
	return yearIn(d.Norm, r)
}
