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
