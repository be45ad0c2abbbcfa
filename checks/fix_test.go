package checks_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// structureCase is a report and the fixes and related locations its
// findings carry, one string per finding: "LINE:COL" then
// " fix L:C-L:C “TEXT”" when it has a fix and " related L:C MESSAGE" for
// each related location. A finding with neither is "LINE:COL".
type structureCase struct {
	name string
	src  string
	want []string
}

// structure lints src with check c and describes its findings' fixes and
// related locations as structureCase does. It also checks that each fix,
// applied to the text, leaves a text on which that finding is gone.
func structure(t *testing.T, c lint.Check, src string) []string {
	t.Helper()
	l, err := lint.New(lint.Config{Rules: c.Rules(), Checks: []lint.Check{c}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(context.Background(), []byte(src), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		s := f.Span.Start.String()
		if x := f.Fix; x != nil {
			s += fmt.Sprintf(" fix %s-%s “%s”", x.Span.Start, x.Span.End, x.Text)
			text := res.Document.Text
			fixed := text[:x.Span.Start.Offset] + x.Text + text[x.Span.End.Offset:]
			again, err := l.Check(context.Background(), []byte(fixed), lint.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if slices.ContainsFunc(again.Findings, func(g lint.Finding) bool { return g.Message == f.Message }) {
				t.Errorf("%s: after the fix (%q) the finding is still there: %s", s, fixed, f.Message)
			}
		}
		for _, r := range f.Related {
			s += fmt.Sprintf(" related %s %s", r.Span.Start, r.Message)
		}
		out = append(out, s)
	}
	return out
}

func runStructure(t *testing.T, c lint.Check, cases []structureCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, structure(t, c, tc.src)); diff != "" {
				t.Errorf("fixes and related locations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDocNumberFix(t *testing.T) {
	c := &checks.DocNumber{Rule: &lint.Rule{ID: "format/doc-number", Severity: lint.Warning}, Glued: lint.Info}
	runStructure(t, c, []structureCase{
		{"square brackets", "按照《意见》(国发[2021]33号)要求。", []string{"1:8 fix 1:8-1:19 “国发〔2021〕33号”"}},
		{"full-width parentheses", "按照《规定》（厅字（2019）28号）要求。", []string{"1:8 fix 1:8-1:19 “厅字〔2019〕28号”"}},
		{"several departures", "(国办函【20】第05)", []string{"1:2 fix 1:2-1:12 “国办函〔2020〕5号”"}},
		{"glued (seed 000)", "按照《督察工作规定》(厅字〔201928)要求。", []string{"1:12 fix 1:12-1:21 “厅字〔2019〕28号”"}},
		{"glued with its 号", "按照厅字〔201928号要求。", []string{"1:5 fix 1:5-1:13 “〔2019〕28号”"}},
		// a three-digit year: the check cannot tell which year was meant
		{"no correct form", "(湘政发〔202〕3号)", []string{"1:2"}},
		{"well formed", "两办印发《通知》(办字〔2020〕14号);", nil},
	})
}

func TestDateMalformedFix(t *testing.T) {
	c := &checks.DateMalformed{Rule: &lint.Rule{ID: "date/malformed", Severity: lint.Error}, Glued: lint.Warning}
	runStructure(t, c, []structureCase{
		{"glued dates (seed 000)", report2022 + "对2019111日至2020101日的案卷进行评查。", []string{
			"4:17 fix 4:17-4:25 “2019年11月1日”", "4:26 fix 4:26-4:34 “2020年10月1日”"}},
		{"a lost 月", report2022 + "于2019年111日施行。", []string{"4:17 fix 4:17-4:26 “2019年11月1日”"}},
		{"glued year", report2022 + "2022年度学法考试,202235名同志参加。", []string{"4:27 fix 4:27-4:33 “2022年35”"}},
		{"year glued to a word (seed 004)", report2022 + "2022年全区,2022共召开会议。", []string{"4:24 fix 4:24-4:29 “2022年共”"}},
		{"two years that lost the dash", report2022 + "《规划(20212025年)》。", []string{"4:20 fix 4:20-4:29 “2021—2025年”"}},
		// no reading is a real date, and a date that does not exist may be
		// wrong in its month or its day: no fix
		{"glued beyond repair", report2022 + "自2019451日起施行。", []string{"4:17"}},
		{"30 February", report2022 + "\n2024年2月30日", []string{"5:1"}},
	})
}

func TestTermFix(t *testing.T) {
	rule := &lint.Rule{ID: "text/term", Severity: lint.Warning}
	watermark := &lint.Rule{ID: "text/watermark", Severity: lint.Warning}
	c, err := checks.NewTerm(rule, []checks.TermEntry{
		{Name: "第一责任人", Correct: "推进法治建设第一责任人职责", Wrong: []string{"推进法治政府建设第一责任人", "法治政府建设第一责任人"}},
		{Name: "委员会", Correct: "中央全面依法治国委员会", Wrong: []string{"中央依法治国委员会", "全面依法治国委员会"}},
		{Name: "负责人", Correct: "党政主要负责人", Wrong: []string{"党政主要责任人"}},
		{Name: "纲要", Correct: "《法治政府建设实施纲要(2021—2025年)》",
			Patterns: []*match.Regexp{match.MustCompile(`纲要\(\d{4}[-—]*\d{4}年\)`)},
			Allow:    []string{"纲要(2015—2020年)", "纲要(2021—2025年)"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Add(watermark, []checks.TermEntry{{Name: "省略", Wrong: []string{"(略)"}}}, nil); err != nil {
		t.Fatal(err)
	}
	runStructure(t, c, []structureCase{
		{"the right form's last words follow", "区长履行推进法治政府建设第一责任人职责。", []string{"1:5 fix 1:5-1:20 “推进法治建设第一责任人职责”"}},
		{"a shorter wrong form", "落实法治政府建设第一责任人职责。", []string{"1:3 fix 1:3-1:16 “推进法治建设第一责任人职责”"}},
		{"a form that ends like the right one", "中央依法治国委员会、全面依法治国委员会第三次会议。", []string{
			"1:1 fix 1:1-1:10 “中央全面依法治国委员会”", "1:11 fix 1:11-1:20 “中央全面依法治国委员会”"}},
		{"one word", "党政主要责任人述法。", []string{"1:1 fix 1:1-1:8 “党政主要负责人”"}},
		{"a watermark is deleted", "全年办结案件。(略)", []string{"1:8 fix 1:8-1:11 “”"}},
		// the right form's last words do not follow: what was meant is unclear
		{"the right form's words do not follow", "法治政府建设第一责任人的要求。", []string{"1:1"}},
		// a pattern's match: which edition was meant is unknown
		{"pattern: no such edition", "贯彻纲要(2022—2025年)。", []string{"1:3"}},
		{"right forms", "学习中央全面依法治国委员会会议精神。", nil},
	})
}

func TestBracketsRelated(t *testing.T) {
	c, err := checks.NewBrackets(&lint.Rule{ID: "text/brackets", Severity: lint.Warning}, []string{"《》", "()"})
	if err != nil {
		t.Fatal(err)
	}
	runStructure(t, c, []structureCase{
		{"closed by the wrong partner", "贯彻纲要(2021—2025年》。", []string{"1:16 related 1:5 与之不配对的“(”"}},
		{"over two lines", "贯彻《青山区矛盾纠纷\n多元化解条例)。", []string{"2:7 related 1:3 与之不配对的“《”"}},
		// a mark with no partner at all has nothing to point at
		{"never closed", "落实(执法监督。", []string{"1:3"}},
	})
}

func TestConflictRelated(t *testing.T) {
	c := &checks.Conflict{
		Rule:    &lint.Rule{ID: "numeric/conflict", Severity: lint.Warning},
		Figures: []checks.Figure{{Name: "负责人出庭次数", Label: res("负责人出庭(应诉)?$"), Units: []string{"次", "件"}}},
	}
	runStructure(t, c, []structureCase{
		{"the first statement", "一、主要举措和成效\n全面落实行政负责人出庭制度,负责人出庭15次。\n三、第一责任人\n机关负责人出庭12次。",
			[]string{"4:8 related 2:20 前文所写的负责人出庭次数:15次"}},
		{"agreeing", "负责人出庭15次。机关负责人出庭15次。", nil},
	})
}

func TestNumberingRelated(t *testing.T) {
	c := &checks.Numbering{Rule: &lint.Rule{ID: "structure/numbering", Severity: lint.Warning}, Broken: lint.Warning, Restart: lint.Info, Enumeration: lint.Info}
	runStructure(t, c, []structureCase{
		{"repeat", "一、甲\n1.子\n2.子\n2.丑", []string{"4:1 related 3:1 前一个同级标题“2.子”"}},
		{"gap", "一、甲\n(一)子\n(二)子\n(四)丑", []string{"4:1 related 3:1 前一个同级标题“(二)子”"}},
		{"a stray ) (seed 000)", "一、甲\n(一)子\n(二)子\n)深化改革。内容。\n(三)子", []string{"4:1 related 3:1 前一个同级标题“(二)子”"}},
		{"enumeration repeat", "一、甲\n一是学法,二是普法,二是执法。", []string{"2:11 related 2:6 前一项“二是”"}},
		// nothing before the first heading to point at
		{"first is not one", "一、甲\n(二)子\n(三)子", []string{"2:1"}},
		{"in sequence", "一、甲\n(一)子\n(二)子", nil},
	})
}
