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
// one line per unreadable file, "path: error: message".
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
			loc := fmt.Sprintf("%s:%d:%d", f.Path, fd.Span.Start.Line, fd.Span.Start.Column)
			if _, err := fmt.Fprintf(w, "%s: %s: %s %s\n", paint(ansiBold, loc), paint(severityColor(fd.Severity), fd.Severity.String()), msg, paint(ansiDim, "["+fd.Rule+"]")); err != nil {
				return err
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
