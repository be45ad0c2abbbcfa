// Package zhnum reads and writes Chinese numerals: the ordinals of headings
// ("十二", "二十"), counts ("两千零八", "一百零五", "三十五") and digit-by-digit
// years ("二〇二一").
package zhnum

import "strings"

// digit is the value of a Chinese digit. The three tables are switches, not
// maps: nothing to build when the program starts, and a lookup is a few
// comparisons.
func digit(r rune) (int64, bool) {
	switch r {
	case '零', '〇', 'О', '○':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '贰', '两':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// unit is the value of a unit below 万.
func unit(r rune) (int64, bool) {
	switch r {
	case '十', '拾':
		return 10, true
	case '百', '佰':
		return 100, true
	case '千', '仟':
		return 1000, true
	}
	return 0, false
}

// bigUnit is the value of 万 or 亿.
func bigUnit(r rune) (int64, bool) {
	switch r {
	case '万', '萬':
		return 1e4, true
	case '亿', '億':
		return 1e8, true
	}
	return 0, false
}

// IsDigit reports whether r is a Chinese digit (零〇一二两…九).
func IsDigit(r rune) bool { _, ok := digit(r); return ok }

// IsNumeral reports whether r can appear in a Chinese numeral.
func IsNumeral(r rune) bool {
	if _, ok := digit(r); ok {
		return true
	}
	if _, ok := unit(r); ok {
		return true
	}
	_, ok := bigUnit(r)
	return ok
}

// Parse returns the value of the Chinese numeral s, or false when s is not
// one. It accepts positional numerals ("两千零八", "十二", "一百零五",
// "三万五千") and digit strings ("二〇二一", "一九").
func Parse(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	positional := false
	for _, r := range s {
		if _, ok := digit(r); ok {
			continue
		}
		if _, ok := unit(r); ok {
			positional = true
			continue
		}
		if _, ok := bigUnit(r); ok {
			positional = true
			continue
		}
		return 0, false
	}
	if !positional {
		var n int64
		for _, r := range s {
			if n > 1e15 {
				return 0, false
			}
			d, _ := digit(r)
			n = n*10 + d
		}
		return n, true
	}
	return parsePositional(s)
}

func parsePositional(s string) (int64, bool) {
	var total, section, cur int64
	haveDigit := false
	lastUnit := int64(0) // the unit last applied inside the section, to reject "十百"
	prevZero := false
	for _, r := range s {
		if d, ok := digit(r); ok {
			if haveDigit && !prevZero && d != 0 {
				return 0, false // two digits in a row: "一二十"
			}
			prevZero = d == 0
			if d != 0 {
				cur, haveDigit = d, true
			}
			continue
		}
		if u, ok := unit(r); ok {
			if lastUnit != 0 && u >= lastUnit {
				return 0, false
			}
			if !haveDigit {
				if u != 10 {
					return 0, false // only "十" stands without a digit: "十二"
				}
				cur = 1
			}
			section += cur * u
			cur, haveDigit, lastUnit, prevZero = 0, false, u, false
			continue
		}
		u, _ := bigUnit(r)
		section += cur
		if section == 0 {
			return 0, false
		}
		if total != 0 && total < u && u == 1e8 {
			total = (total + section) * u
		} else {
			total += section * u
		}
		section, cur, haveDigit, lastUnit, prevZero = 0, 0, false, 0, false
		if total > 1e16 {
			return 0, false
		}
	}
	return total + section + cur, true
}

var ones = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Format writes n (0 ≤ n < 10000) as a Chinese ordinal of the kind headings
// use: 1 → "一", 10 → "十", 12 → "十二", 20 → "二十", 105 → "一百零五".
func Format(n int) string {
	if n < 0 || n >= 10000 {
		return ""
	}
	if n < 10 {
		return ones[n]
	}
	var b strings.Builder
	names := []string{"千", "百", "十", ""}
	divs := []int{1000, 100, 10, 1}
	zero := false
	started := false
	for i, d := range divs {
		q := n / d % 10
		if q == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(q == 1 && d == 10 && !started) {
			b.WriteString(ones[q])
		}
		b.WriteString(names[i])
		started = true
	}
	return b.String()
}
