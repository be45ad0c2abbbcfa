package interval

import (
	"math/big"
	"testing"

	"github.com/ducha-dev/ducha/quantity"
)

// iv builds an interval from strings: "" is unbounded.
func iv(lo, hi string) Interval {
	var a Interval
	if lo != "" {
		a.Lo, _ = new(big.Rat).SetString(lo)
	}
	if hi != "" {
		a.Hi, _ = new(big.Rat).SetString(hi)
	}
	return a
}

func TestIntervalArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  Interval
		want string
	}{
		{"add", iv("1", "2").Add(iv("10", "20")), "11～22"},
		{"add unbounded", iv("200", "").Add(iv("10", "10")), "≥210"},
		{"sub", iv("1", "2").Sub(iv("10", "20")), "-19～-8"},
		{"sub unbounded", iv("5", "5").Sub(iv("200", "")), "≤-195"},
		{"neg", iv("1", "").Neg(), "≤-1"},
		{"mul", iv("-1", "2").Mul(iv("3", "4")), "-4～8"},
		{"mul zero by infinity", iv("0", "0").Mul(iv("1", "")), "0"},
		{"mul unbounded", iv("2", "").Mul(iv("3", "3")), "≥6"},
		{"quo", iv("9", "9").Quo(iv("51", "51")), "0.1765"},
		{"quo by interval", iv("1", "2").Quo(iv("4", "8")), "0.125～0.5"},
		{"quo by unbounded", iv("10", "10").Quo(iv("200", "")), "0～0.05"},
		{"quo by maybe zero", iv("1", "1").Quo(iv("0", "3")), "?"},
		{"quo by negative", iv("1", "1").Quo(iv("", "-2")), "-0.5～0"},
		{"percent", iv("11", "11").Percent(iv("13", "13")), "84.6154"},
		{"min", iv("1", "5").Min(iv("3", "")), "1～5"},
		{"max", iv("1", "5").Max(iv("3", "")), "≥3"},
		{"abs straddling", iv("-7", "3").Abs(), "0～7"},
		{"abs negative", iv("-7", "-3").Abs(), "3～7"},
		{"abs unbounded", iv("", "3").Abs(), "≥0"},
	}
	for _, tc := range tests {
		if got := tc.got.String(); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestTruth(t *testing.T) {
	tests := []struct {
		name string
		got  Truth
		want Truth
	}{
		{"less", Less(iv("1", "2"), iv("3", "4")), True},
		{"less touching", Less(iv("1", "3"), iv("3", "4")), Unknown},
		{"not less", Less(iv("3", "4"), iv("1", "3")), False},
		{"less unbounded", Less(iv("200", ""), iv("210", "210")), Unknown},
		{"lesseq touching", LessEq(iv("1", "3"), iv("3", "4")), True},
		{"not lesseq", LessEq(iv("5", ""), iv("1", "4")), False},
		{"equal exact", Equal(iv("28", "28"), iv("28", "28")), True},
		{"equal disjoint", Equal(iv("26", "26"), iv("28", "28")), False},
		{"equal overlapping", Equal(iv("200", ""), iv("210", "210")), Unknown},
		{"equal rate rounded", Equal(iv("17.645", "17.66"), iv("9", "9").Percent(iv("51", "51"))), Unknown},
		{"equal rate wrong", Equal(iv("16.645", "16.66"), iv("9", "9").Percent(iv("51", "51"))), False},
		{"not", Not(True), False},
		{"not absent", Not(Absent), Absent},
		{"and false", And(True, False), False},
		{"and unknown", And(True, Unknown), Unknown},
		{"and absent", And(Absent, False), False},
		{"and both absent", And(Absent, Absent), Absent},
		{"or true", Or(False, True), True},
		{"or false", Or(False, False), False},
		{"or absent", Or(False, Absent), False},
		{"or unknown", Or(False, Unknown), Unknown},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestBounds(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"4489件", "4489"},
		{"200余件", "≥200"},
		{"84.61%", "84.605～84.62"},
		{"80%", "79.5～81"},
		{"近2亿元", "0～200000000"},
		{"4.35万件", "43450～43600"},
		{"约200人", "180～220"},
		{"5%以下", "0～5"},
		{"45%以上", "≥45"},
	}
	for _, tc := range tests {
		qs := quantity.Extract(tc.text)
		if len(qs) != 1 {
			t.Fatalf("%q: %d quantities", tc.text, len(qs))
		}
		if got := Bounds(qs[0]).String(); got != tc.want {
			t.Errorf("Bounds(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestFormatRat(t *testing.T) {
	tests := []struct {
		v        string
		decimals int
		want     string
	}{
		{"900/51", 2, "17.65"},
		{"1100/13", 2, "84.62"},
		{"1100/13", 0, "85"},
		{"80", 2, "80"},
		{"-1/8", 2, "-0.13"},
		{"1/1000", 2, "0"},
		{"-1/1000", 2, "0"},
		{"2.5", 0, "3"},
	}
	for _, tc := range tests {
		v, _ := new(big.Rat).SetString(tc.v)
		if got := FormatRat(v, tc.decimals); got != tc.want {
			t.Errorf("FormatRat(%s, %d) = %s, want %s", tc.v, tc.decimals, got, tc.want)
		}
	}
}
