package ducha_test

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/zhnum"
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
	if len(seeds) == 0 {
		tb.Fatal("no seeds in testdata/seeds: run from the module's root directory")
	}
	return seeds
}

// BenchmarkCheck runs the built-in rules on each seed, and on a 1 MB and a
// 10 MB report built from the seeds (bigReport): decode, parse, check. The
// large ones report, besides the allocations, "peak-B/B": the most the heap
// held during one check, over the input's size (see peakHeap).
func BenchmarkCheck(b *testing.B) {
	l, err := ducha.Default()
	if err != nil {
		b.Fatal(err)
	}
	seeds := readSeeds(b)
	type input struct {
		name string
		src  func() []byte
	}
	var inputs []input
	for _, name := range slices.Sorted(maps.Keys(seeds)) {
		inputs = append(inputs, input{name[:3], func() []byte { return seeds[name] }})
	}
	inputs = append(inputs,
		input{"1MB", func() []byte { return bigReport(b, seeds, 1<<20) }},
		input{"10MB", func() []byte { return bigReport(b, seeds, 10<<20) }})
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			src := in.src()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			check := func() {
				if _, err := l.Check(context.Background(), src, lint.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				check()
			}
			if len(src) >= 1<<20 { // sampling misses the peak of a short check
				b.ReportMetric(float64(peakHeap(check))/float64(len(src)), "peak-B/B")
			}
		})
	}
}

// peakHeap returns the most heap memory (live objects and garbage not yet
// swept, runtime/metrics' /memory/classes/heap/objects:bytes) in use during
// a call of f, above what was in use before it, with the collector at its
// usual settings: what a process checking one report needs for the heap.
// A goroutine samples it every 100µs (on one core, at each preemption).
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak atomic.Uint64
	note := func() {
		if v := read(); v > peak.Load() {
			peak.Store(v)
		}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				note()
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	note()
	return peak.Load() - min(base, peak.Load())
}

// bigReport builds a report of about size bytes from the seeds, for
// measuring how the cost grows with size: one title and opening paragraph,
// then the body lines and headings of the seeds in turn, again and again,
// their top-level headings renumbered 一、二、… (from 一 again after 九十九,
// the largest ordinal a heading has).
func bigReport(tb testing.TB, seeds map[string][]byte, size int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	buf.WriteString("青山区人民政府关于2023年度法治政府建设情况的报告\n")
	buf.WriteString("2023年,我区深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下:\n")
	top := 0
	for buf.Len() < size {
		for _, name := range slices.Sorted(maps.Keys(seeds)) {
			d, err := lint.ParseString(string(seeds[name]))
			if err != nil {
				tb.Fatal(err)
			}
			headings := map[int]*document.Heading{}
			for _, h := range d.Outline {
				headings[h.Line] = h
			}
			for _, ln := range d.Lines {
				if ln.Kind != document.BodyLine && ln.Kind != document.HeadingLine {
					continue
				}
				line := d.Original(ln.Range)
				if h := headings[ln.Number]; h != nil && h.Style == document.ChineseComma && h.Broken == "" {
					top = top%99 + 1
					line = zhnum.Format(top) + "、" + d.Original(lint.Range{Start: h.TextRange.Start, End: ln.End})
				}
				buf.WriteString(line)
				buf.WriteByte('\n')
				if buf.Len() >= size {
					break
				}
			}
			if buf.Len() >= size {
				break
			}
		}
	}
	return buf.Bytes()
}

// BenchmarkLoad loads and compiles the built-in rules and builds their
// Linter: "full" as rules.Builtin has them (what ducha.Default, rules
// explain, rules validate and SARIF output load), "lean" without their
// documentation and examples, thawed from the syntax compiled into the
// program instead of parsed (rules.BuiltinLean, what ducha check loads).
// Both report the bytes of the full sources.
func BenchmarkLoad(b *testing.B) {
	n := 0
	for _, s := range rules.Builtin() {
		n += len(s.Data)
	}
	for _, bc := range []struct {
		name string
		srcs []rules.Source
	}{{"full", rules.Builtin()}, {"lean", rules.BuiltinLean()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				set, diags := rules.Load(bc.srcs...)
				if diags.HasErrors() {
					b.Fatal(diags)
				}
				if _, err := set.Linter(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestConcurrentFirstUse checks a fresh Linter of the lean built-in rules
// from 16 goroutines at once, so that they race to compile its patterns
// and build its checks' tables (run it with -race): each gets the findings
// of another Linter used serially.
func TestConcurrentFirstUse(t *testing.T) {
	lean := func() *lint.Linter {
		set, diags := rules.Load(rules.BuiltinLean()...)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		l, err := set.Linter()
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	seeds := readSeeds(t)
	names := slices.Sorted(maps.Keys(seeds))
	serial, l := lean(), lean()
	want := make([][]lint.Finding, len(names))
	for i, n := range names {
		res, err := serial.Check(context.Background(), seeds[n], lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res.Findings
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			i := g % len(names)
			res, err := l.Check(context.Background(), seeds[names[i]], lint.Options{})
			if err != nil {
				t.Error(err)
				return
			}
			if diff := cmp.Diff(want[i], res.Findings); diff != "" {
				t.Errorf("goroutine %d, %s: findings differ from the serial run:\n%s", g, names[i], diff)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkFirstCheck loads the lean built-in rules, builds their Linter
// and checks seed 003 once: what ducha check does with one report. The
// checks build their pattern sets, and compile the patterns they need, on
// their first report, so this is the cost that loading defers.
func BenchmarkFirstCheck(b *testing.B) {
	src, err := os.ReadFile("testdata/seeds/003_90fbc7d8aeb855ec.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		set, diags := rules.Load(rules.BuiltinLean()...)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		l, err := set.Linter()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Check(context.Background(), src, lint.Options{}); err != nil {
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
		// the parts (the numeric checks skip the plan), the numeric rules and
		// the example reports the parts' documentation refers to
		if strings.Contains(s.Name, "parts") || strings.Contains(s.Name, "numeric") || strings.Contains(s.Name, "relations") || strings.Contains(s.Name, "examples") {
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

// TestWriteBigReport writes the 10 MB report of BenchmarkCheck to the file
// DUCHA_BIG_REPORT names, for measuring the command on it (BENCHMARKS.md).
func TestWriteBigReport(t *testing.T) {
	path := os.Getenv("DUCHA_BIG_REPORT")
	if path == "" {
		t.Skip("DUCHA_BIG_REPORT not set")
	}
	if err := os.WriteFile(path, bigReport(t, readSeeds(t), 10<<20), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRule measures the checks of issue 11 one at a time on the 10 MB
// report (bigReport), parsed once: each sub-benchmark lints the Document
// with a Linter holding only the check that reports the rule named (all
// rules and parts loaded), "parts" with no check at all, so a rule's cost is
// its figure minus that of "parts".
func BenchmarkRule(b *testing.B) {
	set, diags := rules.Load(rules.Builtin()...)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	cfg := set.Config()
	src := bigReport(b, readSeeds(b), 10<<20)
	doc, err := lint.ParseString(string(src))
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range []string{"parts", "text/term", "text/brackets", "year/heading", "text/placeholder", "numeric/rate-mismatch", "numeric/sum-mismatch", "section/deficiencies"} {
		b.Run(strings.ReplaceAll(id, "/", "-"), func(b *testing.B) {
			var checks []lint.Check
			for _, c := range cfg.Checks {
				for _, r := range c.Rules() {
					if r.ID == id {
						checks = append(checks, c)
						break
					}
				}
			}
			if id != "parts" && len(checks) == 0 {
				b.Fatalf("no check reports under %s", id)
			}
			l, err := lint.New(lint.Config{Rules: cfg.Rules, Parts: cfg.Parts, Checks: checks})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := l.Lint(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
