package checks

import (
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/match"
)

func TestStartsOf(t *testing.T) {
	tests := []struct {
		pattern string
		in, out string // characters in the set and not in it
	}{
		{`X`, "X", "xY"},
		{`[Xx×]{2,}`, "Xx×", "*"},
		{`(?i)x`, "xX", "y"},
		{`(?:某某|××)镇`, "某×", "镇"},
		{`X?Y`, "XY", "Z"},
		{`(?:A*|B)C`, "ABC", "D"},
		{`^_{3,}`, "_", "-"},
		{`\b(?:[0-9]+)?号`, "0123456789号", "a"},
		{`([Xx×*])(?:次|个)`, "Xx×*", "次"},
	}
	for _, tc := range tests {
		_, set, err := anchorStart(match.MustCompile(tc.pattern))
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		for _, r := range tc.in {
			if !set.has(r) {
				t.Errorf("%q: %q is not among the first characters %q", tc.pattern, r, string(set))
			}
		}
		for _, r := range tc.out {
			if set.has(r) {
				t.Errorf("%q: %q is among the first characters", tc.pattern, r)
			}
		}
	}
}

// FuzzStartsOf checks that the first characters computed for a pattern are
// sound: wherever the pattern matches a non-empty string, the match starts
// with one of them. (A missing character would make the placeholder check
// miss placeholders silently.)
func FuzzStartsOf(f *testing.F) {
	for _, s := range [][2]string{
		{`[Xx×]{2,}`, "共XX件,××镇"}, {`([Xx×*])(?:次|个)`, "召开会议X次"}, {`〔\s*〕`, "国发〔 〕3号"},
		{`(?:A*|B)C`, "AAC BC C"}, {`(?i)某?x+`, "某X xx"}, {`\b_{3,}\b`, "a ___ b"}, {`X{0}Y`, "XY"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		if len(pattern) > 64 || !utf8.ValidString(text) {
			return
		}
		re, err := regexp.Compile(pattern)
		if err != nil || re.MatchString("") {
			return
		}
		anchored, set, err := anchorStart(match.FromRegexp(re))
		if err != nil {
			return
		}
		if anchored.NumSubexp() != re.NumSubexp() {
			t.Fatalf("%q: anchored as %q, with %d groups instead of %d", pattern, anchored, anchored.NumSubexp(), re.NumSubexp())
		}
		for i := range text {
			// the anchored pattern matches at i exactly where the pattern
			// has a match starting at i, and then with the first
			// characters computed
			loc := anchored.FindStringIndex(text[i:])
			if loc != nil && loc[1] > 0 {
				if r, _ := utf8.DecodeRuneInString(text[i:]); !set.has(r) {
					t.Fatalf("%q matches %q at %d, which starts with %q, not among %q", pattern, text, i, r, string(set))
				}
			}
			if u := re.FindStringIndex(text[i:]); (u != nil && u[0] == 0) != (loc != nil) {
				t.Fatalf("%q on %q at %d: anchored %v, unanchored %v", pattern, text[i:], i, loc, u)
			}
		}
	})
}
