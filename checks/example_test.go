package checks_test

import (
	"context"
	"fmt"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/lint"
)

// A Go program can build checks without rule files: here title/missing
// alone, with its subject patterns made by document.MustCompilePattern.
func Example() {
	rule := &lint.Rule{ID: "title/missing", Title: "报告有标题并写明法治政府建设", Severity: lint.Error}
	l, err := lint.New(lint.Config{
		Rules: []*lint.Rule{rule},
		Checks: []lint.Check{&checks.TitleMissing{
			Rule:    rule,
			Subject: []*document.Pattern{document.MustCompilePattern("法治政府建设"), document.MustCompilePattern("依法行政")},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, text := range []string{
		"XX区2023年政府工作报告\n一、主要工作\n全年完成各项任务。\n",
		"XX区2023年度依法行政工作情况报告\n一、主要工作\n全年完成各项任务。\n",
	} {
		res, err := l.Check(context.Background(), []byte(text), lint.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(len(res.Findings), "finding(s)")
		for _, f := range res.Findings {
			fmt.Printf("%d:%d %s %s\n", f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule)
		}
	}
	// Output:
	// 1 finding(s)
	// 1:1 error title/missing
	// 0 finding(s)
}
