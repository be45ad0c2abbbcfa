package ducha_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/rules"
)

func readSeeds(tb testing.TB) map[string][]byte {
	tb.Helper()
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	seeds := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		seeds[filepath.Base(f)] = b
	}
	return seeds
}

// BenchmarkCheck runs the built-in rules on each seed: decode, parse, check.
func BenchmarkCheck(b *testing.B) {
	l, err := ducha.Default()
	if err != nil {
		b.Fatal(err)
	}
	seeds := readSeeds(b)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range seeds {
			if !yield(k) {
				return
			}
		}
	})
	for _, name := range names {
		src := seeds[name]
		b.Run(name[:3], func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := l.Check(context.Background(), src, lint.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoad loads and compiles the built-in rules.
func BenchmarkLoad(b *testing.B) {
	srcs := rules.Builtin()
	n := 0
	for _, s := range srcs {
		n += len(s.Data)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		set, diags := rules.Load(srcs...)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		if _, err := set.Linter(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrent checks one Linter from 16 goroutines on different reports:
// each gets the findings a serial run gives (run it with -race).
func TestConcurrent(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	var inputs [][]byte
	for _, b := range readSeeds(t) {
		inputs = append(inputs, b)
	}
	cases, _ := filepath.Glob("testdata/cases/*.txt")
	for _, c := range cases {
		b, _ := os.ReadFile(c)
		inputs = append(inputs, b)
	}
	serial := make([][]lint.Finding, len(inputs))
	for i, in := range inputs {
		if res, err := l.Check(context.Background(), in, lint.Options{}); err == nil {
			serial[i] = res.Findings
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range inputs {
				i := (k + g) % len(inputs)
				res, err := l.Check(context.Background(), inputs[i], lint.Options{})
				var got []lint.Finding
				if err == nil {
					got = res.Findings
				}
				if diff := cmp.Diff(serial[i], got); diff != "" {
					t.Errorf("goroutine %d, input %d: findings differ from the serial run:\n%s", g, i, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzCheck runs the whole pipeline on arbitrary input: it never panics,
// spans lie inside the input, findings are sorted, and the same input gives
// the same findings.
func FuzzCheck(f *testing.F) {
	for _, b := range readSeeds(f) {
		f.Add(b)
	}
	cases, _ := filepath.Glob("testdata/cases/*.txt")
	for _, c := range cases {
		b, _ := os.ReadFile(c)
		f.Add(b)
	}
	l, err := ducha.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := l.Check(context.Background(), src, lint.Options{})
		if err != nil {
			return
		}
		text := res.Document.Text
		for i, fd := range res.Findings {
			s, e := fd.Span.Start, fd.Span.End
			if s.Offset < 0 || e.Offset > len(text) || s.Offset > e.Offset || s.Line < 1 || s.Column < 1 || e.Line < s.Line {
				t.Fatalf("finding %d has a bad span %+v (text of %d bytes)", i, fd.Span, len(text))
			}
			if i > 0 && res.Findings[i-1].Span.Start.Offset > s.Offset {
				t.Fatalf("findings not sorted at %d", i)
			}
		}
		again, err := l.Check(context.Background(), src, lint.Options{})
		if err != nil {
			t.Fatalf("second run failed: %v", err)
		}
		if diff := cmp.Diff(res.Findings, again.Findings); diff != "" {
			t.Fatalf("same input, different findings:\n%s", diff)
		}
	})
}

// BenchmarkNumeric measures the numeric checks alone on the largest seed
// (003): "numeric" is a Linter with only the numeric rules and relations
// enabled (the part rules are loaded, since relations skip next year's plan,
// but disabled), run on a parsed Document; "parts" is the same Linter with
// every rule disabled, which still recognises the parts, so numeric − parts
// is the cost of the numeric checks. For comparison, "all" lints the same
// Document with every built-in rule and "parse" is decoding and parsing
// (quantities included); BenchmarkCheck/003 is the whole pipeline.
func BenchmarkNumeric(b *testing.B) {
	src := readSeeds(b)["003_90fbc7d8aeb855ec.txt"]
	var numeric []rules.Source
	for _, s := range rules.Builtin() {
		if strings.Contains(s.Name, "parts") || strings.Contains(s.Name, "numeric") || strings.Contains(s.Name, "relations") {
			numeric = append(numeric, s)
		}
	}
	set, diags := rules.Load(numeric...)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	var off []string
	for _, r := range set.Rules() {
		if !strings.HasPrefix(r.ID, "numeric/") {
			off = append(off, r.ID)
		}
	}
	only, err := set.Linter(lint.Disable(off...))
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, r := range set.Rules() {
		ids = append(ids, r.ID)
	}
	none, err := set.Linter(lint.Disable(ids...))
	if err != nil {
		b.Fatal(err)
	}
	all, err := ducha.Default()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := lint.ParseString(string(src))
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		l    *lint.Linter
	}{{"numeric", only}, {"parts", none}, {"all", all}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.l.Lint(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := lint.ParseString(string(src)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
