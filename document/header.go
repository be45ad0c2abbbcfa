package document

import (
	"strings"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/dates"
)

// A published page puts a header above the report: the site's name, a
// breadcrumb, column names, a "今天是…" line, an index block, metadata lines
// and a bare date, sometimes a cover letter with its own date, and the title
// among them, once or twice, whole or split over two lines. The functions
// here read that header: up to the first heading or paragraph of the
// report's text.

// headerLines bounds how many lines of text the header may hold.
const headerLines = 40

// A titleCand is a line, or two adjacent lines, that may be the title.
type titleCand struct {
	first, last int // indexes in Lines
	r           Range
	text        string
	score       int
}

// findTitle reads the header: it marks the bare dates under the title
// (a page's publication date, or a cover letter's date, which is a
// signing date), the meeting datelines ("(2025年4月29日在……会议上)", a
// signing date too) and the lines of chrome above the title, and takes as
// the title the line of the header that reads most like a report's title
// (titleScore): it names 法治政府建设, a year, and ends with 报告 or 情况.
// Failing that, a 标题 or 名称 field of the page's metadata that does.
func (d *Document) findTitle() {
	var best titleCand
	prev, seen := -1, 0 // the last candidate line, for titles split in two
	var chrome []int    // candidate lines that are no paragraph, before any cover letter
	for i := 0; i < len(d.Lines); i++ {
		l := &d.Lines[i]
		if l.Kind != BodyLine {
			continue
		}
		if seen++; seen > headerLines {
			break
		}
		s := d.Slice(l.Range)
		if _, ok := matchHeading(s[junkPrefix(s):]); ok {
			break
		}
		if isPageDate(s) {
			l.Kind = MetaLine
			d.pageDates = append(d.pageDates, l.Number)
			prev = -1
			continue
		}
		if isMeetingDateline(s) {
			l.Kind = SignatureLine
			prev = -1
			continue
		}
		if d.isParagraph(l.Range) {
			if j := d.coverLetterDate(i); j > 0 {
				d.Lines[j].Kind = SignatureLine
				d.coverEnd = d.Lines[j].Number
				chrome = nil
				i, prev = j, -1
				continue
			}
			break
		}
		c := d.titleCand(i, i)
		if prev >= 0 && l.Number-d.Lines[prev].Number <= 2 && !endsTitle(d.Slice(d.Lines[prev].Range)) {
			if j := d.titleCand(prev, i); j.score > max(c.score, d.titleCand(prev, prev).score) {
				c = j
			}
		}
		if c.score > best.score || c.score == best.score && c.score > 0 && len(c.text) > len(best.text) {
			best = c
		}
		chrome = append(chrome, i)
		prev = i
	}
	if best.score == 0 {
		d.titleFromMeta()
		return
	}
	d.Title = &Title{Text: best.text, Range: best.r, Line: d.Lines[best.first].Number}
	for i := best.first; i <= best.last; i++ {
		if d.Lines[i].Kind == BodyLine {
			d.Lines[i].Kind = TitleLine
		}
	}
	key := strings.ReplaceAll(best.text, " ", "")
	for _, i := range chrome {
		l := &d.Lines[i]
		switch {
		case l.Kind != BodyLine:
		case i < best.first:
			if t := d.Slice(l.Range); !isIssuerLine(t) && !strings.ContainsAny(t, "0123456789") {
				l.Kind = FurnitureLine // the site's name, a column's; not the issuer or a 发文字号
			}
		case strings.ReplaceAll(d.Slice(l.Range), " ", "") == key:
			l.Kind = TitleLine // the title again, below the metadata
		}
	}
}

// titleCand scores lines first to last (adjacent lines of the header) as
// the title.
func (d *Document) titleCand(first, last int) titleCand {
	r := Range{d.Lines[first].Start, d.Lines[last].End}
	text := d.Slice(d.Lines[first].Range)
	if last != first {
		text += d.Slice(d.Lines[last].Range)
	}
	return titleCand{first: first, last: last, r: r, text: text, score: titleScore(text)}
}

// titleScore says how much s reads like the title of an annual report on
// rule-of-law government: 0 when it is no title at all (isTitle), more when
// it names 法治 or 依法行政 (4), a year (2) and ends with 报告, 情况, 总结 or
// 汇报 (1).
func titleScore(s string) int {
	if !isTitle(s) || isBreadcrumb(s) {
		return 0
	}
	n := 1
	if strings.Contains(s, "法治") || strings.Contains(s, "依法行政") {
		n += 4
	}
	if _, _, ok := titleYearIn(s, Range{0, len(s)}); ok {
		n += 2
	}
	if endsTitle(strings.TrimSuffix(s, "》")) {
		n++
	}
	return n
}

// endsTitle reports whether s ends as a title does.
func endsTitle(s string) bool {
	for _, w := range []string{"报告", "情况", "总结", "汇报"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// titleYearIn is yearIn for a title, which may be a document number and
// the title in 《》 ("X卫〔2024〕3号《…关于2023年度法治政府建设情况的报告》"):
// the year inside the 《》 that end the line is then the title's year.
func titleYearIn(s string, r Range) (int, Range, bool) {
	if y, yr, ok := yearIn(s, r); ok {
		return y, yr, ok
	}
	t := s[r.Start:r.End]
	if !strings.HasSuffix(t, "》") {
		return 0, Range{}, false
	}
	open := strings.LastIndex(t, "《")
	if open < 0 {
		return 0, Range{}, false
	}
	return yearIn(s, Range{r.Start + open + len("《"), r.End - len("》")})
}

// titleFromMeta takes the value of a 标题 or 名称 field in the page's
// metadata as the title, when it names 法治 and reads as one.
func (d *Document) titleFromMeta() {
	seen := 0
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Kind == BlankLine {
			continue
		}
		if seen++; seen > headerLines {
			return
		}
		if l.Kind != MetaLine {
			continue
		}
		s := d.Slice(l.Range)
		first, _ := utf8.DecodeRuneInString(s)
		if first != '标' && first != '名' {
			continue
		}
		n := metaKeyAt(s, first)
		if n < 0 {
			continue
		}
		rest := strings.TrimLeft(s[n:], " \t:|")
		v := Range{l.Start + len(s) - len(rest), l.End}
		if titleScore(rest) >= 5 {
			d.Title = &Title{Text: rest, Range: v, Line: l.Number}
			return
		}
	}
}

// bullets are the marks a page may put before its date.
const bullets = "•·●○▪◆◇■□★☆*>-— \t"

// isPageDate reports whether a line of the header holds nothing but a date
// and its time ("• 2023年03月30日 09时24分", "2024-01-23 10:05 星期二"), or
// a date and metadata ("2024-01-23 来源:司法局"): the page's date.
func isPageDate(s string) bool {
	t := strings.TrimLeft(s, bullets)
	if t == "" || t[0] < '0' || t[0] > '9' {
		if !strings.Contains(t, "年") {
			return false
		}
	}
	ds := dates.Find(t)
	if len(ds) == 0 || ds[0].Start != 0 || !ds[0].Complete() {
		return false
	}
	rest := strings.TrimLeft(t[ds[0].End:], " \t")
	rest = strings.TrimLeft(skipWeekday(skipClock(rest)), " \t")
	if rest == "" {
		return true
	}
	k := classify(rest)
	return k == MetaLine || k == FurnitureLine
}

// skipClock skips a time written "09时24分", "09时24分05秒" or "9:24".
func skipClock(s string) string {
	i := 0
	for i < len(s) && isASCIIDigit(rune(s[i])) {
		i++
	}
	if i == 0 || i > 2 {
		return s
	}
	switch {
	case strings.HasPrefix(s[i:], "时"):
		t := s[i+len("时"):]
		j := 0
		for j < len(t) && isASCIIDigit(rune(t[j])) {
			j++
		}
		if j > 0 && strings.HasPrefix(t[j:], "分") {
			t = t[j+len("分"):]
			k := 0
			for k < len(t) && isASCIIDigit(rune(t[k])) {
				k++
			}
			if k > 0 && strings.HasPrefix(t[k:], "秒") {
				t = t[k+len("秒"):]
			}
			return strings.TrimLeft(t, " ")
		}
	case strings.HasPrefix(s[i:], ":"):
		j := i + 1
		for j < len(s) && (isASCIIDigit(rune(s[j])) || s[j] == ':') {
			j++
		}
		return strings.TrimLeft(s[j:], " ")
	}
	return s
}

// skipWeekday skips "星期三", "周三" or "Wed" and "Wednesday".
func skipWeekday(s string) string {
	for _, p := range []string{"星期", "礼拜", "周"} {
		if strings.HasPrefix(s, p) {
			r, w := utf8.DecodeRuneInString(s[len(p):])
			if strings.ContainsRune("一二三四五六日天", r) {
				return s[len(p)+w:]
			}
		}
	}
	for _, p := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		if strings.HasPrefix(s, p) {
			i := len(p)
			for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
				i++
			}
			return s[i:]
		}
	}
	return s
}

// isMeetingDateline reports whether a line is the dateline of a report
// made at a meeting: "(2025年4月29日在区第十八届人大常委会第二十次会议上)",
// "——2021年4月29日在……会议上". Its date is the report's own date.
func isMeetingDateline(s string) bool {
	t := strings.TrimLeft(s, "(—-― ")
	if len(t) == len(s) || runeLen(s) > 100 {
		return false
	}
	ds := dates.Find(t)
	if len(ds) == 0 || ds[0].Start != 0 || ds[0].Year == 0 {
		return false
	}
	rest := t[ds[0].End:]
	return strings.Contains(rest, "会议") || strings.Contains(rest, "会上")
}

// coverWords mark a cover letter that sends the report on: "现呈送……,
// 请审阅。"
var coverWords = []string{"现呈送", "现报送", "呈报", "请审阅", "请审示", "请阅示", "请审定", "请批示"}

// coverLetterDate returns the index of the date line that closes the cover
// letter whose text is line i (a short paragraph with coverWords, then the
// sender's name, then the date), or 0 when line i is no cover letter.
func (d *Document) coverLetterDate(i int) int {
	s := d.Slice(d.Lines[i].Range)
	if runeLen(s) > 200 || !containsAny(s, coverWords) {
		return 0
	}
	for j, n := i+1, 0; j < len(d.Lines) && n < 3; j++ {
		l := d.Lines[j]
		if l.Kind != BodyLine {
			continue
		}
		n++
		t := d.Slice(l.Range)
		if _, ok := dates.SignatureLine(t); ok || isPageDate(t) {
			return j
		}
		if d.isParagraph(l.Range) {
			return 0
		}
	}
	return 0
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// openingLine returns the index of the report's opening paragraph, from
// which the year is read when the title names none: the first line of
// prose after the title (and after a cover letter) and before the first
// heading. Salutations ("市委全面依法治市委员会:"), the issuer's name alone
// ("大河乡人民政府"), table rows and short lines without punctuation (a
// subtitle, a site's name) are skipped. It returns -1 when there is none.
func (d *Document) openingLine() int {
	for i := range d.Lines {
		l := d.Lines[i]
		if l.Kind == HeadingLine {
			break
		}
		if l.Kind != BodyLine || l.Number <= d.coverEnd || d.Title != nil && l.Number <= d.Title.Line {
			continue
		}
		s := d.Slice(l.Range)
		switch {
		case isSalutation(s), isIssuerLine(s), isTableRow(s):
			continue
		case !d.isParagraph(l.Range) && !strings.ContainsAny(s, ",;:") && runeLen(s) <= 30:
			continue
		}
		return i
	}
	return -1
}

// isSalutation reports whether s addresses the report's readers:
// "市委全面依法治市委员会:", "主任、副主任、秘书长、各位委员:".
func isSalutation(s string) bool {
	if !strings.HasSuffix(s, ":") || runeLen(s) > 40 || strings.ContainsAny(s, "。;,") || strings.Contains(s, "如下") {
		return false
	}
	_, _, ok := yearIn(s, Range{0, len(s)})
	return !ok
}

// isIssuerLine reports whether s is only the name of a body ("大河乡人民政府",
// "中共××县委 ××县人民政府").
func isIssuerLine(s string) bool {
	if runeLen(s) > 30 || strings.ContainsAny(s, "。;,:、“”《》()") {
		return false
	}
	for _, e := range []string{"政府", "公署", "办公室", "办公厅", "委员会", "办事处", "局", "厅", "委", "院", "中心", "镇", "乡", "街道"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// isTableRow reports whether s is a row of a table (cells between "|" or
// tabs).
func isTableRow(s string) bool {
	return strings.Count(s, "|") >= 2 || strings.Count(s, "\t") >= 2
}

// junkPrefix returns the length of the junk a mirror site or a failed
// decoding left at the start of a line ("??", "锟斤拷", "�", "聽", zero-width
// spaces), which heading recognition skips.
func junkPrefix(s string) int {
	i := 0
	for i < len(s) {
		switch {
		case s[i] == '?' || s[i] == ' ':
			i++
		case strings.HasPrefix(s[i:], "锟斤拷"):
			i += len("锟斤拷")
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			switch r {
			case utf8.RuneError, '\u00a0', '聽', '\u200b', '\u200c', '\u200d', '\ufeff', '□', '\u00c2', '\u00c3':
				i += w
				continue
			}
			return i
		}
	}
	return i
}
