// Command ducha checks annual reports on rule-of-law government construction
// (法治政府建设年度报告) against the requirements that govern them.
//
//	ducha check [flags] PATH...       check reports: files, directories, - for stdin
//	ducha rules list                  the rules, with their severities
//	ducha rules explain ID            what a rule checks and why, with examples
//	ducha rules validate PATH...      check rule files
//	ducha serve [--addr 127.0.0.1:8080] a local web page and JSON API
//	ducha version
//
// Every command has --help (in Chinese, like its messages). Exit status: 0
// when nothing at or above the failing severity (--fail-on, default error)
// was found, 1 when something was, 2 for usage errors, unreadable input, or
// invalid rules or configuration.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit((&cli{ctx: context.Background(), stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, exits: true}).run(os.Args[1:]))
}

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitTrouble  = 2
)

// cli is one run of the command and its surroundings.
type cli struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	// dir is where to look for .ducha.hcl; "" means the working directory.
	dir    string
	getenv func(string) string
	// exits is set when the process ends with the command (main, not the
	// tests' run): settings of the whole process, such as the garbage
	// collector's, may then be left changed, and an interrupt cancels ctx
	// (for the commands that watch for one).
	exits bool
}

// run runs the command with the given arguments in-process, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return (&cli{ctx: context.Background(), stdin: stdin, stdout: stdout, stderr: stderr, getenv: func(string) string { return "" }}).run(args)
}

const usage = `ducha 检查法治政府建设年度报告是否符合《法治政府建设与责任落实督察工作规定》等要求。

用法:
  ducha check [选项] 路径...       检查报告:文件、目录或 -(标准输入)
  ducha rules list                 列出规则及其级别
  ducha rules explain 规则ID       说明一条规则:查什么、为什么,不合格和合格的例子
  ducha rules validate 路径...     检查规则文件有没有错误
  ducha serve [选项]               在本机启动网页:拖入报告即看检查结果,可下载批注文档
  ducha version                    显示版本
  ducha help [命令]                显示说明

运行 "ducha help check"(或 "ducha check --help")查看命令的选项。

退出码:0 没有达到失败级别(默认 error)的问题;1 有;2 用法错误、文件无法读取、规则或配置有误。
`

func (c *cli) run(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, usage)
		return exitTrouble
	}
	switch args[0] {
	case "--version", "-version":
		args = append([]string{"version"}, args[1:]...)
	case "help", "-h", "-help", "--help":
		return c.help(args[1:])
	}
	if cmd, rest, ok := lookup(args); ok {
		return c.invoke(cmd, rest)
	}
	if args[0] == "rules" {
		return c.rulesGroup(args[1:])
	}
	fmt.Fprintf(c.stderr, "ducha: 未知命令 %q\n\n%s", args[0], usage)
	return exitTrouble
}

// rulesGroup answers "ducha rules" without a known subcommand: the list of
// them, on stdout for help and on stderr (exit 2) otherwise.
func (c *cli) rulesGroup(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, rulesUsage)
		return exitTrouble
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(c.stdout, rulesUsage)
		return exitOK
	}
	fmt.Fprintf(c.stderr, "ducha rules: 未知子命令 %q\n\n%s", args[0], rulesUsage)
	return exitTrouble
}

// help prints the usage of a command: "ducha help", "ducha help check",
// "ducha help rules explain", and "ducha help help".
func (c *cli) help(args []string) int {
	if len(args) == 0 || args[0] == "help" {
		fmt.Fprint(c.stdout, usage)
		return exitOK
	}
	if cmd, _, ok := lookup(args); ok {
		fmt.Fprint(c.stdout, cmd.usage)
		return exitOK
	}
	if args[0] == "rules" {
		fmt.Fprint(c.stdout, rulesUsage)
		return exitOK
	}
	fmt.Fprintf(c.stderr, "ducha help: 没有命令 %q\n\n%s", args[0], usage)
	return exitTrouble
}
