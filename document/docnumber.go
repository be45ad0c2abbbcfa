package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// A DocNumber is a string of the report that reads as a 发文字号 (document
// number), however it is mangled: the issuer code (机关代字), the year in
// brackets, the sequence number and 号, as in "国发〔2021〕33号",
// "国发[2021]33号", "厅字(2019)第28号", "国办函〔20〕5号".
//
// GB/T 9704-2012 7.2.5 says how one is written (see Problems); a number
// that lost its closing bracket ("厅字〔201928") is not a DocNumber but a
// Document.Glued run.
type DocNumber struct {
	// Range covers the number, from its issuer code when that could be told
	// (else from the opening bracket) to the sequence number and its 号.
	Range Range
	// Line is the 1-based line number.
	Line int
	// Code is the issuer code ("国发"), or "" when it cannot be told from
	// the words before it: it is taken only after an opening bracket or
	// quote, a 、, a comma or a space, as in a citation "《…》(国发〔2021〕33号)".
	Code string
	// Open and Close are the brackets around the year as written, in the
	// normalised view: "〔" "〕", or "[" "]", "(" ")", "【" "】".
	Open, Close string
	// Year is the year as written ("2021", "21").
	Year string
	// Di reports a 第 before the sequence number.
	Di bool
	// Seq is the sequence number as written ("33", "033").
	Seq string
	// Hao reports the closing 号.
	Hao bool
}

// sixAngle reports whether a bracket is the 六角括号 of GB/T 9704, or its
// small form variant, which looks the same.
func sixAngle(b string) bool { return b == "〔" || b == "〕" || b == "﹝" || b == "﹞" }

// Problems says in Chinese how the number departs from GB/T 9704-2012
// 7.2.5: "年份、发文顺序号用阿拉伯数字标注;年份应标全称,用六角括号“〔〕”括入;发文
// 顺序号不加“第”字,不编虚位(即1不编为01),在阿拉伯数字后加“号”字". It is nil
// for a well-formed number.
func (n DocNumber) Problems() []string {
	var p []string
	if !sixAngle(n.Open) || !sixAngle(n.Close) {
		p = append(p, "年份应用六角括号“〔〕”括入")
	}
	if len(n.Year) != 4 {
		p = append(p, "年份应标全称(四位数字)")
	}
	if n.Di {
		p = append(p, "发文顺序号不加“第”字")
	}
	if len(n.Seq) > 1 && n.Seq[0] == '0' {
		p = append(p, "发文顺序号不编虚位(1不编为01)")
	}
	if !n.Hao {
		p = append(p, "发文顺序号后应加“号”字")
	}
	return p
}

// Correct returns the number as GB/T 9704 writes it ("国发〔2021〕33号"), or
// "" when its year cannot be completed (a year of one or three digits). A
// two-digit year is taken to be in this century: "〔20〕" → "〔2020〕".
func (n DocNumber) Correct() string {
	year := n.Year
	switch len(year) {
	case 4:
	case 2:
		year = "20" + year
	default:
		return ""
	}
	seq := strings.TrimLeft(n.Seq, "0")
	if seq == "" {
		seq = "0"
	}
	return n.Code + "〔" + year + "〕" + seq + "号"
}

// findDocNumbers finds the document numbers of the report's own lines
// (not the page's metadata: a site's 文号 field is the site's business).
func (d *Document) findDocNumbers() {
	for _, l := range d.Lines {
		if l.Kind.IsText() {
			d.DocNumbers = appendDocNumbersIn(d.DocNumbers, d.Norm, l.Range, l.Number, d.valid)
		}
	}
}

// Brackets that may hold a document number's year, as the normalised view
// has them (full-width "［" and "（" read "[" and "(").
var (
	openBrackets  = []string{"〔", "﹝", "[", "(", "【", "〖"}
	closeBrackets = []string{"〕", "﹞", "]", ")", "】", "〗"}
)

// bracketAt returns the bracket of set at s[i:], or "".
func bracketAt(s string, i int, set []string) string {
	for _, b := range set {
		if strings.HasPrefix(s[i:], b) {
			return b
		}
	}
	return ""
}

// appendDocNumbers appends the document numbers of s[r.Start:r.End], the
// line numbered line, to out. It stops only at brackets: a number is an
// opening bracket, a year of two to four digits, a closing bracket, an
// optional 第, a sequence number of one to five digits and an optional 号.
// Without the 六角括号 it needs more to be taken for a document number: an
// issuer code right before the bracket and, when 号 and 第 are both
// missing, a four-digit year; a sequence number without 号 must not run on
// into a word ("(2020)35名同志" is not one). A court's case number
// ("(2020)湘04行终12号") has no digits after its bracket and is not one.
func appendDocNumbers(out []DocNumber, s string, r Range, line int) []DocNumber {
	return appendDocNumbersIn(out, s, r, line, utf8.ValidString(s[r.Start:r.End]))
}

// appendDocNumbersIn is appendDocNumbers for a line known to be valid UTF-8
// or not. In valid text it searches for each opening bracket (IndexByte,
// utf8x.Index) and tries them in text order: the brackets the slow loop
// stops at, in valid text, where a bracket's bytes always start a
// character.
func appendDocNumbersIn(out []DocNumber, s string, r Range, line int, valid bool) []DocNumber {
	if !valid {
		return appendDocNumbersSlow(out, s, r, line)
	}
	s = s[:r.End]
	var buf [8]int
	next := buf[:len(openBrackets)] // the next of each bracket at or after i, or len(s)
	find := func(k, from int) int {
		var j int
		if b := openBrackets[k]; len(b) == 1 {
			j = strings.IndexByte(s[from:], b[0])
		} else {
			j = utf8x.Index(s[from:], b)
		}
		if j < 0 {
			return len(s)
		}
		return from + j
	}
	for k := range next {
		next[k] = find(k, r.Start)
	}
	for {
		k := 0
		for j := 1; j < len(next); j++ {
			if next[j] < next[k] {
				k = j
			}
		}
		at := next[k]
		if at >= len(s) {
			break
		}
		open := openBrackets[k]
		i := at + len(open) // where the search goes on
		if n, ok := docNumberAt(s, r.Start, at, open); ok {
			n.Line = line
			out = append(out, n)
			i = n.Range.End
		}
		for j := range next {
			if next[j] < i {
				next[j] = find(j, i)
			}
		}
	}
	return out
}

// appendDocNumbersSlow tries every opening bracket of the line.
func appendDocNumbersSlow(out []DocNumber, s string, r Range, line int) []DocNumber {
	s = s[:r.End]
	for i := r.Start; i < r.End; {
		open := ""
		switch c := s[i]; {
		case c == '(' || c == '[' || c == 0xE3 || c == 0xEF: // ( [ 〔 【 〖, ﹝
			open = bracketAt(s, i, openBrackets)
		}
		if open == "" {
			if s[i] >= 0xE0 && s[i] < 0xF0 {
				i += 3 // a whole Han character (most of the text)
			} else {
				i++
			}
			continue
		}
		n, ok := docNumberAt(s, r.Start, i, open)
		if !ok {
			i += len(open)
			continue
		}
		n.Line = line
		out = append(out, n)
		i = n.Range.End
	}
	return out
}

// docNumberAt reads a document number whose year opens with the bracket
// open at s[i:]; lineStart bounds the look back for the issuer code.
func docNumberAt(s string, lineStart, i int, open string) (DocNumber, bool) {
	n := DocNumber{Open: open}
	j := skipBlank(s, i+len(open))
	y := digitsEnd(s, j)
	if y-j < 2 || y-j > 4 {
		return n, false
	}
	n.Year = s[j:y]
	if len(n.Year) == 4 && (atoiASCII(n.Year) < 1949 || atoiASCII(n.Year) > 2099) {
		return n, false
	}
	j = skipBlank(s, y)
	if n.Close = bracketAt(s, j, closeBrackets); n.Close == "" {
		return n, false
	}
	j = skipBlank(s, j+len(n.Close))
	if strings.HasPrefix(s[j:], "第") {
		n.Di = true
		j = skipBlank(s, j+len("第"))
	}
	e := digitsEnd(s, j)
	if e == j || e-j > 5 {
		return n, false
	}
	n.Seq = s[j:e]
	if strings.HasPrefix(s[e:], "号") {
		n.Hao, e = true, e+len("号")
	}
	codeStart, han := codeBefore(s, lineStart, i)
	if !sixAngle(n.Open) && !sixAngle(n.Close) {
		// Other brackets hold other things; take them for a document
		// number only with an issuer code, and without 号 or 第 only with
		// a full year and nothing run on after the number.
		if han == 0 {
			return n, false
		}
		if !n.Hao && !n.Di {
			next, _ := utf8.DecodeRuneInString(s[e:])
			if len(n.Year) != 4 || unicode.Is(unicode.Han, next) || isLetter(next) {
				return n, false
			}
		}
	}
	n.Code = s[codeStart:i]
	n.Range = Range{codeStart, e}
	return n, true
}

// maxCode is the longest issuer code taken ("中共中央办公厅" is 7; most are 2
// to 4).
const maxCode = 8

// codeBefore returns where the issuer code before the bracket at b starts
// (b when it cannot be told) and how many Han characters stand right before
// the bracket (up to maxCode+1). The code is the Han characters back to a
// delimiter that marks a citation's start: an opening bracket or quote, a
// 、, a comma, a semicolon, a colon or a space. At the start of a line or
// after other words ("按照国发〔2021〕33号") the code cannot be told from the
// words before it.
func codeBefore(s string, lineStart, b int) (int, int) {
	k, han := b, 0
	for k > lineStart && han <= maxCode {
		r, size := utf8.DecodeLastRuneInString(s[lineStart:k])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		k -= size
		han++
	}
	if han == 0 || han > maxCode || k == lineStart {
		return b, han
	}
	if r, _ := utf8.DecodeLastRuneInString(s[lineStart:k]); strings.ContainsRune("([“‘《【〔、,;: \"", r) {
		return k, han
	}
	return b, han
}

func skipBlank(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isASCIIDigit(rune(s[i])) {
		i++
	}
	return i
}

func isLetter(r rune) bool { return r < utf8.RuneSelf && ('a' <= r|0x20 && r|0x20 <= 'z') }

// atoiASCII reads a run of at most four ASCII digits.
func atoiASCII(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		n = n*10 + int(t[i]-'0')
	}
	return n
}
