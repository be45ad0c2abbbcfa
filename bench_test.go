package ducha_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
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
