package checks_test

import (
	"context"
	"testing"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

func TestTerm(t *testing.T) {
	rule := &lint.Rule{ID: "text/term", Severity: lint.Warning}
	c, err := checks.NewTerm(rule, []checks.TermEntry{
		{Name: "第一责任人", Correct: "推进法治建设第一责任人职责", Wrong: []string{"推进法治政府建设第一责任人", "法治政府建设第一责任人"}},
		{Name: "委员会", Correct: "中央全面依法治国委员会", Wrong: []string{"中央依法治国委员会", "全面依法治国委员会"}},
		{Name: "纲要", Correct: "《法治政府建设实施纲要(2021—2025年)》",
			Patterns: []*match.Regexp{match.MustCompile(`纲要\(\d{4}[-—]*\d{4}年\)`)},
			Allow:    []string{"纲要(2015—2020年)", "纲要(2021—2025年)"}, Note: "只有两版。"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, c, nil, []checkCase{
		{"wrong form", "区长履行推进法治政府建设第一责任人职责。", lint.Options{}, []string{
			"1:5 warning “推进法治政府建设第一责任人”写法有误,应为“推进法治建设第一责任人职责”。"}},
		{"the longest of overlapping forms, once", "履行推进法治政府建设第一责任人职责,法治政府建设第一责任人。", lint.Options{}, []string{
			"1:3 warning “推进法治政府建设第一责任人”", "1:19 warning “法治政府建设第一责任人”"}},
		{"a wrong form inside the right one", "学习中央全面依法治国委员会会议精神。", lint.Options{}, nil},
		{"wrong forms around the right one", "中央依法治国委员会、全面依法治国委员会第三次会议。", lint.Options{}, []string{
			"1:1 warning “中央依法治国委员会”", "1:11 warning “全面依法治国委员会”"}},
		{"pattern: no such edition", "贯彻纲要(2022—2025年)。", lint.Options{}, []string{
			"1:3 warning “纲要(2022—2025年)”写法有误,应为“《法治政府建设实施纲要(2021—2025年)》”;只有两版。"}},
		{"pattern: full-width brackets fold", "贯彻纲要（2022—2025年）。", lint.Options{}, []string{"1:3 warning"}},
		{"pattern: the editions pass", "贯彻纲要（2021—2025年）,总结纲要(2015—2020年)。", lint.Options{}, nil},
		{"a page's navigation is not searched", "首页 > 中央依法治国委员会\n区长履行职责。", lint.Options{}, nil},
	})
}

func TestTermErrors(t *testing.T) {
	rule := &lint.Rule{ID: "text/term"}
	for name, e := range map[string]checks.TermEntry{
		"no wrong form":      {Name: "a", Correct: "甲"},
		"empty wrong form":   {Name: "a", Wrong: []string{""}},
		"no literal prefix":  {Name: "a", Patterns: []*match.Regexp{match.MustCompile(`\d{4}年`)}},
		"class at the start": {Name: "a", Patterns: []*match.Regexp{match.MustCompile(`[甲乙]丙`)}},
	} {
		if _, err := checks.NewTerm(rule, []checks.TermEntry{e}, nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestTermBuiltOnce checks that the matcher is built when the check is made
// (when rules load): checking a report builds nothing, so a report without
// any of the forms costs no allocation in the check.
func TestTermBuiltOnce(t *testing.T) {
	rule := &lint.Rule{ID: "text/term", Severity: lint.Warning}
	var wrong []string
	for _, w := range []string{"甲乙", "丙丁", "戊己", "庚辛", "壬癸"} {
		wrong = append(wrong, w+"委员会")
	}
	c, err := checks.NewTerm(rule, []checks.TermEntry{{Name: "x", Correct: "正确", Wrong: wrong}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lint.ParseString("青山区人民政府关于2023年度法治政府建设情况的报告\n全年审核规范性文件12件,开展专项清理。\n2024年3月20日\n")
	if err != nil {
		t.Fatal(err)
	}
	allocs := func(c lint.Check) float64 {
		l, err := lint.New(lint.Config{Rules: c.Rules(), Checks: []lint.Check{c}})
		if err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(20, func() {
			if _, err := l.Lint(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
		})
	}
	with, without := allocs(c), allocs(noCheck{rule})
	if with != without {
		t.Errorf("linting with the term check allocates %v times, without it %v: the check builds something per report (its matcher must be built by NewTerm)", with, without)
	}
}

// noCheck reports under its rule and does nothing.
type noCheck struct{ rule *lint.Rule }

func (c noCheck) Rules() []*lint.Rule       { return []*lint.Rule{c.rule} }
func (c noCheck) Run(pass *lint.Pass) error { return nil }

func TestBrackets(t *testing.T) {
	rule := &lint.Rule{ID: "text/brackets", Severity: lint.Warning}
	c, err := checks.NewBrackets(rule, []string{"《》", "()", "〔〕", "【】", "“”", "‘’"})
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, c, nil, []checkCase{
		{"balanced", "落实《纲要(2021—2025年)》和“‘三项制度’”,【执法】。", lint.Options{}, nil},
		{"closing mark without its opener", "落实工作要点》。", lint.Options{}, []string{"1:7 warning “》”前面没有与之配对的“《”"}},
		{"closed by the wrong partner", "贯彻纲要(2021—2025年》。", lint.Options{}, []string{
			"1:16 warning “》”与前面的“(”不配对"}},
		{"never closed", "对照“十三五规划的要求", lint.Options{}, []string{"1:3 warning 左引号“后面没有与之配对的右引号”"}},
		{"inner mark unclosed", "《纲要(2021—2025年》", lint.Options{}, []string{"1:4 warning “(”后面没有"}},
		{"full-width", "落实（执法监督。", lint.Options{}, []string{"1:3 warning “(”后面没有"}},
		{"<> inside 《》", "《关于<纲要>的方案》", lint.Options{}, nil},
		{"list items", "1)落实制度。\n一)加强监督。", lint.Options{}, nil},
		{"a paragraph over two lines", "贯彻《青山区矛盾纠纷\n多元化解条例》。", lint.Options{}, nil},
		{"a paragraph ends with its sentence", "贯彻《青山区条例。\n多元化解》。", lint.Options{}, []string{"1:3 warning", "2:5 warning"}},
	})
	if _, err := checks.NewBrackets(rule, []string{"《"}); err == nil {
		t.Error("no error for a pair of one character")
	}
	if _, err := checks.NewBrackets(rule, []string{"\"\""}); err == nil {
		t.Error("no error for a pair of one mark twice")
	}
}

func TestYearHeading(t *testing.T) {
	rule := &lint.Rule{ID: "year/heading", Severity: lint.Warning}
	c := &checks.YearHeading{
		Rule:        rule,
		Parts:       []string{"achievements"},
		Citations:   []*match.Regexp{match.MustCompile(`《[^》]{0,40}?(\d{4})年度?法治政府建设[^》]{0,20}报告》`)},
		ReviewVerbs: []*match.Regexp{match.MustCompile(`审议|通过|报送`)},
		Plans:       []*match.Regexp{match.MustCompile(`(\d{4})年度?(?:工作)?(?:方案|计划)`)},
	}
	parts := []document.PartSpec{{Name: "achievements", Headings: []*match.Regexp{match.MustCompile(`情况|成效`)}}}
	const title = "青山区人民政府关于2025年度法治政府建设情况的报告\n"
	runCases(t, c, parts, []checkCase{
		{"heading of another year", title + "一、2024年法治政府建设基本情况\n全面落实三项制度。\n", lint.Options{}, []string{
			"2:3 warning 标题“一、2024年法治政府建设基本情况”写的是2024年,本报告是2025年度报告"}},
		{"heading of the year", title + "一、2025年法治政府建设基本情况\n全面落实三项制度。\n", lint.Options{}, nil},
		{"heading without a year", title + "一、主要举措和成效\n全面落实三项制度。\n", lint.Options{}, nil},
		{"citing itself with another year", title + "现将《青山区2024年度法治政府建设情况报告》报告如下。\n", lint.Options{}, []string{
			"2:3 warning 引用的“《青山区2024年度法治政府建设情况报告》”写的是2024年"}},
		{"last year's report reviewed", title + "常务会议审议并通过《青山区2024年度法治政府建设情况报告》。\n", lint.Options{}, nil},
		{"a later year's report reviewed", title + "常务会议审议并通过《青山区2026年度法治政府建设情况报告》。\n", lint.Options{}, []string{"2:10 warning"}},
		{"a plan for the year reported on", "青山区2025年度法治政府建设情况报告及2025年工作方案\n2025年,我区扎实推进。\n", lint.Options{}, []string{
			"1:21 warning 标题中的“2025年工作方案”是2025年的工作安排"}},
		{"a plan for next year", "青山区2025年度法治政府建设情况报告及2026年工作方案\n2025年,我区扎实推进。\n", lint.Options{}, nil},
		{"year unknown", "一、2024年法治政府建设基本情况\n全面落实三项制度。\n", lint.Options{}, nil},
	})
}

// FuzzTextChecks runs text/term and text/brackets over any text: no panic,
// and every finding lies within the text.
func FuzzTextChecks(f *testing.F) {
	for _, s := range []string{"贯彻纲要(2022—2025年》", "“《(〔【‘", "中央依法治国委员会\n全面依法治国委员会", "\xff纲要(", ")1)一)"} {
		f.Add(s)
	}
	term, err := checks.NewTerm(&lint.Rule{ID: "text/term", Severity: lint.Warning}, []checks.TermEntry{
		{Name: "委员会", Correct: "中央全面依法治国委员会", Wrong: []string{"中央依法治国委员会", "全面依法治国委员会"}},
		{Name: "纲要", Correct: "纲要", Patterns: []*match.Regexp{match.MustCompile(`纲要\(\d{4}[-—]*\d{4}年?\)`)}, Allow: []string{"纲要(2021—2025年)"}},
	}, nil)
	if err != nil {
		f.Fatal(err)
	}
	br, err := checks.NewBrackets(&lint.Rule{ID: "text/brackets", Severity: lint.Warning}, []string{"《》", "()", "〔〕", "【】", "“”", "‘’"})
	if err != nil {
		f.Fatal(err)
	}
	l, err := lint.New(lint.Config{Rules: append(term.Rules(), br.Rules()...), Checks: []lint.Check{term, br}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		res, err := l.Check(context.Background(), []byte(s), lint.Options{})
		if err != nil {
			return // unreadable input: a clear error, not a panic
		}
		text := res.Document.Text // decoded: offsets index it
		for _, fd := range res.Findings {
			if fd.Span.Start.Offset < 0 || fd.Span.End.Offset > len(text) || fd.Span.Start.Offset > fd.Span.End.Offset {
				t.Fatalf("finding %v outside the text of %d bytes", fd.Span, len(text))
			}
		}
	})
}
