// Package interval is the arithmetic of the numeric checks: a number a
// report states stands for an Interval of exact values ("200余件" is
// [200, +∞), "84.61%" the values that round or truncate to it), and
// comparisons of intervals are three-valued (Truth): true for every value
// they allow, false for none, unknown otherwise. A check reports only what
// is false.
package interval

import (
	"math/big"
	"strings"
	"sync"

	"github.com/ducha-dev/ducha/quantity"
)

// An Interval is the closed range [Lo, Hi] of exact values a stated number
// may stand for; a nil Lo is −∞ and a nil Hi is +∞. The numeric checks
// compare intervals, never single values, so that "200余件" (at least 200)
// and "84.61%" (a rate rounded or truncated to two decimals) are never
// taken for what they do not say.
//
// Intervals are values: operations return new ones and never change their
// operands, which they may share (the bounds of "4489件" are its Value).
type Interval struct {
	Lo, Hi *big.Rat
}

// Exact returns the interval holding only v.
func Exact(v *big.Rat) Interval { return Interval{v, v} }

// ExactInt returns the interval holding only n.
func ExactInt(n int64) Interval { return Exact(big.NewRat(n, 1)) }

// Everything is (−∞, +∞): a value nothing is known about.
var Everything = Interval{}

var hundred = big.NewRat(100, 1) // never changed

// stepTables returns steps and halfSteps: steps[e+stepRange] is 10^e and
// halfSteps[e+stepRange] its half, for e in ±stepRange, the precisions
// statistics are stated to. Never changed. They are built on first use,
// not at start-up (1,200 allocations every run of the command paid, most
// of which never reads a number).
const stepRange = 12

type stepTable [2*stepRange + 1]*big.Rat

var stepTables = sync.OnceValues(func() (s, h *stepTable) {
	s, h = new(stepTable), new(stepTable)
	for e := -stepRange; e <= stepRange; e++ {
		v := big.NewRat(1, 1)
		ten := big.NewRat(10, 1)
		for i := 0; i < e; i++ {
			v.Mul(v, ten)
		}
		for i := 0; i > e; i-- {
			v.Quo(v, ten)
		}
		s[e+stepRange] = v
		h[e+stepRange] = new(big.Rat).Quo(v, big.NewRat(2, 1))
	}
	return s, h
})

// Bounds returns the interval a quantity stands for: quantity.Bounds, with
// the upper end raised by half a step for a rounded statement, because
// reports truncate as often as they round (a rate of 11/13 =
// 84.615…% may be written 84.61%). "84.61%" is [84.605, 84.62]; "4489件"
// is [4489, 4489]; "200余件" is [200, +∞).
//
// The interval is closed at both ends for simplicity; the one value at its
// upper end (84.62 exactly, which would be written 84.62%) is accepted too.
// That errs towards not reporting.
func Bounds(q quantity.Quantity) Interval {
	if q.Approx == quantity.Exact && q.Value != nil {
		if !q.Rounded() {
			// a plain count stands for itself; q.Value is shared, never changed
			return Interval{q.Value, q.Value}
		}
		// quantity.Bounds widened, without its allocations
		if e := q.Scale - q.Decimals; e >= -stepRange && e <= stepRange {
			steps, halfSteps := stepTables()
			lo := new(big.Rat).Sub(q.Value, halfSteps[e+stepRange])
			if lo.Sign() < 0 {
				lo.SetInt64(0)
			}
			return Interval{lo, new(big.Rat).Add(q.Value, steps[e+stepRange])}
		}
	}
	lo, hi := q.Bounds()
	if hi != nil && q.Rounded() && q.Approx != quantity.AtMost {
		half := q.Step()
		half.Quo(half, big.NewRat(2, 1))
		hi.Add(hi, half)
	}
	return Interval{lo, hi}
}

// IsExact reports whether the interval holds a single value.
func (a Interval) IsExact() bool {
	return a.Lo != nil && a.Hi != nil && (a.Lo == a.Hi || a.Lo.Cmp(a.Hi) == 0)
}

// exact2 returns the single values of a and b, when both are exact: most
// statistics are, and their arithmetic needs one value, not two bounds.
func exact2(a, b Interval) (x, y *big.Rat, ok bool) {
	if a.IsExact() && b.IsExact() {
		return a.Lo, b.Lo, true
	}
	return nil, nil, false
}

// Add returns a + b.
func (a Interval) Add(b Interval) Interval {
	if x, y, ok := exact2(a, b); ok {
		return Exact(new(big.Rat).Add(x, y))
	}
	return Interval{addRat(a.Lo, b.Lo), addRat(a.Hi, b.Hi)}
}

// Sub returns a − b.
func (a Interval) Sub(b Interval) Interval { return a.Add(b.Neg()) }

// Neg returns −a.
func (a Interval) Neg() Interval { return Interval{negRat(a.Hi), negRat(a.Lo)} }

// Mul returns a × b.
func (a Interval) Mul(b Interval) Interval {
	if x, y, ok := exact2(a, b); ok {
		return Exact(new(big.Rat).Mul(x, y))
	}
	ps := [4]ext{
		mulExt(lo(a), lo(b)), mulExt(lo(a), hi(b)),
		mulExt(hi(a), lo(b)), mulExt(hi(a), hi(b)),
	}
	mn, mx := ps[0], ps[0]
	for _, p := range ps[1:] {
		if cmpExt(p, mn) < 0 {
			mn = p
		}
		if cmpExt(p, mx) > 0 {
			mx = p
		}
	}
	return Interval{mn.lower(), mx.upper()}
}

// Quo returns a ÷ b, or Everything when b may be zero.
func (a Interval) Quo(b Interval) Interval {
	if (b.Lo == nil || b.Lo.Sign() <= 0) && (b.Hi == nil || b.Hi.Sign() >= 0) {
		return Everything
	}
	if x, y, ok := exact2(a, b); ok {
		return Exact(new(big.Rat).Quo(x, y))
	}
	// 1/b = [1/b.Hi, 1/b.Lo], with 1/±∞ = 0.
	return a.Mul(Interval{invRat(b.Hi), invRat(b.Lo)})
}

// Percent returns a ÷ b × 100.
func (a Interval) Percent(b Interval) Interval {
	if x, y, ok := exact2(a, b); ok && y.Sign() != 0 {
		r := new(big.Rat).Quo(x, y)
		return Exact(r.Mul(r, hundred))
	}
	return a.Quo(b).Mul(Exact(hundred))
}

// Min returns the interval of min(a, b).
func (a Interval) Min(b Interval) Interval {
	return Interval{minLo(a.Lo, b.Lo), minHi(a.Hi, b.Hi)}
}

// Max returns the interval of max(a, b).
func (a Interval) Max(b Interval) Interval {
	return Interval{maxLo(a.Lo, b.Lo), maxHi(a.Hi, b.Hi)}
}

// Abs returns the interval of |a|.
func (a Interval) Abs() Interval {
	switch {
	case a.Lo != nil && a.Lo.Sign() >= 0:
		return a
	case a.Hi != nil && a.Hi.Sign() <= 0:
		return a.Neg()
	}
	// a straddles zero
	n := a.Neg()
	return Interval{new(big.Rat), maxHi(a.Hi, n.Hi)}
}

// Truth is the value of a condition over intervals: true for every value
// they hold, false for every value, or unknown (true for some, false for
// others). Absent is a condition about a quantity the text does not state.
type Truth uint8

const (
	Unknown Truth = iota
	True
	False
	Absent
)

var truthNames = [...]string{"unknown", "true", "false", "absent"}

func (t Truth) String() string {
	if int(t) < len(truthNames) {
		return truthNames[t]
	}
	return "Truth(?)"
}

// Less reports whether a < b.
func Less(a, b Interval) Truth {
	switch {
	case a.Hi != nil && b.Lo != nil && a.Hi.Cmp(b.Lo) < 0:
		return True
	case a.Lo != nil && b.Hi != nil && a.Lo.Cmp(b.Hi) >= 0:
		return False
	}
	return Unknown
}

// LessEq reports whether a ≤ b.
func LessEq(a, b Interval) Truth {
	switch {
	case a.Hi != nil && b.Lo != nil && a.Hi.Cmp(b.Lo) <= 0:
		return True
	case a.Lo != nil && b.Hi != nil && a.Lo.Cmp(b.Hi) > 0:
		return False
	}
	return Unknown
}

// Equal reports whether a = b: false when the intervals are disjoint (no
// value of one equals a value of the other), true when both are the same
// single value.
func Equal(a, b Interval) Truth {
	switch {
	case a.Hi != nil && b.Lo != nil && a.Hi.Cmp(b.Lo) < 0,
		b.Hi != nil && a.Lo != nil && b.Hi.Cmp(a.Lo) < 0:
		return False
	case a.IsExact() && b.IsExact() && a.Lo.Cmp(b.Lo) == 0:
		return True
	}
	return Unknown
}

// Not negates t.
func Not(t Truth) Truth {
	switch t {
	case True:
		return False
	case False:
		return True
	}
	return t
}

// And is Kleene's conjunction, where an Absent operand is left out: a
// condition about a quantity the sentence does not state says nothing.
func And(a, b Truth) Truth {
	switch {
	case a == Absent:
		return b
	case b == Absent:
		return a
	case a == False || b == False:
		return False
	case a == True && b == True:
		return True
	}
	return Unknown
}

// Or is Kleene's disjunction, where an Absent operand is left out.
func Or(a, b Truth) Truth {
	switch {
	case a == Absent:
		return b
	case b == Absent:
		return a
	case a == True || b == True:
		return True
	case a == False && b == False:
		return False
	}
	return Unknown
}

// String shows the interval for a message: "17.65" for a single value,
// "≥200", "≤2", "84.605～84.62"; decimals is the most decimals shown
// (rounded half up).
func (a Interval) String() string { return a.Format(4) }

// Format is String with at most decimals decimals.
func (a Interval) Format(decimals int) string {
	switch {
	case a.IsExact():
		return FormatRat(a.Lo, decimals)
	case a.Lo != nil && a.Hi == nil:
		return "≥" + FormatRat(a.Lo, decimals)
	case a.Lo == nil && a.Hi != nil:
		return "≤" + FormatRat(a.Hi, decimals)
	case a.Lo == nil && a.Hi == nil:
		return "?"
	}
	return FormatRat(a.Lo, decimals) + "～" + FormatRat(a.Hi, decimals)
}

// FormatRat writes v rounded half up (away from zero) to at most decimals
// decimals, without trailing zeros: 9/51×100 → "17.65", 80 → "80".
func FormatRat(v *big.Rat, decimals int) string {
	s := RoundRat(v, decimals).FloatString(decimals)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// RoundRat rounds v half up (away from zero) to decimals decimals.
func RoundRat(v *big.Rat, decimals int) *big.Rat {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	x := new(big.Rat).Mul(v, new(big.Rat).SetInt(scale))
	num, den := x.Num(), x.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	// |r|*2 >= den: away from zero
	r2 := new(big.Int).Abs(r)
	r2.Lsh(r2, 1)
	if r2.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return new(big.Rat).SetFrac(q, scale)
}

// ext is an extended rational: a finite value, or ±∞.
type ext struct {
	v   *big.Rat
	inf int // -1 for −∞, +1 for +∞, 0 for finite v
}

func lo(a Interval) ext {
	if a.Lo == nil {
		return ext{inf: -1}
	}
	return ext{v: a.Lo}
}

func hi(a Interval) ext {
	if a.Hi == nil {
		return ext{inf: 1}
	}
	return ext{v: a.Hi}
}

func (e ext) sign() int {
	if e.inf != 0 {
		return e.inf
	}
	return e.v.Sign()
}

// mulExt multiplies, with 0 × ∞ = 0 (a closed interval's bound times zero).
func mulExt(a, b ext) ext {
	if a.inf == 0 && b.inf == 0 {
		return ext{v: new(big.Rat).Mul(a.v, b.v)}
	}
	s := a.sign() * b.sign()
	if s == 0 {
		return ext{v: new(big.Rat)}
	}
	return ext{inf: s}
}

func cmpExt(a, b ext) int {
	switch {
	case a.inf != 0 || b.inf != 0:
		return a.inf - b.inf // same infinity compares equal; finite is 0
	}
	return a.v.Cmp(b.v)
}

func (e ext) lower() *big.Rat {
	if e.inf != 0 {
		return nil
	}
	return e.v
}

func (e ext) upper() *big.Rat { return e.lower() }

func addRat(a, b *big.Rat) *big.Rat {
	if a == nil || b == nil {
		return nil
	}
	return new(big.Rat).Add(a, b)
}

func negRat(a *big.Rat) *big.Rat {
	if a == nil {
		return nil
	}
	return new(big.Rat).Neg(a)
}

// invRat is 1/a with 1/∞ = 0; a is never zero here.
func invRat(a *big.Rat) *big.Rat {
	if a == nil {
		return new(big.Rat)
	}
	return new(big.Rat).Inv(a)
}

func minLo(a, b *big.Rat) *big.Rat {
	if a == nil || b == nil {
		return nil
	}
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

func minHi(a, b *big.Rat) *big.Rat {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.Cmp(b) <= 0:
		return a
	}
	return b
}

func maxLo(a, b *big.Rat) *big.Rat {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case a.Cmp(b) >= 0:
		return a
	}
	return b
}

func maxHi(a, b *big.Rat) *big.Rat {
	if a == nil || b == nil {
		return nil
	}
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}
