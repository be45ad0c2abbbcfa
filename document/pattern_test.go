package document

import (
	"strings"
	"testing"
)

func TestCompilePattern(t *testing.T) {
	for _, tc := range []struct {
		expr, text string
		match      bool
	}{
		{"（一）加强，", "(一)加强,", true}, // full-width folded, and still literals
		{"（一）加强，", "一加强,", false},
		{"依法行政（工作）?", "依法行政", false}, // the folded ( ) are literals, not a group
		{"依法行政(工作)?", "依法行政", true},
		{"２０２３年", "2023年", true},
	} {
		p, err := CompilePattern(tc.expr)
		if err != nil {
			t.Fatalf("CompilePattern(%q): %v", tc.expr, err)
		}
		if got := p.MatchString(tc.text); got != tc.match {
			t.Errorf("CompilePattern(%q).MatchString(%q) = %v, want %v", tc.expr, tc.text, got, tc.match)
		}
	}
	for _, bad := range []string{"(存在", strings.Repeat("a", MaxPatternSize+1)} {
		if _, err := CompilePattern(bad); err == nil {
			t.Errorf("CompilePattern(%.20q…) gave no error", bad)
		}
	}
}
