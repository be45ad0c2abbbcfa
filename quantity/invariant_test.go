package quantity

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// checkInvariants checks what every result of Extract must satisfy, whatever
// the input: offsets inside the input and in order, texts that are the
// input's bytes, labels and afters inside their clause, values that exist and
// are not negative, bounds around the value, and the same result every time.
func checkInvariants(t *testing.T, s string) {
	t.Helper()
	qs, starts := extract(s, true)
	clauseEnd := func(c int) int {
		if c+1 < len(starts) {
			return starts[c+1]
		}
		return len(s)
	}
	prevEnd, prevClause := 0, 0
	for i, q := range qs {
		if !(prevEnd <= q.Start && q.Start <= q.NumStart && q.NumStart < q.NumEnd && q.NumEnd <= q.End && q.End <= len(s)) {
			t.Fatalf("%q: quantity %d: bad offsets %d ≤ %d ≤ %d < %d ≤ %d ≤ %d", s, i, prevEnd, q.Start, q.NumStart, q.NumEnd, q.End, len(s))
		}
		if q.Text != s[q.Start:q.End] {
			t.Fatalf("%q: quantity %d: Text %q, input has %q", s, i, q.Text, s[q.Start:q.End])
		}
		if q.Clause < prevClause || q.Clause >= len(starts) {
			t.Fatalf("%q: quantity %d: clause %d after %d (of %d)", s, i, q.Clause, prevClause, len(starts))
		}
		cs, ce := starts[q.Clause], clauseEnd(q.Clause)
		if !(cs <= q.Start && q.End <= ce) {
			t.Fatalf("%q: quantity %d %q [%d,%d) outside its clause [%d,%d)", s, i, q.Text, q.Start, q.End, cs, ce)
		}
		if !(cs <= q.LabelStart && q.LabelStart <= q.LabelEnd && q.LabelEnd <= q.Start) || q.Label != s[q.LabelStart:q.LabelEnd] {
			t.Fatalf("%q: quantity %d %q: label %q [%d,%d) outside [%d,%d)", s, i, q.Text, q.Label, q.LabelStart, q.LabelEnd, cs, q.Start)
		}
		if !(q.End <= q.AfterStart && q.AfterStart <= q.AfterEnd && q.AfterEnd <= ce) || q.After != s[q.AfterStart:q.AfterEnd] {
			t.Fatalf("%q: quantity %d %q: after %q [%d,%d) outside [%d,%d)", s, i, q.Text, q.After, q.AfterStart, q.AfterEnd, q.End, ce)
		}
		if i+1 < len(qs) && qs[i+1].Clause == q.Clause && q.AfterEnd > qs[i+1].Start {
			t.Fatalf("%q: quantity %d %q: after %q runs into the next quantity", s, i, q.Text, q.After)
		}
		if q.Value == nil || q.Value.Sign() < 0 {
			t.Fatalf("%q: quantity %d %q: value %v", s, i, q.Text, q.Value)
		}
		if q.Decimals < 0 || q.Decimals > MaxDigits {
			t.Fatalf("%q: quantity %d %q: decimals %d", s, i, q.Text, q.Decimals)
		}
		lo, hi := q.Bounds()
		if lo == nil || lo.Sign() < 0 || lo.Cmp(q.Value) > 0 || hi != nil && hi.Cmp(q.Value) < 0 {
			t.Fatalf("%q: quantity %d %q: bounds [%v, %v] miss %v", s, i, q.Text, lo, hi, q.Value)
		}
		if (q.Unit == "") != (q.Kind == Bare) {
			t.Fatalf("%q: quantity %d %q: unit %q with kind %v", s, i, q.Text, q.Unit, q.Kind)
		}
		prevEnd, prevClause = q.End, q.Clause
	}
	if again := Extract(s); !sameQuantities(qs, again) {
		t.Fatalf("%q: second Extract differs:\n%s", s, cmp.Diff(qs, again, ratEq))
	}
}

// sameQuantities is cmp.Equal for results, quick enough for the fuzzer.
func sameQuantities(a, b []Quantity) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Value.Cmp(y.Value) != 0 {
			return false
		}
		x.Value, y.Value = nil, nil
		if x != y {
			return false
		}
	}
	return true
}

func seeds(tb testing.TB) map[string]string {
	tb.Helper()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	m := make(map[string]string)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		m[filepath.Base(f)] = string(b)
	}
	return m
}

func TestInvariantsSeeds(t *testing.T) {
	for name, s := range seeds(t) {
		t.Run(name, func(t *testing.T) { checkInvariants(t, s) })
	}
	for _, tc := range extractTests {
		checkInvariants(t, tc.in)
	}
	for _, s := range noQuantity {
		checkInvariants(t, s)
	}
}

// Hostile input: broken UTF-8, enormous numbers, long runs of anything.
func TestHostile(t *testing.T) {
	huge := strings.Repeat("9", 5000)
	for _, tc := range []struct {
		in   string
		want int // quantities
	}{
		{"\xff\xfe调解\xe4\xb8成功4450件\xc0", 1},
		{"调解成功" + huge + "件", 0},
		{"调解成功" + huge + "." + huge + "%", 0},
		{"0." + huge, 0},
		{strings.Repeat("1", MaxDigits) + "件", 1},
		{strings.Repeat("1", MaxDigits+1) + "件", 0},
		{"1." + strings.Repeat("5", MaxDigits-1) + "%", 1},
		{strings.Repeat("一", 1000) + "件", 0},
		{strings.Repeat("九千九百", 100) + "人", 0},
		{"百分之" + strings.Repeat("九", 100), 0},
		{strings.Repeat("“", 1000) + "5件", 1},
		{strings.Repeat("《", 1000) + "5件" + strings.Repeat("》", 1000), 0},
		{strings.Repeat("1,", 1000), 1000},
		{strings.Repeat(",", 1000) + "5", 1},
		{strings.Repeat("约", 1000) + "5件", 1},
		{strings.Repeat("5件", 1000), 1000},
		{strings.Repeat("1.", 1000), 0},
		{strings.Repeat("2015—", 1000), 0},
		{"", 0},
		{"件", 0},
		{"%", 0},
		{"百分之", 0},
		{"个百分点", 0},
		{"99999999999999999999万亿元", 1},
	} {
		got := Extract(tc.in)
		if len(got) != tc.want {
			t.Errorf("Extract(%.40q…) = %d quantities, want %d", tc.in, len(got), tc.want)
		}
		checkInvariants(t, tc.in)
	}
	// Inputs that would take quadratic time if any step rescanned what came
	// before: each is 64 KiB or more, so a quadratic step would take minutes.
	const n = 1 << 14
	for _, in := range []string{
		strings.Repeat("增长", n) + "5%",
		strings.Repeat("同比增长", n/2) + "5%" + strings.Repeat("和5%", n/2),
		strings.Repeat("的", n) + strings.Repeat(")", n) + "5件" + strings.Repeat("的", n) + strings.Repeat(")", n),
		strings.Repeat(" ", n) + strings.Repeat("1.", n),
		strings.Repeat("其中", n) + "5件",
		strings.Repeat("共计", n) + "5件",
		strings.Repeat("(", n) + "5件" + strings.Repeat(")", n),
		strings.Repeat("《", n/4) + "5件",
		strings.Repeat("“", n/4) + "5件",
		strings.Repeat("三至", n) + "五人",
		strings.Repeat("5件", n),
		strings.Repeat("约", n) + "5件",
		"5件" + strings.Repeat("规", n),
	} {
		checkInvariants(t, in)
	}

	// A big value stays exact.
	q := Extract("99999999999999999999万亿元")[0]
	want, _ := new(big.Rat).SetString("99999999999999999999000000000000")
	if q.Value.Cmp(want) != 0 || q.Scale != 12 || q.Kind != Amount {
		t.Errorf("big value = %v scale %d kind %v", q.Value, q.Scale, q.Kind)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
		// Sentences of the seeds, so the fuzzer mutates short inputs too.
		for _, line := range strings.Split(s, "。") {
			if len(line) < 400 {
				f.Add(line)
			}
		}
	}
	for _, tc := range extractTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s)
	})
}

func BenchmarkExtract(b *testing.B) {
	s := seeds(b)["003_90fbc7d8aeb855ec.txt"]
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(s)
	}
}

// Extract keeps no state between calls: goroutines get what one gets alone.
func TestConcurrent(t *testing.T) {
	ss := seeds(t)
	want := make(map[string][]Quantity)
	for name, s := range ss {
		want[name] = Extract(s)
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			ok := true
			for range 5 {
				for name, s := range ss {
					ok = ok && sameQuantities(want[name], Extract(s))
				}
			}
			done <- ok
		}()
	}
	for range 4 {
		if !<-done {
			t.Error("concurrent Extract differs")
		}
	}
}
