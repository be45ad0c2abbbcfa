// Package dates finds the dates written in a report: page metadata
// ("日期:2021-03-31 14:27"), the signature date under the text ("2024年2月28日",
// "二〇二四年二月二十八日") and dates in the body ("4月10日召开…", "2023年7月").
//
// It reads the normalised view of a report (full-width ASCII folded to
// half-width, see internal/norm) and returns byte offsets into that view. It
// says what each date is and whether it can exist; which date is the
// publication date and which the signing date is decided by the document
// parser, which knows the metadata lines and the last line: Date.Key,
// IsPublishKey and SignatureLine give it what it needs.
//
// The scanner makes one pass over the text, stopping only at ASCII digits and
// at "年"; everything else is skipped a character at a time. No regexps.
//
// What is not a date, by decision:
//   - a year alone ("2020年", "2020年度") and a period ("2015—2020年",
//     "2021-2025年"): they name years, which the document parser reads;
//   - a month alone ("8月底", "今年3月"): it names no day, and a check has
//     nothing to compare it with;
//   - numbers that only look like dates: versions ("2.0版", "1.2.3"),
//     decimals ("99.13", "20381.1万元"), document numbers ("〔2019〕28号"),
//     identifiers ("2021-03-31-0001", "2021-00123");
//   - years outside 1900–2099 ("1000年3月" is not read as a date);
//   - a month and day right after a year that is not one ("21年3月5日",
//     "3021年3月5日"): the year is doubtful, so is the date;
//   - month and day in Chinese numerals without a year ("三月五日").
package dates

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
	"github.com/ducha-dev/ducha/internal/zhnum"
)

// Form says how a date is written.
type Form uint8

const (
	ISO        Form = iota + 1 // "2021-03-31", "2021-03-31 14:27"
	Slash                      // "2021/3/31"
	Dot                        // "2021.3.31"
	Han                        // "2021年3月31日"
	HanNumeral                 // "二〇二一年三月三十一日", also "二〇二四年一月" (Day 0)
	YearMonth                  // "2021年3月"
	MonthDay                   // "3月31日": the year comes from the context
)

var formNames = [...]string{"", "ISO", "Slash", "Dot", "Han", "HanNumeral", "YearMonth", "MonthDay"}

func (f Form) String() string {
	if int(f) < len(formNames) && f != 0 {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", uint8(f))
}

// Date is one date as written in the text.
type Date struct {
	Start, End int // byte offsets of the whole date in the input
	Text       string
	Form       Form

	// Year, Month and Day are 0 when absent: "3月31日" has Year 0,
	// "2021年3月" has Day 0.
	Year, Month, Day int
	Hour, Minute     int
	HasTime          bool

	// Padded reports a zero-padded month or day ("2024年02月28日",
	// "2021-03-05"). It is the norm in ISO dates and against GB/T 9704 in
	// 年月日 dates: a check on signature dates can warn about it.
	Padded bool

	// Key is the metadata key right before the date on its line ("日期",
	// "发布日期", "发布时间", "公开日期", "更新时间", "成文日期", "生成日期",
	// "时间"…, see keyBefore), or "" when there is none: after a colon,
	// in brackets ("[ 发布日期 ]"), before white space or a table's "|".
	// A key counts only when it stands alone: "会议时间:2021年3月5日" has
	// no key.
	Key string

	// Problem is "" when the date can exist; otherwise it says in Chinese
	// what is wrong: "月份“13”不存在(应为1至12)", "2月没有30日(2月最多29日)",
	// "2023年2月没有29日(2023年不是闰年)".
	Problem string
}

// Valid reports whether the date can exist.
func (d Date) Valid() bool { return d.Problem == "" }

// Complete reports whether the date names a year, a month and a day.
func (d Date) Complete() bool { return d.Year != 0 && d.Month != 0 && d.Day != 0 }

// china is UTC+8 all year (no daylight saving since 1991); a fixed zone needs
// no time zone database on the machine.
var china = time.FixedZone("CST", 8*60*60)

// Time returns the instant the date names, at the start of the day unless a
// time is written, in loc (UTC+8 when loc is nil). It is false for dates
// that are not complete or not valid.
func (d Date) Time(loc *time.Location) (time.Time, bool) {
	if !d.Complete() || !d.Valid() {
		return time.Time{}, false
	}
	if loc == nil {
		loc = china
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, 0, 0, loc), true
}

// WithYear gives a date without a year ("2月29日") the year y from its
// context, and checks it again: 2月29日 does not exist in 2023. A date that
// has a year is returned unchanged.
func (d Date) WithYear(y int) Date {
	if d.Year != 0 {
		return d
	}
	d.Year = y
	if d.Problem == "" && d.Month == 2 && d.Day == 29 && !leap(y) {
		d.Problem = notLeap(y)
	}
	return d
}

// keys are the metadata keys a date may follow, longest first so that
// "发布日期" is not read as "日期".
var keys = []string{"发布日期", "发布时间", "公开日期", "公开时间", "发表时间", "更新时间", "更新日期", "成文日期", "成文时间", "生成日期", "印发日期", "发文日期", "发布于", "日期", "时间"}

// IsPublishKey reports whether a date after key is the page's publication
// date: 日期, 发布日期, 发布时间, 发布于, 公开日期, 公开时间, 发表时间,
// 更新时间, 更新日期, and 时间, which on a page's metadata line
// ("时间:2021-03-31 来源:司法局") is the publication time too. 成文日期,
// 成文时间, 生成日期, 印发日期 and 发文日期 are dates of the document itself,
// not of its publication: see IsSignKey.
func IsPublishKey(key string) bool {
	switch key {
	case "日期", "发布日期", "发布时间", "发布于", "公开日期", "公开时间", "发表时间", "更新时间", "更新日期", "时间":
		return true
	}
	return false
}

// IsSignKey reports whether a date after key is the document's own date
// (成文日期, 生成日期), the metadata counterpart of the signature line.
func IsSignKey(key string) bool {
	switch key {
	case "成文日期", "成文时间", "生成日期", "印发日期", "发文日期":
		return true
	}
	return false
}

// Find returns every date in s, valid or not, in order and without overlaps.
// It is safe for concurrent use.
func Find(s string) []Date {
	var out []Date
	last := 0  // end of the last date found: the Han lookback must not cross it
	nian := -1 // offset of the next 年 at or after i, once looked for
	for i := 0; i < len(s); {
		// Only digits and 年 start a date: go to the next of either.
		if nian < i {
			if k := utf8x.Index(s[i:], "年"); k >= 0 {
				nian = i + k
			} else {
				nian = len(s)
			}
		}
		if i = min(utf8x.NextDigit(s[:nian], i), nian); i == len(s) {
			break
		}
		c := s[i]
		switch {
		case isDigit(c):
			j := digitEnd(s, i)
			if d, ok := arabicAt(s, i, j); ok {
				d.Key = keyBefore(s, d.Start)
				out = append(out, d)
				i, last = d.End, d.End
				continue
			}
			i = j
		case c == 0xE5 && strings.HasPrefix(s[i:], "年"):
			if d, ok := hanNumeralAt(s, i, last); ok {
				d.Key = keyBefore(s, d.Start)
				out = append(out, d)
				i, last = d.End, d.End
				continue
			}
			i += len("年")
		default:
			i++
		}
	}
	return out
}

// SignatureLine reports whether line is a signature date (落款日期): a date
// with a year and nothing else on the (trimmed) line ("2024年2月28日",
// "二〇二四年二月二十八日"). An issuer before it, separated by a space, is
// accepted too ("开阳县人民政府 2024年2月28日"), since extraction sometimes
// joins the two lines of a signature. A date without a day ("2024年2月") is
// returned as well: it is a signature, though an incomplete one, and the
// caller can see Day 0. The offsets are in line as given.
func SignatureLine(line string) (Date, bool) {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 200 {
		return Date{}, false
	}
	ds := Find(line)
	if len(ds) != 1 || ds[0].Year == 0 {
		return Date{}, false
	}
	d := ds[0]
	if strings.TrimSpace(line[d.End:]) != "" {
		return Date{}, false
	}
	before := line[:d.Start]
	if strings.TrimSpace(before) == "" {
		return d, true
	}
	if !strings.HasSuffix(before, " ") || !isIssuer(strings.TrimSpace(before)) {
		return Date{}, false
	}
	return d, true
}

// issuerEnds are the last characters of the names of bodies that sign a
// report: 人民政府, 办公室, 委员会, 司法局, 行政公署, 街道办事处, 中心, 法院….
var issuerEnds = []string{"政府", "公署", "办公室", "办公厅", "委员会", "办事处", "局", "厅", "委", "院", "部", "处", "所", "中心", "镇", "乡", "街道"}

func isIssuer(s string) bool {
	if utf8.RuneCountInString(s) > 30 {
		return false
	}
	for _, r := range s {
		if r < 0x80 || strings.ContainsRune("、。,;:!?“”《》", r) {
			return false
		}
	}
	for _, e := range issuerEnds {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// keyBefore returns the metadata key right before start: "日期" in
// "来源:安定镇  日期:2021-03-31", "发布日期" in "【发布日期】:2021-03-31" and
// "[ 发布日期 ]2022-02-17", "发布时间" in "发布时间 2024年03月22日" and in the
// table row "发布日期: | 2025-02-14 |". Between key and date there must be
// a colon, a closing bracket, white space or a table's "|"; the key may be
// spaced out ("日    期:", as index blocks align it). The key must stand
// alone, at the start of the text or of a line or after a space, a tab, a
// "|" or a bracket, so that "会议时间:" and "出生日期:" in the body give no
// key.
func keyBefore(s string, start int) string {
	k := start
	for k > 0 && (s[k-1] == ' ' || s[k-1] == '\t' || s[k-1] == '|' || s[k-1] == ':') {
		k--
	}
	p := s[:k]
	switch {
	case strings.HasSuffix(p, "】"):
		p = p[:len(p)-len("】")]
	case strings.HasSuffix(p, "]"):
		p = p[:len(p)-1]
	case k == start:
		return "" // "日期2021-03-31": nothing between key and date
	}
	for _, key := range keys {
		b, ok := spacedSuffix(p, key)
		if !ok {
			continue
		}
		if b == 0 || strings.ContainsRune(" \t\n|[", rune(p[b-1])) || strings.HasSuffix(p[:b], "【") || strings.HasSuffix(p[:b], "】") {
			return key
		}
		return ""
	}
	return ""
}

// spacedSuffix reports whether p ends with key, with spaces allowed
// between its characters and after it ("日    期 "), and returns the offset
// where key starts.
func spacedSuffix(p, key string) (int, bool) {
	i := len(p)
	for i > 0 && p[i-1] == ' ' {
		i--
	}
	for j := len(key); j > 0; {
		_, w := utf8.DecodeLastRuneInString(key[:j])
		if !strings.HasSuffix(p[:i], key[j-w:j]) {
			return 0, false
		}
		i -= w
		j -= w
		if j > 0 {
			for i > 0 && p[i-1] == ' ' {
				i--
			}
		}
	}
	return i, true
}

// arabicAt reads a date that starts with the digit run s[i:j], if any.
func arabicAt(s string, i, j int) (Date, bool) {
	if i > 0 {
		// A run after "." or "/" or a letter is part of a number, a path
		// or a code: "99.13", "v2021", ".../2021/03/31".
		if p := s[i-1]; p == '.' || p == '/' || p == '_' || isLetter(p) {
			return Date{}, false
		}
	}
	switch n := j - i; {
	case n == 4:
		return yearFirst(s, i, j)
	case n <= 2:
		return monthDay(s, i, j)
	}
	return Date{}, false
}

// yearFirst reads "2021-03-31", "2021/3/31", "2021.3.31", "2021年3月31日"
// and "2021年3月" after the year s[i:j].
func yearFirst(s string, i, j int) (Date, bool) {
	y := atoi(s[i:j])
	if y < 1900 || y > 2099 || j >= len(s) {
		return Date{}, false
	}
	d := Date{Start: i, Year: y}
	var mText, dText string
	switch c := s[j]; c {
	case '-', '/', '.':
		m0, m1 := j+1, digitEnd(s, j+1)
		if m1-m0 < 1 || m1-m0 > 2 || m1 >= len(s) || s[m1] != c {
			return Date{}, false // "2021-2025", "2021.3", "2.0"
		}
		d0, d1 := m1+1, digitEnd(s, m1+1)
		if d1-d0 < 1 || d1-d0 > 2 {
			return Date{}, false
		}
		if d1+1 < len(s) && (s[d1] == c || s[d1] == '.') && isDigit(s[d1+1]) {
			return Date{}, false // "2021-03-31-0001", "2021.3.31.5": an identifier, a version
		}
		mText, dText = s[m0:m1], s[d0:d1]
		d.Form, d.End = Dot, d1
		switch c {
		case '-':
			d.Form = ISO
		case '/':
			d.Form = Slash
		}
	default:
		j = skipSpaces(s, j) // "2021 年 3 月 31 日", as PDF extraction spaces it
		if !strings.HasPrefix(s[j:], "年") {
			return Date{}, false
		}
		m0 := skipSpaces(s, j+len("年"))
		m1 := digitEnd(s, m0)
		k := skipSpaces(s, m1)
		if m1-m0 < 1 || m1-m0 > 2 || !strings.HasPrefix(s[k:], "月") {
			return Date{}, false // "2020年", "2020年度", "2020年35名"
		}
		mText = s[m0:m1]
		d.Form, d.End = YearMonth, k+len("月")
		if d0, d1, e, ok := dayAfter(s, d.End); ok {
			dText = s[d0:d1]
			d.Form, d.End = Han, e
		}
	}
	d.Month, d.Day = atoi(mText), atoi(dText)
	d.Padded = padded(mText) || padded(dText)
	d.Problem = problem(d.Year, d.Month, d.Day, mText, dText != "")
	if dText != "" {
		timeAfter(s, &d)
	}
	d.Text = s[d.Start:d.End]
	return d, true
}

// dayAfter reads " 31 日" (or 号) at k.
func dayAfter(s string, k int) (d0, d1, end int, ok bool) {
	d0 = skipSpaces(s, k)
	d1 = digitEnd(s, d0)
	if d1-d0 < 1 || d1-d0 > 2 {
		return 0, 0, 0, false
	}
	e := skipSpaces(s, d1)
	if strings.HasPrefix(s[e:], "日") || strings.HasPrefix(s[e:], "号") {
		return d0, d1, e + len("日"), true
	}
	return 0, 0, 0, false
}

// monthDay reads "3月31日" after the month s[i:j].
func monthDay(s string, i, j int) (Date, bool) {
	// "21年3月5日", "3021年3月5日": the year was not read as one, so the
	// month and day are not a date of their own.
	if b := skipSpacesBack(s, i); b >= len("年") && s[b-len("年"):b] == "年" {
		if b = skipSpacesBack(s, b-len("年")); b > 0 && isDigit(s[b-1]) {
			return Date{}, false
		}
	}
	k := skipSpaces(s, j)
	if !strings.HasPrefix(s[k:], "月") {
		return Date{}, false
	}
	d0, d1, e, ok := dayAfter(s, k+len("月"))
	if !ok {
		return Date{}, false // "8月底", "3月份"
	}
	mText, dText := s[i:j], s[d0:d1]
	d := Date{Start: i, End: e, Form: MonthDay, Month: atoi(mText), Day: atoi(dText)}
	d.Padded = padded(mText) || padded(dText)
	d.Problem = problem(0, d.Month, d.Day, mText, true)
	timeAfter(s, &d)
	d.Text = s[i:d.End]
	return d, true
}

// timeAfter extends d with a time written after it: "2021-03-31 14:27",
// "2021-03-31T14:27:05", "2021年3月31日 9:05".
func timeAfter(s string, d *Date) {
	k := d.End
	switch {
	case k < len(s) && s[k] == 'T' && d.Form == ISO:
		k++
	case k < len(s) && s[k] == ' ':
		k = skipSpaces(s, k)
	default:
		return
	}
	h1 := digitEnd(s, k)
	if h1-k < 1 || h1-k > 2 || h1 >= len(s) || s[h1] != ':' {
		return
	}
	m1 := digitEnd(s, h1+1)
	if m1-(h1+1) != 2 {
		return
	}
	end, sec := m1, -1
	if m1+1 < len(s) && s[m1] == ':' && isDigit(s[m1+1]) {
		s1 := digitEnd(s, m1+1)
		if s1-(m1+1) != 2 {
			return
		}
		end, sec = s1, atoi(s[m1+1:s1])
	}
	d.Hour, d.Minute, d.HasTime, d.End = atoi(s[k:h1]), atoi(s[h1+1:m1]), true, end
	if d.Problem != "" {
		return
	}
	switch {
	case d.Hour > 23:
		d.Problem = fmt.Sprintf("小时“%s”不存在(应为0至23)", s[k:h1])
	case d.Minute > 59:
		d.Problem = fmt.Sprintf("分钟“%s”不存在(应为0至59)", s[h1+1:m1])
	case sec > 59:
		d.Problem = fmt.Sprintf("秒“%s”不存在(应为0至59)", s[m1+1:end])
	}
}

// yearDigit returns the value of a character of a year written in Chinese
// numerals: "二〇二一", with "○" and the letter "O" that extraction often
// puts for "〇".
func yearDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零', '○', 'О', 'O', 'o':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// hanNumeralAt reads a date in Chinese numerals around the "年" at p:
// "二〇二一年三月三十一日", "二〇二四年一月". The year is the four characters
// before p, none of them before min.
func hanNumeralAt(s string, p, min int) (Date, bool) {
	start, y := p, 0
	for n := 0; n < 4; n++ {
		r, size := utf8.DecodeLastRuneInString(s[min:start])
		v, ok := yearDigit(r)
		if !ok || (n == 3 && (v == 0 || r < 0x80)) {
			return Date{}, false
		}
		y += v * pow10[n]
		start -= size
	}
	if y < 1900 || y > 2099 {
		return Date{}, false
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); zhnum.IsNumeral(r) || isDigitRune(r) || r == 'O' || r == 'o' {
		return Date{}, false // part of a longer number
	}
	m0 := p + len("年")
	m1 := numeralEnd(s, m0)
	if !strings.HasPrefix(s[m1:], "月") {
		return Date{}, false
	}
	month, ok := zhnum.Parse(s[m0:m1])
	if !ok {
		return Date{}, false
	}
	d := Date{Start: start, End: m1 + len("月"), Form: HanNumeral, Year: y, Month: int(month)}
	hasDay := false
	d0 := d.End
	if d1 := numeralEnd(s, d0); d1 > d0 && (strings.HasPrefix(s[d1:], "日") || strings.HasPrefix(s[d1:], "号")) {
		if day, ok := zhnum.Parse(s[d0:d1]); ok {
			d.Day, d.End, hasDay = int(day), d1+len("日"), true
		}
	}
	d.Problem = problem(d.Year, d.Month, d.Day, s[m0:m1], hasDay)
	d.Text = s[d.Start:d.End]
	return d, true
}

var pow10 = [...]int{1, 10, 100, 1000}

// numeralEnd returns the end of the run of at most three Chinese numerals
// (digits and 十) at i: a month or a day.
func numeralEnd(s string, i int) int {
	for n := 0; n < 3 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '十' && !zhnum.IsDigit(r) {
			break
		}
		i += size
	}
	return i
}

// problem says why year-month-day cannot exist, or "". mText is the month as
// written, quoted in the message; hasDay tells a written day 0 from no day.
func problem(y, m, d int, mText string, hasDay bool) string {
	if m < 1 || m > 12 {
		return fmt.Sprintf("月份“%s”不存在(应为1至12)", mText)
	}
	if !hasDay {
		return ""
	}
	max := daysIn[m]
	switch {
	case d < 1:
		return fmt.Sprintf("%d月没有%d日(日应从1起)", m, d)
	case d > max && m == 2:
		return fmt.Sprintf("2月没有%d日(2月最多29日)", d)
	case d > max:
		return fmt.Sprintf("%d月没有%d日(%d月只有%d日)", m, d, m, max)
	case m == 2 && d == 29 && y != 0 && !leap(y):
		return notLeap(y)
	}
	return ""
}

// daysIn is the most days each month can have (29 for February).
var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func notLeap(y int) string { return fmt.Sprintf("%d年2月没有29日(%d年不是闰年)", y, y) }

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func padded(t string) bool { return len(t) == 2 && t[0] == '0' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isDigitRune(r rune) bool { return '0' <= r && r <= '9' }

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// digitEnd returns the end of the run of ASCII digits at i.
func digitEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func skipSpacesBack(s string, i int) int {
	for i > 0 && s[i-1] == ' ' {
		i--
	}
	return i
}

// atoi reads a short run of ASCII digits; callers pass at most 8.
func atoi(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		n = n*10 + int(t[i]-'0')
	}
	return n
}
