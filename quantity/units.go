package quantity

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// A unitDef is one way of writing a unit.
type unitDef struct {
	text  string // as written: "人(次)"
	canon string // canonical: "人次"
	kind  Kind
	scale int // added to the multiplier's scale: -1 for ‰
	// not lists the words that begin with text but are not the unit after a
	// number: "处理" is not 处 ("3处理" is not three places).
	not []string
}

// unitDefs lists the units a number may carry. Single characters that begin
// common words after a number (人民, 项目, 处理, 起草, 期间 …) list those words
// in not. Deliberately absent: 级 and 届 (ranks), 类 (a category: "一类案件"),
// 月, 日, 号, 时, 点, 分 (dates, times, document numbers, scores), 年度 (a
// year), 版 (a version).
var unitDefs = []unitDef{
	// Counts.
	{text: "件", canon: "件", kind: Count},
	{text: "件次", canon: "件次", kind: Count},
	{text: "件(次)", canon: "件次", kind: Count},
	{text: "次", canon: "次", kind: Count, not: []string{"次日", "次年", "次要"}},
	{text: "人", canon: "人", kind: Count, not: []string{"人民", "人员", "人大", "人口", "人才", "人社", "人均", "人工", "人身", "人力"}},
	{text: "人次", canon: "人次", kind: Count},
	{text: "人(次)", canon: "人次", kind: Count},
	{text: "名", canon: "名", kind: Count, not: []string{"名称", "名单", "名义", "名额", "名录"}},
	{text: "个", canon: "个", kind: Count, not: []string{"个体", "个别", "个性"}},
	{text: "项", canon: "项", kind: Count, not: []string{"项目"}},
	{text: "家", canon: "家", kind: Count, not: []string{"家庭", "家属", "家长"}},
	{text: "家次", canon: "家次", kind: Count},
	{text: "场", canon: "场", kind: Count, not: []string{"场所", "场地", "场景", "场馆"}},
	{text: "场次", canon: "场次", kind: Count},
	{text: "场(次)", canon: "场次", kind: Count},
	{text: "期", canon: "期", kind: Count, not: []string{"期间", "期限", "期满", "期末", "期初"}},
	{text: "期次", canon: "期次", kind: Count},
	{text: "份", canon: "份", kind: Count, not: []string{"份额"}},
	{text: "份次", canon: "份次", kind: Count},
	{text: "条", canon: "条", kind: Count, not: []string{"条例", "条件"}},
	{text: "户", canon: "户", kind: Count, not: []string{"户籍", "户口", "户外"}},
	{text: "户次", canon: "户次", kind: Count},
	{text: "起", canon: "起", kind: Count, not: []string{"起草", "起诉", "起来", "起点"}},
	{text: "本", canon: "本", kind: Count, not: []string{"本级", "本地", "本部", "本市", "本区", "本县", "本镇", "本单位", "本年", "本次"}},
	{text: "张", canon: "张", kind: Count, not: []string{"张贴"}},
	{text: "批", canon: "批", kind: Count, not: []string{"批准", "批复", "批示", "批评"}},
	{text: "批次", canon: "批次", kind: Count},
	{text: "支", canon: "支", kind: Count, not: []string{"支持", "支付", "支出", "支部"}},
	{text: "处", canon: "处", kind: Count, not: []string{"处理", "处罚", "处置", "处分", "处室", "处长"}},
	{text: "所", canon: "所", kind: Count, not: []string{"所属", "所有", "所在", "所长", "所得"}},
	{text: "座", canon: "座", kind: Count, not: []string{"座谈"}},
	{text: "篇", canon: "篇", kind: Count},
	{text: "册", canon: "册", kind: Count},
	{text: "套", canon: "套", kind: Count, not: []string{"套餐"}},
	{text: "幅", canon: "幅", kind: Count},
	{text: "台", canon: "台", kind: Count, not: []string{"台账", "台帐", "台阶"}},
	{text: "辆", canon: "辆", kind: Count},
	{text: "块", canon: "块", kind: Count},
	{text: "轮", canon: "轮", kind: Count, not: []string{"轮岗", "轮换", "轮训"}},
	{text: "位", canon: "位", kind: Count, not: []string{"位于", "位置"}},
	{text: "例", canon: "例", kind: Count, not: []string{"例如", "例外"}},
	{text: "宗", canon: "宗", kind: Count, not: []string{"宗教", "宗旨"}},
	{text: "笔", canon: "笔", kind: Count, not: []string{"笔录"}},
	{text: "部", canon: "部", kind: Count, not: []string{"部署"}},
	{text: "部门", canon: "部门", kind: Count},

	// Money. 万元 and 亿元 are a multiplier and 元.
	{text: "元", canon: "元", kind: Amount},

	// Percentages and points.
	{text: "%", canon: "%", kind: Percent},
	{text: "‰", canon: "%", kind: Percent, scale: -1},
	{text: "个百分点", canon: "个百分点", kind: Points},
	{text: "百分点", canon: "个百分点", kind: Points},

	// Measures.
	{text: "天", canon: "天", kind: Measure, not: []string{"天然"}},
	{text: "工作日", canon: "工作日", kind: Measure},
	{text: "个工作日", canon: "工作日", kind: Measure},
	{text: "小时", canon: "小时", kind: Measure},
	{text: "个小时", canon: "小时", kind: Measure},
	{text: "分钟", canon: "分钟", kind: Measure},
	{text: "秒", canon: "秒", kind: Measure},
	{text: "周", canon: "周", kind: Measure, not: []string{"周边", "周期", "周末"}},
	{text: "周年", canon: "周年", kind: Measure},
	{text: "个月", canon: "个月", kind: Measure},
	{text: "年", canon: "年", kind: Measure, not: []string{"年度", "年级", "年底", "年初", "年末", "年中", "年份"}},
	{text: "岁", canon: "岁", kind: Measure},
	{text: "周岁", canon: "岁", kind: Measure},
	{text: "平方米", canon: "平方米", kind: Measure},
	{text: "㎡", canon: "平方米", kind: Measure},
	{text: "平方公里", canon: "平方公里", kind: Measure},
	{text: "平方千米", canon: "平方公里", kind: Measure},
	{text: "公顷", canon: "公顷", kind: Measure},
	{text: "亩", canon: "亩", kind: Measure},
	{text: "公里", canon: "公里", kind: Measure},
	{text: "千米", canon: "公里", kind: Measure},
	{text: "米", canon: "米", kind: Measure},
	{text: "立方米", canon: "立方米", kind: Measure},
	{text: "吨", canon: "吨", kind: Measure},
	{text: "千克", canon: "千克", kind: Measure},
	{text: "公斤", canon: "千克", kind: Measure},
	{text: "倍", canon: "倍", kind: Measure},
}

// unitsByRune indexes unitDefs by first rune, longest first, so that
// matchUnit tries "人(次)" and "人次" before "人". Built on first use (not
// at start-up, which every command pays); only read.
var unitsByRune = sync.OnceValue(func() map[rune][]*unitDef {
	m := make(map[rune][]*unitDef)
	for i := range unitDefs {
		u := &unitDefs[i]
		r, _ := utf8.DecodeRuneInString(u.text)
		m[r] = append(m[r], u)
	}
	for _, list := range m {
		// Insertion sort by length, longest first; the lists are short.
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j].text) > len(list[j-1].text); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
	}
	return m
})

// isTimeUnit reports whether canon is a unit of time, before which 近 means
// "the last" ("近3年") rather than "nearly".
func isTimeUnit(canon string) bool {
	switch canon {
	case "年", "个月", "天", "周", "工作日", "小时", "分钟":
		return true
	}
	return false
}

// matchUnit returns the unit written at s[i:], or nil.
func matchUnit(s string, i int) (*unitDef, int) {
	if i >= len(s) {
		return nil, i
	}
	r, _ := utf8x.Decode(s[i:])
	for _, u := range unitsByRune()[r] {
		if !strings.HasPrefix(s[i:], u.text) {
			continue
		}
		for _, w := range u.not {
			if strings.HasPrefix(s[i:], w) {
				return nil, i
			}
		}
		return u, i + len(u.text)
	}
	return nil, i
}

// A multiplier after an Arabic number: "5.5万", "2亿", "3千".
type multDef struct {
	text  string
	scale int
}

// multDefs are tried in order, longest first. 百 and 十 alone are left out:
// "3百分点" is points, and nobody writes "3十".
var multDefs = []multDef{
	{"万亿", 12}, {"千亿", 11}, {"百亿", 10}, {"十亿", 9},
	{"千万", 7}, {"百万", 6}, {"十万", 5},
	{"亿", 8}, {"万", 4}, {"千", 3},
}

func matchMult(s string, i int) (multDef, int, bool) {
	if i >= len(s) {
		return multDef{}, i, false
	}
	switch s[i] {
	case 0xe4, 0xe5: // first bytes of 万亿千百十
	default:
		return multDef{}, i, false
	}
	for _, m := range multDefs {
		if strings.HasPrefix(s[i:], m.text) {
			return m, i + len(m.text), true
		}
	}
	return multDef{}, i, false
}

// A marker is an approximation word before or after a number.
type marker struct {
	text   string
	approx Approx
}

// prefixMarkers come right before the number, longest first so that 未超过
// wins over 超过. Words that end in a marker's text but are not markers
// (最近, 签约, 民约 …) are in notMarkers.
var prefixMarkers = []marker{
	{"未超过", AtMost}, {"不超过", AtMost}, {"不少于", AtLeast}, {"不低于", AtLeast}, {"不高于", AtMost},
	{"大约", About}, {"约为", About}, {"大概", About}, {"近似", About},
	{"将近", AtMost}, {"接近", AtMost}, {"不足", AtMost}, {"不到", AtMost}, {"最多", AtMost},
	{"至多", AtMost}, {"少于", AtMost}, {"低于", AtMost}, {"小于", AtMost},
	{"超过", AtLeast}, {"多达", AtLeast}, {"至少", AtLeast}, {"大于", AtLeast}, {"高于", AtLeast},
	{"多于", AtLeast},
	{"约", About}, {"近", AtMost}, {"逾", AtLeast}, {"超", AtLeast},
}

// notMarkers are words ending in a one-character marker that do not mark a
// number: "村规民约48个" is 48 rules, not about 48.
var notMarkers = []string{
	"最近", "附近", "临近", "靠近", "就近",
	"签约", "节约", "制约", "违约", "履约", "特约", "预约", "邀约", "合约", "公约", "民约",
	"条约", "契约", "相约", "集约", "赶超",
}

// prefixMarker returns the marker ending at s[i], not starting before lo.
func prefixMarker(s string, lo, i int) (marker, bool) {
	if i-lo < 3 {
		return marker{}, false
	}
	switch s[i-3 : i] { // the last characters of prefixMarkers
	case "过", "于", "约", "为", "概", "似", "近", "足", "到", "多", "达", "少", "逾", "超":
	default:
		return marker{}, false
	}
	for _, m := range prefixMarkers {
		start := i - len(m.text)
		if start < lo || s[start:i] != m.text {
			continue
		}
		for _, w := range notMarkers {
			if ws := i - len(w); ws >= lo && s[ws:i] == w {
				return marker{}, false
			}
		}
		return m, true
	}
	return marker{}, false
}

// suffixMarkers come after the unit: "70%以上", "5%以下", "24小时左右".
var suffixMarkers = []marker{
	{"以上", AtLeast}, {"以下", AtMost}, {"以内", AtMost}, {"左右", About}, {"之多", AtLeast},
}

func suffixMarker(s string, i int) (marker, int, bool) {
	for _, m := range suffixMarkers {
		if strings.HasPrefix(s[i:], m.text) {
			return m, i + len(m.text), true
		}
	}
	return marker{}, i, false
}

// combine merges the approximations of a number's prefix and suffix: one
// that is Exact yields to the other; two that disagree make an estimate.
func combine(a, b Approx) Approx {
	switch {
	case a == Exact:
		return b
	case b == Exact || a == b:
		return a
	}
	return About
}

// A fixedPhrase is a numeral, unit and following words that name a policy,
// not a count: "三项制度" is the three systems of law enforcement, whether or
// not the text has three of anything.
type fixedPhrase struct {
	value int64
	unit  string // canonical
	next  string
}

var fixedPhrases = []fixedPhrase{
	{3, "项", "制度"}, {8, "项", "规定"},
	{2, "个", "确立"}, {2, "个", "维护"}, {2, "个", "一百年"}, {2, "个", "毫不动摇"},
	{3, "个", "代表"}, {3, "个", "务必"}, {3, "个", "有利于"},
	{4, "个", "意识"}, {4, "个", "自信"}, {4, "个", "全面"}, {4, "个", "伟大"},
	{5, "个", "率先"}, {5, "个", "最高"}, {5, "位", "一体"},
	{10, "个", "明确"}, {14, "个", "坚持"},
}

func isFixedPhrase(s string, value int64, unit string, end int) bool {
	for _, p := range fixedPhrases {
		if p.value == value && p.unit == unit && strings.HasPrefix(s[end:], p.next) {
			return true
		}
	}
	return false
}

// bareNotBefore lists what may follow a number with no unit and shows it is
// not a quantity: dates and times (月, 日, 号, 时, 点), scores (分), ranks
// (级, 届), versions (版), document numbers (号), hotlines and sites (热线,
// 平台, 如法网), and "N证合一".
var bareNotBefore = []string{
	"月", "日", "号", "时", "点", "分", "级", "届", "版", "年",
	"热线", "专线", "平台", "如法网", "法网", "证合一", "合一",
}

func bareExcluded(s string, i int) bool {
	for _, w := range bareNotBefore {
		if strings.HasPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// isHotline reports whether the digits d are a public service number: 110,
// 119, 120, 122 and the five-digit 123xx lines (12345, 12348 …).
func isHotline(d string) bool {
	switch d {
	case "110", "119", "120", "122":
		return true
	}
	return len(d) == 5 && strings.HasPrefix(d, "123")
}

// UnitClass maps a canonical unit to the class of units that count the same
// things: 名 and 位 count people as 人 does, 起 and 宗 count cases as 件
// does. Other units are their own class.
func UnitClass(u string) string {
	switch u {
	case "名", "位":
		return "人"
	case "起", "宗":
		return "件"
	}
	return u
}
