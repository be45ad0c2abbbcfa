package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
)

// writeDocx checks one report and writes its annotated copy (--format
// docx) to out. The copy is written to a temporary file beside out and
// renamed, so that a failure leaves no half-written document; out is never
// the input.
func (c *cli) writeDocx(ctx context.Context, l *lint.Linter, inputs []input, opt readOptions, out string, failOn lint.Severity) int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(c.stderr, "ducha check: "+format+"\n", args...)
		return exitTrouble
	}
	if out == "" {
		return fail("--format docx 须用 --output 给出批注文档的文件名,如 --output 报告-批注.docx\n运行 \"ducha check --help\" 查看用法。")
	}
	if len(inputs) != 1 {
		return fail("--format docx 一次只能给一份报告写批注(现有 %d 份);请逐份检查\n运行 \"ducha check --help\" 查看用法。", len(inputs))
	}
	in := inputs[0]
	if !in.stdin && in.err == nil && sameFile(out, in.path) {
		return fail("--output %s 就是要检查的报告;ducha 不会改写被检查的报告,请换一个文件名,如 %s", out, suggestOut(in.path))
	}
	if in.err != nil {
		return fail("%s: %v", in.path, in.err)
	}
	src, err := readInput(in, opt)
	if err != nil {
		return fail("%s: %v", in.path, err)
	}
	r, err := l.Check(ctx, src, lintOptions(in, opt))
	if err != nil {
		return fail("%s: %v", in.path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".ducha-*.docx")
	if err != nil {
		return fail("无法创建输出文件:%v", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename
	if err := format.Docx(tmp, r, src, format.DocxOptions{Date: time.Now()}); err != nil {
		tmp.Close()
		return fail("%s: %v", in.path, err)
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it 0600
		tmp.Close()
		return fail("输出失败:%v", err)
	}
	if err := tmp.Close(); err != nil {
		return fail("输出失败:%v", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fail("输出失败:%v", err)
	}
	fmt.Fprintf(c.stderr, "ducha check: 已把 %d 条批注写入 %s\n", len(r.Findings), out)
	return exitCode([]format.File{{Path: in.path, Result: r}}, failOn)
}

// sameFile reports whether the paths name one file: the same cleaned
// absolute path, or (through links) the same file on disk.
func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && filepath.Clean(aa) == filepath.Clean(bb) {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// suggestOut proposes a name for the annotated copy of in.
func suggestOut(in string) string {
	ext := filepath.Ext(in)
	return in[:len(in)-len(ext)] + "-批注.docx"
}
