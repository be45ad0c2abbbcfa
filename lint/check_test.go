package lint

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// appliesCheck reports nothing: it only asks whether its rule applies.
type appliesCheck struct{ rule *Rule }

func (c appliesCheck) Rules() []*Rule { return []*Rule{c.rule} }
func (c appliesCheck) Run(p *Pass) error {
	p.Applies(c.rule)
	return nil
}

// TestAppliesYear checks how a rule bounded to some years (the five parts,
// since 2019) treats the report year: n/a when it is unknown (a 2018
// report whose year could not be read is not held to the rules of 2019)
// or out of bounds, and a note on its row when the year came only from the
// opening paragraph or the report's date. An unbounded rule applies
// whatever the year, without a note.
func TestAppliesYear(t *testing.T) {
	bounded := &Rule{ID: "section/x", Title: "x", Since: 2019}
	free := &Rule{ID: "title/x", Title: "y"}
	l, err := New(Config{Rules: []*Rule{bounded, free}, Checks: []Check{appliesCheck{bounded}, appliesCheck{free}}})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Status Status
		Note   string
	}
	tests := []struct {
		name string
		src  string
		want []row
	}{
		{"year from the title", "青山区2023年度法治政府建设情况报告\n过去一年,我区扎实推进。",
			[]row{{StatusPass, ""}, {StatusPass, ""}}},
		{"year from the opening", "过去一年即2023年,我区扎实推进。\n一、主要工作",
			[]row{{StatusPass, "报告年度(2023年)取自正文开头,标题未写明年度"}, {StatusPass, ""}}},
		{"year from the date", "法治政府建设情况报告\n过去一年,我区扎实推进。\n2024年3月20日",
			[]row{{StatusPass, "报告年度(2023年)由报告日期推断,标题和正文开头都未写明年度"}, {StatusPass, ""}}},
		{"year unknown", "法治政府建设情况报告\n过去一年,我区扎实推进。",
			[]row{{StatusNA, "报告年度不明,无法确定是否适用本要求(适用于2019年度及以后的报告);请在标题中写明年度,或检查时给出年度"}, {StatusPass, ""}}},
		{"before 2019", "青山区2018年度法治政府建设情况报告\n过去一年,我区扎实推进。",
			[]row{{StatusNA, "本要求适用于2019年度及以后的报告,本报告为2018年度"}, {StatusPass, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := l.Check(context.Background(), []byte(tc.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			for _, it := range res.Checklist {
				got = append(got, row{it.Status, it.Note})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("checklist mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// severityCheck reports one finding of its rule at the first line, at the
// severity it is given (none for 0).
type severityCheck struct {
	rule *Rule
	sev  Severity
}

func (c severityCheck) Rules() []*Rule { return []*Rule{c.rule} }
func (c severityCheck) Run(p *Pass) error {
	if c.sev != 0 {
		p.Report(c.rule, c.sev, Range{Start: 0, End: 3}, "缺少某部分:可以不写")
	}
	return nil
}

// TestChecklistStatus checks the verdict of a row for each worst severity:
// an info finding (a part that may be left out, such as section/other) is
// not shown as met, but as info, pointing at the finding, with its message
// as the note.
func TestChecklistStatus(t *testing.T) {
	tests := []struct {
		sev  Severity
		want ChecklistItem
	}{
		{0, ChecklistItem{Status: StatusPass}},
		{Info, ChecklistItem{Status: StatusInfo, Note: "缺少某部分:可以不写"}},
		{Warning, ChecklistItem{Status: StatusWarn}},
		{Error, ChecklistItem{Status: StatusFail}},
	}
	for _, tc := range tests {
		t.Run(string(tc.want.Status), func(t *testing.T) {
			r := &Rule{ID: "section/x", Title: "x", Severity: Info}
			l, err := New(Config{Rules: []*Rule{r}, Checks: []Check{severityCheck{r, tc.sev}}})
			if err != nil {
				t.Fatal(err)
			}
			res, err := l.Check(context.Background(), []byte("青山区2023年度法治政府建设情况报告\n过去一年,我区扎实推进。"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			it := res.Checklist[0]
			if tc.sev != 0 && it.Where.Start.Line != 1 {
				t.Errorf("Where = line %d, want 1 (the finding)", it.Where.Start.Line)
			}
			if it.Status != tc.want.Status || it.Note != tc.want.Note {
				t.Errorf("row = %s %q, want %s %q", it.Status, it.Note, tc.want.Status, tc.want.Note)
			}
		})
	}
}
