package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/format"
)

// TestPrepareThenLint checks that reading a report before the rules have
// loaded (prepareReport, then lintReport) gives what lint.Linter.Check
// gives, on the seeds and on every format the decoder reads (PDF aside: it
// needs pdftotext, and its text goes through the same decoding).
func TestPrepareThenLint(t *testing.T) {
	l := builtinLinter(t)
	var paths []string
	for _, glob := range []string{"../../testdata/seeds/*.txt", "../../testdata/decode/*"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	n := 0
	for _, p := range paths {
		if strings.HasSuffix(p, ".pdf") || strings.HasSuffix(p, ".md") {
			continue
		}
		n++
		in := input{path: p}
		got := readReport(t.Context(), l, in, readOptions{})
		want := format.File{Path: p}
		src, err := readInput(in, readOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want.Result, want.Err = l.Check(t.Context(), src, lintOptions(in, readOptions{}))
		if diff := cmp.Diff(jsonOf(t, want), jsonOf(t, got)); diff != "" {
			t.Errorf("%s: prepared and linted differs from Check (-Check +prepared):\n%s", p, diff)
		}
	}
	if n < 20 {
		t.Fatalf("only %d inputs found", n)
	}
}

func jsonOf(t *testing.T, f format.File) string {
	t.Helper()
	var b bytes.Buffer
	if err := format.JSON(&b, []format.File{f}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestAbandon checks that a check abandoned before the rules have loaded
// stops its workers and leaves no result.
func TestAbandon(t *testing.T) {
	dir := t.TempDir()
	var ins []input
	for _, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("某县2023年法治政府建设年度报告\n一、主要工作\n做了工作。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, input{path: p})
	}
	done := 0
	p := startCheck(t.Context(), ins, 2, readOptions{done: func(string) { done++ }})
	p.abandon() // returns once every worker has ended
	for i, f := range p.out {
		if f.Path != "" || f.Result != nil || f.Err != nil {
			t.Errorf("result %d of an abandoned check: %+v", i, f)
		}
	}
	if done != 0 {
		t.Errorf("%d files reported done by an abandoned check", done)
	}
	(*pending)(nil).abandon() // nothing was started
}

func TestSmallInputs(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, size int64) input {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return input{path: p}
	}
	small, half, big := file("small.txt", 30<<10), file("half.txt", smallTotal/2+1), file("big.txt", smallTotal+1)
	for _, tc := range []struct {
		name string
		ins  []input
		want bool
	}{
		{"one report", []input{small}, true},
		{"exactly the limit", []input{file("limit.txt", smallTotal)}, true},
		{"too large", []input{big}, false},
		{"together too large", []input{half, small, half}, false},
		{"standard input", []input{{path: "<stdin>", stdin: true}}, false},
		{"a missing file is not counted", []input{small, {path: filepath.Join(dir, "nope"), err: os.ErrNotExist}}, true},
		{"nothing", nil, true},
	} {
		if got := smallInputs(tc.ins); got != tc.want {
			t.Errorf("%s: smallInputs = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCollectLess checks that a small run turns the collector off, up to
// the memory limit, unless the user has set GOGC or GOMEMLIMIT.
func TestCollectLess(t *testing.T) {
	pct, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}()
	for _, tc := range []struct {
		env       map[string]string
		wantPct   int
		wantLimit int64
	}{
		{nil, -1, collectLimit},
		{map[string]string{"GOGC": "50"}, 100, math.MaxInt64},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		c := &cli{getenv: func(k string) string { return tc.env[k] }, exits: true}
		c.collectLess()
		gotPct := debug.SetGCPercent(100)
		if gotLimit := debug.SetMemoryLimit(-1); gotPct != tc.wantPct || gotLimit != tc.wantLimit {
			t.Errorf("env %v: GC percent %d, memory limit %d; want %d, %d", tc.env, gotPct, gotLimit, tc.wantPct, tc.wantLimit)
		}
	}
}
