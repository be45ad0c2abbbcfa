// Command ducha checks annual reports on rule-of-law government construction
// (法治政府建设年度报告) against the requirements that govern them.
//
//	ducha check [--format text|json] [--rules PATH]... FILE...
//
// Exit status: 0 when nothing at or above the failing severity (error) was
// found, 1 when something was, 2 for usage errors, unreadable input or
// invalid rules.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitTrouble  = 2
)

const usage = `ducha 检查法治政府建设年度报告是否符合《法治政府建设与责任落实督察工作规定》等要求。

用法:
  ducha check [选项] 文件...    检查报告,列出问题
  ducha help                  显示本说明

运行 "ducha check --help" 查看 check 的选项。
退出码:0 没有错误;1 有错误级别的问题;2 用法错误、文件无法读取或规则文件有误。
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitTrouble
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "ducha: 未知命令 %q\n\n%s", args[0], usage)
	return exitTrouble
}
