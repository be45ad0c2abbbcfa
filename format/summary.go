package format

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ducha-dev/ducha/lint"
)

// SummaryMarkdown writes one Markdown table for a folder of reports: one
// row per file, one column per rule (✓ ⓘ ⚠ ✗ —), the report year, the counts
// of errors, warnings and infos, and the reason a file could not be read.
// rules gives the columns, in order (the Linter's enabled rules).
func SummaryMarkdown(w io.Writer, files []File, rules []*lint.Rule) error {
	var b strings.Builder
	b.WriteString("| 文件 | 年度 |")
	for _, r := range rules {
		b.WriteString(" " + mdCell(r.ID) + " |")
	}
	b.WriteString(" 错误 | 警告 | 提示 | 说明 |\n|---|---|")
	b.WriteString(strings.Repeat("---|", len(rules)))
	b.WriteString("---|---|---|---|\n")
	for _, f := range files {
		b.WriteString("| " + mdCell(f.Path) + " |")
		if f.Err != nil {
			b.WriteString(strings.Repeat("  |", len(rules)+4))
			b.WriteString(" 无法检查:" + mdCell(f.Err.Error()) + " |\n")
			continue
		}
		b.WriteString(" " + year(f.Result) + " |")
		st := statuses(f.Result)
		for _, r := range rules {
			cell := ""
			if it, ok := st[r.ID]; ok {
				cell = symbol(it.Status)
			}
			b.WriteString(" " + cell + " |")
		}
		e, wn, in := counts(f.Result)
		fmt.Fprintf(&b, " %d | %d | %d |  |\n", e, wn, in)
	}
	b.WriteString("\n" + legend + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// SummaryCSV writes the same table as SummaryMarkdown as CSV, with the
// statuses as words (pass, warn, fail, n/a) and a header row:
//
//	file,year,<rule id>…,errors,warnings,infos,error
//
// It starts with a UTF-8 byte-order mark, so that Excel opens the Chinese
// in it as UTF-8 (WPS and LibreOffice do either way).
func SummaryCSV(w io.Writer, files []File, rules []*lint.Rule) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := []string{"file", "year"}
	for _, r := range rules {
		head = append(head, r.ID)
	}
	head = append(head, "errors", "warnings", "infos", "error")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, f := range files {
		row := make([]string, 0, len(head))
		row = append(row, f.Path)
		if f.Err != nil {
			row = append(row, make([]string, len(rules)+4)...)
			row = append(row, f.Err.Error())
		} else {
			row = append(row, year(f.Result))
			st := statuses(f.Result)
			for _, r := range rules {
				row = append(row, string(st[r.ID].Status))
			}
			e, wn, in := counts(f.Result)
			row = append(row, strconv.Itoa(e), strconv.Itoa(wn), strconv.Itoa(in), "")
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func year(r *lint.Result) string {
	if r.Document == nil || r.Document.Year == 0 {
		return ""
	}
	return strconv.Itoa(r.Document.Year)
}
