package norm

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
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
		// Traditional characters fold in place
		{"發佈時間:2024-03-20", "发布时间:2024-03-20"},
		{"法治政府建設情況報告", "法治政府建设情况报告"},
		{"第一責任人職責", "第一责任人职责"},
		{"爲為眾衆裡裏", "为为众众里里"},
		// ... but not those that are Simplified characters too
		{"乾隆瞭望慰藉覆盖幺麼", "乾隆瞭望慰藉覆盖幺麼"},
		{"關於徵求意見", "关于征求意见"},
		// glosses are dropped, in ASCII or full-width parentheses
		{"發(fā)布時(shí)間", "发布时间"},
		{"推進(jìn)法治", "推进法治"},
		{"報（bào）告", "报告"},
		{"狀(zhuàng)況(kuàng)", "状况"},
		{"綠(lǜ)色", "绿色"},
		// ... and only they
		{"发(fa)布", "发(fa)布"},           // no tone mark
		{"们(men)", "们(men)"},           // neutral tone: not toneful
		{"发(fāā)布", "发(fāā)布"},         // two tone marks
		{"发(Fā)布", "发(Fā)布"},           // capital
		{"发(fāngzhèn)", "发(fāngzhèn)"}, // two syllables
		{"2(fā)", "2(fā)"},             // not after a Han character
		{"发 (fā)", "发 (fā)"},           // not directly after it
		{"发(fā", "发(fā"},               // not closed
		{"发(一)", "发(一)"},               // a number
		{"(fā)", "(fā)"},               // at the start
		{"一、(一)加强", "一、(一)加强"},
		{"（一）\xff加强，", "(一)\uFFFD加强,"}, // an invalid byte after a fold: 3 bytes for 1
		{"（一）\xff\xfe發(fā)布", "(一)\uFFFD\uFFFD发布"},
	}
	for _, tc := range tests {
		got, m := String(tc.in)
		if got != tc.want {
			t.Errorf("String(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if utf8.RuneCountInString(got)+m.Dropped(len(got)) != utf8.RuneCountInString(tc.in) {
			t.Errorf("String(%q): %d runes + %d dropped, want %d", tc.in, utf8.RuneCountInString(got), m.Dropped(len(got)), utf8.RuneCountInString(tc.in))
		}
		checkMap(t, tc.in, got, m)
	}
}

// checkMap asserts that every rune boundary of the view maps to the boundary
// of the same rune in the original (for the rune after a gloss, the
// boundary after the gloss), and that Dropped counts the original runes
// skipped up to it.
func checkMap(t *testing.T, orig, view string, m Map) {
	t.Helper()
	_, _, want := reference(orig)
	k := 0
	for i := range view {
		if got := m.Orig(i); got != want[k].orig {
			t.Fatalf("Orig(%d) in %q = %d, want %d", i, orig, got, want[k].orig)
		}
		if got := m.Dropped(i); got != want[k].dropped {
			t.Fatalf("Dropped(%d) in %q = %d, want %d", i, orig, got, want[k].dropped)
		}
		k++
	}
	if got := m.Orig(len(view)); got != len(orig) {
		t.Fatalf("Orig(end) in %q = %d, want %d", orig, got, len(orig))
	}
	if got, w := m.Dropped(len(view)), want[len(want)-1].dropped; got != w {
		t.Fatalf("Dropped(end) in %q = %d, want %d", orig, got, w)
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"（一）加强领导，", "０９％　", "abc", "ｶﾞ｡", "發(fā)布時(shí)間", "報（bào）告2(fā)", "乾隆瞭望"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		view, m := String(s)
		if utf8.RuneCountInString(view)+m.Dropped(len(view)) != utf8.RuneCountInString(s) {
			t.Fatalf("rune count changed: %q → %q, %d dropped", s, view, m.Dropped(len(view)))
		}
		checkMap(t, s, view, m)
	})
}

// TestFoldLeads checks what View's scan assumes: every rune that folds is
// encoded with a first byte of C2, E2, E3 or EF, or is a Traditional
// character from U+4000 to U+9FFF (first byte E4 to E9) at which skipPlain
// stops, and folds to a rune of the same length; skipPlain passes every
// other three-byte rune from U+4000 to U+EFFF, but U+D000 to U+DFFF.
func TestFoldLeads(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		f := Rune(r)
		if f == r {
			continue
		}
		s := string(r)
		switch c := s[0]; {
		case c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF:
		case c >= 0xE4 && c <= 0xE9 && skipPlain(s, 0) == 0:
		default:
			t.Errorf("%U folds but starts with %#x", r, c)
		}
		if r >= 0x3400 && r < 0xA000 && utf8.RuneLen(f) != utf8.RuneLen(r) {
			t.Errorf("%U folds to %U, of another length", r, f)
		}
	}
	for r := rune(0x4000); r < 0xF000; r++ {
		if r >= 0xD000 && r < 0xE000 {
			continue // first byte ED (and the surrogates): the slow path
		}
		if s := string(r); Rune(r) == r && skipPlain(s, 0) != 3 {
			t.Fatalf("%U does not fold but skipPlain stops at it", r)
		}
	}
}

// FuzzView checks View against a plain range loop over s.
func FuzzView(f *testing.F) {
	f.Add("（一）全年\u3000调解\xff")
	f.Add("\xff全年\u3000")
	f.Add("ﾨ發(fā)布（bào）")
	f.Fuzz(func(t *testing.T, s string) {
		v, m, valid := View(s)
		wv, wm, _ := reference(s)
		if v != wv || !slices.Equal(m.shifts, wm.shifts) || valid != utf8.ValidString(v) {
			t.Errorf("View(%q) = %q, %v, %v; want %q, %v", s, v, m, valid, wv, wm)
		}
	})
}

// boundary is where a rune boundary of the view lies in the original, and
// how many original runes were dropped before it.
type boundary struct{ orig, dropped int }

// reference is String as a plain loop, rune by rune, that also lists
// where each rune boundary of the view (the end included) lies in s.
func reference(s string) (string, Map, []boundary) {
	first := -1
	for i, r := range s {
		if n, _ := glossLen(s, i); n > 0 || r >= 0x80 && Rune(r) != r {
			first = i
			break
		}
	}
	var bounds []boundary
	if first < 0 {
		for i := range s {
			bounds = append(bounds, boundary{i, 0})
		}
		return s, Map{}, append(bounds, boundary{len(s), 0})
	}
	for i := range s[:first] {
		bounds = append(bounds, boundary{i, 0})
	}
	var b strings.Builder
	b.WriteString(s[:first])
	var m Map
	delta, dropped := 0, 0
	for i := first; i < len(s); {
		if n, runes := glossLen(s, i); n > 0 {
			i += n
			delta += n
			dropped += runes
			m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta, dropped: dropped})
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		bounds = append(bounds, boundary{i, dropped})
		i += n
		f := Rune(r)
		b.WriteRune(f)
		// as in View, a fold to a rune of another length records a shift;
		// so does an invalid byte, written as a three-byte U+FFFD
		if f != r && utf8.RuneLen(f) != n || r == utf8.RuneError && n == 1 {
			delta += n - utf8.RuneLen(f)
			m.shifts = append(m.shifts, shift{at: b.Len(), delta: delta, dropped: dropped})
		}
	}
	return b.String(), m, append(bounds, boundary{len(s), dropped})
}

// TestSimplifiedUnchanged checks that the Simplified texts ducha is tested on
// (the seeds, the crafted cases) and its rule files have no character the
// Traditional table folds and no gloss: their view and findings stay as
// they were.
func TestSimplifiedUnchanged(t *testing.T) {
	var files []string
	for _, g := range []string{"../../testdata/seeds/*.txt", "../../testdata/cases/*.txt", "../../rules/builtin/*.hcl"} {
		f, _ := filepath.Glob(g)
		files = append(files, f...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d files", len(files))
	}
	for _, f := range files {
		if base := filepath.Base(f); strings.HasPrefix(base, "traditional-") || strings.HasPrefix(base, "gloss-") {
			continue // the Traditional twins of cases
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for i, r := range s {
			if r >= 0x3400 && r < 0xA000 && trad(r) != r {
				t.Errorf("%s: %q at byte %d folds to %q", f, r, i, trad(r))
				break
			}
			if n, _ := glossLen(s, i); n > 0 {
				t.Errorf("%s: %q at byte %d reads as a gloss", f, s[i:i+n], i)
				break
			}
		}
	}
}

// TestTablesUpToDate checks that tables.go is what go generate writes from
// testdata/opencc.
func TestTablesUpToDate(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("the go command is needed to regenerate tables.go")
		}
		t.Skip("the go command is not on PATH: cannot regenerate tables.go")
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goTool, "run", "gen_tables.go", "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen_tables.go: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("tables.go is not what gen_tables.go writes: run go generate ./internal/norm")
	}
}

// BenchmarkView measures the view of a Simplified report (the seeds, which
// fold little) and of the same text in Traditional characters with glosses.
func BenchmarkView(b *testing.B) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	var simp strings.Builder
	for _, f := range files {
		s, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		simp.Write(s)
	}
	trad, err := os.ReadFile("../../testdata/pages/s001-gloss.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []struct{ name, s string }{{"simplified", simp.String()}, {"traditional-gloss", string(trad)}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			for b.Loop() {
				View(in.s)
			}
		})
	}
}
