package norm

import (
	"slices"
	"strings"
	"testing"
	"unicode"
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

// TestFoldLeads checks what View's scan assumes: every rune that folds is
// encoded with a first byte of C2, E2, E3 or EF.
func TestFoldLeads(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if Rune(r) == r {
			continue
		}
		if c := string(r)[0]; c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF {
			t.Errorf("%U folds but starts with %#x", r, c)
		}
	}
}

// FuzzView checks View against a plain range loop over s.
func FuzzView(f *testing.F) {
	f.Add("（一）全年\u3000调解\xff")
	f.Add("\xff全年\u3000")
	f.Fuzz(func(t *testing.T, s string) {
		v, m, valid := View(s)
		wv, wm := reference(s)
		if v != wv || !slices.Equal(m.shifts, wm.shifts) || valid != utf8.ValidString(v) {
			t.Errorf("View(%q) = %q, %v, %v; want %q, %v", s, v, m, valid, wv, wm)
		}
	})
}

// reference is String as a range loop, rune by rune.
func reference(s string) (string, Map) {
	first := -1
	for i, r := range s {
		if r >= 0x80 && Rune(r) != r {
			first = i
			break
		}
	}
	if first < 0 {
		return s, Map{}
	}
	var b strings.Builder
	b.WriteString(s[:first])
	var m Map
	delta := 0
	for _, r := range s[first:] {
		f := Rune(r)
		if f == r {
			b.WriteRune(r)
			continue
		}
		b.WriteRune(f)
		delta += utf8.RuneLen(r) - utf8.RuneLen(f)
		m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta})
	}
	return b.String(), m
}
