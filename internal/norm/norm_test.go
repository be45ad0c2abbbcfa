package norm

import (
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"（一）加强领导，", "(一)加强领导,"},
		{"０９％", "09%"},
		{"　缩进", " 缩进"},
		{"“引号”、《书名》〔2019〕。", "“引号”、《书名》〔2019〕。"},
		{"a\u00a0b", "a b"},
		{"ｶﾞ｡", "カ\u3099。"},
	}
	for _, tc := range tests {
		got, m := String(tc.in)
		if got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tc.in) {
			t.Errorf("String(%q) changed the rune count", tc.in)
		}
		checkMap(t, tc.in, got, m)
	}
}

// checkMap asserts that every rune boundary of the view maps to the boundary
// of the same rune in the original.
func checkMap(t *testing.T, orig, view string, m Map) {
	t.Helper()
	var ob []int
	for i := range orig {
		ob = append(ob, i)
	}
	ob = append(ob, len(orig))
	k := 0
	for i := range view {
		if got := m.Orig(i); got != ob[k] {
			t.Fatalf("Orig(%d) in %q = %d, want %d", i, orig, got, ob[k])
		}
		k++
	}
	if got := m.Orig(len(view)); got != len(orig) {
		t.Fatalf("Orig(end) in %q = %d, want %d", orig, got, len(orig))
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"（一）加强领导，", "０９％　", "abc", "ｶﾞ｡"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		view, m := String(s)
		if utf8.RuneCountInString(view) != utf8.RuneCountInString(s) {
			t.Fatalf("rune count changed: %q → %q", s, view)
		}
		checkMap(t, s, view, m)
	})
}
