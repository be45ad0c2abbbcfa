package linttest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/lint"
)

// fakeT records what the harness reports, as analysistest's own tests do.
type fakeT struct{ errs []string }

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

// lineRule reports one finding per line that contains "XX", under rule
// "text/xx", so the harness can be tested without the real rules.
type lineRule struct{ rule *lint.Rule }

func (c lineRule) Rules() []*lint.Rule { return []*lint.Rule{c.rule} }
func (c lineRule) Run(p *lint.Pass) error {
	for _, l := range p.Doc.Lines {
		s := p.Doc.Slice(l.Range)
		if i := strings.Index(s, "XX"); i >= 0 {
			p.Report(c.rule, lint.Warning, lint.Range{Start: l.Start + i, End: l.Start + i + 2}, "占位符XX")
		}
	}
	return nil
}

func testLinter(t *testing.T) *lint.Linter {
	r := &lint.Rule{ID: "text/xx", Title: "XX", Severity: lint.Warning}
	l, err := lint.New(lint.Config{Rules: []*lint.Rule{r}, Checks: []lint.Check{lineRule{r}}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func writeCase(t *testing.T, dir, name, report, want string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".want"), []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) {
	report := "第一行\n召开会议XX次\n第三行XX\n"
	tests := []struct {
		name string
		want string
		errs []string // substrings, one per expected error, in order
	}{
		{"all matched", "2 text/xx\n3:4 warning text/xx 占位符\n", nil},
		{"missing", "2 text/xx\n3 text/xx\n4 text/xx\n", []string{"4: no finding was reported matching \"4 text/xx\"", "mismatch"}},
		{"unexpected", "2 text/xx\n", []string{"3:4: unexpected finding warning text/xx: 占位符XX", "mismatch"}},
		{"wrong column", "2:1 text/xx\n3 text/xx\n", []string{"2: no finding", "2:5: unexpected finding", "mismatch"}},
		{"wrong severity", "2 error text/xx\n3 text/xx\n", []string{"2: no finding", "2:5: unexpected", "mismatch"}},
		{"message mismatch", "2 text/xx 日期\n3 text/xx\n", []string{"2: no finding", "2:5: unexpected", "mismatch"}},
		{"absent violated", "2 text/xx\n3 text/xx\n!text/xx\n", []string{"2:5: finding text/xx must not be reported", "3:4: finding text/xx must not be reported", "mismatch"}},
		{"absent at severity", "2 text/xx\n3 text/xx\n!error text/xx\n", nil},
		{"absent at severity violated", "2 text/xx\n3 text/xx\n!warning text/xx\n", []string{"2:5: finding text/xx must not be reported (!warning text/xx)", "3:4: finding", "mismatch"}},
		{"bad absent", "!loud text/xx\n", []string{"cannot read \"!loud text/xx\""}},
		{"partial accepts unlisted warnings", "@partial\n2 text/xx\n", nil},
		{"partial still wants listed ones", "@partial\n4 text/xx\n", []string{"4: no finding", "mismatch"}},
		{"partial bad argument", "@partial yes\n", []string{"@partial takes no argument"}},
		{"bad line", "two text/xx\n", []string{"cannot read"}},
		{"bad directive", "@colour red\n", []string{"unknown directive @colour"}},
		{"bad date", "@published 2023-02-30\n", []string{"@published wants a date such as 2023-03-31: 日期“2023-02-30”不存在"}},
		{"error not returned", "@error 内容为空\n", []string{"no error was returned"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantErrors(t, report, tc.want, tc.errs) })
	}
}

// wantErrors runs the harness on report with expectation file want and
// fails unless it reports one error per errs, in order, each containing
// its string.
func wantErrors(t *testing.T, report, want string, errs []string) {
	t.Helper()
	dir := t.TempDir()
	writeCase(t, dir, "r", report, want)
	ft := &fakeT{}
	Run(ft, testLinter(t), dir)
	if len(ft.errs) != len(errs) {
		t.Fatalf("got %d errors, want %d:\n%s", len(ft.errs), len(errs), strings.Join(ft.errs, "\n"))
	}
	for i, e := range errs {
		if !strings.Contains(ft.errs[i], e) {
			t.Errorf("error %d = %q, want it to contain %q", i, ft.errs[i], e)
		}
	}
}

func TestRunErrorCase(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "empty", "", "@error 内容为空\n")
	writeCase(t, dir, "wrong", "", "@error 二进制\n")
	ft := &fakeT{}
	Run(ft, testLinter(t), dir)
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "does not match") {
		t.Fatalf("errors = %q", ft.errs)
	}
}

func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "r", "召开会议XX次\n", "# a comment that stays\n@year 2022\n#> an old message\n9 text/xx\n!title/missing\n")
	e, err := ReadExpectations(filepath.Join(dir, "r.want"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Options.Year != 2022 {
		t.Errorf("@year = %d", e.Options.Year)
	}
	l := testLinter(t)
	res, err := l.Check(t.Context(), []byte("召开会议XX次\n"), e.Options)
	if err != nil {
		t.Fatal(err)
	}
	got := string(e.Rewrite(res.Findings))
	want := "# a comment that stays\n@year 2022\n#> 占位符XX\n1:5 warning text/xx\n!title/missing\n"
	if got != want {
		t.Errorf("Rewrite = %q, want %q", got, want)
	}
	// the rewritten file passes
	if err := os.WriteFile(filepath.Join(dir, "r.want"), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	ft := &fakeT{}
	Run(ft, l, dir)
	if len(ft.errs) != 0 {
		t.Errorf("rewritten expectations fail: %q", ft.errs)
	}
}

func TestNoReports(t *testing.T) {
	ft := &fakeT{}
	Run(ft, testLinter(t), t.TempDir())
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "no reports (.txt, .html, .docx…)") {
		t.Fatalf("errors = %q", ft.errs)
	}
}

// dateRule reports the publication date the linter was given, so that the
// @published directive can be seen to reach lint.Options.
type dateRule struct{ rule *lint.Rule }

func (c dateRule) Rules() []*lint.Rule { return []*lint.Rule{c.rule} }
func (c dateRule) Run(p *lint.Pass) error {
	if d, ok := p.Doc.Published(); ok {
		p.Report(c.rule, lint.Info, p.Doc.Top(), "发布日期 "+d.ISO())
	}
	return nil
}

func TestPublished(t *testing.T) {
	r := &lint.Rule{ID: "date/seen", Severity: lint.Info}
	l, err := lint.New(lint.Config{Rules: []*lint.Rule{r}, Checks: []lint.Check{dateRule{r}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeCase(t, dir, "given", "报告\n日期:2023-03-31\n正文。", "@published 2023-04-15\n1 date/seen 发布日期 2023-04-15\n")
	writeCase(t, dir, "page", "报告\n日期:2023-03-31\n正文。", "1 date/seen 发布日期 2023-03-31\n")
	ft := &fakeT{}
	Run(ft, l, dir)
	if len(ft.errs) != 0 {
		t.Errorf("errors: %q", ft.errs)
	}
	e, err := ReadExpectations(filepath.Join(dir, "given.want"))
	if err != nil {
		t.Fatal(err)
	}
	if got := e.Options.Published.Format("2006-01-02"); got != "2023-04-15" {
		t.Errorf("@published = %s", got)
	}
	// Rewrite keeps the directive
	if got := string(e.Rewrite(nil)); got != "@published 2023-04-15\n" {
		t.Errorf("Rewrite = %q", got)
	}
}

// TestRewriteKeepsRegexps checks that -update keeps the message regexp of a
// line whose finding is still reported, and drops one that no longer
// matches.
func TestRewriteKeepsRegexps(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "r", "召开会议XX次\nXX人参加\n", "# c\n1:5 warning text/xx 占位\n2 text/xx 不再匹配\n")
	e, err := ReadExpectations(filepath.Join(dir, "r.want"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := testLinter(t).Check(t.Context(), []byte("召开会议XX次\nXX人参加\n"), e.Options)
	if err != nil {
		t.Fatal(err)
	}
	got := string(e.Rewrite(res.Findings))
	want := "# c\n#> 占位符XX\n1:5 warning text/xx 占位\n#> 占位符XX\n2:1 warning text/xx\n"
	if got != want {
		t.Errorf("Rewrite = %q, want %q", got, want)
	}
}

// errorRule reports every "XX" as an error, so that @partial can be seen to
// let warnings through but not errors.
type errorRule struct{ rule *lint.Rule }

func (c errorRule) Rules() []*lint.Rule { return []*lint.Rule{c.rule} }
func (c errorRule) Run(p *lint.Pass) error {
	for _, l := range p.Doc.Lines {
		if i := strings.Index(p.Doc.Slice(l.Range), "XX"); i >= 0 {
			p.Report(c.rule, lint.Error, lint.Range{Start: l.Start + i, End: l.Start + i + 2}, "占位符XX")
		}
	}
	return nil
}

func TestPartialRefusesErrors(t *testing.T) {
	r := &lint.Rule{ID: "text/xx", Severity: lint.Error}
	l, err := lint.New(lint.Config{Rules: []*lint.Rule{r}, Checks: []lint.Check{errorRule{r}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeCase(t, dir, "r", "第一行\n召开会议XX次\n", "@partial\n")
	ft := &fakeT{}
	Run(ft, l, dir)
	if len(ft.errs) != 2 || !strings.Contains(ft.errs[0], "2:5: unexpected finding error text/xx") {
		t.Fatalf("errors = %q", ft.errs)
	}
}

// TestReading checks the directives that assert how the report was read.
func TestReading(t *testing.T) {
	report := "首页 > 政务公开\n青山区2023年度法治政府建设情况报告\n发布日期:2024-03-01\n2023年,我区扎实推进法治政府建设。\n一、主要工作\n全年召开会议XX次。\n二、存在的不足\n人员不足。\n"
	tests := []struct {
		name string
		want string
		errs []string
	}{
		{"all right", "@partial\n@year-read 2023\n@published-read 2024-03-01\n@title 2\n@first-part 5 -\n", nil},
		{"line only", "@partial\n@first-part 5\n", nil},
		{"wrong year", "@partial\n@year-read 2022\n", []string{"year read as 2023 (from \"title\"), want 2022"}},
		{"wrong date", "@partial\n@published-read 2024-03-02\n", []string{"publication date read as 2024-03-01, want 2024-03-02"}},
		{"no date expected", "@partial\n@published-read none\n", []string{"read as 2024-03-01, want none"}},
		{"wrong title", "@partial\n@title 1\n", []string{"title read on line 2, want 1"}},
		{"no title expected", "@partial\n@title none\n", []string{"title read on line 2, want none"}},
		{"wrong first part line", "@partial\n@first-part 7\n", []string{"first top-level heading read on line 5, want 7"}},
		{"wrong first part", "@partial\n@first-part 5 achievements\n", []string{"5: first top-level heading read as part -, want achievements"}},
		{"bad year", "@year-read next\n", []string{"@year-read wants a year"}},
		{"bad date", "@published-read soon\n", []string{"@published-read wants a date"}},
		{"bad title", "@title top\n", []string{"@title wants a line number"}},
		{"bad first part", "@first-part\n", []string{"@first-part wants a line number"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantErrors(t, report, tc.want, tc.errs) })
	}
}

// TestHTMLReports checks that Run picks .html reports beside .txt ones.
func TestHTMLReports(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "a", "召开会议XX次\n", "1 text/xx\n")
	page := "<html><head><meta charset=\"utf-8\"></head><body><p>召开会议XX次</p></body></html>"
	if err := os.WriteFile(filepath.Join(dir, "b.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.want"), []byte("!text/xx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ft := &fakeT{}
	Run(ft, testLinter(t), dir)
	if len(ft.errs) != 3 || !strings.Contains(ft.errs[0], "b.html:1:5: finding text/xx must not be reported") {
		t.Fatalf("errors = %q", ft.errs)
	}
	got, err := Reports(dir, "b")
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "b.html" {
		t.Errorf("Reports(b) = %q, %v", got, err)
	}
}

func TestUnexpected(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "r", "", "@partial\n2 text/xx\n")
	e, err := ReadExpectations(filepath.Join(dir, "r.want"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := testLinter(t).Check(t.Context(), []byte("第一行\n召开会议XX次\n第三行XX\n"), e.Options)
	if err != nil {
		t.Fatal(err)
	}
	got := e.Unexpected(res.Findings)
	if len(got) != 1 || got[0].Span.Start.Line != 3 {
		t.Errorf("Unexpected = %v, want the finding on line 3 only", got)
	}
}

// logT is a fakeT that also has Logf, as *testing.T does.
type logT struct {
	fakeT
	logs []string
}

func (l *logT) Logf(format string, args ...any) {
	l.logs = append(l.logs, fmt.Sprintf(format, args...))
}

// withUpdate runs f as under go test -update.
func withUpdate(t *testing.T, f func()) {
	t.Helper()
	if err := flag.Set("update", "true"); err != nil {
		t.Fatal(err)
	}
	defer flag.Set("update", "false")
	f()
}

// TestUpdateDropsContradictedAbsent checks that -update does not write a
// file that both expects a rule's finding and forbids the rule ("!RULE"):
// the "!" line goes, with a warning that says where it was and why, and
// the rewritten file passes. A "!" line the findings do not contradict
// stays.
func TestUpdateDropsContradictedAbsent(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "r", "召开会议XX次\n", "# c\n!text/xx\n!error text/xx\n!title/missing\n")
	ft := &logT{}
	withUpdate(t, func() { Run(ft, testLinter(t), dir) })
	if len(ft.errs) != 0 {
		t.Errorf("errors under -update: %q", ft.errs)
	}
	if len(ft.logs) != 1 || !strings.Contains(ft.logs[0], `r.want:2: dropped "!text/xx": the rule is now reported at 1:5`) {
		t.Errorf("warnings = %q, want one about r.want:2", ft.logs)
	}
	wantRewritten(t, testLinter(t), dir, "# c\n#> 占位符XX\n1:5 warning text/xx\n!error text/xx\n!title/missing\n")
}

// TestUpdateWarnsWithoutLogf checks that a Testing without Logf still
// gets the warning (as an error), rather than losing it.
func TestUpdateWarnsWithoutLogf(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "r", "召开会议XX次\n", "!text/xx\n")
	ft := &fakeT{}
	withUpdate(t, func() { Run(ft, testLinter(t), dir) })
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], `dropped "!text/xx"`) {
		t.Errorf("errors = %q", ft.errs)
	}
}

// TestDiffShowsOnlyDifferences checks that the mismatch diff leaves out
// the findings an expected line matches, though the line has no column or
// a message regexp, and the unlisted warnings @partial accepts: only the
// missing line and the unexpected finding are in it.
func TestDiffShowsOnlyDifferences(t *testing.T) {
	report := "召开会议XX次\n第二行\nXX人参加\n第四行XX\n"
	tests := []struct {
		name, want string
		minus      []string // the diff's - lines
		plus       []string // and + lines
	}{
		{"regexp and no column", "1 text/xx 占位\n2 text/xx\n3:1 warning text/xx\n", []string{"2 text/xx"}, []string{"4:4 warning text/xx"}},
		{"partial", "@partial\n2 text/xx\n3 text/xx\n", []string{"2 text/xx"}, nil},
		{"forbidden", "@partial\n1 text/xx\n3 text/xx\n!warning text/xx\n", nil, []string{"1:5 warning text/xx (!warning text/xx)", "3:1 warning text/xx (!warning text/xx)", "4:4 warning text/xx (!warning text/xx)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeCase(t, dir, "r", report, tc.want)
			ft := &fakeT{}
			Run(ft, testLinter(t), dir)
			var diff string
			for _, e := range ft.errs {
				if strings.Contains(e, "findings mismatch") {
					diff = e
				}
			}
			if diff == "" {
				t.Fatalf("no diff in %q", ft.errs)
			}
			var minus, plus []string
			for _, l := range strings.Split(diff, "\n") {
				l = strings.TrimSpace(l)
				switch {
				case strings.HasPrefix(l, "- "):
					minus = append(minus, l[2:])
				case strings.HasPrefix(l, "+ "):
					plus = append(plus, l[2:])
				}
			}
			if !slices.Equal(minus, tc.minus) || !slices.Equal(plus, tc.plus) {
				t.Errorf("diff has - %q + %q, want - %q + %q:\n%s", minus, plus, tc.minus, tc.plus, diff)
			}
		})
	}
}

// TestMissingWant checks that a report without an expectation file says
// how to create one.
func TestMissingWant(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "r.txt"), []byte("召开会议XX次\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ft := &fakeT{}
	Run(ft, testLinter(t), dir)
	if len(ft.errs) != 1 || !strings.Contains(ft.errs[0], "r.want") || !strings.Contains(ft.errs[0], "go test -update") {
		t.Fatalf("errors = %q, want one naming r.want and go test -update", ft.errs)
	}
	// and -update creates it
	withUpdate(t, func() { Run(&logT{}, testLinter(t), dir) })
	ft = &fakeT{}
	Run(ft, testLinter(t), dir)
	if len(ft.errs) != 0 {
		t.Errorf("after -update: %q", ft.errs)
	}
}

// TestDocxReports: a Word document in the folder is a case like a text:
// its findings are checked at the lines of its paragraphs.
func TestDocxReports(t *testing.T) {
	dir := t.TempDir()
	docx, err := os.ReadFile("../testdata/decode/004.docx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "w.docx"), docx, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	// seed 004 as a .docx: one line per paragraph (cmd/ducha's TestE2EInputKinds)
	want := "11:18 warning section/responsible-person\n37:1 warning section/deficiencies\n!error section/next-year\n@partial\n"
	if err := os.WriteFile(filepath.Join(dir, "w.want"), []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	Run(t, l, dir)
	got, err := Reports(dir)
	if err != nil || len(got) != 1 || filepath.Base(got[0]) != "w.docx" {
		t.Errorf("Reports = %q, %v", got, err)
	}
	if got, _ := Reports(dir, "w"); len(got) != 1 || filepath.Base(got[0]) != "w.docx" {
		t.Errorf("Reports(w) = %q", got)
	}
}

// TestUpdateLeavesPassingFile checks that -update does not touch a file
// that passes, though its lines are not in the order Rewrite writes them,
// it has comments between them and no "#>" messages.
func TestUpdateLeavesPassingFile(t *testing.T) {
	dir := t.TempDir()
	want := "# c\n!title/missing\n\n# the second line's placeholder\n2 text/xx\n# the first's\n1:5 warning text/xx\n# the end\n"
	writeCase(t, dir, "r", "召开会议XX次\nXX人参加\n", want)
	ft := &logT{}
	withUpdate(t, func() { Run(ft, testLinter(t), dir) })
	if len(ft.errs)+len(ft.logs) != 0 {
		t.Errorf("under -update: %q %q", ft.errs, ft.logs)
	}
	b, err := os.ReadFile(filepath.Join(dir, "r.want"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("-update rewrote a passing file (-want +got):\n%s", diff)
	}
}

// TestRewriteKeepsComments checks that rewriting a failing file keeps the
// comments above each line that stays, moves those of a line that is gone
// to the end, and keeps the comments after the last line.
func TestRewriteKeepsComments(t *testing.T) {
	dir := t.TempDir()
	writeCase(t, dir, "r", "召开会议XX次\nXX人参加\n",
		"# header\n# about line 1\n1:5 warning text/xx\n# about line 9, gone\n9 text/xx\n# no title rule\n!title/missing\n# trailer\n")
	ft := &logT{}
	withUpdate(t, func() { Run(ft, testLinter(t), dir) })
	wantRewritten(t, testLinter(t), dir, "# header\n# about line 1\n#> 占位符XX\n1:5 warning text/xx\n#> 占位符XX\n2:1 warning text/xx\n"+
		"# no title rule\n!title/missing\n# about line 9, gone\n# trailer\n")
}

// TestRewritePartial checks that rewriting a @partial file keeps it
// partial: an unlisted warning stays unlisted, an unlisted error (which
// @partial refuses) is written, and a listed line no finding matches any
// more is dropped with a warning.
func TestRewritePartial(t *testing.T) {
	warn := &lint.Rule{ID: "text/xx", Severity: lint.Warning}
	errRule := &lint.Rule{ID: "text/yy", Severity: lint.Error}
	l, err := lint.New(lint.Config{Rules: []*lint.Rule{warn, errRule}, Checks: []lint.Check{lineRule{warn}, yyRule{errRule}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeCase(t, dir, "r", "召开会议XX次\nXX人参加\nYY\n", "@partial\n1:5 warning text/xx\n# gone\n7 text/xx\n")
	ft := &logT{}
	withUpdate(t, func() { Run(ft, l, dir) })
	if len(ft.logs) != 1 || !strings.Contains(ft.logs[0], `r.want:4: dropped "7 text/xx"`) {
		t.Errorf("warnings = %q, want one about r.want:4", ft.logs)
	}
	wantRewritten(t, l, dir, "@partial\n#> 占位符XX\n1:5 warning text/xx\n#> 占位符YY\n3:1 error text/yy\n# gone\n")
}

// wantRewritten fails unless dir's r.want, rewritten under -update, is
// want, and passes when run again.
func wantRewritten(t *testing.T, l *lint.Linter, dir, want string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "r.want"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("rewritten r.want (-want +got):\n%s", diff)
	}
	ft := &logT{}
	Run(ft, l, dir)
	if len(ft.errs)+len(ft.logs) != 0 {
		t.Errorf("the rewritten file fails: %q %q", ft.errs, ft.logs)
	}
}

// yyRule reports every "YY" as an error, under its rule.
type yyRule struct{ rule *lint.Rule }

func (c yyRule) Rules() []*lint.Rule { return []*lint.Rule{c.rule} }
func (c yyRule) Run(p *lint.Pass) error {
	for _, l := range p.Doc.Lines {
		if i := strings.Index(p.Doc.Slice(l.Range), "YY"); i >= 0 {
			p.Report(c.rule, lint.Error, lint.Range{Start: l.Start + i, End: l.Start + i + 2}, "占位符YY")
		}
	}
	return nil
}
