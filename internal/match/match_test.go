package match

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestMatcher(t *testing.T) {
	tests := []struct {
		pattern string
		s       string
		want    bool
	}{
		{"调解|纠纷", "排查矛盾纠纷", true},
		{"调解|纠纷", "受理案件", false},
		{"调(解|处)成功", "调处成功", true},
		{"(调解|化解)成功|成功(调解|化解)", "成功化解", true},
		{"(调解|化解)成功|成功(调解|化解)", "化解", false},
		{"率$", "成功率", true},
		{"率$", "率为", false},
		{"^一类(案件)?$", "一类案件", true},
		{"^一类(案件)?$", "一类以上案件", false},
		{"其[他它]", "其它", true},
		{"(受理|调解).{0,8}纠纷$", "受理各类矛盾纠纷", true},
		{"(受理|调解).{0,8}纠纷$", "受理各类矛盾纠纷案件", false},
		{"(?i)abc", "ABC", true},
		{"(参学|出庭(应诉)?)率$", "出庭应诉率", true},
		{"(参学|出庭(应诉)?)率$", "出庭率", true},
		{"(参学|出庭(应诉)?)率$", "应诉率", false},
		{"(参学|出庭(应诉)?)率$", "出庭率为", false},
		{"^驳回", "驳回申请", true},
		{"^驳回", "维持或驳回", false},
		{"纠错(案件)?$", "行政复议纠错案件", true},
		{"纠错(案件)?$", "纠错案件数", false},
		{"(案件)?", "x", true}, // matches everything (rule files refuse it): not exact, the regexp decides
		{"^$", "", false},
		{"a*", "", false}, // never the empty label
	}
	for _, tc := range tests {
		m := NewSet([]*Regexp{Deferred(tc.pattern)})
		if got := m.Match(tc.s); got != tc.want {
			t.Errorf("%s on %q: %v, want %v (lits %q, exact %v)", tc.pattern, tc.s, got, tc.want, m[0].lits, m[0].exact)
		}
	}
}

// TestRuneMask checks the decoding fast path against a plain range loop,
// invalid UTF-8 included.
func TestRuneMask(t *testing.T) {
	naive := func(s string) uint64 {
		var m uint64
		for _, r := range s {
			m |= 1 << (uint32(r) * 0x9E3779B1 >> 26)
		}
		return m
	}
	for _, s := range []string{"", "abc", "调解成功率", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\xaf", "a\xff调\xe8", "𝄞x", "\xef\xbf\xbd"} {
		if got, want := RuneMask(s), naive(s); got != want {
			t.Errorf("RuneMask(%q) = %x, want %x", s, got, want)
		}
	}
}

func FuzzRuneMask(f *testing.F) {
	f.Add("调解成功率\xe4\xb8")
	f.Fuzz(func(t *testing.T, s string) {
		var want uint64
		for _, r := range s {
			want |= 1 << (uint32(r) * 0x9E3779B1 >> 26)
		}
		if got := RuneMask(s); got != want {
			t.Errorf("RuneMask(%q) = %x, want %x", s, got, want)
		}
	})
}

// FuzzMay checks that the prefilter is sound: wherever the regexp matches,
// May says it may, and MatchMask agrees with the regexp on non-empty text.
func FuzzMay(f *testing.F) {
	for _, s := range [][2]string{
		{"(受理|调解|调处|接收|排查)(各类)?.{0,8}(纠纷|案件)$", "受理各类矛盾纠纷"},
		{"^(主要)?问题", "主要问题和不足"}, {"(参学|出庭(应诉)?)率$", "出庭应诉率"},
		{"存在.{0,6}(问题|困难)", "还存在一些问题"}, {"a(b|c)d.*e$", "xabdqqe"}, {"^x+y|z", "xxy"},
		{"不足", "存在的不足和问题"}, {"^下步", "下步工作"}, {"率$", "出庭率"}, {"(纲要)\\(\\d", "纲要(2021"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if len(pattern) > 64 {
			return
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		p := New(Deferred(pattern))
		want := re.MatchString(s)
		if want && !p.May(s, RuneMask(s)) {
			t.Fatalf("%q matches %q but May says no", pattern, s)
		}
		if s != "" && p.MatchMask(s, RuneMask(s)) != want {
			t.Fatalf("%q on %q: MatchMask %v, regexp %v", pattern, s, !want, want)
		}
		if got, loc := p.FindIndex(s, RuneMask(s)), re.FindStringIndex(s); s != "" && !slices.Equal(got, loc) {
			t.Fatalf("%q on %q: FindIndex %v, regexp %v", pattern, s, got, loc)
		}
		if loc := re.FindStringIndex(s); loc != nil {
			if prefix, _ := Deferred(pattern).LiteralPrefix(); !strings.HasPrefix(s[loc[0]:], prefix) {
				t.Fatalf("%q matches %q at %d, which does not start with the prefix %q", pattern, s, loc[0], prefix)
			}
		}
	})
}

// FuzzPrefixes checks that every match of a pattern starts with one of
// its Prefixes.
func FuzzPrefixes(f *testing.F) {
	for _, s := range [][2]string{
		{`^(?:(?:首页|主页)\s*(?:>|›)|\(?此件(?:为)?主动公开\)?\s*$|【?字体\s*:?)`, "(此件主动公开)"},
		{`a?b*c{2,3}`, "xbbccc"}, {`[京沪]ICP`, "沪ICP备"}, {`(?:打印|关闭)\s*$`, "关闭"}, {`x{0,2}y`, "xxy"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if len(pattern) > 64 {
			return
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		ps, ok := Prefixes(re, 2)
		if !ok {
			return
		}
		for i := 0; i <= len(s); i++ {
			loc := re.FindStringIndex(s[i:])
			if loc == nil || loc[0] != 0 {
				continue
			}
			m := s[i : i+loc[1]]
			if !slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(m, p) || strings.HasPrefix(p, m) && p == m }) {
				t.Fatalf("%q matches %q at %d, which starts with none of %q", pattern, m, i, ps)
			}
		}
	})
}
