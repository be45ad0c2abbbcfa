package quantity

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// fixed reports whether the number n, whose unit ends at end, is part of a
// fixed phrase ("三项制度").
func (sc *scanner) fixed(n *number, end int) bool {
	if n.unit == nil || n.decimals != 0 || n.scale != 0 || n.small < 0 || n.small > 14 {
		return false // the phrases count to fourteen at most
	}
	return isFixedPhrase(sc.s, n.small, n.unit.canon, end)
}

// emit turns the number n into a Quantity: it reads the markers before it,
// its label, and what the clause said before it, and gives the previous
// quantity of the clause its After.
func (sc *scanner) emit(n *number) {
	s := sc.s
	lo := sc.prevEnd()
	start := n.start
	if m, ok := prefixMarker(s, lo, start); ok {
		// 近 before a span of time is "the last": 近3年 are the last three.
		if !(m.text == "近" && n.unit != nil && isTimeUnit(n.unit.canon)) {
			start -= len(m.text)
			n.approx = combine(m.approx, n.approx)
		}
	}
	sc.scanWords(lo, start)

	q := Quantity{
		Start: start, End: n.end,
		NumStart: n.numStart, NumEnd: n.numEnd,
		Text:     s[start:n.end],
		Value:    sc.value(n),
		Decimals: n.decimals,
		Scale:    n.scale,
		Approx:   n.approx,
		UnitText: n.unitText,
		Clause:   sc.clause,
		Part:     sc.part,
		Growth:   sc.growth,
		Negative: n.negative,
	}
	if n.unit != nil {
		q.Unit, q.Kind = n.unit.canon, n.unit.kind
	}
	if sc.last >= 0 {
		p := &sc.qs[sc.last]
		p.setAfter(s, p.End, start)
		if p.Label == "" {
			// The words between belong to the previous quantity:
			// "13件规范性文件继续有效53件…".
			lo = start
		}
	}
	q.LabelStart, q.LabelEnd = trimLabel(s, lo, start, sc.last >= 0)
	if q.LabelStart == q.LabelEnd {
		q.LabelStart, q.LabelEnd = start, start
	}
	q.Label = s[q.LabelStart:q.LabelEnd]
	q.AfterStart, q.AfterEnd = q.End, q.End
	sc.qs = append(sc.qs, q)
	sc.last = len(sc.qs) - 1
}

// setAfter sets After to the words of s[lo:hi]; an empty After sits at End.
func (q *Quantity) setAfter(s string, lo, hi int) {
	q.AfterStart, q.AfterEnd = trimAfter(s, lo, hi)
	if q.AfterStart == q.AfterEnd {
		q.AfterStart, q.AfterEnd = q.End, q.End
	}
	q.After = s[q.AfterStart:q.AfterEnd]
}

// growthReach is how many characters may stand between a growth word and
// the number it changes: "同比增长了150%", "平均减少70%". A growth word
// further away has an object of its own: "提升行政执法质量三年行动".
const growthReach = 4

// scanWords reads s[lo:hi], text of the current clause before a number, for
// the words that make the numbers after them changes (growth) or parts
// (其中). Each stretch of a clause is read once.
func (sc *scanner) scanWords(lo, hi int) {
	s, starts := sc.s, wordStarts()
	for i := lo; i < hi; {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		var n int
		if 0xE1 <= c && c <= 0xEF && c != 0xED && i+2 < hi && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// a character of three bytes, decoded inline; none but the
			// first characters of the words below matters
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			if starts[r>>6]&(1<<(r&63)) == 0 {
				i += 3
				continue
			}
		} else {
			r, n = utf8x.Decode(s[i:hi])
		}
		if r >= 0x4e00 {
			if w := growthWord(s[i:hi], r); w > 0 {
				switch rest := s[i+w : hi]; {
				case announcesLevel(rest):
					sc.growth = false
				case within(rest, growthReach):
					sc.growth = true
				}
				i += w
				continue
			}
			if r == '其' && strings.HasPrefix(s[i:hi], "其中") {
				sc.part = true
			}
		}
		i += n
	}
}

// wordStarts marks the first characters of the growth words (growthWord)
// and of 其中. It is built on first use: filling its 8 KB at start-up cost
// every command a few page faults.
var wordStarts = sync.OnceValue(func() *runeSet {
	return newRuneSet("增提上下减降涨压缩同环翻其")
})

// A runeSet marks characters of the Basic Multilingual Plane, one bit each.
type runeSet [1 << 16 / 64]uint64

func newRuneSet(chars string) *runeSet {
	b := new(runeSet)
	for _, r := range chars {
		b[r>>6] |= 1 << (r & 63)
	}
	return b
}

// within reports whether t has at most n characters, reading no more of it
// than that.
func within(t string, n int) bool {
	for range t {
		if n--; n < 0 {
			return false
		}
	}
	return true
}

// growthWord returns the length of the growth word at the start of t, whose
// first rune is r, or 0.
func growthWord(t string, r rune) int {
	var words []string
	switch r {
	case '增':
		words = []string{"增长", "增加", "增幅", "增速"}
	case '提':
		words = []string{"提高", "提升"}
	case '上':
		words = []string{"上升", "上涨"}
	case '下':
		words = []string{"下降", "下滑"}
	case '减':
		words = []string{"减少", "减幅"}
	case '降':
		words = []string{"降低", "降幅"}
	case '涨':
		words = []string{"涨幅"}
	case '压':
		words = []string{"压缩", "压减"}
	case '缩':
		words = []string{"缩短", "缩减"}
	case '同':
		words = []string{"同比"}
	case '环':
		words = []string{"环比"}
	case '翻':
		words = []string{"翻番", "翻了"}
	default:
		return 0
	}
	for _, w := range words {
		if strings.HasPrefix(t, w) {
			return len(w)
		}
	}
	return 0
}

// announcesLevel reports whether the text after a growth word makes the
// number a level: "压减到5938项", "提高至95%", "下降为3件".
func announcesLevel(t string) bool {
	t = strings.TrimPrefix(t, "了")
	return strings.HasPrefix(t, "到") || strings.HasPrefix(t, "至") || strings.HasPrefix(t, "为")
}

// labelTail lists connectives trimmed from the end of a label, longest
// first: they join the label to the number but say nothing about it.
var labelTail = []string{
	"分别达到", "分别为", "分别是", "分别达", "均达到", "共计", "合计", "总计", "累计", "计有", "共有",
	"达到", "已达", "高达", "仅为", "只有", "均为", "均达", "均是", "分别",
	"达", "为", "是", "了", "共", "均", "都", "仅", "只", "已", "和",
}

// isTailEnd reports whether c, a label's last character, ends an entry of
// labelTail; most labels end in a noun and skip the list.
func isTailEnd(c string) bool {
	switch c {
	case "到", "为", "是", "计", "有", "达", "了", "共", "均", "都", "仅", "只", "已", "和", "别":
		return true
	}
	return false
}

// isHeadStart reports whether c, a label's first character, starts an entry
// of labelHead.
func isHeadStart(c string) bool {
	switch c {
	case "其", "以", "并", "同", "此", "另", "且", "的":
		return true
	}
	return false
}

// labelHead lists connectives trimmed from the start of a label. 和, 及 and
// 与 begin too many words (和解, 及时, 与会) to be trimmed unless they are
// all that is left (see joiners).
var labelHead = []string{"其中", "以及", "并且", "同时", "此外", "另有", "且", "另", "的"}

// joiners are connectives that make up no label or After on their own.
func isJoiner(t string) bool {
	switch t {
	case "和", "及", "与", "或", "并", "以及", "的":
		return true
	}
	return false
}

// trimLabel narrows s[lo:hi] to the label: spaces, brackets, list markers
// and connectives off both ends. joined says s[lo:hi] follows another
// quantity, so that a leading 和, 及 or 与 joins the two ("7个和公共企业窗口
// 3个") rather than begins a word ("和解结案5件").
func trimLabel(s string, lo, hi int, joined bool) (int, int) {
	lo = skipListMarker(s, lo, hi)
	if joined {
		for _, w := range [...]string{"和", "及", "与"} {
			if strings.HasPrefix(s[lo:hi], w) {
				lo += len(w)
				break
			}
		}
	}
	for changed := true; changed && lo < hi; {
		changed = false
		lo, hi = trimSpace(s, lo, hi)
		if hi-lo >= 3 && isTailEnd(s[hi-3:hi]) {
			for _, w := range labelTail {
				if hi-lo >= len(w) && s[hi-len(w):hi] == w {
					hi -= len(w)
					changed = true
					break
				}
			}
		}
		if hi-lo >= 3 && isHeadStart(s[lo:lo+3]) {
			for _, w := range labelHead {
				if hi-lo >= len(w) && s[lo:lo+len(w)] == w {
					lo += len(w)
					changed = true
					break
				}
			}
		}
	}
	lo, hi = trimSpace(s, lo, hi)
	hi = trimClose(s, lo, hi)
	// A label that is all one quotation reads as its words: "“在线访谈”".
	if hi-lo > len("“”") && strings.HasPrefix(s[lo:hi], "“") && strings.HasSuffix(s[lo:hi], "”") &&
		!strings.Contains(s[lo+len("“"):hi-len("”")], "“") {
		lo, hi = lo+len("“"), hi-len("”")
	}
	if lo >= hi || isJoiner(s[lo:hi]) {
		return hi, hi
	}
	return lo, hi
}

// trimAfter narrows s[lo:hi], the text after a quantity, to its words. The
// text starts right after a quantity, so a leading 和, 及 or 与 joins it to
// what follows ("85%和74%").
func trimAfter(s string, lo, hi int) (int, int) {
	if hi < lo {
		hi = lo
	}
	for changed := true; changed && lo < hi; {
		changed = false
		lo, hi = trimSpace(s, lo, hi)
		for _, w := range [...]string{"的", "和", "及", "与"} {
			if hi-lo >= len(w) && s[lo:lo+len(w)] == w {
				lo += len(w)
				changed = true
				break
			}
		}
		if w := "和"; hi-lo >= len(w) && s[hi-len(w):hi] == w {
			hi -= len(w)
			changed = true
		}
	}
	hi = trimClose(s, lo, hi)
	if lo >= hi || isJoiner(s[lo:hi]) {
		return lo, lo
	}
	return lo, hi
}

// trimSpace drops spaces and brackets that cannot close or open anything
// from both ends of s[lo:hi]: "(" at the end, ")" at the start.
func trimSpace(s string, lo, hi int) (int, int) {
	for lo < hi && (s[lo] == ' ' || s[lo] == '\t' || s[lo] == '(' || s[lo] == ')') {
		lo++
	}
	for hi > lo && (s[hi-1] == ' ' || s[hi-1] == '\t' || s[hi-1] == '(') {
		hi--
	}
	return lo, hi
}

// trimClose drops a ")" that ends s[lo:hi] without a "(" before it: the
// close of a bracket opened before the label or After began.
func trimClose(s string, lo, hi int) int {
	if hi > lo && s[hi-1] == ')' && strings.IndexByte(s[lo:hi], '(') < 0 {
		hi--
	}
	return hi
}

// skipListMarker skips the list marker that may open s[lo:hi], the start of
// a clause: "(1)", "(一)", "1.", "1、", "1)", "一是", "二、".
func skipListMarker(s string, lo, hi int) int {
	i := lo
	for i < hi && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	paren := i < hi && s[i] == '('
	if paren {
		i++
	}
	j := i
	for j < hi {
		r, n := utf8x.Decode(s[j:hi])
		if !isDigit(byte(r)) && !isZhNumeral(r) || r >= utf8.RuneSelf && !isZhNumeral(r) {
			break
		}
		j += n
	}
	if j == i || j >= hi {
		return lo
	}
	r, n := utf8x.Decode(s[j:hi])
	switch {
	case paren && r == ')':
		return j + n
	case !paren && (r == '.' || r == '、' || r == ')'):
		if r == '.' && j+1 < hi && isDigit(s[j+1]) {
			return lo
		}
		return j + n
	case !paren && r == '是' && !isDigit(s[i]):
		return j + n
	}
	return lo
}
