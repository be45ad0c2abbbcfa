// Package format writes lint results for people and programs, one file per
// format, each a function of the same shape:
//
//	Text       path:line:col: severity: message [rule], for terminals and editors
//	JSON       the document other programs read (DESIGN.md §7)
//	SARIF      SARIF 2.1.0, for code-scanning services
//	GitHub     GitHub Actions workflow commands (annotations)
//	Checklist  per file, a Markdown table of the requirements
//	SummaryCSV, SummaryMarkdown
//	           one row per file, one column per rule, for a folder of reports
//	HTML       one self-contained page: the text with the findings marked,
//	           the checklist, filters; an index table for several files
//
// and Docx, of another shape, writes the annotated copy of one report: the
// input .docx (or a new one for a text) with a Word comment per finding.
//
// Every writer takes the files in the order they should appear and writes
// them in that order; a file that could not be read (File.Err) is shown as
// such, never skipped.
package format

import (
	"strconv"
	"strings"

	"github.com/ducha-dev/ducha/lint"
)

// A File is one input's outcome: its result, or the error that kept it
// from being checked.
type File struct {
	// Path is the name shown for the file: as the user gave it, or found
	// under a directory they gave.
	Path   string
	Result *lint.Result
	Err    error
}

// counts returns how many findings of each severity r has.
func counts(r *lint.Result) (errors, warnings, infos int) {
	if r == nil {
		return
	}
	for _, f := range r.Findings {
		switch f.Severity {
		case lint.Error:
			errors++
		case lint.Warning:
			warnings++
		case lint.Info:
			infos++
		}
	}
	return
}

// symbol is a checklist status as a reader scans for it.
func symbol(s lint.Status) string {
	switch s {
	case lint.StatusPass:
		return "✓"
	case lint.StatusInfo:
		return "ⓘ"
	case lint.StatusWarn:
		return "⚠"
	case lint.StatusFail:
		return "✗"
	case lint.StatusNA:
		return "—"
	}
	return string(s)
}

// legend explains the symbols.
const legend = "✓ 符合  ⓘ 有提示  ⚠ 有警告  ✗ 不符合  — 不适用"

// statuses maps each rule id to its checklist status in r.
func statuses(r *lint.Result) map[string]lint.ChecklistItem {
	m := make(map[string]lint.ChecklistItem, len(r.Checklist))
	for _, it := range r.Checklist {
		m[it.Rule] = it
	}
	return m
}

// mdCell makes s safe inside a Markdown table cell: pipes escaped, line
// breaks turned into spaces.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
}

// where says where a checklist row points, as a drafter reads it; an info
// row adds its finding's message (a missing part says why that is allowed).
func where(it lint.ChecklistItem) string {
	if it.Status == lint.StatusNA {
		return it.Note
	}
	var at string
	if it.Where.Start.Line > 0 {
		at = "第" + strconv.Itoa(it.Where.Start.Line) + "行"
	}
	if it.Status == lint.StatusInfo && it.Note != "" {
		if at != "" {
			return at + ":" + it.Note
		}
		return it.Note
	}
	return at
}

// FixText says what a fix does, as a drafter reads it: "建议改为“厅字〔2019〕28号”",
// or "建议删去" for a fix that deletes. The formats that show a finding's fix
// (text with details, the Word comments, the HTML report, SARIF's fix
// description) word it alike.
func FixText(x *lint.Fix) string {
	if x.Text == "" {
		return "建议删去"
	}
	return "建议改为“" + x.Text + "”"
}
