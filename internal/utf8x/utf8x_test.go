package utf8x

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var samples = []string{"", "a", "调", "调解成功率", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\xaf", "a\xff调\xe8", "𝄞x", "\xef\xbf\xbd", "é", "\xc3", "\xf0\x9d\x84", "（一）全年"}

func TestDecode(t *testing.T) {
	for _, s := range samples {
		r, n := Decode(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Errorf("Decode(%q) = %q, %d; want %q, %d", s, r, n, wr, wn)
		}
		r, n = DecodeLast(s)
		wr, wn = utf8.DecodeLastRuneInString(s)
		if r != wr || n != wn {
			t.Errorf("DecodeLast(%q) = %q, %d; want %q, %d", s, r, n, wr, wn)
		}
	}
}

func TestCount(t *testing.T) {
	valid := "（一）全年调解纠纷131件,成功率𝄞99.5%。é\n abc 调解成功"
	for i := 0; i <= len(valid); i++ {
		for j := i; j <= len(valid); j++ {
			s := valid[i:j]
			if got, want := Count(s), utf8.RuneCountInString(s); got != want {
				t.Errorf("Count(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, n := Decode(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Errorf("Decode(%q) = %q, %d; want %q, %d", s, r, n, wr, wn)
		}
		r, n = DecodeLast(s)
		wr, wn = utf8.DecodeLastRuneInString(s)
		if r != wr || n != wn {
			t.Errorf("DecodeLast(%q) = %q, %d; want %q, %d", s, r, n, wr, wn)
		}
	})
}

func FuzzCount(f *testing.F) {
	f.Add("（一）全年调解纠纷131件", 1, 7)
	f.Fuzz(func(t *testing.T, s string, i, j int) {
		if !utf8.ValidString(s) {
			return
		}
		i, j = min(max(i, 0), len(s)), min(max(j, 0), len(s))
		if i > j {
			i, j = j, i
		}
		if got, want := Count(s[i:j]), utf8.RuneCountInString(s[i:j]); got != want {
			t.Errorf("Count(%q) = %d, want %d", s[i:j], got, want)
		}
	})
}

func FuzzValid(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Add("abcdefghijklmnopq调")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Valid(s), utf8.ValidString(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
		if got, want := ValidBytes([]byte(s)), utf8.ValidString(s); got != want {
			t.Errorf("ValidBytes(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzNextDigit(f *testing.F) {
	f.Add("全年调解纠纷131件,成功率99.5%", 0)
	f.Add("abcdefgh:/9", 2)
	f.Fuzz(func(t *testing.T, s string, i int) {
		i = min(max(i, 0), len(s))
		want := i
		for want < len(s) && (s[want] < '0' || s[want] > '9') {
			want++
		}
		if got := NextDigit(s, i); got != want {
			t.Errorf("NextDigit(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}

func TestNextDigit(t *testing.T) {
	for b := 0; b < 256; b++ {
		for pos := 0; pos < 12; pos++ {
			buf := []byte("\xff\xfe/:\x00\x80\xb9\xe4/:\xcf\x7f0")
			buf[pos] = byte(b)
			s := string(buf)
			want := 0
			for want < len(s) && (s[want] < '0' || s[want] > '9') {
				want++
			}
			if got := NextDigit(s, 0); got != want {
				t.Fatalf("NextDigit(%q, 0) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzIndex(f *testing.F) {
	long := strings.Repeat("全年调解纠纷131件,其他需要报告的情况。", 5)
	f.Add(long, "报告")
	f.Add(long+"说明", "说明")
	f.Add(long, "件,其")
	f.Add(long, "a")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if got, want := Index(s, sub), strings.Index(s, sub); got != want {
			t.Errorf("Index(%q, %q) = %d, want %d", s, sub, got, want)
		}
	})
}

func TestIndex(t *testing.T) {
	s := strings.Repeat("全年调解纠纷131件,其他需要报告的情况。", 5) + "说明"
	for i := 0; i < len(s); i++ {
		for j := i; j <= len(s) && j < i+12; j++ {
			if got, want := Index(s, s[i:j]), strings.Index(s, s[i:j]); got != want {
				t.Fatalf("Index(s, %q) = %d, want %d", s[i:j], got, want)
			}
			if got, want := Index(s[:len(s)-1], s[i:j]), strings.Index(s[:len(s)-1], s[i:j]); got != want {
				t.Fatalf("Index(s[:len(s)-1], %q) = %d, want %d", s[i:j], got, want)
			}
		}
	}
}
