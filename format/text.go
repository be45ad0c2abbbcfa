package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/ducha-dev/ducha/lint"
)

// TextOptions adjust the text output.
type TextOptions struct {
	// Color marks up the severity, path and rule with ANSI escapes. Use it
	// only when the output is a terminal (the command decides).
	Color bool
	// Details writes, under a finding that has them, its fix
	// ("  建议改为“厅字〔2019〕28号”") and its related locations
	// ("  另见 6:3: 前文所写的…"), on lines that start with two spaces.
	// Without it the output is one line per finding, and a related
	// location is named at the end of the message ("(另见 6:3)").
	Details bool
}

// ANSI escapes for Color.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[36m"
)

// Text writes one line per finding, "path:line:col: severity: message
// [rule]" (the form editors and CI jump to; columns count characters), and
// one line per unreadable file, "path: error: message". With
// TextOptions.Details a finding's fix and related locations follow it on
// indented lines.
func Text(w io.Writer, files []File, opt TextOptions) error {
	paint := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range files {
		if f.Err != nil {
			if _, err := fmt.Fprintf(w, "%s: %s: %s\n", paint(ansiBold, f.Path), paint(ansiRed, "error"), oneLine(f.Err.Error())); err != nil {
				return err
			}
			continue
		}
		for _, fd := range f.Result.Findings {
			// One line per finding, whatever the message holds.
			msg := oneLine(fd.Message)
			if !opt.Details && len(fd.Related) > 0 {
				at := make([]string, len(fd.Related))
				for i, r := range fd.Related {
					at[i] = r.Span.Start.String()
				}
				msg += "(另见 " + strings.Join(at, "、") + ")"
			}
			loc := fmt.Sprintf("%s:%d:%d", f.Path, fd.Span.Start.Line, fd.Span.Start.Column)
			if _, err := fmt.Fprintf(w, "%s: %s: %s %s\n", paint(ansiBold, loc), paint(severityColor(fd.Severity), fd.Severity.String()), msg, paint(ansiDim, "["+fd.Rule+"]")); err != nil {
				return err
			}
			if !opt.Details {
				continue
			}
			if fd.Fix != nil {
				if _, err := fmt.Fprintf(w, "  %s\n", oneLine(FixText(fd.Fix))); err != nil {
					return err
				}
			}
			for _, r := range fd.Related {
				if _, err := fmt.Fprintf(w, "  另见 %s: %s\n", paint(ansiBold, r.Span.Start.String()), oneLine(r.Message)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ansiRed
	case lint.Warning:
		return ansiYellow
	}
	return ansiCyan
}

// oneLine replaces line breaks with spaces.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace
