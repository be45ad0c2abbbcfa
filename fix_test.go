package ducha_test

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/lint"
)

// applyFixes puts every fix of fs into text, from the last to the first. It
// fails when two fixes overlap: they could not both be applied.
func applyFixes(t *testing.T, text string, fs []lint.Finding) string {
	t.Helper()
	var fixes []*lint.Fix
	for _, f := range fs {
		if f.Fix != nil {
			fixes = append(fixes, f.Fix)
		}
	}
	slices.SortFunc(fixes, func(a, b *lint.Fix) int { return cmp.Compare(b.Span.Start.Offset, a.Span.Start.Offset) })
	end := len(text)
	for _, x := range fixes {
		if x.Span.End.Offset > end {
			t.Fatalf("fix %s-%s overlaps the next one", x.Span.Start, x.Span.End)
		}
		text = text[:x.Span.Start.Offset] + x.Text + text[x.Span.End.Offset:]
		end = x.Span.Start.Offset
	}
	return text
}

// TestFixesApplied applies the fixes of the seeds' findings to their text
// and checks them again: every finding that had a fix is gone, and the
// others are still there, on the same lines. In seed 000 these are the
// glued document number (厅字〔201928 → 厅字〔2019〕28号) and the glued dates
// (2019111日 → 2019年11月1日).
func TestFixesApplied(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := filepath.Glob("testdata/seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatal("no seeds", err)
	}
	fixed := map[string][]string{}
	for _, path := range seeds {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		before, err := l.Check(context.Background(), src, lint.Options{Name: path})
		if err != nil {
			t.Fatal(err)
		}
		text := applyFixes(t, before.Document.Text, before.Findings)
		after, err := l.Check(context.Background(), []byte(text), lint.Options{Name: path})
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		for _, f := range before.Findings {
			if f.Fix != nil {
				fixed[filepath.Base(path)] = append(fixed[filepath.Base(path)], f.Rule+" "+f.Fix.Text)
				continue
			}
			want = append(want, fmt.Sprintf("%d %s", f.Span.Start.Line, f.Rule))
		}
		for _, f := range after.Findings {
			got = append(got, fmt.Sprintf("%d %s", f.Span.Start.Line, f.Rule))
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Errorf("%s: findings after the fixes (-want +got):\n%s", path, diff)
		}
	}
	want000 := []string{
		"format/doc-number 厅字〔2019〕28号",
		"date/malformed 2019年11月1日",
		"date/malformed 2020年10月1日",
		"date/malformed 2020年35",
	}
	if diff := gocmp.Diff(want000, fixed["000_027d5137780acf8a.txt"]); diff != "" {
		t.Errorf("seed 000's fixes (-want +got):\n%s", diff)
	}
}
