package quantity

import (
	"math/big"
	"testing"
)

func TestBounds(t *testing.T) {
	for _, tc := range []struct {
		in      string
		step    string
		lo, hi  string // hi "" is unbounded
		rounded bool
	}{
		// Exact counts stand for themselves.
		{"调解成功4450件", "1", "4450", "4450", false},
		{"涉及金额515元", "1", "515", "515", false},
		// Rounding: half a step either way.
		{"调解成功率99.13%", "1/100", "99.125", "99.135", true},
		{"全年网上办件4.35万件", "100", "43450", "43550", true},
		{"涉及金额20381.1万元", "1000", "203810500", "203811500", true},
		{"参学率100%", "1", "99.5", "100.5", true},
		{"同比上升24.2个百分点", "1/10", "24.15", "24.25", true},
		{"发案率0.3‰", "1/100", "0.025", "0.035", true},
		{"成功率为百分之九十九点一三", "1/100", "99.125", "99.135", true},
		{"惠及三万人", "10000", "25000", "35000", true},
		// Markers.
		{"审查相关文件260余件", "1", "260", "", false},
		{"资料1万余份", "10000", "10000", "", true},
		{"全盟累计投入近2亿元", "100000000", "0", "200000000", true},
		{"一审败诉率控制在5%以下", "1", "0", "5", true},
		{"协调撤诉率保持45%以上", "1", "45", "", true},
		{"培训约200人", "1", "180", "220", false},
		{"耗时24小时左右", "1", "21.6", "26.4", false},
		{"约0.5%", "1/10", "0.4", "0.6", true},
		// Never below zero.
		{"约0件", "1", "0", "0", false},
		{"0.1%", "1/10", "0.05", "0.15", true},
	} {
		qs := Extract(tc.in)
		if len(qs) != 1 {
			t.Errorf("Extract(%q) = %d quantities, want 1", tc.in, len(qs))
			continue
		}
		q := qs[0]
		if got := q.Step(); got.Cmp(rat(t, tc.step)) != 0 {
			t.Errorf("%q: Step = %v, want %s", tc.in, got.RatString(), tc.step)
		}
		if got := q.Rounded(); got != tc.rounded {
			t.Errorf("%q: Rounded = %v, want %v", tc.in, got, tc.rounded)
		}
		lo, hi := q.Bounds()
		if lo.Cmp(rat(t, tc.lo)) != 0 {
			t.Errorf("%q: lo = %v, want %s", tc.in, lo.FloatString(4), tc.lo)
		}
		switch {
		case tc.hi == "" && hi != nil:
			t.Errorf("%q: hi = %v, want unbounded", tc.in, hi.FloatString(4))
		case tc.hi != "" && (hi == nil || hi.Cmp(rat(t, tc.hi)) != 0):
			t.Errorf("%q: hi = %v, want %s", tc.in, hi, tc.hi)
		}
		// Bounds hands out fresh values: changing them changes nothing.
		lo.SetInt64(-1)
		if q.Value.Sign() < 0 {
			t.Errorf("%q: Bounds shares storage with Value", tc.in)
		}
	}
}

// The rate check this package exists for: 4450 of 4489 is 99.13%.
func TestBoundsRate(t *testing.T) {
	qs := Extract("全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率99.13%")
	total, success, rate := qs[0].Value, qs[1].Value, qs[2]
	got := new(big.Rat).Quo(success, total)
	got.Mul(got, big.NewRat(100, 1))
	lo, hi := rate.Bounds()
	if got.Cmp(lo) < 0 || got.Cmp(hi) > 0 {
		t.Errorf("4450/4489 = %s%% outside [%s, %s]", got.FloatString(4), lo.FloatString(3), hi.FloatString(3))
	}
	// 84.61% for 11 of 13 (84.615…) holds only under truncation: Step says
	// how far to widen.
	qs = Extract("成功化解11件,化解成功率为84.61%")
	r := qs[1]
	got = new(big.Rat).Quo(big.NewRat(1100, 1), big.NewRat(13, 1))
	lo, hi = r.Bounds()
	if got.Cmp(hi) <= 0 {
		t.Errorf("84.615… within the rounding bounds [%s, %s]", lo.FloatString(3), hi.FloatString(3))
	}
	hi.Add(hi, new(big.Rat).Quo(r.Step(), big.NewRat(2, 1)))
	if got.Cmp(lo) < 0 || got.Cmp(hi) > 0 {
		t.Errorf("84.615… outside the truncation bounds [%s, %s]", lo.FloatString(3), hi.FloatString(3))
	}
}

func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("bad rat %q", s)
	}
	return r
}
