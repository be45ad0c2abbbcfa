// Package linttest is the regression harness for rule authors, on the model
// of golang.org/x/tools/go/analysis/analysistest: a folder of example
// reports, each with an expectation file beside it, checked by go test.
//
// For a report X.txt the expectations are in X.want, one per line:
//
//	# comments and blank lines are ignored
//	@year 2022                       report year, as the caller would give it
//	@published 2023-03-31            publication date, as the caller would give it
//	14 section/responsible-person    a finding of this rule on line 14
//	28:26 warning section/deficiencies 薄弱环节
//	                                 line:column, severity and a regexp
//	                                 on the message are optional
//	!title/missing                   no finding of this rule anywhere
//	@error 内容为空                   the report must fail to be read, with
//	                                 an error matching this regexp
//
// Run reports every expected finding that is missing and every finding that
// was not expected, each with the file and line, and a cmp.Diff of the two
// lists. With -update it rewrites the expectation files from what the linter
// now reports, keeping their comments, directives and "!" lines.
//
// The package registers the -update flag in the test binary: tests that
// import it use Updating() instead of declaring their own.
package linttest

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/lint"
)

var update = flag.Bool("update", false, "rewrite expectation and golden files from the current output")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Testing is the part of *testing.T the harness needs, so that the harness
// itself can be tested with a fake.
type Testing interface {
	Helper()
	Errorf(format string, args ...any)
}

// Run checks the reports in dir against their expectation files. With no
// cases it runs every .txt file in dir; otherwise the named cases ("X" for
// X.txt). A report without an expectation file is an error, except under
// -update, which creates it.
func Run(t Testing, l *lint.Linter, dir string, cases ...string) {
	t.Helper()
	if len(cases) == 0 {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Errorf("linttest: no .txt reports in %s", dir)
			return
		}
		for _, f := range files {
			cases = append(cases, strings.TrimSuffix(filepath.Base(f), ".txt"))
		}
	}
	for _, c := range cases {
		runCase(t, l, filepath.Join(dir, c+".txt"), filepath.Join(dir, c+".want"))
	}
}

func runCase(t Testing, l *lint.Linter, report, wantFile string) {
	t.Helper()
	src, err := os.ReadFile(report)
	if err != nil {
		t.Errorf("linttest: %v", err)
		return
	}
	exp, err := ReadExpectations(wantFile)
	if err != nil && !(os.IsNotExist(err) && *update) {
		t.Errorf("linttest: %v", err)
		return
	}
	res, err := l.Check(context.Background(), src, exp.Options)
	switch {
	case exp.Error != nil && err == nil:
		t.Errorf("%s: no error was returned, want one matching %q", report, exp.Error)
		return
	case exp.Error != nil && !exp.Error.MatchString(err.Error()):
		t.Errorf("%s: error %q does not match %q", report, err, exp.Error)
		return
	case exp.Error != nil:
		return
	case err != nil:
		t.Errorf("%s: %v", report, err)
		return
	}
	if *update {
		if err := os.WriteFile(wantFile, exp.Rewrite(res.Findings), 0o644); err != nil {
			t.Errorf("linttest: %v", err)
		}
		return
	}
	for _, msg := range exp.Check(report, res.Findings) {
		t.Errorf("%s", msg)
	}
}

// Expectations are the contents of one expectation file.
type Expectations struct {
	// Options are what the directives (@year, @published) give the linter.
	Options lint.Options
	// Error, when set (@error REGEXP), says the report must fail to be read
	// with an error matching it.
	Error *regexp.Regexp
	// Want are the expected findings, in file order.
	Want []Want
	// Absent are the rule ids that must not be reported.
	Absent []string

	header []string // comments and directives, kept by Rewrite
}

// Want is one expected finding.
type Want struct {
	Line     int
	Column   int           // 0: any
	Severity lint.Severity // 0: any
	Rule     string
	Message  *regexp.Regexp // nil: any
	fileLine int            // where it is written in the .want file
}

func (w Want) matches(f lint.Finding) bool {
	return f.Span.Start.Line == w.Line && f.Rule == w.Rule &&
		(w.Column == 0 || f.Span.Start.Column == w.Column) &&
		(w.Severity == 0 || f.Severity == w.Severity) &&
		(w.Message == nil || w.Message.MatchString(f.Message))
}

func (w Want) String() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(w.Line))
	if w.Column != 0 {
		fmt.Fprintf(&b, ":%d", w.Column)
	}
	if w.Severity != 0 {
		fmt.Fprintf(&b, " %s", w.Severity)
	}
	fmt.Fprintf(&b, " %s", w.Rule)
	if w.Message != nil {
		fmt.Fprintf(&b, " %s", w.Message)
	}
	return b.String()
}

var wantLine = regexp.MustCompile(`^(\d+)(?::(\d+))?(?:\s+(error|warning|info))?\s+(\S+)(?:\s+(.+))?$`)

// ReadExpectations reads an expectation file.
func ReadExpectations(path string) (*Expectations, error) {
	f, err := os.Open(path)
	if err != nil {
		return &Expectations{}, err
	}
	defer f.Close()
	e := &Expectations{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "#>"):
			// a finding's message, written by Rewrite
		case line == "" || strings.HasPrefix(line, "#"):
			if len(e.Want) == 0 && len(e.Absent) == 0 {
				e.header = append(e.header, sc.Text())
			}
		case strings.HasPrefix(line, "@"):
			if err := e.directive(line); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			e.header = append(e.header, line)
		case strings.HasPrefix(line, "!"):
			e.Absent = append(e.Absent, strings.TrimSpace(line[1:]))
		default:
			m := wantLine.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("%s:%d: cannot read %q: write \"LINE[:COL] [SEVERITY] RULE [MESSAGE-REGEXP]\" or \"!RULE\"", path, n, line)
			}
			w := Want{Rule: m[4], fileLine: n}
			w.Line, _ = strconv.Atoi(m[1])
			if m[2] != "" {
				w.Column, _ = strconv.Atoi(m[2])
			}
			if m[3] != "" {
				w.Severity, _ = lint.ParseSeverity(m[3])
			}
			if m[5] != "" {
				re, err := regexp.Compile(m[5])
				if err != nil {
					return nil, fmt.Errorf("%s:%d: bad message regexp: %v", path, n, err)
				}
				w.Message = re
			}
			e.Want = append(e.Want, w)
		}
	}
	return e, sc.Err()
}

func (e *Expectations) directive(line string) error {
	name, arg, _ := strings.Cut(strings.TrimPrefix(line, "@"), " ")
	arg = strings.TrimSpace(arg)
	switch name {
	case "year":
		y, err := strconv.Atoi(arg)
		if err != nil || y < 1949 || y > 2100 {
			return fmt.Errorf("@year wants a year such as 2022, not %q", arg)
		}
		e.Options.Year = y
		return nil
	case "published":
		d, err := lint.ParseDate(arg)
		if err != nil {
			return fmt.Errorf("@published wants a date such as 2023-03-31: %v", err)
		}
		e.Options.Published = d
		return nil
	case "error":
		re, err := regexp.Compile(arg)
		if err != nil {
			return fmt.Errorf("@error wants a regexp: %v", err)
		}
		e.Error = re
		return nil
	}
	return fmt.Errorf("unknown directive @%s (known: @year, @published, @error)", name)
}

// Check compares findings with the expectations and returns one message per
// difference, analysistest style, followed by a diff of the two lists.
func (e *Expectations) Check(report string, findings []lint.Finding) []string {
	var msgs []string
	used := make([]bool, len(findings))
	for _, w := range e.Want {
		found := false
		for i, f := range findings {
			if !used[i] && w.matches(f) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			msgs = append(msgs, fmt.Sprintf("%s:%d: no finding was reported matching %q", report, w.Line, w.String()))
		}
	}
	for i, f := range findings {
		if !used[i] {
			msgs = append(msgs, fmt.Sprintf("%s:%d:%d: unexpected finding %s %s: %s", report, f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule, f.Message))
		}
	}
	for _, rule := range e.Absent {
		for _, f := range findings {
			if f.Rule == rule {
				msgs = append(msgs, fmt.Sprintf("%s:%d:%d: finding %s must not be reported (!%s): %s", report, f.Span.Start.Line, f.Span.Start.Column, f.Rule, rule, f.Message))
			}
		}
	}
	sort.Strings(msgs)
	if len(msgs) > 0 {
		var want, got []string
		for _, w := range e.Want {
			want = append(want, w.String())
		}
		for _, f := range findings {
			got = append(got, fmt.Sprintf("%d:%d %s %s", f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule))
		}
		msgs = append(msgs, fmt.Sprintf("%s: findings mismatch (-want +got):\n%s", report, cmp.Diff(want, got)))
	}
	return msgs
}

// Rewrite returns the expectation file for findings: the old header
// (comments and directives), one "LINE:COL SEVERITY RULE" line per finding
// with its message above it as a "#>" comment, and the old "!" lines. A
// message regexp of an old line that still matches its finding is kept.
func (e *Expectations) Rewrite(findings []lint.Finding) []byte {
	var b strings.Builder
	for _, h := range e.header {
		b.WriteString(h + "\n")
	}
	used := make([]bool, len(e.Want))
	for _, f := range findings {
		fmt.Fprintf(&b, "#> %s\n%d:%d %s %s", f.Message, f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule)
		for i, w := range e.Want {
			if !used[i] && w.Message != nil && w.matches(f) {
				used[i] = true
				fmt.Fprintf(&b, " %s", w.Message)
				break
			}
		}
		b.WriteString("\n")
	}
	for _, a := range e.Absent {
		fmt.Fprintf(&b, "!%s\n", a)
	}
	return []byte(b.String())
}
