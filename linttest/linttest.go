// Package linttest is the regression harness for rule authors, on the model
// of golang.org/x/tools/go/analysis/analysistest: a folder of example
// reports, each with an expectation file beside it, checked by go test.
//
// For a report X.txt (or a page X.html, a Word document X.docx or X.doc, an
// X.odt, X.mht, X.ofd or X.pdf) the expectations are in X.want, one per line:
//
//	# comments and blank lines are ignored
//	@year 2022                       report year, as the caller would give it
//	@published 2023-03-31            publication date, as the caller would give it
//	14 section/responsible-person    a finding of this rule on line 14
//	28:26 warning section/deficiencies 薄弱环节
//	                                 line:column, severity and a regexp
//	                                 on the message are optional
//	!title/missing                   no finding of this rule anywhere
//	!error section/deficiencies      no finding of this rule at this severity
//	@error 内容为空                   the report must fail to be read, with
//	                                 an error matching this regexp
//
// Directives that assert how the report was read (for a corpus of real
// pages, where a misreading is the bug to catch):
//
//	@year-read 2023                  the year the parser read (Document.Year)
//	@published-read 2023-01-12       the publication date read from the page
//	                                 (Document.Published); "none" for a page
//	                                 that shows none
//	@title 5                         the title is on line 5; "none": no title
//	@first-part 9 achievements       the first top-level heading is on line 9
//	                                 and is recognised as that part (the part
//	                                 name is optional; "-" for no part)
//	@partial                         the finding lines are not exhaustive:
//	                                 an unlisted warning or info finding is
//	                                 accepted, an unlisted error is not
//
// Run reports every expected finding that is missing and every finding that
// was not expected, each with the file and line, and a cmp.Diff of the two
// lists that shows only the differences. With -update it rewrites the
// expectation files from what the linter now reports, keeping their
// comments, directives and "!" lines; a "!" line that the new findings
// contradict is dropped, with a warning (logged: go test -v shows it).
//
// The -update flag is internal/golden's, the one flag of every ducha test
// package: a test binary that imports linttest accepts it, and tests use
// Updating() instead of declaring their own.
package linttest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/golden"
	"github.com/ducha-dev/ducha/lint"
)

// Updating reports whether the test binary runs with -update.
func Updating() bool { return golden.Update() }

// Testing is the part of *testing.T the harness needs, so that the harness
// itself can be tested with a fake.
type Testing interface {
	Helper()
	Errorf(format string, args ...any)
}

// logger is the optional part of Testing that Run uses for warnings (a
// *testing.T has it); without it, warnings are reported with Errorf.
type logger interface {
	Logf(format string, args ...any)
}

// Run checks the reports in dir against their expectation files. With no
// cases it runs every .txt file in dir; otherwise the named cases ("X" for
// X.txt). A report without an expectation file is an error, except under
// -update, which creates it.
func Run(t Testing, l *lint.Linter, dir string, cases ...string) {
	t.Helper()
	reports, err := Reports(dir, cases...)
	if err != nil {
		t.Errorf("linttest: %v", err)
		return
	}
	for _, r := range reports {
		out := CheckReport(l, r)
		for _, msg := range out.Warnings {
			if lg, ok := t.(logger); ok {
				lg.Logf("%s", msg)
			} else {
				t.Errorf("%s", msg)
			}
		}
		for _, msg := range out.Problems {
			t.Errorf("%s", msg)
		}
	}
}

// reportExts are the reports a folder of cases may hold: every format ducha
// reads (told by content; the extension only picks the files).
var reportExts = []string{".txt", ".html", ".docx", ".doc", ".odt", ".mht", ".ofd", ".pdf"}

// Reports returns the paths of the reports in dir: every .txt, .html,
// .docx, .doc, .odt, .mht, .ofd and .pdf file, or, when cases are given, the
// named ones ("X" for X.txt, or the first of X.html, X.docx… that exists
// when there is no X.txt).
func Reports(dir string, cases ...string) ([]string, error) {
	if len(cases) == 0 {
		var files []string
		for _, ext := range reportExts {
			f, err := filepath.Glob(filepath.Join(dir, "*"+ext))
			if err != nil {
				return nil, err
			}
			files = append(files, f...)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no reports (.txt, .html, .docx…) in %s", dir)
		}
		sort.Strings(files)
		return files, nil
	}
	var files []string
	for _, c := range cases {
		f := filepath.Join(dir, c+".txt")
		if _, err := os.Stat(f); err != nil {
			for _, ext := range reportExts[1:] {
				if h := filepath.Join(dir, c+ext); fileExists(h) {
					f = h
					break
				}
			}
		}
		files = append(files, f)
	}
	return files, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// An Outcome is what checking one report against its expectation file gave.
type Outcome struct {
	Report string
	// Expectations are the contents of the expectation file (empty when it
	// could not be read).
	Expectations *Expectations
	// Result is the linter's result, nil when the report could not be read
	// or was expected not to be.
	Result *lint.Result
	// Problems are the differences from the expectations, one message each;
	// none when the report meets them.
	Problems []string
	// Warnings are what -update did that the author should look at: the
	// "!" lines it dropped because the linter now reports their rule.
	Warnings []string
}

// CheckReport checks the report at path (X.txt or X.html) against its
// expectation file X.want. Under -update it rewrites the file instead.
func CheckReport(l *lint.Linter, report string) Outcome {
	wantFile := strings.TrimSuffix(report, filepath.Ext(report)) + ".want"
	out := Outcome{Report: report, Expectations: &Expectations{}}
	src, err := os.ReadFile(report)
	if err != nil {
		out.Problems = append(out.Problems, fmt.Sprintf("linttest: %v", err))
		return out
	}
	exp, err := ReadExpectations(wantFile)
	switch {
	case os.IsNotExist(err) && !golden.Update():
		out.Problems = append(out.Problems, fmt.Sprintf("linttest: %s has no expectation file %s: write it, or run go test -update to create it from the current findings (then check every line)", report, wantFile))
		return out
	case err != nil && !os.IsNotExist(err):
		out.Problems = append(out.Problems, fmt.Sprintf("linttest: %v", err))
		return out
	}
	out.Expectations = exp
	opt := exp.Options
	opt.Name = filepath.Base(report)
	res, err := l.Check(context.Background(), src, opt)
	switch {
	case exp.Error != nil && err == nil:
		out.Problems = append(out.Problems, fmt.Sprintf("%s: no error was returned, want one matching %q", report, exp.Error))
		return out
	case exp.Error != nil && !exp.Error.MatchString(err.Error()):
		out.Problems = append(out.Problems, fmt.Sprintf("%s: error %q does not match %q", report, err, exp.Error))
		return out
	case exp.Error != nil:
		return out
	case err != nil:
		out.Problems = append(out.Problems, fmt.Sprintf("%s: %v", report, err))
		return out
	}
	out.Result = res
	if golden.Update() {
		if len(exp.Check(report, res.Findings)) == 0 {
			return out // it passes: -update leaves a file it would only reorder
		}
		b, dropped, gone := exp.rewrite(res.Findings)
		for _, d := range dropped {
			out.Warnings = append(out.Warnings, fmt.Sprintf("linttest: %s:%d: dropped \"!%s\": the rule is now reported at %d:%d (%s: %s), and the rewritten file expects that finding; check that it is right",
				wantFile, d.absent.fileLine, d.absent, d.finding.Span.Start.Line, d.finding.Span.Start.Column, d.finding.Severity, d.finding.Message))
		}
		for _, w := range gone {
			out.Warnings = append(out.Warnings, fmt.Sprintf("linttest: %s:%d: dropped %q: no finding matches it now, and @partial does not list unlisted warnings; check that this is right", wantFile, w.fileLine, w.String()))
		}
		if err := os.WriteFile(wantFile, b, 0o644); err != nil {
			out.Problems = append(out.Problems, fmt.Sprintf("linttest: %v", err))
		}
		return out
	}
	out.Problems = append(exp.CheckReading(report, res.Document, res.Parts), exp.Check(report, res.Findings)...)
	return out
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
	// Absent are the findings that must not be reported.
	Absent []Absent
	// Partial (@partial) says Want is not exhaustive: an unlisted finding is
	// accepted unless it is an error.
	Partial bool

	// YearRead (@year-read) is the year the parser must read; 0: not
	// asserted.
	YearRead int
	// PublishedRead (@published-read) is the publication date the parser
	// must read from the page, as YYYY-MM-DD, or "none"; "": not asserted.
	PublishedRead string
	// TitleLine (@title) is the line the title must be read on, -1 for no
	// title; 0: not asserted.
	TitleLine int
	// FirstPart (@first-part) is where the first top-level heading must be
	// read; nil: not asserted.
	FirstPart *FirstPart

	header []string // comments and directives, kept by Rewrite
	// trailer is the comments after the last expectation line.
	trailer []string
}

// Absent is a finding that must not be reported: of the rule, at the
// severity (0: at any severity).
type Absent struct {
	Rule     string
	Severity lint.Severity
	fileLine int      // where it is written in the .want file
	comments []string // the comment lines above it, kept by Rewrite
}

func (a Absent) matches(f lint.Finding) bool {
	return f.Rule == a.Rule && (a.Severity == 0 || f.Severity == a.Severity)
}

func (a Absent) String() string {
	if a.Severity != 0 {
		return a.Severity.String() + " " + a.Rule
	}
	return a.Rule
}

// FirstPart is where the first top-level heading of the outline must be:
// its line and, when Part is not empty, the part it is recognised as ("-"
// for none).
type FirstPart struct {
	Line int
	Part string
}

// Want is one expected finding.
type Want struct {
	Line     int
	Column   int           // 0: any
	Severity lint.Severity // 0: any
	Rule     string
	Message  *regexp.Regexp // nil: any
	fileLine int            // where it is written in the .want file
	comments []string       // the comment lines above it, kept by Rewrite
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
	var comments []string // since the last expectation line
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "#>"):
			// a finding's message, written by Rewrite
		case line == "" || strings.HasPrefix(line, "#"):
			if len(e.Want) == 0 && len(e.Absent) == 0 {
				e.header = append(e.header, sc.Text())
			} else {
				comments = append(comments, sc.Text())
			}
		case strings.HasPrefix(line, "@"):
			if err := e.directive(line); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			e.header = append(e.header, line)
		case strings.HasPrefix(line, "!"):
			a, err := parseAbsent(strings.TrimSpace(line[1:]))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			a.fileLine, a.comments, comments = n, comments, nil
			e.Absent = append(e.Absent, a)
		default:
			m := wantLine.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("%s:%d: cannot read %q: write \"LINE[:COL] [SEVERITY] RULE [MESSAGE-REGEXP]\" or \"!RULE\"", path, n, line)
			}
			w := Want{Rule: m[4], fileLine: n, comments: comments}
			comments = nil
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
	e.trailer = comments
	return e, sc.Err()
}

func parseAbsent(s string) (Absent, error) {
	f := strings.Fields(s)
	switch len(f) {
	case 1:
		return Absent{Rule: f[0]}, nil
	case 2:
		if sev, err := lint.ParseSeverity(f[0]); err == nil {
			return Absent{Rule: f[1], Severity: sev}, nil
		}
	}
	return Absent{}, fmt.Errorf("cannot read \"!%s\": write \"!RULE\" or \"!SEVERITY RULE\"", s)
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
		d, err := dates.ParseDate(arg)
		if err != nil {
			return fmt.Errorf("@published wants a date such as 2023-03-31: %v", err)
		}
		e.Options.Published = d
		return nil
	case "year-read":
		y, err := strconv.Atoi(arg)
		if err != nil || y < 1949 || y > 2100 {
			return fmt.Errorf("@year-read wants a year such as 2022, not %q", arg)
		}
		e.YearRead = y
		return nil
	case "published-read":
		if arg != "none" {
			d, err := dates.ParseDate(arg)
			if err != nil {
				return fmt.Errorf("@published-read wants a date such as 2023-03-31, or none: %v", err)
			}
			arg = d.Format("2006-01-02")
		}
		e.PublishedRead = arg
		return nil
	case "title":
		if arg == "none" {
			e.TitleLine = -1
			return nil
		}
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 {
			return fmt.Errorf("@title wants a line number, or none, not %q", arg)
		}
		e.TitleLine = n
		return nil
	case "first-part":
		f := strings.Fields(arg)
		n := 0
		if len(f) > 0 {
			n, _ = strconv.Atoi(f[0])
		}
		if len(f) < 1 || len(f) > 2 || n < 1 {
			return fmt.Errorf("@first-part wants a line number and optionally a part name, not %q", arg)
		}
		e.FirstPart = &FirstPart{Line: n}
		if len(f) == 2 {
			e.FirstPart.Part = f[1]
		}
		return nil
	case "partial":
		if arg != "" {
			return fmt.Errorf("@partial takes no argument, not %q", arg)
		}
		e.Partial = true
		return nil
	case "error":
		re, err := regexp.Compile(arg)
		if err != nil {
			return fmt.Errorf("@error wants a regexp: %v", err)
		}
		e.Error = re
		return nil
	}
	return fmt.Errorf("unknown directive @%s (known: @year, @published, @error, @year-read, @published-read, @title, @first-part, @partial)", name)
}

// CheckReading compares how the document was read with the reading
// directives (@year-read, @published-read, @title, @first-part) and returns
// one message per difference.
func (e *Expectations) CheckReading(report string, d *document.Document, parts *document.Parts) []string {
	var msgs []string
	if e.YearRead != 0 && d.Year != e.YearRead {
		msgs = append(msgs, fmt.Sprintf("%s: year read as %d (from %q), want %d", report, d.Year, d.YearFrom, e.YearRead))
	}
	if e.PublishedRead != "" {
		if got := PublishedRead(d); got != e.PublishedRead {
			msgs = append(msgs, fmt.Sprintf("%s: publication date read as %s, want %s", report, got, e.PublishedRead))
		}
	}
	if e.TitleLine != 0 {
		got := -1
		if d.Title != nil {
			got = d.Title.Line
		}
		if got != e.TitleLine {
			msgs = append(msgs, fmt.Sprintf("%s: title read on line %s, want %s", report, lineOrNone(got), lineOrNone(e.TitleLine)))
		}
	}
	if e.FirstPart != nil {
		line, part := 0, "-"
		for i, h := range d.Outline {
			if h.Parent == -1 {
				line = h.Line
				if parts != nil {
					if p := parts.OfHeading(i); p != "" {
						part = p
					}
				}
				break
			}
		}
		switch {
		case line != e.FirstPart.Line:
			msgs = append(msgs, fmt.Sprintf("%s: first top-level heading read on line %s, want %d", report, lineOrNone(line), e.FirstPart.Line))
		case e.FirstPart.Part != "" && part != e.FirstPart.Part:
			msgs = append(msgs, fmt.Sprintf("%s:%d: first top-level heading read as part %s, want %s", report, line, part, e.FirstPart.Part))
		}
	}
	return msgs
}

// PublishedRead returns the publication date the document carries, as
// YYYY-MM-DD, or "none".
func PublishedRead(d *document.Document) string {
	p, ok := d.Published()
	if !ok {
		return "none"
	}
	return p.ISO()
}

func lineOrNone(n int) string {
	if n <= 0 {
		return "none"
	}
	return strconv.Itoa(n)
}

// Check compares findings with the expectations and returns one message per
// difference, analysistest style, followed by a diff that lists only the
// expected lines no finding matched and the findings no line expected.
func (e *Expectations) Check(report string, findings []lint.Finding) []string {
	var msgs []string
	used, missing := e.match(findings)
	for _, w := range missing {
		msgs = append(msgs, fmt.Sprintf("%s:%d: no finding was reported matching %q", report, w.Line, w.String()))
	}
	for i, f := range findings {
		if !used[i] && (!e.Partial || f.Severity == lint.Error) {
			msgs = append(msgs, fmt.Sprintf("%s:%d:%d: unexpected finding %s %s: %s", report, f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule, f.Message))
		}
	}
	for _, a := range e.Absent {
		for _, f := range findings {
			if a.matches(f) {
				msgs = append(msgs, fmt.Sprintf("%s:%d:%d: finding %s must not be reported (!%s): %s: %s", report, f.Span.Start.Line, f.Span.Start.Column, f.Rule, a, f.Severity, f.Message))
			}
		}
	}
	sort.Strings(msgs)
	if len(msgs) > 0 {
		msgs = append(msgs, fmt.Sprintf("%s: findings mismatch (-want +got):\n%s", report, e.diff(findings)))
	}
	return msgs
}

// diff lists, in file order, only what differs: "- " and the expected
// line for each that no finding matched, "+ " and the finding for each that
// no line expected. A finding an expected line matches is no difference,
// though the line has no column or a message regexp, and neither is an
// unlisted finding that @partial accepts; a finding a "!" line forbids is
// listed, with that line.
func (e *Expectations) diff(findings []lint.Finding) string {
	type entry struct {
		line, col int
		text      string
	}
	used, missing := e.match(findings)
	var es []entry
	for _, w := range missing {
		es = append(es, entry{w.Line, w.Column, "- " + w.String()})
	}
	for i, f := range findings {
		text := fmt.Sprintf("+ %d:%d %s %s", f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule)
		forbidden := false
		for _, a := range e.Absent {
			if a.matches(f) {
				text, forbidden = text+" (!"+a.String()+")", true
				break
			}
		}
		if forbidden || !used[i] && (!e.Partial || f.Severity == lint.Error) {
			es = append(es, entry{f.Span.Start.Line, f.Span.Start.Column, text})
		}
	}
	sort.SliceStable(es, func(i, j int) bool {
		return es[i].line < es[j].line || es[i].line == es[j].line && es[i].col < es[j].col
	})
	var b strings.Builder
	for _, x := range es {
		b.WriteString("\t" + x.text + "\n")
	}
	return b.String()
}

// match pairs each expected finding with the first unused finding it
// matches; it returns which findings were used and the expected ones that
// matched none.
func (e *Expectations) match(findings []lint.Finding) (used []bool, missing []Want) {
	by := e.pair(findings)
	used = make([]bool, len(findings))
	for i, w := range by {
		used[i] = w >= 0
	}
	for k, w := range e.Want {
		if !slices.Contains(by, k) {
			missing = append(missing, w)
		}
	}
	return used, missing
}

// pair returns, for each finding, the index of the expected line that
// matches it (each line the first unused finding it matches), or -1.
func (e *Expectations) pair(findings []lint.Finding) []int {
	by := make([]int, len(findings))
	for i := range by {
		by[i] = -1
	}
	for k, w := range e.Want {
		for i, f := range findings {
			if by[i] < 0 && w.matches(f) {
				by[i] = k
				break
			}
		}
	}
	return by
}

// Unexpected returns the findings that no expected finding matches, in
// order (under @partial too: it is for callers that weigh them).
func (e *Expectations) Unexpected(findings []lint.Finding) []lint.Finding {
	used, _ := e.match(findings)
	var out []lint.Finding
	for i, f := range findings {
		if !used[i] {
			out = append(out, f)
		}
	}
	return out
}

// Rewrite returns the expectation file for findings: the old header
// (comments and directives), one "LINE:COL SEVERITY RULE" line per finding
// with its message above it as a "#>" comment, and the old "!" lines that
// the findings do not contradict (a file that both expects a finding and
// forbids it could never pass). A message regexp of an old line that still
// matches its finding is kept, and so are the comments above each old line
// (those of a line that is gone move to the end). Under @partial, a warning
// or info no old line lists stays unlisted. (Under -update, CheckReport
// leaves a file that passes as it is.)
func (e *Expectations) Rewrite(findings []lint.Finding) []byte {
	b, _, _ := e.rewrite(findings)
	return b
}

// dropped is a "!" line Rewrite left out, and the finding that contradicts
// it.
type dropped struct {
	absent  Absent
	finding lint.Finding
}

// rewrite is Rewrite, which also returns the "!" lines it dropped and,
// under @partial, the expected lines that no finding matches any more.
func (e *Expectations) rewrite(findings []lint.Finding) ([]byte, []dropped, []Want) {
	var b strings.Builder
	lines := func(ls []string) {
		for _, l := range ls {
			b.WriteString(l + "\n")
		}
	}
	lines(e.header)
	by := e.pair(findings)
	var orphans []string // comments of lines that are gone
	var gone []Want
	for k, w := range e.Want {
		if !slices.Contains(by, k) {
			orphans = append(orphans, w.comments...)
			if e.Partial {
				gone = append(gone, w)
			}
		}
	}
	for i, f := range findings {
		if by[i] < 0 && e.Partial && f.Severity != lint.Error {
			continue
		}
		var w Want
		if by[i] >= 0 {
			w = e.Want[by[i]]
			lines(w.comments)
		}
		fmt.Fprintf(&b, "#> %s\n%d:%d %s %s", f.Message, f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Rule)
		if w.Message != nil {
			fmt.Fprintf(&b, " %s", w.Message)
		}
		b.WriteString("\n")
	}
	var drops []dropped
absent:
	for _, a := range e.Absent {
		for _, f := range findings {
			if a.matches(f) {
				drops = append(drops, dropped{a, f})
				orphans = append(orphans, a.comments...)
				continue absent
			}
		}
		lines(a.comments)
		fmt.Fprintf(&b, "!%s\n", a.String())
	}
	lines(orphans)
	lines(e.trailer)
	return []byte(b.String()), drops, gone
}
