package rules

import (
	"fmt"
	"io"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"golang.org/x/text/width"
)

// WriteDiagnostics prints diagnostics as a rule author reads them: one
// "file:line:col: error: …" line each (the form editors and CI jump to),
// then the offending source line with a caret under the column.
func (s *Set) WriteDiagnostics(w io.Writer, diags hcl.Diagnostics) error {
	return WriteDiagnostics(w, s.Files(), diags)
}

// WriteDiagnostics prints diagnostics about any HCL files (rule files, a
// configuration file) the way Set.WriteDiagnostics does; files gives the
// sources for the excerpts, by file name, and may lack some or be nil.
// HCL's English details are printed in Chinese, as Load gives them.
func WriteDiagnostics(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	for _, d := range diags {
		sev := "error"
		if d.Severity == hcl.DiagWarning {
			sev = "warning"
		}
		msg := d.Summary
		if d.Detail != "" {
			detail := d.Detail
			if !hasHan(detail) {
				detail = translateDetail(d.Summary, detail)
			}
			msg = detail + " (" + d.Summary + ")"
		}
		if d.Subject == nil {
			if _, err := fmt.Fprintf(w, "%s: %s\n", sev, msg); err != nil {
				return err
			}
			continue
		}
		r := d.Subject
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s\n", r.Filename, r.Start.Line, r.Start.Column, sev, msg); err != nil {
			return err
		}
		if f := files[r.Filename]; f != nil {
			if line, ok := sourceLine(f.Bytes, r.Start.Line); ok {
				if _, err := fmt.Fprintf(w, "    %s\n    %s^\n", line, pad(line, r.Start.Column)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// sourceLine returns line n (1-based) of src, if it is short enough to show.
func sourceLine(src []byte, n int) (string, bool) {
	lines := strings.SplitN(string(src), "\n", n+1)
	if n < 1 || n > len(lines) {
		return "", false
	}
	l := strings.TrimRight(lines[n-1], "\r")
	if len(l) > 200 {
		return "", false
	}
	return l, true
}

// pad returns the blank that puts a caret under column col of line: an
// ideographic space under each wide character, so the caret lines up in a
// terminal.
func pad(line string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range line {
		if i >= col {
			break
		}
		switch k := width.LookupRune(r).Kind(); {
		case r == '\t':
			b.WriteByte('\t')
		case k == width.EastAsianWide || k == width.EastAsianFullwidth:
			b.WriteRune('\u3000')
		default:
			b.WriteByte(' ')
		}
		i++
	}
	return b.String()
}
