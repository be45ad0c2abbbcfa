package quantity

import (
	"strings"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
	"github.com/ducha-dev/ducha/internal/zhnum"
)

// isZhStart reports whether a Chinese numeral or 百分之 may start at r.
// The financial numerals (壹, 伍, 陆 …) are left out: in a report they are
// far likelier to be words (队伍, 陆续, 拾) than numbers.
func isZhStart(r rune) bool {
	switch r {
	case '零', '〇', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百':
		return true
	}
	return false
}

// isZhNumeral reports whether r may continue a Chinese numeral.
func isZhNumeral(r rune) bool {
	switch r {
	case '零', '〇', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

func isZhPositional(r rune) bool {
	switch r {
	case '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// maxZhRunes is the longest Chinese numeral read; "九千九百九十九万九千九百九十九"
// has fifteen characters.
const maxZhRunes = 20

// chinese reads the Chinese numeral or 百分之 at s[i] and returns where
// scanning resumes.
func (sc *scanner) chinese(i int) int {
	s := sc.s
	if strings.HasPrefix(s[i:], "百分之") {
		return sc.percentOf(i)
	}
	run, end := zhRun(s, i)
	if end-i > maxZhRunes*3 {
		return end
	}
	if zhNotCount(s, i) {
		return end
	}
	if k, ok := zhRangeEnd(s, end); ok {
		return k
	}
	if !zhCountable(run) {
		return end
	}
	n := number{start: i, numStart: i}
	rel, ok := parseZh(run, &n)
	if !ok {
		return end
	}
	n.numEnd = i + rel
	e := sc.zhSuffix(&n, end)
	if n.unit == nil || n.reject {
		return end
	}
	if n.unit.canon == "年" && n.small >= 1900 && n.small <= 2100 || sc.fixed(&n, e) {
		return end
	}
	n.end = e
	sc.emit(&n)
	return n.end
}

// zhSuffix reads 余 or 多, the unit and a trailing marker after a Chinese
// numeral whose run ends at end.
func (sc *scanner) zhSuffix(n *number, end int) int {
	s := sc.s
	p := end
	approx := Exact
	if r, w := utf8x.Decode(s[p:]); r == '余' || r == '多' {
		if u, _ := matchUnit(s, p+w); u != nil {
			approx = AtLeast
			p += w
		}
	}
	u, e := matchUnit(s, p)
	written := s[p:e]
	if u != nil && u.canon == "个" {
		if u, e, written = unitAfterGe(s, p, u, e, &approx); u == nil {
			n.reject = true
			return end
		}
	}
	if u == nil {
		return end
	}
	n.unit = u
	n.scale += u.scale
	switch {
	case n.numEnd == end:
		n.unitText = written
	case p == end && len(written) == e-p:
		n.unitText = s[n.numEnd:e]
	default:
		n.unitText = s[n.numEnd:end] + written
	}
	if mk, e2, ok := suffixMarker(s, e); ok {
		approx = combine(approx, mk.approx)
		e = e2
	}
	n.approx = approx
	return e
}

// zhRun returns the Chinese numeral starting at s[i] ("两千零八",
// "九十九点一三") and its end. 点 joins the run only between digits.
func zhRun(s string, i int) (string, int) {
	j := i
	for j < len(s) {
		r, n := utf8x.Decode(s[j:])
		if isZhNumeral(r) {
			j += n
			continue
		}
		if r == '点' && j > i {
			if r2, _ := utf8x.Decode(s[j+n:]); zhDigit(r2) >= 0 {
				j += n
				continue
			}
		}
		break
	}
	return s[i:j], j
}

// zhNotCount reports whether the word before a Chinese numeral makes it an
// ordinal or an indefinite: 第一, 初三, 周二, 星期五, 数十, 几百, 每两年.
func zhNotCount(s string, i int) bool {
	p, ps := lastRune(s, i)
	switch p {
	case '第', '初', '周', '数', '几', '每', '逐', '统', '唯', '同', '之':
		return true
	case '期':
		q, _ := lastRune(s, ps)
		return q == '星'
	case '拜':
		q, _ := lastRune(s, ps)
		return q == '礼'
	}
	return false
}

// zhRangeEnd reports whether a range follows the numeral ("三至五年",
// "两到三个") and returns the end of its second numeral.
func zhRangeEnd(s string, e int) (int, bool) {
	r, n := utf8x.Decode(s[e:])
	if r != '至' && r != '到' && r != '-' && r != '—' && r != '~' {
		return e, false
	}
	r2, _ := utf8x.Decode(s[e+n:])
	if !isZhStart(r2) {
		return e, false
	}
	_, k := zhRun(s, e+n)
	return k, true
}

// zhCountable reports whether the numeral run may count: not a lone 一, 零 or
// 〇 ("一件事一次办", "统一", "零件"), and not a digit-by-digit numeral
// ("二〇二一", "七五", "八五普法").
func zhCountable(run string) bool {
	r, n := utf8x.Decode(run)
	if n == len(run) {
		switch r {
		case '一', '零', '〇', '○', '百', '千', '万', '亿':
			return false
		}
		return true
	}
	return !digitString(run)
}

// digitString reports whether the whole part of the numeral run is written
// digit by digit ("二〇二一", "七五"): two or more digits and no 十, 百, 千,
// 万 or 亿.
func digitString(run string) bool {
	if k := strings.Index(run, "点"); k >= 0 {
		run = run[:k]
	}
	if utf8.RuneCountInString(run) < 2 {
		return false
	}
	for _, r := range run {
		if isZhPositional(r) {
			return false
		}
	}
	return true
}

// parseZh reads the value of a Chinese numeral run into n: its value,
// decimals and scale. A trailing 万 or 亿 becomes the scale ("三万" → 3 and
// scale 4), as after an Arabic number; decimals follow 点 ("九十九点一三").
// It returns the length of the number within the run, multiplier excluded.
func parseZh(run string, n *number) (int, bool) {
	intPart, frac := run, ""
	if k := strings.Index(run, "点"); k >= 0 {
		intPart, frac = run[:k], run[k+len("点"):]
	}
	scale := 0
	if frac == "" {
		intPart, scale = cutZhMult(intPart)
	} else {
		frac, scale = cutZhMult(frac)
	}
	v, ok := zhnum.Parse(intPart)
	if !ok || v < 0 {
		return 0, false
	}
	for _, r := range frac {
		d := zhDigit(r)
		if d < 0 || v > 1e15 {
			return 0, false
		}
		v = v*10 + d
		n.decimals++
	}
	n.small = v
	n.scale = scale
	if frac == "" {
		return len(intPart), true
	}
	return len(intPart) + len("点") + len(frac), true
}

// cutZhMult cuts a trailing 万 or 亿 off a numeral that has something before
// it and no other 万 or 亿: "三万" → "三", 4; "三万五千" stays whole.
func cutZhMult(s string) (string, int) {
	for _, m := range [...]struct {
		s     string
		scale int
	}{{"万亿", 12}, {"亿", 8}, {"万", 4}} {
		if strings.HasSuffix(s, m.s) && len(s) > len(m.s) {
			rest := s[:len(s)-len(m.s)]
			if strings.ContainsAny(rest, "万亿") {
				return s, 0
			}
			return rest, m.scale
		}
	}
	return s, 0
}

// zhDigit returns the value of a Chinese digit, or -1.
func zhDigit(r rune) int64 {
	switch r {
	case '零', '〇', '○':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// percentOf reads "百分之九十" (and "百分之百") at s[i].
func (sc *scanner) percentOf(i int) int {
	s := sc.s
	j := i + len("百分之")
	if strings.HasPrefix(s[j:], "百") && !strings.HasPrefix(s[j:], "百分之") {
		if r, _ := utf8x.Decode(s[j+len("百"):]); !isZhNumeral(r) {
			n := number{start: i, numStart: j, numEnd: j + len("百"), small: 100}
			return sc.percentDone(&n, i)
		}
	}
	r, _ := utf8x.Decode(s[j:])
	if !isZhStart(r) {
		return j
	}
	run, end := zhRun(s, j)
	if end-j > maxZhRunes*3 {
		return end
	}
	n := number{start: i, numStart: j}
	if digitString(run) {
		return end // "百分之九五" is no way to write 95%
	}
	if rel, ok := parseZh(run, &n); !ok || n.scale != 0 || rel != len(run) {
		return end
	}
	n.numEnd = end
	return sc.percentDone(&n, i)
}

func (sc *scanner) percentDone(n *number, i int) int {
	s := sc.s
	n.unit = &percentUnit
	n.unitText = s[i : i+len("百分之")]
	e := n.numEnd
	if mk, e2, ok := suffixMarker(s, e); ok {
		n.approx = mk.approx
		e = e2
	}
	n.end = e
	sc.emit(n)
	return n.end
}

var percentUnit = unitDef{text: "百分之", canon: "%", kind: Percent}
