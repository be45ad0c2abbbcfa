package document

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/zhnum"
)

// headingMatch is a heading number recognised at the start of a line.
type headingMatch struct {
	level  int
	style  NumberStyle
	number string
	end    int    // byte offset in the line after the number and its punctuation
	broken string // what is wrong with the number, if anything
}

// matchHeading recognises the heading numbers of GB/T 9704 (一、 (一) 1. (1))
// at the start of a trimmed, normalised line, and the remains of numbers lost
// in extraction: a line that starts with ")" or "、", "(一" without its
// closing parenthesis, "一)" without its opening one.
func matchHeading(s string) (headingMatch, bool) {
	if s == "" {
		return headingMatch{}, false
	}
	switch {
	case s[0] == '(':
		inner := strings.TrimLeft(s[1:], " ")
		num, rest := leadingNumber(inner)
		if num == "" {
			if strings.HasPrefix(inner, ")") && len(inner) > 1 {
				return headingMatch{level: 2, style: ChineseParen, end: 2, broken: "括号内编号缺失"}, true
			}
			return headingMatch{}, false
		}
		arabic := isASCIIDigit(rune(num[0]))
		level, style := 2, ChineseParen
		if arabic {
			level, style = 4, ArabicParen
		}
		if strings.HasPrefix(rest, ")") {
			return headingMatch{level: level, style: style, number: num, end: len(s) - len(rest) + 1}, true
		}
		if !arabic && startsWithWord(rest) && !strings.HasPrefix(rest, "是") {
			return headingMatch{level: level, style: style, number: num, end: len(s) - len(rest), broken: "缺少右括号“)”"}, true
		}
		return headingMatch{}, false
	case s[0] == ')':
		if len(s) > 1 && startsWithWord(s[1:]) {
			return headingMatch{level: 2, style: ChineseParen, end: 1, broken: "行首只剩“)”,编号缺失"}, true
		}
		return headingMatch{}, false
	case strings.HasPrefix(s, "、"):
		if startsWithWord(s[len("、"):]) {
			return headingMatch{level: 1, style: ChineseComma, end: len("、"), broken: "行首只剩“、”,编号缺失"}, true
		}
		return headingMatch{}, false
	}
	num, rest := leadingNumber(s)
	if num == "" {
		return headingMatch{}, false
	}
	if isASCIIDigit(rune(num[0])) {
		if len(num) > 3 {
			return headingMatch{}, false // a year or a count, not a heading number
		}
		switch {
		case strings.HasPrefix(rest, "、"):
			return headingMatch{level: 3, style: ArabicComma, number: num, end: len(s) - len(rest) + len("、")}, true
		case strings.HasPrefix(rest, "."):
			// "1.深化" is a heading, "2.7万件" and "2023.3.1" are not
			if len(rest) > 1 && !isASCIIDigit(rune(rest[1])) && rest[1] != '%' {
				return headingMatch{level: 3, style: ArabicDot, number: num, end: len(s) - len(rest) + 1}, true
			}
		}
		return headingMatch{}, false
	}
	switch {
	case strings.HasPrefix(rest, "、"):
		return headingMatch{level: 1, style: ChineseComma, number: num, end: len(s) - len(rest) + len("、")}, true
	case strings.HasPrefix(rest, ")") && startsWithWord(rest[1:]):
		return headingMatch{level: 2, style: ChineseParen, number: num, end: len(s) - len(rest) + 1, broken: "缺少左括号“(”"}, true
	}
	return headingMatch{}, false
}

// leadingNumber splits s into a leading number (Arabic digits, or Chinese
// numerals that form a valid number) and the rest, skipping spaces after it.
func leadingNumber(s string) (string, string) {
	i := 0
	if i < len(s) && isASCIIDigit(rune(s[i])) {
		for i < len(s) && isASCIIDigit(rune(s[i])) {
			i++
		}
	} else {
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !isOrdinalDigit(r) {
				break
			}
			i += w
		}
		if i == 0 || i > 3*len("十") {
			return "", s
		}
		if _, ok := ordinal(s[:i]); !ok {
			return "", s
		}
	}
	if i == 0 {
		return "", s
	}
	return s[:i], strings.TrimLeft(s[i:], " ")
}

// isOrdinalDigit reports whether r may appear in a heading or enumeration
// ordinal (一 … 九十九).
func isOrdinalDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// ordinal reads a Chinese or Arabic ordinal.
func ordinal(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if isASCIIDigit(rune(s[0])) {
		n := 0
		for _, c := range s {
			if !isASCIIDigit(c) || n > 1e6 {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	v, ok := zhnum.Parse(s)
	if !ok || v <= 0 || v > 99 {
		return 0, false
	}
	return int(v), true
}

// startsWithWord reports whether s starts with a Han character or a letter:
// what a heading's words start with.
func startsWithWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x4E00 && r <= 0x9FFF || r == '“' || r == '《' || (r >= 'A' && r <= 'Z')
}

// findOutline recognises the heading lines and links each heading to its
// parent and the text it owns. hints maps line numbers to levels a source
// format declared (a .docx heading style); they make unnumbered headings.
// Hints above the title are ignored: on a web page they are the site's own
// headings (its name, the column's), not the report's.
func (d *Document) findOutline(hints map[int]int) {
	first := 0
	if d.Title != nil {
		first = d.Title.Line + 1
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Kind != BodyLine {
			continue
		}
		s := d.Slice(l.Range)
		junk := junkPrefix(s)
		m, ok := matchHeading(s[junk:])
		if ok {
			m.end += junk
		} else {
			lv, hinted := hints[l.Number]
			if !hinted || lv < 1 || lv > 4 || l.Number < first {
				continue
			}
			m = headingMatch{level: lv, style: NoNumber}
		}
		h := &Heading{
			Level: m.level, Style: m.style, Number: m.number, Line: l.Number,
			Broken: m.broken, Parent: -1,
		}
		h.Ordinal, _ = ordinal(m.number)
		start := l.Start
		if ok {
			start += junk
		}
		textStart := l.Start + m.end
		for textStart < l.End && d.Norm[textStart] == ' ' {
			textStart++
		}
		textEnd, bodyStart := l.End, l.End
		for i := textStart; i < l.End; {
			r, w := utf8.DecodeRuneInString(d.Norm[i:])
			if isSentenceEnd(r) {
				textEnd, bodyStart = i, i+w
				break
			}
			i += w
		}
		if sp := spaceCut(d.Norm[textStart:textEnd]); sp > 0 {
			textEnd, bodyStart = textStart+sp, textStart+sp // "三、……情况 区长认真履行……": the line break was lost
		}
		h.Text = strings.TrimRight(d.Norm[textStart:textEnd], ": ")
		h.Range = Range{start, textEnd}
		h.TextRange = Range{textStart, textStart + len(h.Text)}
		h.Body.Start = bodyStart
		l.Kind = HeadingLine
		d.Outline = append(d.Outline, h)
	}
	d.findLostNumeral()
	d.findRunOn()
	d.linkOutline()
}

// findLostNumeral makes a heading of the line that stands where part 一
// should be but lost its numeral: a short line without punctuation right
// after the preamble's "报告如下:", when the first top-level heading is
// numbered 二 ("党政主要负责人严格履行推进法治建设第一责任人职责" then, later,
// "二、…"). structure/numbering reports the lost numeral.
func (d *Document) findLostNumeral() {
	first := -1 // the first level-1 heading
	for i, h := range d.Outline {
		if h.Level == 1 {
			first = i
			break
		}
	}
	if first < 0 || d.Outline[first].Ordinal != 2 || d.Outline[first].Style != ChineseComma {
		return
	}
	before := d.Outline[0].Line // the line comes before every heading
	prev := ""
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Number >= before {
			return
		}
		if l.Kind != BodyLine {
			continue
		}
		s := d.Slice(l.Range)
		junk := junkPrefix(s)
		s = s[junk:]
		if strings.HasSuffix(prev, "如下:") || strings.HasSuffix(prev, "如下。") {
			if n := runeLen(s); n >= 4 && n <= 40 && !strings.ContainsAny(s, "。;,:!?") {
				h := &Heading{Level: 1, Style: ChineseComma, Line: l.Number, Parent: -1, Broken: "编号缺失",
					Text: s, Range: Range{l.Start + junk, l.End}, TextRange: Range{l.Start + junk, l.End}, Body: Range{l.End, l.End}}
				l.Kind = HeadingLine
				d.Outline = append([]*Heading{h}, d.Outline...)
			}
			return
		}
		prev = s
	}
}

// findRunOn finds the headings inside lines whose line breaks extraction
// lost ("……现将有关情况报告如下。一、依法行政……(一)强化理论武装……"): when
// fewer than two top-level and three other headings start a line, a "一、" or "(一)" right
// after a sentence end (or right after a run-on heading's words) starts a
// heading in a long line, if the top-level ones run 一, 二, 三… in order.
func (d *Document) findRunOn() {
	top := 0
	for _, h := range d.Outline {
		if h.Level == 1 {
			top++
		}
	}
	if top >= 2 || len(d.Outline)-top >= 3 {
		return // the lines kept their breaks: "一、" inside a paragraph is an enumeration
	}
	var found []*Heading
	next, k := 1, 0 // the top-level number expected; the next heading of the outline
	for i := range d.Lines {
		l := &d.Lines[i]
		at := l.Start
		if l.Kind == HeadingLine {
			for k < len(d.Outline) && d.Outline[k].Line < l.Number {
				k++
			}
			if k < len(d.Outline) && d.Outline[k].Line == l.Number {
				h := d.Outline[k]
				if h.Level == 1 {
					next = h.Ordinal + 1
				}
				at = h.TextRange.End
			}
		} else if l.Kind != BodyLine {
			continue
		}
		if l.End-at < 200 {
			continue
		}
		for at < l.End {
			h, end := d.runOnHeading(l, at, next)
			if h == nil {
				break
			}
			if h.Level == 1 {
				next++
			}
			found = append(found, h)
			at = end
		}
	}
	if next < 3 || len(found) == 0 {
		return // one "一、" in a paragraph is an enumeration, not an outline
	}
	d.Outline = append(d.Outline, found...)
	slices.SortStableFunc(d.Outline, func(a, b *Heading) int { return a.Range.Start - b.Range.Start })
}

// spaceCut returns where a heading's words end at a space when they are
// too long for a heading (more than runOnWords characters up to the
// sentence end) and a space after the fourth character stands where the
// line break was lost: "党政主要负责人履行推进法治建设第一责任人职责情况 区长
// 认真履行……". It returns 0 when the words stand as they are.
func spaceCut(t string) int {
	if runeLen(t) <= runOnWords {
		return 0
	}
	for i, n := 0, 0; i < len(t) && n <= runOnWords; n++ {
		r, w := utf8.DecodeRuneInString(t[i:])
		if r == ' ' && n >= 4 {
			return i
		}
		i += w
	}
	return 0
}

// runOnWords is the most characters a run-on heading's words are taken to
// have when nothing ends them.
const runOnWords = 40

// runOnHeading returns the first heading in line l at or after offset at:
// next (in Chinese numerals) and "、", or "(一)", "(二)"…, after a sentence
// end, and the offset after its text.
func (d *Document) runOnHeading(l *Line, at, next int) (*Heading, int) {
	s := d.Norm[:l.End]
	for i := at; i < len(s); {
		k := i
		if i != at || at == l.Start || s[at] != '(' {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !isSentenceEnd(r) && r != ':' {
				i += w
				continue
			}
			k = i + w
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		i = max(k, i+1)
		m, ok := matchHeading(s[k:])
		if !ok || m.broken != "" || m.level > 2 {
			continue
		}
		v, _ := ordinal(m.number)
		if m.level == 1 && v != next || m.level == 2 && next == 1 {
			continue
		}
		// The words end at a sentence end, at the next heading or item
		// ("(一)", "一是"), or after runOnWords characters: the line break
		// after them was lost too.
		textStart := k + m.end
		textEnd, bodyStart := len(s), len(s)
		for j, n := textStart, 0; j < len(s); n++ {
			r, w := utf8.DecodeRuneInString(s[j:])
			if n == runOnWords || j > textStart && (r == '(' || strings.HasPrefix(s[j:], "一是")) || n >= 4 && r == ' ' {
				textEnd, bodyStart = j, j
				break
			}
			if isSentenceEnd(r) {
				textEnd, bodyStart = j, j+w
				break
			}
			j += w
		}
		text := strings.TrimRight(s[textStart:textEnd], ": ")
		h := &Heading{Level: m.level, Style: m.style, Number: m.number, Ordinal: v, Line: l.Number, Parent: -1,
			Text: text, Range: Range{k, textEnd}, TextRange: Range{textStart, textStart + len(text)}, Body: Range{Start: bodyStart}}
		return h, textEnd
	}
	return nil, l.End
}

// linkOutline sets each heading's parent and body: a heading owns the text up
// to the next heading at its level or above, or the end of the report's body.
func (d *Document) linkOutline() {
	end := 0
	for _, l := range d.Lines {
		if l.Kind == BodyLine || l.Kind == HeadingLine {
			end = l.End
		}
	}
	var stack []int
	for i, h := range d.Outline {
		for len(stack) > 0 && d.Outline[stack[len(stack)-1]].Level >= h.Level {
			top := d.Outline[stack[len(stack)-1]]
			top.Body.End = h.Range.Start
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			h.Parent = stack[len(stack)-1]
		} else {
			d.tops = append(d.tops, i)
		}
		stack = append(stack, i)
	}
	for _, i := range stack {
		h := d.Outline[i]
		h.Body.End = max(end, h.Body.Start)
	}
	for _, h := range d.Outline {
		h.Body = trimSpace(d.Norm, h.Body)
	}
}
