package ducha_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/internal/norm"
	"github.com/ducha-dev/ducha/lint"
)

// TestTraditionalTwins checks that a report reposted in Traditional
// characters, with or without pinyin glosses, gets the findings of its
// Simplified twin: the same rules, severities, messages and lines; the same
// columns when there are no glosses; and spans that cover the twin's
// characters in the original text.
func TestTraditionalTwins(t *testing.T) {
	twins := []struct {
		simplified, other string
		glossed           bool
	}{
		{"numeric-rate-mismatch", "traditional-numeric-rate-mismatch", false},
		{"numeric-rate-mismatch", "gloss-numeric-rate-mismatch", true},
		{"rp-body-only", "traditional-rp-body-only", false},
		{"rp-body-only", "gloss-rp-body-only", true},
	}
	type key struct {
		Rule, Severity, Message string
		Line, Column            int
	}
	check := func(name string) ([]byte, *lint.Result) {
		src, err := os.ReadFile(filepath.Join("testdata", "cases", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := ducha.Check(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		return src, res
	}
	for _, tw := range twins {
		ssrc, s := check(tw.simplified)
		osrc, o := check(tw.other)
		view := func(r *lint.Result, columns bool) []key {
			var ks []key
			for _, f := range r.Findings {
				k := key{f.Rule, f.Severity.String(), f.Message, f.Span.Start.Line, 0}
				if columns {
					k.Column = f.Span.Start.Column
				}
				ks = append(ks, k)
			}
			return ks
		}
		if diff := cmp.Diff(view(s, !tw.glossed), view(o, !tw.glossed)); diff != "" {
			t.Errorf("%s: findings differ from %s (-simplified +other):\n%s", tw.other, tw.simplified, diff)
			continue
		}
		for i, fs := range s.Findings {
			fo := o.Findings[i]
			a := string(ssrc[fs.Span.Start.Offset:fs.Span.End.Offset])
			b, _ := norm.String(string(osrc[fo.Span.Start.Offset:fo.Span.End.Offset]))
			if a != b {
				t.Errorf("%s: finding %d covers %q (folded), its twin %q", tw.other, i, b, a)
			}
		}
	}
}
