package match

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestDeferred checks that a deferred pattern is compiled only when the
// prefilter lets a text through, and never when its literals are all it
// matches.
func TestDeferred(t *testing.T) {
	tests := []struct {
		pattern, s     string
		match, compile bool
	}{
		{"调解|纠纷", "排查矛盾纠纷", true, false},                    // exact: the literals decide
		{"(参学|通过)率$", "参学率", true, false},                   // exact, anchored
		{"存在.{0,6}(问题|困难)", "受理案件", false, false},           // no literal: ruled out
		{"(受理|调解).{0,8}(纠纷|案件)$", "受理各类纠纷数量", false, false}, // 受理 but no ending: ruled out
		{"存在.{0,6}(问题|困难)", "还存在一些问题", true, true},
		{"存在.{0,6}(问题|困难)", "存在诸多原因导致的问题", false, true}, // the literals are there, the regexp says no
		{".+率", "结案率", true, true},                      // nothing to go by
	}
	for _, tc := range tests {
		re := Deferred(tc.pattern)
		if re.Compiled() {
			t.Fatalf("%s: compiled before use", tc.pattern)
		}
		p := New(re)
		if got := p.MatchMask(tc.s, RuneMask(tc.s)); got != tc.match {
			t.Errorf("%s on %q: %v, want %v", tc.pattern, tc.s, got, tc.match)
		}
		if got := re.Compiled(); got != tc.compile {
			t.Errorf("%s on %q: compiled %v, want %v", tc.pattern, tc.s, got, tc.compile)
		}
	}
}

func TestCompile(t *testing.T) {
	re, err := Compile(`(\d{4})年`)
	if err != nil || !re.Compiled() || re.IsDeferred() || re.String() != `(\d{4})年` || re.NumSubexp() != 1 {
		t.Fatalf("Compile: %v %v", re, err)
	}
	if _, err := Compile(`(年`); err == nil {
		t.Error("Compile accepted a bad pattern")
	}
	d := Deferred(`(\d{4})年`)
	if !d.IsDeferred() || d.Compiled() {
		t.Fatal("Deferred compiled its pattern")
	}
	if got := d.FindStringSubmatchIndex("报告2024年"); len(got) != 4 || got[2] != 6 || !d.Compiled() {
		t.Errorf("FindStringSubmatchIndex = %v", got)
	}
}

// TestDeferredPanics checks that a deferred pattern that does not compile
// says so when it is first matched (the generator's validation failed).
func TestDeferredPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a bad deferred pattern matched without a panic")
		}
	}()
	Deferred(`(年`).MatchString("年")
}

// TestDeferredConcurrent matches one deferred pattern from several
// goroutines at once (run with -race): each gets the right answer.
func TestDeferredConcurrent(t *testing.T) {
	re := Deferred(`存在.{0,6}(问题|困难)`)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := "还存在一些问题"
			if i%2 == 1 {
				s = "没有"
			}
			if got := re.MatchString(s); got != (i%2 == 0) {
				t.Errorf("goroutine %d: %v", i, got)
			}
		}()
	}
	wg.Wait()
}

// TestFindIndexLiteral checks that a pattern that is one literal is found
// where its regexp finds it, without compiling the regexp.
func TestFindIndexLiteral(t *testing.T) {
	tests := []struct{ pattern, s string }{
		{"不足", "存在的不足和不足"}, {"不足", "没有问题"},
		{"^下步", "下步工作"}, {"^下步", "做好下步工作"},
		{"率$", "出庭率"}, {"率$", "率为"},
		{"^一类$", "一类"}, {"^一类$", "一类案件"},
	}
	for _, tc := range tests {
		re := Deferred(tc.pattern)
		p := New(re)
		got := p.FindIndex(tc.s, RuneMask(tc.s))
		if want := regexp.MustCompile(tc.pattern).FindStringIndex(tc.s); !slices.Equal(got, want) {
			t.Errorf("%s in %q: %v, want %v", tc.pattern, tc.s, got, want)
		}
		if re.Compiled() {
			t.Errorf("%s in %q: compiled", tc.pattern, tc.s)
		}
	}
}

// TestPlainLiterals checks that the patterns New reads without parsing get
// the analysis that parsing gives, and that the others are left to it.
func TestPlainLiterals(t *testing.T) {
	for _, src := range []string{
		"不足", "^下步", "率$", "^一类$", "调解|纠纷", "其他|其它", "ab|ac", "存在 问题",
		"^a|b", "a||b", "a|", "", "^", "$", "^$", "存在.{0,6}问题", `纲要\(`, "(?i)ab", "x*", "\xff", "a\uFFFDb",
	} {
		p := New(Deferred(src))
		want := analyse(Deferred(src))
		_, _, plain := plainLiterals(src)
		sort := func(ls []string) []string { return slices.Sorted(slices.Values(ls)) }
		if p.exact != want.exact || p.anchor != want.anchor || !slices.Equal(sort(p.lits), sort(want.lits)) || len(p.more) != len(want.more) || len(want.ends.lits) != len(p.ends.lits) {
			t.Errorf("%q (plain %v): lits %q exact %v anchor %v, parsing gives %q %v %v", src, plain, p.lits, p.exact, p.anchor, want.lits, want.exact, want.anchor)
		}
		if plain != (src == "不足" || src == "^下步" || src == "率$" || src == "^一类$" || src == "调解|纠纷" || src == "其他|其它" || src == "ab|ac" || src == "存在 问题") {
			t.Errorf("%q: plain %v", src, plain)
		}
	}
}

// TestPrefilter checks that a pattern rebuilt from its Prefilter is the
// one New analyses, and that New takes it from a table.
func TestPrefilter(t *testing.T) {
	srcs := []string{
		"存在.{0,6}(问题|困难)", "(受理|调解).{0,8}(纠纷|案件)$", "^(主要)?问题", "(参学|出庭(应诉)?)率$",
		".+率", `\d{4}年度?.{0,16}(安排|打算)`, "(?i)abc", "a\uFFFDb", "不足", "其[他它]",
	}
	var table Prefilters
	for _, src := range srcs {
		table = append(table, Analyse(src))
	}
	slices.SortFunc(table, func(a, b Prefilter) int { return strings.Compare(a.Src, b.Src) })
	for _, src := range srcs {
		re := DeferredIn(src, &table)
		got, want := New(re), analyse(re)
		if plainLiteralsOK(src) {
			want = New(Deferred(src))
			want.Re = re
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: from the table %+v, analysed %+v", src, got, want)
		}
		if re.prefilters.lookup(src) == nil {
			t.Errorf("%s: not in the table", src)
		}
	}
	if (&table).lookup("nope") != nil {
		t.Error("lookup found a pattern not in the table")
	}
}

func plainLiteralsOK(src string) bool { _, _, ok := plainLiterals(src); return ok }
