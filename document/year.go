package document

import (
	"strings"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/zhnum"
)

// yearIn finds the first year written "2020年" or "2020年度" (or
// "二〇二〇年") in s[r.Start:r.End] that names a year rather than part of a
// date ("2021年3月"), a period ("2015—2020年") or a title quoted in 《》.
func yearIn(s string, r Range) (int, Range, bool) {
	depth := 0 // inside 《》
	t := s[r.Start:r.End]
	for i := 0; i < len(t); {
		c, w := utf8.DecodeRuneInString(t[i:])
		switch {
		case c == '《':
			depth++
		case c == '》':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (isASCIIDigit(c) || zhnum.IsDigit(c)):
			j, val, ok := scanYear(t, i)
			if ok && !rangeBefore(t, i) && !monthAfter(t, j) {
				return val, Range{r.Start + i, r.Start + j}, true
			}
			if j > i {
				i = j
				continue
			}
		}
		i += w
	}
	return 0, Range{}, false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// scanYear reads four digits (Arabic or Chinese) and 年 at t[i:], returning
// the offset after 年 (or after the digits, when they are not a year).
func scanYear(t string, i int) (int, int, bool) {
	j := i
	n := 0
	chinese := false
	for j < len(t) && n < 5 {
		c, w := utf8.DecodeRuneInString(t[j:])
		if isASCIIDigit(c) {
			if chinese {
				break
			}
		} else if zhnum.IsDigit(c) && c != '两' {
			if n > 0 && !chinese {
				break
			}
			chinese = true
		} else {
			break
		}
		j += w
		n++
	}
	if n != 4 || !strings.HasPrefix(t[j:], "年") {
		return j, 0, false
	}
	v, ok := int64(0), true
	if chinese {
		v, ok = zhnum.Parse(t[i:j])
	} else {
		for _, c := range t[i:j] {
			v = v*10 + int64(c-'0')
		}
	}
	if !ok || v < 1949 || v > 2100 {
		return j, 0, false
	}
	// a digit right before means this is the tail of a longer number
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(t[:i])
		if isASCIIDigit(p) || (chinese && zhnum.IsDigit(p)) {
			return j, 0, false
		}
	}
	return j + len("年"), int(v), true
}

// rangeBefore reports whether the year at t[i:] closes a period such as
// "2015—2020年" or "2021-2025年".
func rangeBefore(t string, i int) bool {
	p, w := utf8.DecodeLastRuneInString(t[:i])
	if !strings.ContainsRune("-—–~～至到", p) {
		return false
	}
	q, _ := utf8.DecodeLastRuneInString(t[:i-w])
	return isASCIIDigit(q) || q == '年'
}

// monthAfter reports whether a month follows: "2021年3月" is a date.
func monthAfter(t string, j int) bool {
	k := j
	for k < len(t) && k-j < 6 {
		c, w := utf8.DecodeRuneInString(t[k:])
		if !isASCIIDigit(c) && !zhnum.IsDigit(c) && c != '十' {
			break
		}
		k += w
	}
	return k > j && strings.HasPrefix(t[k:], "月")
}
