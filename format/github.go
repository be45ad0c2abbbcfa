package format

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ducha-dev/ducha/lint"
)

// GitHub writes GitHub Actions workflow commands, one per finding, which
// the runner turns into annotations on the file and line:
//
//	::error file=a.txt,line=3,col=1,endLine=3,endColumn=9,title=section/other::message
//
// error, warning and notice keep the three severities apart. A file that
// could not be read is an error annotation on the file. Values are escaped
// as the runner expects: % CR LF everywhere, and : , in properties.
func GitHub(w io.Writer, files []File) error {
	for _, f := range files {
		file := ghProperty(filepath.ToSlash(f.Path))
		if f.Err != nil {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", file, ghProperty("无法检查"), ghData(f.Err.Error())); err != nil {
				return err
			}
			continue
		}
		for _, fd := range f.Result.Findings {
			s := fd.Span
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				ghCommand(fd.Severity), file, s.Start.Line, s.Start.Column, s.End.Line, s.End.Column,
				ghProperty(fd.Rule), ghData(fd.Message)); err != nil {
				return err
			}
		}
	}
	return nil
}

func ghCommand(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a command's message (actions/toolkit escapeData).
var ghData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// ghProperty escapes a command's property value (actions/toolkit
// escapeProperty).
var ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
