package zhnum

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"一", 1, true},
		{"十", 10, true},
		{"十二", 12, true},
		{"二十", 20, true},
		{"二十三", 23, true},
		{"三十五", 35, true},
		{"一百零五", 105, true},
		{"一百一十", 110, true},
		{"两千零八", 2008, true},
		{"两千", 2000, true},
		{"三万五千", 35000, true},
		{"一万零一", 10001, true},
		{"五亿", 500000000, true},
		{"二〇二一", 2021, true},
		{"二〇二四", 2024, true},
		{"一九", 19, true},
		{"零", 0, true},
		{"", 0, false},
		{"十百", 0, false},
		{"百", 0, false},
		{"一二十", 0, false},
		{"abc", 0, false},
		{"一a", 0, false},
	}
	for _, tc := range tests {
		got, ok := Parse(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{
		{0, "零"}, {1, "一"}, {9, "九"}, {10, "十"}, {11, "十一"}, {12, "十二"}, {20, "二十"},
		{21, "二十一"}, {99, "九十九"}, {100, "一百"}, {105, "一百零五"}, {110, "一百一十"},
		{2008, "二千零八"}, {-1, ""}, {10000, ""},
	}
	for _, tc := range tests {
		if got := Format(tc.in); got != tc.want {
			t.Errorf("Format(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for n := 0; n < 10000; n++ {
		if got, ok := Parse(Format(n)); !ok || got != int64(n) {
			t.Fatalf("Parse(Format(%d)) = %d, %v", n, got, ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"十二", "两千零八", "二〇二一", "一百零五", "三万五千"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s)
		if ok && n < 0 {
			t.Fatalf("Parse(%q) = %d", s, n)
		}
	})
}
