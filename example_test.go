package ducha_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/lint"
)

// A drafter's pre-submit check: the built-in rules on one report.
func ExampleCheck() {
	src, err := os.ReadFile("testdata/seeds/000_027d5137780acf8a.txt")
	if err != nil {
		log.Fatal(err)
	}
	res, err := ducha.Check(context.Background(), src)
	if err != nil {
		log.Fatal(err) // the file could not be read: empty, binary, not a report
	}
	for _, f := range res.Findings {
		fmt.Printf("%d:%d %s [%s]\n", f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule)
	}
	for _, c := range res.Checklist {
		fmt.Printf("%-4s %s\n", c.Status, c.Rule)
	}
	// Output:
	// 3:1 warning [date/missing]
	// 3:1 info [section/other]
	// 8:23 warning [format/doc-number]
	// 14:46 warning [section/responsible-person]
	// 22:207 warning [date/malformed]
	// 22:216 warning [date/malformed]
	// 22:362 warning [date/malformed]
	// 28:26 warning [section/deficiencies]
	// 36:40 warning [text/brackets]
	// 38:1 warning [structure/numbering]
	// 44:1 warning [structure/numbering]
	// 48:1 warning [structure/numbering]
	// pass title/missing
	// pass title/year
	// pass section/achievements
	// warn section/deficiencies
	// warn section/responsible-person
	// pass section/next-year
	// info section/other
	// warn date/missing
	// n/a  date/deadline
	// n/a  date/period
	// warn date/malformed
	// pass year/next-year
	// pass year/heading
	// warn structure/numbering
	// warn format/doc-number
	// pass text/placeholder
	// pass text/term
	// pass text/watermark
	// warn text/brackets
	// pass numeric/sum-mismatch
	// pass numeric/part-exceeds-total
	// pass numeric/rate-mismatch
	// pass numeric/percent-range
	// pass numeric/conflict
}

// A province's rule author adds a requirement of its own guidance to the
// built-in rules.
func ExampleLoad() {
	dir, err := os.MkdirTemp("", "ducha")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	pack := filepath.Join(dir, "province.hcl")
	err = os.WriteFile(pack, []byte(`
part "statistics" {
  title    = "主要数据统计"
  source   = "某省法治政府建设年度报告工作指引"
  severity = "warning"
  headings = ["主要数据|数据统计"]
  mentions = ["统计数据"]
}
`), 0o644)
	if err != nil {
		log.Fatal(err)
	}
	linter, err := ducha.Load(pack)
	if err != nil {
		log.Fatal(err) // rule-file mistakes come with file:line:col
	}
	src, _ := os.ReadFile("testdata/cases/complete.txt")
	res, err := linter.Check(context.Background(), src, lint.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range res.Findings {
		fmt.Println(f.Rule, f.Severity, f.Message)
	}
	// Output:
	// section/statistics warning 缺少“主要数据统计”部分:未找到相应标题,正文中也没有相关内容;年度报告应当写明此项内容。
}

// An integrator checks a folder of reports with one Linter shared by
// several goroutines: a Linter is immutable and safe for concurrent use.
func ExampleDefault() {
	linter, err := ducha.Default()
	if err != nil {
		log.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	errs := make([]int, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src, _ := os.ReadFile(f)
			res, err := linter.Check(context.Background(), src, lint.Options{})
			if err != nil {
				errs[i] = -1
				return
			}
			for _, fd := range res.Findings {
				if fd.Severity == lint.Error {
					errs[i]++
				}
			}
		}()
	}
	wg.Wait()
	for i, f := range files {
		fmt.Printf("%s: %d errors\n", filepath.Base(f), errs[i])
	}
	// Output:
	// 000_027d5137780acf8a.txt: 0 errors
	// 001_15088844970135c4.txt: 0 errors
	// 002_5c348e7bc60021f0.txt: 0 errors
	// 003_90fbc7d8aeb855ec.txt: 0 errors
	// 004_35c39e72bf24f4a2.txt: 0 errors
}
