package document

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/internal/norm"
)

// DateKind says what a date of a report is.
type DateKind uint8

const (
	// PublishedDate is when the report was made public: a date after a
	// publication key in the page's metadata ("日期:2021-03-31",
	// "发布日期", "发布时间", "公开日期", "更新时间", in any of the forms
	// dates.Date.Key describes), a date alone on a line of the page's
	// header ("• 2023年03月30日 09时24分"), the dateline of a news repost
	// ("中新网 3月29日电"), or the date the caller gave
	// (ParseOptions.Published).
	PublishedDate DateKind = iota + 1
	// SignedDate is the report's own date (成文日期): the date alone on a
	// line under the text (落款, "2024年2月28日"), a 成文日期 in the
	// page's metadata, a cover letter's date above the report, or a
	// meeting's dateline ("(2025年4月29日在……会议上)").
	SignedDate
	// TextDate is any other date in the report ("4月10日召开…").
	TextDate
)

var dateKindNames = [...]string{"", "published", "signed", "text"}

// String returns "published", "signed" or "text", the names the JSON
// output uses.
func (k DateKind) String() string {
	if k > 0 && int(k) < len(dateKindNames) {
		return dateKindNames[k]
	}
	return fmt.Sprintf("DateKind(%d)", uint8(k))
}

// A DocDate is one date of the report and what it is.
type DocDate struct {
	Kind DateKind
	// Date is the date as package dates read it. A date written without a
	// year ("4月10日") has the year its place implies: the report year in
	// the text, the year after it in the publication metadata. It keeps
	// Year 0 when the report year is unknown.
	Date dates.Date
	// Range locates the date in Norm; it is empty for the caller's date.
	Range Range
	// Line is the 1-based line of the date, 0 for the caller's date and
	// for a date from the page's <meta> tags.
	Line int
	// Meta names the page's <meta> tag the date came from ("PubDate"), or
	// is empty.
	Meta string
}

// Given reports whether the date is the caller's rather than the page's.
func (d DocDate) Given() bool { return d.Line == 0 && d.Meta == "" }

// InText reports whether the date is written in the text (so findings can
// point at it), not given by the caller or a <meta> tag.
func (d DocDate) InText() bool { return d.Line != 0 }

// Usable reports whether the date names a day that exists, so that it can
// be compared with a deadline.
func (d DocDate) Usable() bool { return d.Date.Complete() && d.Date.Valid() }

// ISO returns the date as "2021-03-31", or "2020-08" when it names no day;
// "" when its year is unknown. An impossible date keeps its numbers as
// written ("2024-02-30").
func (d DocDate) ISO() string {
	t := d.Date
	switch {
	case t.Year == 0 || t.Month == 0:
		return ""
	case t.Day == 0:
		return fmt.Sprintf("%04d-%02d", t.Year, t.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", t.Year, t.Month, t.Day)
}

// Chinese returns the date as a message writes it: "2023年4月10日".
func (d DocDate) Chinese() string {
	t := d.Date
	switch {
	case t.Year == 0 || t.Month == 0:
		return t.Text
	case t.Day == 0:
		return fmt.Sprintf("%d年%d月", t.Year, t.Month)
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year, t.Month, t.Day)
}

// Compare compares the day d names with year y, month m, day day: -1 when
// it is earlier, 0 the same day, +1 later. It is meaningful only for a
// Usable date.
func (d DocDate) Compare(y, m, day int) int {
	a, b := d.Date.Year*10000+d.Date.Month*100+d.Date.Day, y*10000+m*100+day
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Published returns the date the report was made public: the caller's when
// given, else the earliest usable publication date of the page ("发布时间"
// before "更新时间"). It is false when there is none.
func (d *Document) Published() (DocDate, bool) {
	var best DocDate
	found := false
	for _, dd := range d.Dates {
		if dd.Kind != PublishedDate || !dd.Usable() {
			continue
		}
		if dd.Given() {
			return dd, true
		}
		if !found || dd.Compare(best.Date.Year, best.Date.Month, best.Date.Day) < 0 {
			best, found = dd, true
		}
	}
	return best, found
}

// Signed returns the report's own date: the first usable signed date (the
// 落款 under the text, or a 成文日期 in the metadata). It is false when
// there is none.
func (d *Document) Signed() (DocDate, bool) {
	for _, dd := range d.Dates {
		if dd.Kind == SignedDate && dd.Usable() {
			return dd, true
		}
	}
	return DocDate{}, false
}

// signatureWindow is how many substantive lines at the end of a report may
// hold its signature date: the date is the last line, or it is followed by
// a line or two that extraction put after it (抄送, an attachment's name).
const signatureWindow = 3

// markSignature finds the signature date (落款) among the last lines of the
// report, after at least one line of text, and marks its line as a
// SignatureLine so that it stays out of the sentences and the outline.
// Page furniture and metadata around it are skipped.
func (d *Document) markSignature() {
	seen := 0
	for i := len(d.Lines) - 1; i > 0 && seen < signatureWindow; i-- {
		l := &d.Lines[i]
		if l.Kind != BodyLine {
			continue
		}
		seen++
		if _, ok := dates.SignatureLine(d.Slice(l.Range)); ok && d.bodyBefore(i) {
			l.Kind = SignatureLine
			return
		}
	}
}

// bodyBefore reports whether a line of text comes before line index i.
func (d *Document) bodyBefore(i int) bool {
	for _, l := range d.Lines[:i] {
		if l.Kind == BodyLine {
			return true
		}
	}
	return false
}

// findDates reads every date of the report (dates.Find, once) and says what
// each is: a date after a publication key on a metadata line above or below
// the report's body is its publication date, one after 成文日期 and the signature
// line's are signing dates, dates in the report's own lines are text dates.
// Dates on furniture lines (a page's "今天是:2019年10月31日") and unkeyed
// dates on metadata lines are not the report's and are left out. The
// caller's publication date, when given, comes first; then the dates of the
// page's <meta> tags (a saved web page's "PubDate"), which are publication
// dates too.
func (d *Document) findDates(published time.Time, meta []Meta) {
	if !published.IsZero() {
		y, m, day := published.Date()
		d.Dates = append(d.Dates, DocDate{Kind: PublishedDate, Date: dates.Date{
			Text: fmt.Sprintf("%04d-%02d-%02d", y, int(m), day), Form: dates.ISO, Year: y, Month: int(m), Day: day,
		}})
	}
	for _, m := range meta {
		v, _ := norm.String(m.Content)
		for _, dt := range dates.Find(v) {
			if dt.Complete() {
				d.Dates = append(d.Dates, DocDate{Kind: PublishedDate, Date: dt, Meta: m.Name})
				break
			}
		}
	}
	first, last := d.bodySpan()
	for _, dt := range dates.Find(d.Norm) {
		l := d.LineAt(dt.Start)
		dd := DocDate{Range: Range{dt.Start, dt.End}, Line: l.Number}
		switch l.Kind {
		case FurnitureLine, MetaLine:
			if l.Number >= first && l.Number <= last {
				continue // a "时间:" line inside the body is not the page's
			}
			switch {
			case dates.IsPublishKey(dt.Key), dt.Key == "" && slices.Contains(d.pageDates, l.Number):
				dd.Kind = PublishedDate
			case dates.IsSignKey(dt.Key):
				dd.Kind = SignedDate
			default:
				continue
			}
			if d.Year != 0 {
				dt = dt.WithYear(d.Year + 1) // published in the year after the one reported on
			}
		case SignatureLine:
			dd.Kind = SignedDate // dates.SignatureLine: the line's one date
		default:
			dd.Kind = TextDate
			dt = d.withTextYear(dt)
		}
		dd.Date = dt
		d.Dates = append(d.Dates, dd)
	}
	d.findDateline(first)
}

// datelineWindow is how many lines from the start of the body a news
// dateline may stand on.
const datelineWindow = 3

// findDateline reads the dateline of a news item that reposts the report
// ("中新网 3月29日电 ……具体内容如下:", "新华社北京2024年3月29日电"), above
// or in the first lines of the body (which starts at line first), as a publication
// date: the original's, earlier than the repost's page date, which
// Published then does not take. A dateline without a year has the year of
// the page's date (the year before when its day comes later in the year),
// else the year after the one reported on.
func (d *Document) findDateline(first int) {
	for i := range d.Dates {
		dd := &d.Dates[i]
		if dd.Line > first+datelineWindow {
			return
		}
		if dd.Kind != TextDate || dd.Range.Start-d.LineAt(dd.Range.Start).Start > 120 {
			continue
		}
		after := d.Norm[dd.Range.End:]
		if !strings.HasPrefix(after, "电") && !strings.HasPrefix(after, "讯") {
			continue
		}
		dt := dd.Date
		if dt.Form == dates.MonthDay {
			dt.Year = 0
			y := 0
			if p, ok := d.pagePublished(); ok {
				y = p.Date.Year
				if p.Compare(y, dt.Month, dt.Day) < 0 {
					y--
				}
			} else if d.Year != 0 {
				y = d.Year + 1
			}
			if y == 0 {
				return
			}
			dt = dt.WithYear(y)
		}
		dd.Kind, dd.Date = PublishedDate, dt
		return
	}
}

// pagePublished returns the earliest usable publication date of the page
// (not the caller's).
func (d *Document) pagePublished() (DocDate, bool) {
	var best DocDate
	found := false
	for _, dd := range d.Dates {
		if dd.Kind == PublishedDate && dd.Usable() && !dd.Given() && (!found || dd.Compare(best.Date.Year, best.Date.Month, best.Date.Day) < 0) {
			best, found = dd, true
		}
	}
	return best, found
}

// withTextYear gives a date in the text written without a year the report
// year; "2月29日" that does not exist in the report year but does in the
// next is a date of next year's plan.
func (d *Document) withTextYear(dt dates.Date) dates.Date {
	if d.Year == 0 || dt.Year != 0 {
		return dt
	}
	if t := dt.WithYear(d.Year); t.Valid() || !dt.Valid() {
		return t
	}
	return dt.WithYear(d.Year + 1)
}

// bodySpan returns the first and last line numbers of the report's body:
// from the first heading or paragraph to the last line of text. Page
// metadata often sits between the title and the text, and a title that was
// not recognised as one is a short line without a full stop: neither starts
// the body. It returns 0, 0 when there is no body.
func (d *Document) bodySpan() (first, last int) {
	for _, l := range d.Lines {
		switch l.Kind {
		case HeadingLine, BodyLine, SignatureLine:
			if l.Number <= d.coverEnd {
				continue // a cover letter above the report
			}
			if first == 0 && (l.Kind == HeadingLine || d.isParagraph(l.Range)) {
				first = l.Number
			}
			last = l.Number
		}
	}
	if first == 0 {
		first = last
	}
	return first, last
}

// isParagraph reports whether a line reads as prose rather than a title:
// it has a sentence end, or it is longer than a title can be.
func (d *Document) isParagraph(r Range) bool {
	s := d.Slice(r)
	return strings.ContainsAny(s, "。;!?") || runeLen(s) > 80
}

// IsText reports whether a line of this kind is the report's own text
// (title, heading, paragraph, signature) rather than blank, furniture or
// the page's metadata.
func (k LineKind) IsText() bool {
	return k == TitleLine || k == HeadingLine || k == BodyLine || k == SignatureLine
}

// findGlued finds the digit runs of the report's own lines where
// extraction lost characters (dates.FindGlued, run once by Parse for this
// and findQuantities).
func (d *Document) findGlued(glued []dates.Glue) {
	for _, g := range glued {
		if d.LineAt(g.Start).Kind.IsText() {
			d.Glued = append(d.Glued, g)
		}
	}
}
