package lint

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type dupCheck struct{ rule *Rule }

func (c dupCheck) Rules() []*Rule { return []*Rule{c.rule} }
func (c dupCheck) Run(p *Pass) error {
	p.ReportOnce(c.rule, Error, Range{Start: 0, End: 3}, "一")
	p.ReportOnce(c.rule, Warning, Range{Start: 0, End: 3}, "二") // same rule, same range: dropped
	p.ReportOnce(c.rule, Error, Range{Start: 0, End: 6}, "三")
	p.Report(c.rule, Error, Range{Start: 0, End: 9}, "四")
	p.Report(c.rule, Error, Range{Start: 0, End: 9}, "四") // Report keeps every finding
	return nil
}

// TestReportDuplicate checks that ReportOnce drops a second finding of one
// rule at one range (a relation and a generic check may catch one mistake),
// across checks, and that Report keeps every finding.
func TestReportDuplicate(t *testing.T) {
	r := &Rule{ID: "x/y", Severity: Error}
	l, err := New(Config{Rules: []*Rule{r}, Checks: []Check{dupCheck{r}, dupCheck{r}}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(context.Background(), []byte("标题报告\n正文内容。"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range res.Findings {
		msgs = append(msgs, f.Message)
	}
	if diff := cmp.Diff([]string{"四", "四", "四", "四", "三", "一"}, msgs); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

type fixCheck struct{ rule, off *Rule }

func (c fixCheck) Rules() []*Rule { return []*Rule{c.rule, c.off} }
func (c fixCheck) Run(p *Pass) error {
	// "标题报告\n正文内容。": 正文 is [13, 19), 内容 [19, 25)
	p.Report(c.rule, Error, Range{Start: 13, End: 19}, "改",
		WithFix(Range{Start: 0, End: 1}, "旧"), WithFix(Range{Start: 13, End: 19}, "本文"), // the later wins
		WithRelated(Range{Start: 0, End: 6}, "标题"), WithRelated(Range{Start: 19, End: 25}, "后文"))
	p.ReportOnce(c.rule, Warning, Range{Start: 19, End: 25}, "只有位置", WithRelated(Range{Start: 13, End: 19}, "前文"))
	p.Report(c.off, Error, Range{Start: 0, End: 3}, "关闭的规则", WithFix(Range{Start: 0, End: 3}, "x"))
	return nil
}

// TestReportOptions checks that WithFix and WithRelated reach the finding
// as spans of the original text, that a finding without them has none, and
// that a disabled rule's options are dropped with it.
func TestReportOptions(t *testing.T) {
	r, off := &Rule{ID: "x/fix", Severity: Error}, &Rule{ID: "x/off", Severity: Error}
	l, err := New(Config{Rules: []*Rule{r, off}, Checks: []Check{fixCheck{r, off}}}, Disable("x/off"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(context.Background(), []byte("标题报告\n正文内容。"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	span := func(l1, c1, o1, l2, c2, o2 int) Span {
		return Span{Start: Position{Offset: o1, Line: l1, Column: c1}, End: Position{Offset: o2, Line: l2, Column: c2}}
	}
	want := []Finding{
		{Rule: "x/fix", Severity: Error, Message: "改", Span: span(2, 1, 13, 2, 3, 19),
			Fix:     &Fix{Span: span(2, 1, 13, 2, 3, 19), Text: "本文"},
			Related: []Related{{Span: span(1, 1, 0, 1, 3, 6), Message: "标题"}, {Span: span(2, 3, 19, 2, 5, 25), Message: "后文"}}},
		{Rule: "x/fix", Severity: Warning, Message: "只有位置", Span: span(2, 3, 19, 2, 5, 25),
			Related: []Related{{Span: span(2, 1, 13, 2, 3, 19), Message: "前文"}}},
	}
	if diff := cmp.Diff(want, res.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

type onceOffCheck struct{ off, on *Rule }

func (c onceOffCheck) Rules() []*Rule { return []*Rule{c.off, c.on} }
func (c onceOffCheck) Run(p *Pass) error {
	p.ReportOnce(c.off, Error, Range{Start: 0, End: 3}, "关闭的规则") // the first report of all
	p.ReportOnce(c.on, Error, Range{Start: 0, End: 3}, "开着的规则")
	return nil
}

// TestReportOnceDisabled: ReportOnce under a disabled rule, before any
// finding was recorded, records nothing and does not fail (a relation
// whose first assert's rule the user disabled).
func TestReportOnceDisabled(t *testing.T) {
	off, on := &Rule{ID: "x/off", Severity: Error}, &Rule{ID: "x/on", Severity: Error}
	l, err := New(Config{Rules: []*Rule{off, on}, Checks: []Check{onceOffCheck{off, on}}}, Disable("x/off"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(context.Background(), []byte("标题报告\n正文内容。"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Message != "开着的规则" {
		t.Errorf("findings = %+v", res.Findings)
	}
}
