package checks

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/interval"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/quantity"
)

// A numeric "rate-mismatch" block configures RateMismatch:
//
//	numeric "rate-mismatch" {         # a rate follows from its counts
//	  title     = "…"
//	  rates     = ["率$"]              # labels of rates
//	  not_rates = ["增长率"]
//	  concluded = ["审结", "结案"]     # when the rate's clause has no denominator,
//	                                   # the whole sentence's counts are tried, unless
//	                                   # the numerator exceeds one of these
//	  not_in    = ["next-year"]
//	  composite "first-class-or-better" {   # a rate over a sum of counts
//	    rate  = ["一类以上(案件)?率"]
//	    parts = ["优秀", "^一类"]       # each matches the label of one count
//	  }
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "numeric", Label: "rate-mismatch", Rule: "numeric/rate-mismatch", Severity: lint.Error,
		Schema: hcl.BodySchema{
			Attributes: []hcl.AttributeSchema{{Name: "rates"}, {Name: "not_rates"}, {Name: "not_in"}, {Name: "concluded"}},
			Blocks:     []hcl.BlockHeaderSchema{{Type: "composite", LabelNames: []string{"name"}}},
		},
		Decode: decodeRateMismatch,
	})
}

var compositeSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "rate", Required: true}, {Name: "parts", Required: true},
}}

func decodeRateMismatch(d kind.Decoder, rule *lint.Rule) lint.Check {
	d.Require("rates")
	c := &RateMismatch{Rule: rule, Rates: d.Patterns("rates"), NotRates: d.Patterns("not_rates"), NotIn: d.Names("not_in"), Concluded: d.Patterns("concluded")}
	for _, b := range d.Blocks() {
		cd := d.Sub(b, compositeSchema)
		comp := Composite{Name: b.Labels[0], Rate: cd.Patterns("rate")}
		for _, p := range cd.Patterns("parts") {
			comp.Parts = append(comp.Parts, []*match.Regexp{p})
		}
		c.Composites = append(c.Composites, comp)
	}
	return c
}

// RateMismatch checks that a stated rate follows from the counts of its
// sentence:
//
//	行政诉讼案件结案51件,败诉9件,败诉率16.65%。
//
// is an error (9/51 = 17.65%); it passes "…败诉率17.65%", and
//
//	法院共推送行政争议案件13件,成功化解11件,化解成功率为84.61%。
//
// (11/13 = 84.615…%, truncated: REQUIREMENTS §4 accepts rounding half up
// or truncation at the stated precision).
//
// A rate is a percentage whose label matches Rates ("率$") and not
// NotRates. What it is a rate of is its label without 率 and generic nouns
// (案件, 数 …): 调解成功率 → 调解成功, 纠错率 → 纠错. Its numerators are
// the counts of the sentence whose label ends with that stem (纠错 ↔
// "行政复议纠错案件"; 成功化解 reads as 化解成功), or with a tail of it
// whose head the sentence names before the count (诉求化解率 ↔ "化解" after
// "收集企业合理诉求"). Any other count of the sentence with the same unit may
// be the denominator, since definitions vary (a 败诉率 over 结案 or over
// 审结). The rate is reported only when no numerator and denominator fit,
// and left alone when the sentence has no numerator or no denominator.
//
// A composite rate (一类以上案件率 = (优秀 + 一类) / 总数) is recomputed from
// the parts Composites name; without a Composite it is left alone. Two
// counts of one clause joined as before and after ("由6327项压减到5938项",
// "将504家政府网站整合为49家") are a change of one thing, neither a part of
// the other, and are not used.
type RateMismatch struct {
	Rule            *lint.Rule
	Rates, NotRates []*document.Pattern
	Composites      []Composite
	NotIn           []string
	// Concluded match the labels of counts of concluded cases (审结, 结案).
	// When a rate's clause states no denominator, the counts of its whole
	// sentence are tried, unless a numerator exceeds one of these: see
	// baseUnstated. Without Concluded the whole sentence is not tried.
	Concluded []*document.Pattern

	once       sync.Once
	rates, not match.Set
	concluded  match.Set
	compRates  []match.Set
	compParts  [][]match.Set
}

// A Composite is a rate over the sum of several counts.
type Composite struct {
	Name string
	// Rate matches the rate's label.
	Rate []*document.Pattern
	// Parts match, each, the label of one count of the numerator.
	Parts [][]*match.Regexp
}

func (c *RateMismatch) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *RateMismatch) Run(pass *lint.Pass) error {
	c.once.Do(func() {
		c.rates, c.not = match.NewSet(c.Rates), match.NewSet(c.NotRates)
		c.concluded = match.NewSet(c.Concluded)
		for _, comp := range c.Composites {
			c.compRates = append(c.compRates, match.NewSet(comp.Rate))
			var parts []match.Set
			for _, p := range comp.Parts {
				parts = append(parts, match.NewSet(p))
			}
			c.compParts = append(c.compParts, parts)
		}
	})
	doc := pass.Doc
	sentences(pass, c.NotIn, func(lo, hi int) {
		qs := doc.Quantities[lo:hi]
		var changed []bool
		for i := range qs {
			r := &qs[i]
			if r.Kind != quantity.Percent || r.Growth || r.Negative { // a negative rate is percent-range's
				continue
			}
			if l, m := labelOf(doc, lo+i); !c.rates.MatchMask(l, m) || c.not.MatchMask(l, m) {
				continue
			}
			if changed == nil {
				changed = beforeAfter(doc.Norm, qs)
			}
			sentStart := doc.Sentences[doc.QuantitySentence(lo)].Start
			if c.check(pass, lo, changed, i, sentStart, false) || len(c.Concluded) == 0 {
				continue
			}
			// No denominator in the rate's clause: the counts of the whole
			// sentence, up to its 。, may hold it.
			wlo, whi := c.wide(doc, lo, hi)
			if wlo == lo && whi == hi || whi-wlo > maxSentence || !sharesUnit(doc.Quantities, lo, hi, wlo, whi) {
				continue
			}
			wide := beforeAfter(doc.Norm, doc.Quantities[wlo:whi])
			c.check(pass, wlo, wide, lo-wlo+i, doc.Sentences[doc.QuantitySentence(wlo)].Start, true)
		}
	})
	return nil
}

// sharesUnit reports whether a count of [wlo, whi) outside [lo, hi) has the
// unit of a count of [lo, hi): only then can the wider sentence hold a
// denominator.
func sharesUnit(qs []quantity.Quantity, lo, hi, wlo, whi int) bool {
	for i := wlo; i < whi; i++ {
		if i >= lo && i < hi || !isCount(&qs[i]) {
			continue
		}
		for j := lo; j < hi; j++ {
			if isCount(&qs[j]) && sameUnit(&qs[i], &qs[j]) {
				return true
			}
		}
	}
	return false
}

// wide returns the range of quantities of the whole sentence around the
// clause whose quantities are [lo, hi): the clauses before and after it
// on its line that no 。, ! or ? separates from it (the sentences Parse
// splits also end at ;).
func (c *RateMismatch) wide(doc *document.Document, lo, hi int) (int, int) {
	qs := doc.Quantities
	line := doc.LineAt(qs[lo].Start)
	ends := func(a, b int) bool { // a sentence ends between offsets a and b
		t := doc.Norm[a:b]
		return strings.ContainsAny(t, "。!?\n")
	}
	wlo, whi := lo, hi
	for wlo > 0 && qs[wlo-1].Start >= line.Start && !ends(qs[wlo-1].End, qs[wlo].Start) {
		wlo--
	}
	for whi < len(qs) && qs[whi].End <= line.End && !ends(qs[whi-1].End, qs[whi].Start) {
		whi++
	}
	return wlo, whi
}

// rateTerm is a numerator or denominator: one count, or a composite's sum.
type rateTerm struct {
	qs []*quantity.Quantity
	iv interval.Interval
}

func (t rateTerm) String() string {
	if len(t.qs) == 1 {
		return interval.FormatRat(t.qs[0].Value, 4)
	}
	var b strings.Builder
	b.WriteString("(")
	for i, q := range t.qs {
		if i > 0 {
			b.WriteString("+")
		}
		b.WriteString(interval.FormatRat(q.Value, 4))
	}
	b.WriteString(")")
	return b.String()
}

// check tests the rate qs[ri] against the counts of qs, the quantities
// [lo, lo+len(changed)) of the document, and reports it when no numerator
// and denominator fit. It returns false when it found no numerator and
// denominator to try. wide says qs is a whole sentence the rate's own
// clause is part of: then a numerator larger than a count of concluded
// cases (Concluded) means the rate is over a base the sentence does not
// state, and the rate is left alone.
func (c *RateMismatch) check(pass *lint.Pass, lo int, changed []bool, ri, sentStart int, wide bool) bool {
	doc := pass.Doc
	qs := doc.Quantities[lo : lo+len(changed)]
	r := &qs[ri]
	var nums []rateTerm
	used := make([]bool, len(qs))
	single := make([]*quantity.Quantity, len(qs)) // backs one-count terms
	one := func(i int) rateTerm {
		single[i] = &qs[i]
		return rateTerm{single[i : i+1 : i+1], interval.Bounds(qs[i])}
	}
	composite := false
	for ci := range c.Composites {
		if l, m := labelOf(doc, lo+ri); !c.compRates[ci].MatchMask(l, m) {
			continue
		}
		composite = true
		t, idx, ok := compositeTerm(doc, lo, len(qs), ri, c.compParts[ci])
		if !ok {
			return true // a composite whose parts are not all stated: left alone
		}
		nums = append(nums, t)
		for _, i := range idx {
			used[i] = true
		}
		break
	}
	if !composite {
		st := rateStem(r.Label)
		if st == "" {
			return true
		}
		for i := range qs {
			q := &qs[i]
			if i == ri || changed[i] || !isCount(q) || !stemMatch(st, words(q), pass.Doc.Norm[sentStart:q.Start]) {
				continue
			}
			nums = append(nums, one(i))
			used[i] = true
		}
		// nearest numerator first: before the rate, latest first
		sortNearest(nums, r.Start)
		if len(nums) > maxNumerators {
			nums = nums[:maxNumerators]
		}
	}
	if len(nums) == 0 {
		return false
	}
	unit := nums[0].qs[0]
	var dens []rateTerm
	for i := range qs {
		q := &qs[i]
		if i == ri || changed[i] || !isCount(q) || !sameUnit(q, unit) || composite && used[i] {
			continue
		}
		dens = append(dens, one(i))
	}
	stated := interval.Bounds(*r)
	sf := floats(stated)
	tried := false
	for _, n := range nums {
		nf := floats(n.iv)
		for _, d := range dens {
			if sameTerm(n, d) {
				continue
			}
			tried = true
			if clearlyApart(sf, quoFloats(nf, floats(d.iv))) {
				continue // the exact test below would say so too, slowly
			}
			if interval.Equal(stated, n.iv.Percent(d.iv)) != interval.False {
				return true // fits
			}
		}
	}
	if !tried {
		return false // no denominator
	}
	if wide && c.baseUnstated(doc, lo, qs, nums, unit) {
		return true
	}
	// Show the nearest numerator with its nearest denominator.
	for _, n := range nums {
		var best *rateTerm
		for di, d := range dens {
			if !sameTerm(n, d) && (best == nil || nearer(d, *best, n)) {
				best = &dens[di]
			}
		}
		if best == nil || nominal(best.qs).Sign() == 0 {
			continue
		}
		// The arithmetic shown is on the numbers as stated, to at least two
		// decimals ("9/51=17.65%"); the decision above was on intervals.
		got := interval.FormatRat(new(big.Rat).Mul(new(big.Rat).Quo(nominal(n.qs), nominal(best.qs)), big.NewRat(100, 1)), max(r.Decimals, 2))
		reportf(pass, c.Rule, c.Rule.Severity, span(r),
			"%s与%s/%s=%s%%不符(%s,%s):比率应由这两个数算出(按%s四舍五入或截尾);请核对比率或数字。",
			describe(*r), n, best, got, describeTerm(n), describeTerm(*best), precisionName(r.Decimals))
		return true
	}
	return true
}

// baseUnstated reports whether a numerator exceeds a count of concluded
// cases of the same unit in qs: "受理审结160件……调撤案件258件,调撤率达到
// 70.7%" counts cases carried over from the year before in the 258, so the
// rate is over a total the sentence does not state (258/365), and none of
// its counts is the denominator.
func (c *RateMismatch) baseUnstated(doc *document.Document, lo int, qs []quantity.Quantity, nums []rateTerm, unit *quantity.Quantity) bool {
	for i := range qs {
		q := &qs[i]
		if !isCount(q) || !sameUnit(q, unit) {
			continue
		}
		if l, m := wordsOf(doc, lo+i); !c.concluded.MatchMask(l, m) {
			continue
		}
		for _, n := range nums {
			if interval.Less(interval.Bounds(*q), n.iv) == interval.True {
				return true
			}
		}
	}
	return false
}

// maxNumerators bounds the numerators tried for one rate: the nearest few
// are the plausible ones, and a sentence listing dozens of counts with the
// rate's name must not cost time cubic in its length.
const maxNumerators = 4

// floats is a float64 view of an interval, ±Inf for unbounded ends.
func floats(a interval.Interval) [2]float64 {
	f := [2]float64{math.Inf(-1), math.Inf(1)}
	if a.Lo != nil {
		f[0], _ = a.Lo.Float64()
	}
	if a.Hi != nil {
		f[1], _ = a.Hi.Float64()
	}
	return f
}

// quoFloats is n ÷ d × 100 for non-negative n and d in float64; a d that may
// be zero gives (−Inf, +Inf).
func quoFloats(n, d [2]float64) [2]float64 {
	if d[0] <= 0 {
		return [2]float64{math.Inf(-1), math.Inf(1)}
	}
	return [2]float64{n[0] / d[1] * 100, n[1] / d[0] * 100}
}

// clearlyApart reports whether two float intervals are disjoint by far more
// than float rounding can explain: only then is the exact comparison
// skipped. It is a shortcut, never a decision the exact arithmetic would
// not make.
func clearlyApart(a, b [2]float64) bool {
	const margin = 1e-9
	gap := func(lo, hi float64) bool { // hi < lo by a margin
		return hi < lo-margin*(math.Abs(lo)+math.Abs(hi)+1)
	}
	return gap(b[0], a[1]) || gap(a[0], b[1])
}

func describeTerm(t rateTerm) string { return describeAll(t.qs, "+") }

func precisionName(decimals int) string {
	if decimals == 0 {
		return "整数"
	}
	return fmt.Sprintf("%d位小数", decimals)
}

func sameTerm(a, b rateTerm) bool {
	for _, p := range a.qs {
		for _, q := range b.qs {
			if p == q {
				return true
			}
		}
	}
	return false
}

// nearer reports whether denominator a sits closer before the numerator n
// than b does (a denominator usually comes first: "结案51件,败诉9件").
func nearer(a, b rateTerm, n rateTerm) bool {
	at, bt, nt := a.qs[0].Start, b.qs[0].Start, n.qs[0].Start
	ab, bb := at < nt, bt < nt
	switch {
	case ab != bb:
		return ab
	case ab:
		return at > bt
	}
	return at < bt
}

// sortNearest orders numerators: those before the rate (nearest first),
// then those after it.
func sortNearest(ts []rateTerm, at int) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && nearerTo(ts[j], ts[j-1], at); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func nearerTo(a, b rateTerm, at int) bool {
	as, bs := a.qs[0].Start, b.qs[0].Start
	ab, bb := as < at, bs < at
	switch {
	case ab != bb:
		return ab
	case ab:
		return as > bs
	}
	return as < bs
}

// compositeTerm finds, for each part of comp, the nearest count before the
// rate at ri whose words match it; ok is false when a part is missing or
// the parts differ in unit.
func compositeTerm(doc *document.Document, lo, n, ri int, parts []match.Set) (rateTerm, []int, bool) {
	qs := doc.Quantities[lo : lo+n]
	var t rateTerm
	var idx []int
	for _, part := range parts {
		found := -1
		for i := ri - 1; i >= 0; i-- {
			q := &qs[i]
			if !isCount(q) {
				continue
			}
			if w, m := wordsOf(doc, lo+i); !part.MatchMask(w, m) {
				continue
			}
			dup := false
			for _, j := range idx {
				dup = dup || j == i
			}
			if !dup {
				found = i
				break
			}
		}
		if found < 0 || len(t.qs) > 0 && !sameUnit(&qs[found], t.qs[0]) {
			return rateTerm{}, nil, false
		}
		q := &qs[found]
		if len(t.qs) == 0 {
			t.iv = interval.Bounds(*q)
		} else {
			t.iv = t.iv.Add(interval.Bounds(*q))
		}
		t.qs = append(t.qs, q)
		idx = append(idx, found)
	}
	return t, idx, len(t.qs) > 0
}

// beforeAfter marks the counts of qs that are the two ends of a change of
// one thing within a clause: the later is introduced by 为, 到, 至 or 成
// ("将504家政府网站整合为49家", "由6327项压减到5938项") and the earlier has its
// unit.
func beforeAfter(norm string, qs []quantity.Quantity) []bool {
	out := make([]bool, len(qs))
	for i := range qs {
		q := &qs[i]
		if !isCount(q) || q.Start < 3 {
			continue
		}
		switch norm[q.Start-3 : q.Start] {
		case "为", "到", "至", "成":
		default:
			continue
		}
		for j := i - 1; j >= 0 && qs[j].Clause == q.Clause; j-- {
			if isCount(&qs[j]) && sameUnit(&qs[j], q) {
				out[i], out[j] = true, true
				break
			}
		}
	}
	return out
}

// genericTails are nouns that end a label without saying what is counted:
// "纠错案件" counts 纠错, "结案数" counts 结案.
var genericTails = []string{"案件数", "案件", "件数", "人次数", "人数", "次数", "数量", "总数", "总量", "数"}

// trimGeneric drops generic nouns from the end of s.
func trimGeneric(s string) string {
	for changed := true; changed; {
		changed = false
		for _, t := range genericTails {
			if len(s) > len(t) && strings.HasSuffix(s, t) {
				s = s[:len(s)-len(t)]
				changed = true
				break
			}
		}
	}
	return s
}

// successFirst rewrites a label ending in 成功 and a two-character verb the
// way its rate names it: "成功化解" → "化解成功", "成功调解" → "调解成功".
func successFirst(s string) string {
	i := strings.LastIndex(s, "成功")
	if i < 0 {
		return s
	}
	rest := s[i+len("成功"):]
	if utf8.RuneCountInString(rest) != 2 {
		return s
	}
	return s[:i] + rest + "成功"
}

// rateStem is what a rate's label says it is a rate of: "调解成功率" →
// "调解成功", "参考率和及格率" → "及格", "一类以上案件率" → "一类以上".
func rateStem(label string) string {
	s := strings.TrimSuffix(label, "率")
	for _, sep := range []string{"和", "及", "与", "、"} {
		if i := strings.LastIndex(s, sep); i >= 0 {
			s = s[i+len(sep):]
		}
	}
	s = successFirst(trimGeneric(s))
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// stemMatch reports whether a count labelled w is a numerator of a rate
// of st: w (without generic nouns) ends with st, or with a tail of st of at
// least two characters whose head the sentence names before the count
// (before).
func stemMatch(st, w, before string) bool {
	if w == "" {
		return false
	}
	w = successFirst(trimGeneric(w))
	if strings.HasSuffix(w, st) {
		return true
	}
	// tails of st, longest first
	for i := range st {
		if i == 0 {
			continue
		}
		tail := st[i:]
		if utf8.RuneCountInString(tail) < 2 {
			break
		}
		if strings.HasSuffix(w, tail) && strings.Contains(before, st[:i]) {
			return true
		}
	}
	return false
}
