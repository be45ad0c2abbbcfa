package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuantities(t *testing.T) {
	src := strings.Join([]string{
		"来源:司法局 日期:2021-03-31 浏览次数:35次",
		"某区2020年度法治政府建设情况报告",
		"一、主要举措和成效",
		"全年调解矛盾纠纷4489件,调解成功4450件,调解成功率99.13%。受理行政复议案件12件;审结10件。",
		"(一)执法证管理",
		"2020年,及时变更执法证信息202035名同志参与执法证考试。2020年全区培训320余人次。",
		"二、存在的不足和原因",
		"一是全年培训3次。",
		"扫一扫在手机打开当前页面",
	}, "\n")
	d := mustParse(t, src)
	type q struct {
		Text, Label string
		Sentence    string
	}
	var got []q
	for i, x := range d.Quantities {
		s := ""
		if si := d.QuantitySentence(i); si >= 0 {
			s = d.Slice(d.Sentences[si])
		}
		if d.Slice(Range{x.Start, x.End}) != x.Text {
			t.Errorf("quantity %d: offsets %d..%d read %q, want %q", i, x.Start, x.End, d.Slice(Range{x.Start, x.End}), x.Text)
		}
		got = append(got, q{x.Text, x.Label, s})
	}
	s1 := "全年调解矛盾纠纷4489件,调解成功4450件,调解成功率99.13%。"
	want := []q{
		// not the 35次 of the metadata line, nor anything of the title
		{"4489件", "全年调解矛盾纠纷", s1},
		{"4450件", "调解成功", s1},
		{"99.13%", "调解成功率", s1},
		{"12件", "受理行政复议案件", "受理行政复议案件12件;"},
		{"10件", "审结", "审结10件。"},
		// 202035名 is 2020年35名 with 年 lost: dropped
		{"320余人次", "2020年全区培训", "2020年全区培训320余人次。"},
		{"3次", "全年培训", "一是全年培训3次。"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quantities (-want +got):\n%s", diff)
	}
	// clauses are numbered across lines
	if d.Quantities[0].Clause == d.Quantities[len(d.Quantities)-1].Clause {
		t.Error("the first and last quantities share a clause")
	}
	lo, hi := d.QuantitiesIn(d.Sentences[1])
	if d.Slice(d.Sentences[1]) != s1 || lo != 0 || hi != 3 {
		t.Errorf("QuantitiesIn(%q) = %d, %d; want 0, 3", d.Slice(d.Sentences[1]), lo, hi)
	}
	if d.QuantitySentence(-1) != -1 || d.QuantitySentence(len(d.Quantities)) != -1 {
		t.Error("QuantitySentence out of range is not -1")
	}
	// TopHeadingAt: the (一) sub-heading lies inside part 一
	at := strings.Index(d.Norm, "202035")
	if i := d.TopHeadingAt(at); i < 0 || d.Outline[i].Number != "一" {
		t.Errorf("TopHeadingAt(%d) = %d, want the heading 一", at, i)
	}
	if i := d.TopHeadingAt(0); i != -1 {
		t.Errorf("TopHeadingAt(0) = %d, want -1", i)
	}
}

func mustParse(t *testing.T, s string) *Document {
	t.Helper()
	d, err := Parse(mustDecode(t, s), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestQuantitiesSeeds checks that the quantities of the seeds lie in the
// body: in a sentence, never in the title or furniture.
func TestQuantitiesSeeds(t *testing.T) {
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seeds in testdata/seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := mustParse(t, string(b))
		if len(d.Quantities) < 15 {
			t.Errorf("%s: only %d quantities", f, len(d.Quantities))
		}
		for i, q := range d.Quantities {
			if d.QuantitySentence(i) < 0 {
				t.Errorf("%s: %q at %d is in no sentence", f, q.Text, q.Start)
			}
			if k := d.LineAt(q.Start).Kind; k != BodyLine && k != HeadingLine {
				t.Errorf("%s: %q on a %v line", f, q.Text, k)
			}
			if strings.Contains(q.Text, "202035") {
				t.Errorf("%s: the glued 202035名 was read as a quantity", f)
			}
		}
	}
}

func TestRuneMask(t *testing.T) {
	label := "全年调解各类矛盾纠纷"
	for _, w := range []string{"调解", "纠纷", "矛盾纠纷", "全", ""} {
		if m, l := runeMask(w), runeMask(label); m&l != m {
			t.Errorf("runeMask(%q) is not within runeMask(%q)", w, label)
		}
	}
	if runeMask("") != 0 {
		t.Error("RuneMask of the empty string is not 0")
	}
	d := mustParse(t, "报告\n全年调解矛盾纠纷4489件,调解成功4450件。")
	lm, am := d.QuantityRunes(0)
	if lm != runeMask("全年调解矛盾纠纷") || am != 0 {
		t.Errorf("QuantityRunes(0) = %x, %x", lm, am)
	}
	if lm, am := d.QuantityRunes(99); lm != ^uint64(0) || am != ^uint64(0) {
		t.Error("QuantityRunes out of range does not rule nothing out")
	}
}
