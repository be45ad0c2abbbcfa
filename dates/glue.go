package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// GlueKind says what a glued digit run was before characters were lost.
type GlueKind uint8

const (
	// DateGlue is a date that lost 年 or 月: "2019111日" (2019年11月1日),
	// "201911月" (2019年11月), "2019年111日" (2019年11月1日).
	DateGlue GlueKind = iota + 1
	// DocNumberGlue is a document number that lost 〕: "厅字〔201928"
	// (厅字〔2019〕28号).
	DocNumberGlue
	// YearGlue is a year that lost 年 and ran into the count after it:
	// "202035名同志" (2020年35名同志). It is reported only when the text
	// names that year ("2020年") at least twice elsewhere, so that an
	// ordinary count ("20381.1万元", "60408条", "10152个") is never taken
	// for one.
	//
	// A year glued to the word after it also reads as YearGlue:
	// "2022共召开" (2022年共召开), "区交通局2021法治政府" (2021年法治政府),
	// "2022度" (2022年度), when the word is one that follows a year
	// (yearFollowers), never a unit ("2021人", "2022万元").
	YearGlue
	// YearRangeGlue is two years that lost the dash between them:
	// "(20212025年)" (2021—2025年).
	YearRangeGlue
)

var glueNames = [...]string{"", "DateGlue", "DocNumberGlue", "YearGlue", "YearRangeGlue"}

// yearFollowers are the characters that follow a year in a report's
// sentences ("2022年共召开", "2021年法治政府", "2022年度", "2023年以来") and
// never a count: after a bare four-digit year one of them means 年 was
// lost. Units (人, 件, 万) are not among them.
const yearFollowers = "共全以我本在度法依各第起底初末内至到上中党政区县市镇乡"

func (k GlueKind) String() string {
	if int(k) < len(glueNames) && k != 0 {
		return glueNames[k]
	}
	return "GlueKind(?)"
}

// Glue is a run of digits where extraction lost characters and a date, a
// year or a document number became impossible.
type Glue struct {
	Start, End int // byte offsets in the input
	Text       string
	Kind       GlueKind
	// Guess is the most likely intended text for Text ("2019年11月1日",
	// "厅字〔2019〕28号", "2020年35"), or "" when no reading is a real date.
	Guess string
}

// minYearMentions is how often "YYYY年" must appear in the text before a
// run that starts with YYYY is taken for a glued year.
const minYearMentions = 2

// FindGlued returns the glued digit runs of s in order. Like Find it makes one
// pass over s and is safe for concurrent use.
//
// A run is read as glued only when its shape leaves no other reading: a
// year, then digits, then 日 or 月 (a date); 〔 and a year run into the
// number (a document number); a year of the report run into a count
// (YearGlue, see there). Decimals, counts and phone numbers are left alone.
func FindGlued(s string) []Glue {
	var out []Glue
	var mentions [200]uint8 // "YYYY年" seen, for 1900..2099 (saturating)
	yearGlues := 0
	for i := 0; i < len(s); {
		if i = utf8x.NextDigit(s, i); i == len(s) {
			break
		}
		j := digitEnd(s, i)
		if j-i == 4 && strings.HasPrefix(s[j:], "年") {
			if y := atoi(s[i:j]); y >= 1900 && y <= 2099 && mentions[y-1900] < 255 {
				mentions[y-1900]++
			}
		}
		if g, ok := glueAt(s, i, j); ok && (len(out) == 0 || g.Start >= out[len(out)-1].End) {
			out = append(out, g)
			if g.Kind == YearGlue {
				yearGlues++
			}
			i = g.End
			continue
		}
		i = j
	}
	if yearGlues == 0 {
		return out
	}
	kept := out[:0]
	for _, g := range out {
		if g.Kind != YearGlue || mentions[atoi(g.Text[:4])-1900] >= minYearMentions {
			kept = append(kept, g)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// glueAt reads a glued run at the digit run s[i:j].
func glueAt(s string, i, j int) (Glue, bool) {
	if i > 0 {
		p := s[i-1]
		if p == '.' || p == '/' || p == '-' || p == '_' || p == ':' || isLetter(p) || p == ',' && i > 1 && isDigit(s[i-2]) {
			return Glue{}, false // a decimal, a path, a code, "4,489"
		}
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
		return Glue{}, false // "20381.1万元"
	}
	n := j - i
	run := s[i:j]
	switch {
	case strings.HasPrefix(s[j:], "日"):
		if n >= 6 && n <= 8 && yearLike(run) {
			return glue(s, i, j+len("日"), DateGlue, guessYMD(run[:4], run[4:])), true
		}
		// "2019年111日": the year is there, 月 was lost.
		if n >= 2 && n <= 4 && i >= 7 && s[i-3:i] == "年" && yearLike(s[i-7:i-3]) && (i == 7 || !isDigit(s[i-8])) {
			return glue(s, i-7, j+len("日"), DateGlue, guessYMD(s[i-7:i-3], run)), true
		}
	case strings.HasPrefix(s[j:], "月"):
		if (n == 5 || n == 6) && yearLike(run) {
			guess := ""
			if m := atoi(run[4:]); m >= 1 && m <= 12 {
				guess = run[:4] + "年" + run[4:] + "月"
			}
			return glue(s, i, j+len("月"), DateGlue, guess), true
		}
	}
	if n == 4 && yearLike(run) && (i == 0 || !isDigit(s[i-1])) {
		// "2022共召开": a year that lost 年 before a word.
		if r, w := utf8.DecodeRuneInString(s[j:]); strings.ContainsRune(yearFollowers, r) {
			return glue(s, i, j+w, YearGlue, run+"年"+string(r)), true
		}
		return Glue{}, false
	}
	if n < 5 || n > 8 || !yearLike(run) {
		return Glue{}, false
	}
	if n == 8 && yearLike(run[4:]) {
		// "(20212025年)": two years that lost the dash between them.
		a, b := atoi(run[:4]), atoi(run[4:])
		if b > a && b-a <= 15 && (strings.HasPrefix(s[j:], "年") || strings.HasPrefix(s[j:], ")")) {
			end := j
			if strings.HasPrefix(s[j:], "年") {
				end += len("年")
			}
			return glue(s, i, end, YearRangeGlue, run[:4]+"—"+run[4:]+"年"), true
		}
	}
	if strings.HasPrefix(s[j:], "〕") {
		return Glue{}, false // "〔20192〕": a wrong year, not a lost bracket
	}
	if i >= len("〔") && s[i-len("〔"):i] == "〔" {
		start := docCodeStart(s, i-len("〔"))
		end := j
		if strings.HasPrefix(s[j:], "号") {
			end += len("号")
		}
		return glue(s, start, end, DocNumberGlue, s[start:i]+run[:4]+"〕"+run[4:]+"号"), true
	}
	if n <= 7 && run[4] != '0' {
		r, _ := utf8.DecodeRuneInString(s[j:])
		// Not before 年月日 (a date that lost more than this can tell) nor
		// before 号 (a document number that lost its brackets).
		if unicode.Is(unicode.Han, r) && !strings.ContainsRune("年月日号", r) {
			return glue(s, i, j, YearGlue, run[:4]+"年"+run[4:]), true
		}
	}
	return Glue{}, false
}

func glue(s string, start, end int, k GlueKind, guess string) Glue {
	return Glue{Start: start, End: end, Text: s[start:end], Kind: k, Guess: guess}
}

// yearLike reports whether t starts with a year from 1900 to 2099.
func yearLike(t string) bool {
	if len(t) < 4 {
		return false
	}
	y := atoi(t[:4])
	return y >= 1900 && y <= 2099
}

// guessYMD splits md, the digits of a month and a day that lost the 月
// between them, into a real date after year y: "111" → 11月1日 or 1月11日.
// A reading without a zero-padded part wins, then the one with the longer
// month ("2019111日" was "2019年11月1日" in seed 000; "1月11日" would have
// kept its 月 as often as not). It returns "" when no reading is a date.
func guessYMD(y, md string) string {
	best, bestScore := "", -1
	for k := 1; k <= 2 && k < len(md); k++ {
		mt, dt := md[:k], md[k:]
		if len(dt) > 2 || problem(atoi(y), atoi(mt), atoi(dt), mt, true) != "" {
			continue
		}
		score := k
		if !padded(mt) && !padded(dt) {
			score += 10
		}
		if score > bestScore {
			best, bestScore = y+"年"+mt+"月"+dt+"日", score
		}
	}
	return best
}

// docCodeStart returns where the issuer code (机关代字) before the 〔 at b
// starts: "厅字" in "(厅字〔201928". The code is taken only where a citation
// puts it, after an opening bracket or quote or a 、 between two numbers;
// elsewhere ("按照厅字〔201928") the code cannot be told from the words
// before it, and the glue starts at 〔.
func docCodeStart(s string, b int) int {
	k := b
	for n := 0; n < 6 && k > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		k -= size
	}
	if k == b || k == 0 {
		return b
	}
	r, _ := utf8.DecodeLastRuneInString(s[:k])
	if strings.ContainsRune("([“《【、", r) {
		return k
	}
	return b
}
