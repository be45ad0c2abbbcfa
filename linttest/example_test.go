package linttest_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/linttest"
)

// printT reports what the harness says, as *testing.T would in a test,
// with paths relative to dir.
type printT struct{ dir string }

func (printT) Helper() {}
func (p printT) Errorf(format string, args ...any) {
	msg := strings.ReplaceAll(fmt.Sprintf(format, args...), p.dir+string(filepath.Separator), "")
	fmt.Println(strings.SplitN(msg, "\n", 2)[0]) // the diff that follows is for people
}

// A province keeps its own rule pack and a folder of example reports with
// their expected findings; go test runs them. In a real test this is
//
//	func TestProvince(t *testing.T) {
//		l, err := ducha.Load("province.hcl")
//		if err != nil {
//			t.Fatal(err)
//		}
//		linttest.Run(t, l, "testdata/reports")
//	}
//
// Here the files are written to a temporary folder, and the report lacks the
// province's required statistics part, which its expectation file says.
func ExampleRun() {
	dir, err := os.MkdirTemp("", "province")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write("province.hcl", `
part "statistics" {
  title    = "主要数据统计"
  source   = "某省法治政府建设年度报告工作指引"
  severity = "warning"
  headings = ["主要数据|数据统计"]
}
`)
	seed, err := os.ReadFile("../testdata/cases/complete.txt")
	if err != nil {
		log.Fatal(err)
	}
	write("青山区.txt", string(seed))
	// The expected finding, and a rule that must not fire.
	write("青山区.want", "# the report has the five parts but no statistics part\n1 warning section/statistics 主要数据统计\n!title/missing\n")

	l, err := ducha.Load(filepath.Join(dir, "province.hcl"))
	if err != nil {
		log.Fatal(err)
	}
	linttest.Run(printT{dir}, l, dir)
	fmt.Println("passed")

	// A wrong expectation is reported with the file and line.
	write("青山区.want", "3 section/statistics\n")
	linttest.Run(printT{dir}, l, dir)
	// Output:
	// passed
	// 青山区.txt:1:1: unexpected finding warning section/statistics: 缺少“主要数据统计”部分:未找到相应标题,正文中也没有相关内容;年度报告应当写明此项内容。
	// 青山区.txt:3: no finding was reported matching "3 section/statistics"
	// 青山区.txt: findings mismatch (-want +got):
}
