package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/rules"
)

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type checkFlags struct {
	format    string
	rules     listFlag
	noBuiltin bool
}

func (c *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.format, "format", "text", "输出格式:text 或 json")
	fs.Var(&c.rules, "rules", "追加的规则文件或目录(可重复)")
	fs.BoolVar(&c.noBuiltin, "no-builtin", false, "不加载内置规则,只用 --rules 给出的规则")
}

// parseInterleaved parses flags that may come before, between or after the
// file arguments, as users type them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cf checkFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cf.register(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, "用法:ducha check [选项] 文件...\n\n检查法治政府建设年度报告,每个问题输出一行“文件:行:列: 级别: 说明 [规则]”。\n\n选项:\n")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitTrouble
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "ducha check: 请给出要检查的报告文件")
		fs.Usage()
		return exitTrouble
	}
	write, ok := writers[cf.format]
	if !ok {
		fmt.Fprintf(stderr, "ducha check: 未知的输出格式 %q(可用:text、json)\n", cf.format)
		return exitTrouble
	}
	linter, code := loadLinter(cf, stderr)
	if linter == nil {
		return code
	}
	ctx := context.Background()
	results := make([]format.File, 0, len(files))
	for _, path := range files {
		results = append(results, checkFile(ctx, linter, path))
	}
	if err := write(stdout, results); err != nil {
		fmt.Fprintf(stderr, "ducha check: 输出失败:%v\n", err)
		return exitTrouble
	}
	return exitCode(results, lint.Error)
}

var writers = map[string]func(io.Writer, []format.File) error{
	"text": func(w io.Writer, f []format.File) error { return format.Text(w, f, format.TextOptions{}) },
	"json": format.JSON,
}

// loadLinter loads the rules; on failure it prints the diagnostics, with
// file:line:col and the offending source, and returns exitTrouble.
func loadLinter(cf checkFlags, stderr io.Writer) (*lint.Linter, int) {
	var srcs []rules.Source
	if !cf.noBuiltin {
		srcs = rules.Builtin()
	}
	extra, err := rules.ReadFiles(cf.rules...)
	if err != nil {
		fmt.Fprintf(stderr, "ducha: %v\n", err)
		return nil, exitTrouble
	}
	set, diags := rules.Load(append(srcs, extra...)...)
	if diags.HasErrors() {
		_ = set.WriteDiagnostics(stderr, diags)
		return nil, exitTrouble
	}
	l, err := set.Linter()
	if err != nil {
		fmt.Fprintf(stderr, "ducha: %v\n", err)
		return nil, exitTrouble
	}
	return l, exitOK
}

func checkFile(ctx context.Context, l *lint.Linter, path string) format.File {
	src, err := os.ReadFile(path)
	if err != nil {
		return format.File{Path: path, Err: fmt.Errorf("无法读取:%w", errors.Unwrap(err))}
	}
	res, err := l.Check(ctx, src, lint.Options{})
	return format.File{Path: path, Result: res, Err: err}
}

// exitCode is exitTrouble when a file could not be checked, exitFindings
// when a finding is at or above failOn, exitOK otherwise.
func exitCode(files []format.File, failOn lint.Severity) int {
	code := exitOK
	for _, f := range files {
		if f.Err != nil {
			return exitTrouble
		}
		for _, fd := range f.Result.Findings {
			if fd.Severity >= failOn {
				code = exitFindings
			}
		}
	}
	return code
}
