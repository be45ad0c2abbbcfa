// Package quantity reads the quantities stated in a report: every number with
// its unit, its approximation markers and the words that say what it counts.
//
//	全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率99.13%
//
// reads as three quantities: 4489 件 labelled "全年调解各类矛盾纠纷", 4450 件
// labelled "调解成功", and 99.13 % labelled "调解成功率". The numeric checks
// (a part exceeds its total, parts do not add up, a rate does not follow from
// its counts) compare such quantities, so the package prefers to miss a number
// rather than invent one: a false quantity becomes a false finding.
//
// # Input
//
// Extract reads the normalised view of a report (internal/norm): full-width
// ASCII folded to half-width ("，" reads ",", "４" reads "4", "％" reads "%"),
// while "、。《》“”〔〕" stay as they are. It accepts any string, valid UTF-8
// or not, and never panics.
//
// # What is a quantity
//
// Arabic numbers ("4489", "4,489", "99.13", "515 件" with a space before the
// unit), Chinese numerals followed by a unit ("三十五人", "两千零八件",
// "十三批次"), percentages ("99.13%", "百分之九十"), percentage points
// ("24.2个百分点"), multipliers ("5.5万名", "20381.1万元", "近2亿元") and the
// approximation markers around them ("200余件", "近", "约", "超过", "以上").
// Spans of time, areas and lengths are quantities of kind Measure ("24小时",
// "为期2天", "1000㎡"), never counts; before a span of time 近 means "the
// last" ("近3年" is exactly three years), not "nearly".
//
// A comma between digits is a thousands separator only when groups of three
// follow ("4,489"); the normalised view cannot tell "5,100件" from a list
// "5, 100件" written with a full-width comma, and reads 5100.
//
// What is not, because it names, orders or dates rather than counts:
//
//   - years, dates and times: "2020年", "2020年度", "2021年3月31日", "4月10日",
//     "8月底", "2021-03-31 14:27", "2021.3.31"; a bare four-digit number from
//     1900 to 2100 with no unit ("2022共召开…") is read as a year;
//   - ranges: "2015—2020年", "2021-2025", "(2023—2025年)", "三至五年", "3-5人"
//     (a range has no single value; neither end is reported);
//   - ordinals, ranks and categories: "第一批", "第1批", "第三次会议",
//     "三级综治中心", "Ⅳ级", "3级", "一类案件" (级 is a rank and 类 a category,
//     not counts: "三级综治中心" is a centre at three levels);
//   - document numbers: "厅字〔2019〕28号", "办字〔2020〕14号" (号 after a number is
//     never a quantity);
//   - heading and list numbers: "1.深化…", "2、…", "(1)";
//   - anything inside “quotation marks” or a 《title》: slogans and names
//     ("“两降一保”", "“一件事一次办”", "“32证合一”", "“1+N”", "“五个率先”",
//     "《…(2015—2020年)》"). A quotation is looked for up to 64 characters
//     ahead and a title up to 160, on the same line, so a stray mark hides a
//     phrase, not a paragraph;
//   - codes and names glued to letters or signs: "O2O", "5G", "1+N", "3+X",
//     "GB/T 9704-2012", "2.0版", "32证合一", hotline numbers ("12348热线",
//     "12345"), "十四五", "二十大", "十九届五中全会", "八五普法";
//   - a Chinese numeral with no unit after it ("一是", "两降一保", "四治融合",
//     "十四五"), a lone "一", "零" or "〇" even with a unit ("一件事一次办",
//     "一网通办", "每一名", "零件"), digit-by-digit numerals ("二〇二一",
//     "七五"), and indefinites ("数十人", "几百人", "十几人");
//   - fixed political phrases whose numeral is part of a name: "三项制度",
//     "八项规定", "两个确立", "四个意识", "五个率先", "五位一体" … (see
//     fixedPhrases), quoted or not.
//
// An Arabic number with no unit is still a quantity, of kind Bare: "8641衡阳
// 群众志愿者" (the 名 was dropped), "0.5". Its value is known, what it counts
// is not, and checks that compare counts should leave it alone.
//
// Numbers of more than 30 digits (MaxDigits) are not read at all.
package quantity

import (
	"math/big"
)

// MaxDigits is the most digits a number may have to be read. Longer runs of
// digits are account numbers, garbage or attacks, never statistics; skipping
// them keeps big.Rat arithmetic small.
const MaxDigits = 30

// Quantity is one number stated in the text, with its unit, markers and label.
type Quantity struct {
	// Start and End delimit the whole expression in the input: markers, the
	// number, its multiplier and unit ("近2亿元", "200余件", "99.13%",
	// "百分之九十", "45%以上").
	Start, End int
	// NumStart and NumEnd delimit the number alone ("2", "200", "99.13",
	// "九十"), without multiplier.
	NumStart, NumEnd int
	// Text is input[Start:End].
	Text string

	// Value is the exact value after multipliers: "5.5万" → 55000,
	// "4.35万件" → 43500, "20381.1万元" → 203811000. A percentage keeps its
	// percent value: "99.13%" → 99.13, not 0.9913. Never nil, never negative.
	Value *big.Rat
	// Decimals is the number of decimal places as written in the number:
	// "99.13" → 2, "5.5万" → 1, "4489" → 0, "百分之九十九点一三" → 2.
	Decimals int
	// Scale is the power of ten the multiplier stands for: 万 → 4, 亿 → 8,
	// 千 → 3, none → 0, ‰ → -1 (a per mille value is kept as a percentage).
	// With Decimals it gives the precision of the statement: see Step.
	Scale int
	// Approx says whether the number is a bound or an estimate.
	Approx Approx

	// Unit is the canonical unit: "件", "人次", "元" (for 元, 万元 and 亿元
	// alike: Value is scaled), "%", "个百分点", "小时", "平方米" …; "" for a
	// bare number.
	Unit string
	// UnitText is the multiplier and unit as written, without approximation
	// markers or spaces: "万元", "人(次)", "件次", "万份" (for "1万余份"),
	// "百分之", "㎡".
	UnitText string
	// Kind is what sort of quantity the unit makes it.
	Kind Kind

	// Label is the words before the number in its clause that say what it
	// counts: "调解成功" in "调解成功4450件", "全年调解各类矛盾纠纷" in
	// "全年调解各类矛盾纠纷4489件". Connectives next to the number (共, 共计,
	// 累计, 达, 达到, 为, 均为, 分别为 …), list markers and connectives at its
	// start (其中, 以及, 同时 …; 和, 及 and 与 only where they join it to the
	// previous quantity, since they begin 和解, 及时, 与会) are trimmed;
	// approximation markers are not part of it. It starts after the
	// previous quantity of the clause; when that quantity has no label of its
	// own, the words between the two are its After, and Label is empty
	// ("13件规范性文件继续有效53件…": 53 has no label).
	Label                string
	LabelStart, LabelEnd int
	// After is the words after the quantity up to the end of the clause or
	// the next quantity: "规范性文件继续有效" in "13件规范性文件继续有效".
	After                string
	AfterStart, AfterEnd int

	// Clause is the index of the clause holding the quantity, counting from
	// 0 at the start of the input. Clauses end at , 、 ; : 。 ! ? and line
	// ends outside quotations and titles. Quantities with the same Clause
	// share it.
	Clause int
	// Part says the number is stated as part of a total: "其中" comes
	// before it in its sentence ("共计35件,其中行政复议5件,行政诉讼30件":
	// 5 and 30 are parts). Sentences end at 。 ; ! ? and line ends.
	Part bool
	// Growth says the number is a change, not a level: a word such as 增长,
	// 提高, 上升, 下降, 减少, 压缩, 同比 or 环比 comes before it in its clause
	// ("同比增长150%", "较2021年增加543项"), at most four characters before
	// it or before an earlier change in the clause ("同比分别增长10%和20%":
	// both). A growth word further away has an object of its own ("提升行政
	// 执法质量三年行动"); one followed by 到, 至 or 为 announces a level
	// ("压减到5938项").
	Growth bool
	// Negative says a minus sign stands before a percentage: "-5%",
	// "−12.5%", "负3%" (not "85%-90%", a range, nor "正负3%", a tolerance).
	// Value is then the magnitude, and Start includes the sign. A number
	// after a minus sign that is not a percentage is not read at all.
	Negative bool
}

// Approx says how a stated number relates to the true value.
type Approx uint8

const (
	// Exact is a number stated without markers.
	Exact Approx = iota
	// AtLeast is a lower bound: 余, 多, 以上, 超过, 逾, 多达, 至少, 不少于.
	AtLeast
	// AtMost is an upper bound: 近, 不足, 不到, 以内, 以下, 未超过, 不超过.
	AtMost
	// About is an estimate: 约, 大约, 左右, 近似; also a number whose markers
	// point both ways.
	About
)

var approxNames = [...]string{"Exact", "AtLeast", "AtMost", "About"}

func (a Approx) String() string {
	if int(a) < len(approxNames) {
		return approxNames[a]
	}
	return "Approx(?)"
}

// Kind is the sort of quantity, as its unit says.
type Kind uint8

const (
	// Bare is a number with no unit: "8641衡阳群众志愿者". What it counts is
	// unknown.
	Bare Kind = iota
	// Count counts things or events: 件, 次, 人, 人次, 名, 个, 项, 家 …
	Count
	// Amount is money; Unit is "元".
	Amount
	// Percent is a percentage ("%", "百分之", "‰"); Value is in percent.
	Percent
	// Points is a difference of percentages: "个百分点".
	Points
	// Measure is time, area, length, weight or a multiple: 小时, 天, 年, 平方米,
	// 亩, 公里, 吨, 倍.
	Measure
)

var kindNames = [...]string{"Bare", "Count", "Amount", "Percent", "Points", "Measure"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// aboutTolerance is the relative widening Bounds gives an About quantity
// ("约200人" → [180, 220]). Reports use 约 loosely; a tenth either way keeps
// checks from flagging honest estimates.
var aboutTolerance = big.NewRat(1, 10)

// Step returns the value of one unit in the last written digit: "99.13%" →
// 1/100, "4.35万" → 100, "4489" → 1, "2亿" → 100000000. A number stated to
// that precision stands for some value within half a Step of it (rounded) or
// less than a Step above it (truncated).
func (q Quantity) Step() *big.Rat {
	return pow10(q.Scale - q.Decimals)
}

// Rounded reports whether the number is a rounded statement of its value:
// it has decimals, a multiplier, or is a percentage or percentage points.
// A plain integer count ("4489件", "515元") is exact.
func (q Quantity) Rounded() bool {
	return q.Decimals > 0 || q.Scale != 0 || q.Kind == Percent || q.Kind == Points
}

// Bounds returns the closed interval [lo, hi] of values the statement allows,
// for checks that must not flag what the text may mean:
//
//   - a rounded number (see Rounded) stands for every value that rounds half
//     up to it: "99.13%" → [99.125, 99.135], "4.35万件" → [43450, 43550],
//     "2亿元" → [1.5亿, 2.5亿]. The upper end is really open (99.135 rounds to
//     99.14); it is closed here so that no honest value is excluded. Callers
//     that also accept truncation ("84.61%" for 84.615…) add half a Step to
//     hi;
//   - an exact integer stands for itself: lo == hi == Value;
//   - AtLeast makes the stated number the lower end and leaves hi unbounded
//     (nil): "200余件" → [200, ∞), "45%以上" → [45, ∞);
//   - AtMost makes it the upper end, with 0 below: "近2亿元" → [0, 2亿],
//     "5%以下" → [0, 5];
//   - About widens the rounded interval by a tenth of the value on each
//     side: "约200人" → [180, 220].
//
// lo is never nil and never negative. The values are fresh: callers may
// change them.
func (q Quantity) Bounds() (lo, hi *big.Rat) {
	v := q.Value
	if v == nil {
		v = new(big.Rat)
	}
	lo, hi = new(big.Rat).Set(v), new(big.Rat).Set(v)
	switch q.Approx {
	case AtLeast:
		return lo, nil
	case AtMost:
		return lo.SetInt64(0), hi
	}
	if q.Rounded() {
		half := q.Step()
		half.Quo(half, big.NewRat(2, 1))
		lo.Sub(lo, half)
		hi.Add(hi, half)
	}
	if q.Approx == About {
		w := new(big.Rat).Mul(v, aboutTolerance)
		lo.Sub(lo, w)
		hi.Add(hi, w)
	}
	if lo.Sign() < 0 {
		lo.SetInt64(0)
	}
	return lo, hi
}
