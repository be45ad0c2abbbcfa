package format

import (
	"fmt"
	"io"
	"strings"
)

// Checklist writes, per file, a Markdown section with a table of the
// requirements: what is required, the rule, ✓ (met) ⓘ (an info finding,
// such as a part that may be left out) ⚠ (warning) ✗ (not met) or — (does
// not apply), and where (第N行: the evidence, or the most serious finding;
// for ⓘ with its message; for — the reason). A file that could not be read gets
// the reason instead of a table.
func Checklist(w io.Writer, files []File) error {
	var b strings.Builder
	for i, f := range files {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s\n\n", mdCell(f.Path))
		if f.Err != nil {
			fmt.Fprintf(&b, "无法检查:%s\n", mdCell(f.Err.Error()))
			continue
		}
		if d := f.Result.Document; d != nil && d.Year != 0 {
			fmt.Fprintf(&b, "报告年度:%d\n\n", d.Year)
		}
		b.WriteString("| 要求 | 规则 | 结果 | 位置 |\n|---|---|---|---|\n")
		for _, it := range f.Result.Checklist {
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", mdCell(it.Title), it.Rule, symbol(it.Status), mdCell(where(it)))
		}
		e, wn, in := counts(f.Result)
		fmt.Fprintf(&b, "\n错误 %d,警告 %d,提示 %d。\n", e, wn, in)
	}
	if len(files) > 0 {
		b.WriteString("\n" + legend + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
