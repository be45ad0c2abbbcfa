// Package zhnum reads and writes Chinese numerals: the ordinals of headings
// ("十二", "二十"), counts ("两千零八", "一百零五", "三十五") and digit-by-digit
// years ("二〇二一").
package zhnum

import "strings"

var digits = map[rune]int64{
	'零': 0, '〇': 0, 'О': 0, '○': 0,
	'一': 1, '壹': 1, '二': 2, '贰': 2, '两': 2, '三': 3, '叁': 3, '四': 4, '肆': 4,
	'五': 5, '伍': 5, '六': 6, '陆': 6, '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

var units = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

var bigUnits = map[rune]int64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// IsDigit reports whether r is a Chinese digit (零〇一二两…九).
func IsDigit(r rune) bool { _, ok := digits[r]; return ok }

// IsNumeral reports whether r can appear in a Chinese numeral.
func IsNumeral(r rune) bool {
	if _, ok := digits[r]; ok {
		return true
	}
	if _, ok := units[r]; ok {
		return true
	}
	_, ok := bigUnits[r]
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
		if _, ok := digits[r]; ok {
			continue
		}
		if _, ok := units[r]; ok {
			positional = true
			continue
		}
		if _, ok := bigUnits[r]; ok {
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
			n = n*10 + digits[r]
		}
		return n, true
	}
	return parsePositional(s)
}

func parsePositional(s string) (int64, bool) {
	var total, section, digit int64
	haveDigit := false
	lastUnit := int64(0) // the unit last applied inside the section, to reject "十百"
	prevZero := false
	for _, r := range s {
		if d, ok := digits[r]; ok {
			if haveDigit && !prevZero && d != 0 {
				return 0, false // two digits in a row: "一二十"
			}
			prevZero = d == 0
			if d != 0 {
				digit, haveDigit = d, true
			}
			continue
		}
		if u, ok := units[r]; ok {
			if lastUnit != 0 && u >= lastUnit {
				return 0, false
			}
			if !haveDigit {
				if u != 10 {
					return 0, false // only "十" stands without a digit: "十二"
				}
				digit = 1
			}
			section += digit * u
			digit, haveDigit, lastUnit, prevZero = 0, false, u, false
			continue
		}
		u := bigUnits[r]
		section += digit
		if section == 0 {
			return 0, false
		}
		if total != 0 && total < u && u == 1e8 {
			total = (total + section) * u
		} else {
			total += section * u
		}
		section, digit, haveDigit, lastUnit, prevZero = 0, 0, false, 0, false
		if total > 1e16 {
			return 0, false
		}
	}
	return total + section + digit, true
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
