package quantity

import (
	"math/big"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// Extract returns every quantity in s, in text order; the quantities do not
// overlap. It reads s once, holds no state between calls and is safe for
// concurrent use.
func Extract(s string) []Quantity {
	qs, _ := extract(s, false)
	return qs
}

// An Extractor reads the quantities of many texts one after another (the
// lines of a report, say), appending them to one slice and keeping their
// values in shared allocations. Its zero value is ready to use; it is not
// safe for concurrent use.
type Extractor struct {
	rats  []big.Rat
	words []big.Word
}

// Append appends to qs the quantities of s, as Extract reads them, with
// their offsets (Start to AfterEnd) moved by base, the offset of s in a
// larger text; Label, After and Text are s's substrings as before.
func (e *Extractor) Append(qs []Quantity, s string, base int) []Quantity {
	sc := scanner{s: s, last: -1, chunk: 64, qs: qs, rats: e.rats, words: e.words}
	sc.run()
	e.rats, e.words = sc.rats, sc.words
	for i := len(qs); i < len(sc.qs); i++ {
		q := &sc.qs[i]
		q.Start += base
		q.End += base
		q.NumStart += base
		q.NumEnd += base
		q.LabelStart += base
		q.LabelEnd += base
		q.AfterStart += base
		q.AfterEnd += base
	}
	return sc.qs
}

// extract is Extract that, when clauses is set, also returns where each
// clause starts (for tests).
func extract(s string, clauses bool) ([]Quantity, []int) {
	sc := scanner{s: s, last: -1, chunk: len(s)/96 + 1}
	if clauses {
		sc.starts = []int{0}
	}
	// Reports state a quantity every 100 bytes or so; one allocation
	// usually holds them all.
	if len(s) >= 64 {
		sc.qs = make([]Quantity, 0, len(s)/96)
	}
	sc.run()
	if len(sc.qs) == 0 {
		return nil, sc.starts
	}
	return sc.qs, sc.starts
}

// Quotations and titles are looked for only this far (in bytes) from their
// opening mark, so that a stray “ or 《 hides a phrase, not a paragraph.
const (
	maxQuote = 64 * 3
	maxTitle = 160 * 3
)

// A scanner walks the text once, tracking clauses, lines and quotations, and
// reads a number wherever one starts.
type scanner struct {
	s  string
	qs []Quantity

	clause      int // index of the current clause
	clauseStart int // offset where it starts
	lineStart   int // offset where the current line starts
	mask        int // offsets below mask are inside a quotation or title
	last        int // index in qs of the last quantity of this clause, or -1

	// What the text before the scanning point says.
	growth bool // the clause has a growth word close to its last number
	part   bool // the sentence has 其中

	starts []int // where each clause starts, when not nil (for tests)

	// Storage for values, handed out one at a time (see ratInt).
	rats  []big.Rat
	words []big.Word
	chunk int
}

// A number is what arabic, chinese or percentOf found, before it becomes a
// Quantity.
type number struct {
	start, numStart, numEnd, end int
	mant                         *big.Int // digits without the point
	small                        int64    // the same when it fits, else -1
	decimals, scale              int
	approx                       Approx
	unit                         *unitDef
	unitText                     string
	reject                       bool // what follows makes it no quantity ("3个半月")
	negative                     bool // a minus sign stands before it (negativeSign)
}

func (sc *scanner) run() {
	s, stop := sc.s, stops()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case '0' <= c && c <= '9':
				if i >= sc.mask {
					i = sc.arabic(i)
					continue
				}
			case c == '\n':
				sc.endClause(i, i+1, true)
				sc.lineStart = i + 1
			case c == ',' || c == ':':
				if i >= sc.mask {
					sc.endClause(i, i+1, false)
				}
			case c == ';' || c == '!' || c == '?' || c == '\r':
				if i >= sc.mask {
					sc.endClause(i, i+1, true)
				}
			}
			i++
			continue
		}
		var r rune
		var n int
		if 0xE1 <= c && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// most of the text: a valid character of three bytes,
			// decoded inline, and stepped over unless it matters below
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			if stop[r>>6]&(1<<(r&63)) == 0 {
				i += 3
				continue
			}
		} else {
			r, n = utf8x.Decode(s[i:])
		}
		if i >= sc.mask && r >= '“' { // the first rune that matters
			switch r {
			case '、':
				sc.endClause(i, i+n, false)
			case '。':
				sc.endClause(i, i+n, true)
			case '“':
				sc.mask = max(sc.mask, closing(s, i+n, '“', '”', maxQuote))
			case '《':
				sc.mask = max(sc.mask, closing(s, i+n, '《', '》', maxTitle))
			default:
				if isZhStart(r) {
					i = sc.chinese(i)
					continue
				}
			}
		}
		i += n
	}
	sc.endClause(len(s), len(s), true)
}

// stops marks the characters of three bytes that run acts on: clause ends,
// the marks that open quotations and titles, and isZhStart. Built on first
// use, as wordStarts.
var stops = sync.OnceValue(func() *runeSet {
	return newRuneSet("、。“《零〇○一二两三四五六七八九十百")
})

// closing returns the offset of the mark that closes a quotation or title
// opened just before from, or 0 when there is none within limit bytes on the
// same line. Titles nest (《…<…>…》 and 《…《…》…》); quotations do not, so a
// second “ before the ” means the first was stray.
func closing(s string, from int, open, close rune, limit int) int {
	depth := 0
	end := min(len(s), from+limit)
	for i := from; i < end; {
		r, n := utf8x.Decode(s[i:])
		switch r {
		case '\n', '\r':
			return 0
		case open:
			if open == '“' {
				return 0
			}
			depth++
		case close:
			if depth == 0 {
				return i
			}
			depth--
		}
		i += n
	}
	return 0
}

// endClause closes the clause ending at end; the next starts at next.
// sentence says the delimiter also ends the sentence.
func (sc *scanner) endClause(end, next int, sentence bool) {
	if sc.last >= 0 {
		sc.qs[sc.last].setAfter(sc.s, sc.qs[sc.last].End, end)
	}
	sc.clause++
	sc.clauseStart = next
	if sc.starts != nil {
		sc.starts = append(sc.starts, next)
	}
	sc.last = -1
	sc.growth = false
	if sentence {
		sc.part = false
	}
}

// prevEnd is where the text that may label the next quantity starts.
func (sc *scanner) prevEnd() int {
	if sc.last >= 0 {
		return sc.qs[sc.last].End
	}
	return sc.clauseStart
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// lastRune returns the rune ending at s[i] and its start, or (0, i).
func lastRune(s string, i int) (rune, int) {
	if i <= 0 {
		return 0, i
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return r, i - n
}

// arabic reads the Arabic number starting at s[i] and returns where scanning
// resumes.
func (sc *scanner) arabic(i int) int {
	s := sc.s
	t := readDigits(s, i)
	sign := negativeSign(s, i)
	if !t.ok || sc.arabicContext(i, &t, sign > 0) {
		return t.skip
	}
	n := number{start: i, numStart: i, numEnd: t.end, decimals: t.decimals}
	n.mant, n.small = t.mantissa(s)
	end := sc.suffix(&n, true)
	if n.reject {
		return t.skip
	}
	if sign > 0 {
		switch {
		case n.unit != nil && n.unit.kind == Percent && n.unit.canon == "%":
			n.start, n.negative = i-sign, true
		case s[i-sign:i] != "负":
			// Only a percentage after a minus sign is read: "-5" before
			// anything else is a code, a range's end or a part number.
			return t.skip
		}
		// 负 before anything but a percentage is a word: "胜负3场"
	}
	if n.unit == nil {
		if n.scale == 0 && t.isYear(s) || bareExcluded(s, end) || n.scale == 0 && t.decimals == 0 && isHotline(s[i:t.end]) {
			return t.skip
		}
	} else if n.unit.canon == "年" && t.isYear(s) || sc.fixed(&n, end) {
		return t.skip
	}
	n.end = end
	sc.emit(&n)
	return n.end
}

// digits describes a run of digits read by readDigits.
type digits struct {
	ok       bool
	start    int
	end      int // end of the number
	skip     int // where to resume when the number is not a quantity
	grouped  bool
	decimals int
	count    int // digits in all
}

// readDigits reads "4489", "4,489" or "99.13" at s[i]. A comma is a thousands
// separator only between a group of one to three digits and groups of exactly
// three ("4,489", "1,234,567"); otherwise it ends the clause. A second point
// ("2021.3.31", "1.2.3") makes a date or version, not a number.
func readDigits(s string, i int) digits {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	t := digits{ok: true, start: i, count: j - i}
	if j-i <= 3 {
		for j+4 <= len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			j += 4
			t.count += 3
			t.grouped = true
		}
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		t.decimals = k - j - 1
		t.count += t.decimals
		j = k
		if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1])) {
				j++
			}
			t.ok = false
		}
	}
	t.end, t.skip = j, j
	if t.count > MaxDigits {
		t.ok = false
	}
	return t
}

// mantissa returns the number's digits, point and commas removed, as an
// integer: small when it fits in an int64, else big.
func (t digits) mantissa(s string) (m *big.Int, small int64) {
	if t.count <= 18 {
		for _, c := range []byte(s[t.start:t.end]) {
			if isDigit(c) {
				small = small*10 + int64(c-'0')
			}
		}
		return nil, small
	}
	b := make([]byte, 0, t.count)
	for _, c := range []byte(s[t.start:t.end]) {
		if isDigit(c) {
			b = append(b, c)
		}
	}
	m, _ = new(big.Int).SetString(string(b), 10)
	return m, -1
}

// isYear reports whether the number is written like a year: four digits,
// no separators or point, from 1900 to 2100.
func (t digits) isYear(s string) bool {
	if t.count != 4 || t.grouped || t.decimals > 0 {
		return false
	}
	d := s[t.end-4 : t.end]
	return d >= "1900" && d <= "2100"
}

// arabicContext reports whether what surrounds the number at s[i:t.end]
// shows it is not a quantity, and sets t.skip past any range it heads.
func (sc *scanner) arabicContext(i int, t *digits, signed bool) bool {
	s := sc.s
	p, ps := lastRune(s, i)
	switch {
	case signed:
		// a minus sign (negativeSign): what comes before it was looked at
	case p < utf8.RuneSelf && (isLetter(byte(p)) || strings.ContainsRune("+-/~#_@\\.", p)):
		return true // O2O, 3+X, 2021-03-31, GB/T, v.2
	case p == ':' && ps > 0 && isDigit(s[ps-1]):
		return true // 14:27
	case p == ' ':
		if q, _ := lastRune(s, ps); q < utf8.RuneSelf && isLetter(byte(q)) {
			return true // GB/T 9704
		}
	case p == '—' || p == '–' || p == '〔' || p == '[' || p == '【' || p == '第':
		return true // 2015—2020 (the end), 〔2019〕, 第1批
	case p == '至' || p == '到':
		if q, _ := lastRune(s, ps); q < utf8.RuneSelf && isDigit(byte(q)) || q == '年' || q == '月' || q == '日' || q == '号' {
			return true // 2019111日至2020101日
		}
	}
	e := t.end
	if e < len(s) {
		c := s[e]
		switch {
		case isLetter(c) || c == '+' || c == '_' || c == '@':
			return true // 5G, 1+N
		case c == '/' || c == ':':
			if e+1 < len(s) && isDigit(s[e+1]) {
				return true // 2021/3/31, 14:27
			}
		}
		if k, ok := rangeEnd(s, e); ok {
			t.skip = k
			return true
		}
		r, _ := utf8x.Decode(s[e:])
		switch r {
		case '〕', ']', '】':
			return true // 〔2019〕
		}
	}
	return sc.isListNumber(i, *t)
}

// negativeSign returns the width of the minus sign before the number at
// s[i:] ("-", "−" or "负": "纠错率-5%", "满意率负3%"), or 0 when there is
// none. A hyphen after a digit, a letter or a percent sign joins a range
// or a code ("85%-90%", "1-5月", "GB-2"), and 正负 is a tolerance (±).
func negativeSign(s string, i int) int {
	p, ps := lastRune(s, i)
	if p != '-' && p != '−' && p != '负' {
		return 0
	}
	q, _ := lastRune(s, ps)
	switch {
	case p == '负' && q == '正':
		return 0
	case q == 0, q == '\n', q == ' ', q == ':', q == ',', q == ';', q == '(', q == '为':
	case q < utf8.RuneSelf, q == '%', q == '‰', q == '年', q == '月', q == '日', q == '号', q == '第', q == '至':
		return 0
	case !unicode.Is(unicode.Han, q):
		return 0
	}
	return i - ps
}

// rangeEnd reports whether s[e:] continues a range ("—2020", "-2025",
// "至5") and returns the end of its second number.
func rangeEnd(s string, e int) (int, bool) {
	k := e
	for k < len(s) {
		r, n := utf8x.Decode(s[k:])
		if r != '-' && r != '—' && r != '–' && r != '~' && r != '至' && r != '到' {
			break
		}
		k += n
	}
	if k == e || k >= len(s) || !isDigit(s[k]) {
		return e, false
	}
	for k < len(s) && (isDigit(s[k]) || s[k] == '.' && k+1 < len(s) && isDigit(s[k+1])) {
		k++
	}
	return k, true
}

// maxIndent is the most spaces a heading may be indented by (two full-width
// spaces are common; the limit keeps each check short).
const maxIndent = 32

// isListNumber reports whether the number at s[i:t.end] numbers a heading or
// list item: "1.深化…" or "2、" at the start of a line or sentence, "1)" at
// the start of a line, "(1)" anywhere.
func (sc *scanner) isListNumber(i int, t digits) bool {
	s := sc.s
	if t.decimals > 0 || t.grouped {
		return false
	}
	e := t.end
	if e >= len(s) {
		return false
	}
	next, _ := utf8x.Decode(s[e:])
	p, _ := lastRune(s, i)
	if p == '(' && next == ')' && t.count <= 2 {
		return true
	}
	if next != '.' && next != '、' && next != ')' {
		return false
	}
	if next == '.' && e+1 < len(s) && isDigit(s[e+1]) {
		return false
	}
	if i-sc.lineStart <= maxIndent && strings.TrimLeft(s[sc.lineStart:i], " \t") == "" {
		return true
	}
	return next != ')' && (p == '。' || p == ';' || p == '!' || p == '?')
}

// suffix reads what follows the number n: a multiplier, 余 or 多, the unit
// and a trailing marker, filling n and returning the end of the quantity.
// arabic says the number was written in Arabic digits, which may be followed
// by a space before the unit ("515 件") and by a multiplier.
func (sc *scanner) suffix(n *number, arabic bool) int {
	s := sc.s
	p := n.numEnd
	if arabic {
		q := p
		for k := 0; k < 2 && q < len(s) && (s[q] == ' ' || s[q] == '\t'); k++ {
			q++
		}
		if q > p {
			if u, _ := matchUnit(s, q); u == nil {
				return p // a space and no unit: the number stands alone
			}
			p = q
		}
	}
	multStart := p
	var m multDef
	u, e := matchUnit(s, p)
	if u == nil && arabic {
		var ok bool
		if m, p, ok = matchMult(s, p); ok {
			n.scale = m.scale
			u, e = matchUnit(s, p)
		}
	}
	multEnd := p
	approx := Exact
	if u == nil {
		// 余 and 多: "200余件", "1万余份", "30多人". 多 needs a unit after
		// it; 余 may end a number with a multiplier ("群众1万余").
		if r, w := utf8x.Decode(s[p:]); r == '余' || r == '多' {
			if u2, e2 := matchUnit(s, p+w); u2 != nil || r == '余' && m.text != "" {
				approx = AtLeast
				p += w
				u, e = u2, e2
			}
		}
	}
	unitStart := p
	written := s[p:e]
	if u != nil && u.canon == "个" {
		if u, e, written = unitAfterGe(s, p, u, e, &approx); u == nil {
			n.reject = true
			return p
		}
	}
	if u == nil {
		n.approx = approx
		if m.text != "" {
			n.unitText = m.text
		}
		return p
	}
	n.unit = u
	n.scale += u.scale
	switch {
	case m.text == "":
		n.unitText = written
	case multEnd == unitStart && len(written) == e-unitStart:
		n.unitText = s[multStart:e]
	default:
		n.unitText = m.text + written
	}
	if mk, e2, ok := suffixMarker(s, e); ok {
		approx = combine(approx, mk.approx)
		e = e2
	}
	n.approx = approx
	return e
}

// unitAfterGe handles 个 followed by 多, 余 or 半 before a unit of time:
// "3个多月" is more than three months; "3个半月" is no whole number, and
// yields no unit.
// It returns the unit, its end and the unit as written without the marker.
func unitAfterGe(s string, p int, u *unitDef, e int, approx *Approx) (*unitDef, int, string) {
	r, w := utf8x.Decode(s[e:])
	if r != '多' && r != '余' && r != '半' {
		return u, e, s[p:e]
	}
	for _, g := range geTime() {
		t := g.text[len("个"):]
		if !strings.HasPrefix(s[e+w:], t) {
			continue
		}
		if r == '半' {
			return nil, p, ""
		}
		*approx = combine(*approx, AtLeast)
		return g, e + w + len(t), g.text
	}
	return u, e, s[p:e]
}

// geTime are the units of time written with 个, found on first use.
var geTime = sync.OnceValue(func() []*unitDef {
	var us []*unitDef
	for _, t := range [...]string{"个月", "个小时", "个工作日"} {
		u, _ := matchUnit(t, 0)
		us = append(us, u)
	}
	return us
})
