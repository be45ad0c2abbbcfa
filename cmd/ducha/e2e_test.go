package main

// End-to-end tests: TestMain builds the ducha binary once, and each test
// runs it as a user would, from the repository root, on the files in
// testdata/e2e (see testdata/README.md), and checks the findings it
// prints — not only its exit status.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/schematest"
	"github.com/ducha-dev/ducha/rules"
)

var (
	binary   string // the built command
	repoRoot string // where the e2e runs start
)

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "ducha-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "ducha")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	// go test puts its own go command first in PATH.
	build := exec.Command("go", "build", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building ducha for the end-to-end tests failed: %v\n%s", err, out)
		return 1
	}
	if repoRoot, err = filepath.Abs("../.."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// builtinIDs are the built-in rule ids in checklist order: the columns of a
// summary, the rules of a SARIF run.
func builtinIDs(t *testing.T) []string {
	t.Helper()
	set, diags := rules.Load(rules.Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var ids []string
	for _, r := range set.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

// allPass is a checklist in which every built-in rule passes but those
// given.
func allPass(t *testing.T, except map[string]string) map[string]string {
	m := map[string]string{}
	for _, id := range builtinIDs(t) {
		m[id] = "pass"
	}
	for id, st := range except {
		m[id] = st
	}
	return m
}

// result is one run of the binary.
type result struct {
	code           int
	stdout, stderr string
}

// exe runs the binary in dir (relative to the repository root; "" for the
// root itself) with stdin as its standard input.
func exe(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = filepath.Join(repoRoot, dir)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "NO_COLOR=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("running ducha %s: %v", strings.Join(args, " "), err)
	}
	return result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String()}
}

func (r result) wantCode(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
}

const batch = "testdata/e2e/batch"

var textLine = regexp.MustCompile(`^(.+?):(\d+):(\d+): (error|warning|info): (.+) \[([a-z0-9/-]+)\]$`)

// findings parses text output into "path line:col severity rule" items,
// and "path error: message" for files that could not be read.
func findings(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		if m := textLine.FindStringSubmatch(line); m != nil {
			got = append(got, fmt.Sprintf("%s %s:%s %s %s", m[1], m[2], m[3], m[4], m[6]))
			continue
		}
		if path, msg, ok := strings.Cut(line, ": error: "); ok {
			got = append(got, path+" unreadable: "+msg)
			continue
		}
		t.Errorf("line not in the text format: %q", line)
	}
	return got
}

func wantFindings(t *testing.T, out string, want []string) {
	t.Helper()
	got := findings(t, out)
	// Unreadable files: compare up to the message, which the decoder words.
	for i := range got {
		if i < len(want) && strings.HasSuffix(want[i], " unreadable") {
			got[i], _, _ = strings.Cut(got[i], ": ")
			got[i] = strings.TrimSuffix(got[i], ":")
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s\nstdout:\n%s", diff, out)
	}
}

// batchFindings is what the batch directory holds: every report in name
// order, the nested one last; no notes.md, hidden file or Word lock file.
var batchFindings = []string{
	batch + "/b-missing-other.txt 1:1 info section/other",
	batch + "/c-rp-body-only.txt 1:1 info section/other",
	batch + "/c-rp-body-only.txt 4:32 warning section/responsible-person",
	batch + "/d-missing-deficiencies.txt 1:1 error section/deficiencies",
	batch + "/e-empty.txt unreadable",
	batch + "/f-binary.txt unreadable",
	batch + "/h-word.docx 6:1 info section/other",
	batch + "/h-word.docx 11:18 warning section/responsible-person",
	batch + "/h-word.docx 17:105 warning date/malformed",
	batch + "/h-word.docx 37:1 warning section/deficiencies",
	batch + "/i-page.html 33:1 warning section/deficiencies",
	batch + "/sub/g-title-year.txt 1:10 error title/year",
}

func TestE2EText(t *testing.T) {
	r := exe(t, "", "", "check", "testdata/seeds/000_027d5137780acf8a.txt")
	r.wantCode(t, exitOK) // warnings and info only
	wantFindings(t, r.stdout, []string{
		"testdata/seeds/000_027d5137780acf8a.txt 3:1 warning date/missing",
		"testdata/seeds/000_027d5137780acf8a.txt 3:1 info section/other",
		"testdata/seeds/000_027d5137780acf8a.txt 8:23 warning format/doc-number",
		"testdata/seeds/000_027d5137780acf8a.txt 14:46 warning section/responsible-person",
		"testdata/seeds/000_027d5137780acf8a.txt 22:207 warning date/malformed",
		"testdata/seeds/000_027d5137780acf8a.txt 22:216 warning date/malformed",
		"testdata/seeds/000_027d5137780acf8a.txt 22:362 warning date/malformed",
		"testdata/seeds/000_027d5137780acf8a.txt 28:26 warning section/deficiencies",
		"testdata/seeds/000_027d5137780acf8a.txt 36:40 warning text/brackets",
		"testdata/seeds/000_027d5137780acf8a.txt 38:1 warning structure/numbering",
		"testdata/seeds/000_027d5137780acf8a.txt 44:1 warning structure/numbering",
		"testdata/seeds/000_027d5137780acf8a.txt 48:1 warning structure/numbering",
	})
	if !strings.Contains(r.stdout, ":14:46: warning: “党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况”没有单列为报告的一部分") {
		t.Errorf("message missing:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour in output that is not a terminal")
	}
	c := exe(t, "", "", "check", "--color", "always", "testdata/seeds/000_027d5137780acf8a.txt")
	if !strings.Contains(c.stdout, "\x1b[1;33mwarning\x1b[0m") {
		t.Errorf("--color always: no coloured severity:\n%q", c.stdout)
	}
}

// TestE2EDetails checks --details: under a finding, its fix and its
// related locations on indented lines; without it, one line per finding.
func TestE2EDetails(t *testing.T) {
	const seed = "testdata/seeds/000_027d5137780acf8a.txt"
	r := exe(t, "", "", "check", "--details", seed)
	r.wantCode(t, exitOK)
	var details []string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "  ") {
			details = append(details, line)
		}
	}
	want := []string{
		"  建议改为“厅字〔2019〕28号”",
		"  建议改为“2019年11月1日”",
		"  建议改为“2020年10月1日”",
		"  建议改为“2020年35”",
	}
	for _, w := range want {
		if !slices.Contains(details, w) {
			t.Errorf("--details: no line %q in\n%s", w, r.stdout)
		}
	}
	if !slices.ContainsFunc(details, func(l string) bool { return strings.HasPrefix(l, "  另见 ") }) {
		t.Errorf("--details: no related location (另见) in\n%s", r.stdout)
	}
	// The lines that are not details are the one-line findings.
	plain := exe(t, "", "", "check", seed)
	var rest []string
	for _, line := range strings.Split(r.stdout, "\n") {
		if !strings.HasPrefix(line, "  ") {
			rest = append(rest, line)
		}
	}
	if diff := cmp.Diff(findings(t, plain.stdout), findings(t, strings.Join(rest, "\n"))); diff != "" {
		t.Errorf("--details changed the findings (-without +with):\n%s", diff)
	}
}

// TestE2EBatch checks a directory of mixed files: walked in order,
// filtered, checked in parallel with the same output as one at a time, an
// empty and a binary file reported without stopping the others.
func TestE2EBatch(t *testing.T) {
	r := exe(t, "", "", "check", batch)
	r.wantCode(t, exitTrouble)
	wantFindings(t, r.stdout, batchFindings)
	for _, jobs := range []string{"1", "5"} {
		if again := exe(t, "", "", "check", "--jobs", jobs, batch); again.stdout != r.stdout {
			t.Errorf("--jobs %s changed the output:\n%s\nwant:\n%s", jobs, again.stdout, r.stdout)
		}
	}
	ex := exe(t, "", "", "check", "--exclude", "sub/", "--exclude", "E-*", batch)
	wantFindings(t, ex.stdout, []string{
		batch + "/b-missing-other.txt 1:1 info section/other",
		batch + "/c-rp-body-only.txt 1:1 info section/other",
		batch + "/c-rp-body-only.txt 4:32 warning section/responsible-person",
		batch + "/d-missing-deficiencies.txt 1:1 error section/deficiencies",
		batch + "/f-binary.txt unreadable",
		batch + "/h-word.docx 6:1 info section/other",
		batch + "/h-word.docx 11:18 warning section/responsible-person",
		batch + "/h-word.docx 17:105 warning date/malformed",
		batch + "/h-word.docx 37:1 warning section/deficiencies",
		batch + "/i-page.html 33:1 warning section/deficiencies",
	})
	// Only the notes, which are text but not a report: no title, no date,
	// and no year, so the parts (required since 2019) are not checked.
	in := exe(t, "", "", "check", "--include", "*.md", batch)
	in.wantCode(t, exitOK)
	wantFindings(t, in.stdout, []string{
		batch + "/notes.md 1:1 warning date/missing",
		batch + "/notes.md 1:1 warning title/missing",
	})
}

func TestE2EStdin(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot, batch, "c-rp-body-only.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := exe(t, "", string(src), "check", "-")
	r.wantCode(t, exitOK)
	wantFindings(t, r.stdout, []string{"<stdin> 1:1 info section/other", "<stdin> 4:32 warning section/responsible-person"})
	named := exe(t, "", string(src), "check", "--stdin-name", "甲区.txt", "--format", "github", "-", batch+"/b-missing-other.txt")
	want := []string{
		"::notice file=甲区.txt,line=1,col=1,",
		"::warning file=甲区.txt,line=4,col=32,",
		"::notice file=" + batch + "/b-missing-other.txt,line=1,col=1,",
	}
	lines := strings.Split(strings.TrimSpace(named.stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), named.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	empty := exe(t, "", "", "check", "-")
	empty.wantCode(t, exitTrouble)
	wantFindings(t, empty.stdout, []string{"<stdin> unreadable"})
}

// TestE2EUnreadable checks that files that cannot be read are reported in
// place, the others checked, and the exit status is 2.
func TestE2EUnreadable(t *testing.T) {
	args := []string{"check", batch + "/b-missing-other.txt", "testdata/e2e/no-such-report.txt", batch + "/f-binary.txt", batch + "/b-missing-other.txt/x.txt"}
	want := []string{
		batch + "/b-missing-other.txt 1:1 info section/other",
		"testdata/e2e/no-such-report.txt unreadable: 文件不存在",
		batch + "/f-binary.txt unreadable",
		batch + "/b-missing-other.txt/x.txt unreadable: 路径有误:其中有一段是文件而不是目录",
	}
	if os.Geteuid() != 0 { // root reads anything
		locked := filepath.Join(t.TempDir(), "locked.txt")
		if err := os.WriteFile(locked, []byte("报告"), 0o000); err != nil {
			t.Fatal(err)
		}
		args = append(args, locked)
		want = append(want, locked+" unreadable: 没有读取权限")
	}
	r := exe(t, "", "", args...)
	r.wantCode(t, exitTrouble)
	got := findings(t, r.stdout)
	for i := range got {
		if strings.HasSuffix(got[i], "/f-binary.txt unreadable: ") || strings.Contains(got[i], "/f-binary.txt unreadable: ") {
			got[i] = batch + "/f-binary.txt unreadable"
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestE2EJSON checks the JSON output against DESIGN.md §7: every field
// there, with its type, and nothing else.
func TestE2EJSON(t *testing.T) {
	r := exe(t, "", "", "check", "--format", "json", batch+"/a-complete.txt", batch+"/c-rp-body-only.txt", batch+"/e-empty.txt")
	r.wantCode(t, exitTrouble)
	type (
		date struct {
			Kind, Date string
			Line       int
		}
		heading struct {
			Level        int
			Number, Text string
			Line         int
			Part         string
		}
		finding struct {
			Rule, Severity, Message, Source  string
			Line, Column, EndLine, EndColumn int
			Offset, EndOffset                int
		}
		item struct {
			Rule, Title, Status string
			Line                int
			Note                string
		}
		file struct {
			Path     string
			Document *struct {
				Title   string
				Year    int
				Dates   []date
				Outline []heading
			}
			Findings  []finding
			Checklist []item
			Error     string
		}
		output struct {
			Version int
			Files   []file
			Summary struct{ Files, Errors, Warnings, Infos int }
		}
	)
	// Field names: §7 uses snake_case; map them for the strict decoder.
	snake := strings.NewReplacer(`"end_line"`, `"EndLine"`, `"end_column"`, `"EndColumn"`, `"end_offset"`, `"EndOffset"`)
	dec := json.NewDecoder(strings.NewReader(snake.Replace(r.stdout)))
	dec.DisallowUnknownFields()
	var out output
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("JSON output does not match DESIGN.md §7: %v\n%s", err, r.stdout)
	}
	// Every §7 key is present (not just decodable).
	var raw map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatal(err)
	}
	requireKeys(t, "", raw, "version", "files", "summary")
	requireKeys(t, "summary", raw["summary"], "files", "errors", "warnings", "infos")
	files := raw["files"].([]any)
	for i, f := range files {
		requireKeys(t, fmt.Sprintf("files[%d]", i), f, "path", "findings", "checklist", "error")
	}
	requireKeys(t, "files[1].document", files[1].(map[string]any)["document"], "title", "year", "dates", "outline")
	requireKeys(t, "files[1].findings[1]", files[1].(map[string]any)["findings"].([]any)[1],
		"rule", "severity", "message", "source", "line", "column", "end_line", "end_column", "offset", "end_offset")
	requireKeys(t, "files[1].checklist[0]", files[1].(map[string]any)["checklist"].([]any)[0], "rule", "title", "status", "line")
	requireKeys(t, "files[1].document.outline[0]", files[1].(map[string]any)["document"].(map[string]any)["outline"].([]any)[0],
		"level", "number", "text", "line", "part")

	if out.Version != 1 || len(out.Files) != 3 {
		t.Fatalf("version %d, %d files", out.Version, len(out.Files))
	}
	a, c, e := out.Files[0], out.Files[1], out.Files[2]
	if a.Path != batch+"/a-complete.txt" || len(a.Findings) != 0 || a.Error != "" || a.Document.Year != 2023 {
		t.Errorf("complete report: %+v", a)
	}
	var parts []string
	for _, h := range a.Document.Outline {
		if h.Part != "" && h.Level == 1 {
			parts = append(parts, h.Part)
		}
	}
	if diff := cmp.Diff([]string{"achievements", "deficiencies", "responsible-person", "next-year", "other"}, parts); diff != "" {
		t.Errorf("outline parts mismatch (-want +got):\n%s", diff)
	}
	f := c.Findings[1]
	if f.Rule != "section/responsible-person" || f.Severity != "warning" || f.Line != 4 || f.Column != 32 ||
		f.EndLine < f.Line || f.EndOffset <= f.Offset || f.Source == "" || !strings.Contains(f.Message, "第一责任人") {
		t.Errorf("finding: %+v", f)
	}
	status := map[string]string{}
	for _, it := range c.Checklist {
		status[it.Rule] = it.Status
	}
	if diff := cmp.Diff(allPass(t, map[string]string{"section/responsible-person": "warn", "section/other": "info"}), status); diff != "" {
		t.Errorf("checklist mismatch (-want +got):\n%s", diff)
	}
	if e.Error == "" || len(e.Findings) != 0 || e.Document != nil {
		t.Errorf("empty file: %+v", e)
	}
	if out.Summary.Files != 3 || out.Summary.Errors != 0 || out.Summary.Warnings != 1 || out.Summary.Infos != 1 {
		t.Errorf("summary %+v", out.Summary)
	}
}

func requireKeys(t *testing.T, where string, v any, keys ...string) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Errorf("%s: not an object: %v", where, v)
		return
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s: missing %q (DESIGN.md §7)", where, k)
		}
	}
}

// TestE2ESARIFFixes validates against the schema the SARIF of seed 000,
// whose findings have fixes and related locations, and checks one of each.
func TestE2ESARIFFixes(t *testing.T) {
	r := exe(t, "", "", "check", "--format", "sarif", "testdata/seeds/000_027d5137780acf8a.txt")
	r.wantCode(t, exitOK)
	schema, err := schematest.Compile(filepath.Join(repoRoot, "testdata/schemas/sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	errs, err := schema.Validate([]byte(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("SARIF output breaks the schema: %s", e)
	}
	type region struct{ StartLine, StartColumn, EndLine, EndColumn int }
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string
				RelatedLocations []struct {
					PhysicalLocation struct{ Region region }
					Message          struct{ Text string }
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   region
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var fixes, related []string
	for _, res := range log.Runs[0].Results {
		for _, f := range res.Fixes {
			for _, c := range f.ArtifactChanges {
				for _, rp := range c.Replacements {
					d := rp.DeletedRegion
					fixes = append(fixes, fmt.Sprintf("%s %d:%d-%d:%d %s", res.RuleID, d.StartLine, d.StartColumn, d.EndLine, d.EndColumn, rp.InsertedContent.Text))
				}
			}
		}
		for _, rl := range res.RelatedLocations {
			related = append(related, fmt.Sprintf("%s %d:%d", res.RuleID, rl.PhysicalLocation.Region.StartLine, rl.PhysicalLocation.Region.StartColumn))
		}
	}
	if !slices.Contains(fixes, "format/doc-number 8:23-8:32 厅字〔2019〕28号") {
		t.Errorf("no fix of the document number in %q", fixes)
	}
	if !slices.Contains(related, "structure/numbering 36:1") {
		t.Errorf("no related location for the numbering in %q", related)
	}
}

// TestE2ESARIF validates the SARIF output for the batch directory against
// the official schema and checks its results and notifications.
func TestE2ESARIF(t *testing.T) {
	r := exe(t, "", "", "check", "--format", "sarif", batch)
	r.wantCode(t, exitTrouble)
	schema, err := schematest.Compile(filepath.Join(repoRoot, "testdata/schemas/sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	errs, err := schema.Validate([]byte(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("SARIF output breaks the schema: %s", e)
	}
	var log struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Tool       struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID                   string
						ShortDescription     struct{ Text string }
						Help                 struct{ Text, Markdown string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.ColumnKind != "unicodeCodePoints" || run.Tool.Driver.Name != "ducha" || run.Tool.Driver.Version == "" {
		t.Errorf("version %q, columnKind %q, driver %+v", log.Version, run.ColumnKind, run.Tool.Driver.Name)
	}
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.ShortDescription.Text == "" || !strings.Contains(rule.Help.Text, "不合格的例子") || !strings.Contains(rule.Help.Markdown, "```text") {
			t.Errorf("rule %s lacks a title or help with examples", rule.ID)
		}
	}
	if diff := cmp.Diff(builtinIDs(t), ids); diff != "" {
		t.Errorf("rules mismatch (-want +got):\n%s", diff)
	}
	if !slices.Contains(ids, "section/other") {
		t.Errorf("rules %v", ids)
	}
	if rule := run.Tool.Driver.Rules[slices.Index(ids, "section/other")]; rule.DefaultConfiguration.Level != "note" {
		t.Errorf("section/other default level %q, want note", rule.DefaultConfiguration.Level)
	}
	var got []string
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, fmt.Sprintf("%s %d:%d %s %s", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Level, res.RuleID))
		if ids[res.RuleIndex] != res.RuleID {
			t.Errorf("ruleIndex %d of %s points at %s", res.RuleIndex, res.RuleID, ids[res.RuleIndex])
		}
	}
	want := []string{
		batch + "/b-missing-other.txt 1:1 note section/other",
		batch + "/c-rp-body-only.txt 1:1 note section/other",
		batch + "/c-rp-body-only.txt 4:32 warning section/responsible-person",
		batch + "/d-missing-deficiencies.txt 1:1 error section/deficiencies",
		batch + "/h-word.docx 6:1 note section/other",
		batch + "/h-word.docx 11:18 warning section/responsible-person",
		batch + "/h-word.docx 17:105 warning date/malformed",
		batch + "/h-word.docx 37:1 warning section/deficiencies",
		batch + "/i-page.html 33:1 warning section/deficiencies",
		batch + "/sub/g-title-year.txt 1:10 error title/year",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results mismatch (-want +got):\n%s", diff)
	}
	inv := run.Invocations[0]
	var failed []string
	for _, n := range inv.ToolExecutionNotifications {
		failed = append(failed, n.Level+" "+n.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	if inv.ExecutionSuccessful || !slices.Equal(failed, []string{"error " + batch + "/e-empty.txt", "error " + batch + "/f-binary.txt"}) {
		t.Errorf("invocation: successful %v, notifications %v", inv.ExecutionSuccessful, failed)
	}
}

var ghLine = regexp.MustCompile(`^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$`)

func TestE2EGitHub(t *testing.T) {
	r := exe(t, "", "", "check", "--format", "github", batch+"/c-rp-body-only.txt", batch+"/d-missing-deficiencies.txt", batch+"/e-empty.txt")
	r.wantCode(t, exitTrouble)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if m := ghLine.FindStringSubmatch(line); m != nil {
			got = append(got, fmt.Sprintf("%s %s %s:%s %s", m[1], m[2], m[3], m[4], strings.ReplaceAll(m[7], "%2F", "/")))
			continue
		}
		got = append(got, line)
	}
	want := []string{
		"notice " + batch + "/c-rp-body-only.txt 1:1 section/other",
		"warning " + batch + "/c-rp-body-only.txt 4:32 section/responsible-person",
		"error " + batch + "/d-missing-deficiencies.txt 1:1 section/deficiencies",
		"::error file=" + batch + "/e-empty.txt,title=无法检查::内容为空,没有可检查的文字",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestE2EChecklist(t *testing.T) {
	r := exe(t, "", "", "check", "--format", "checklist", batch+"/c-rp-body-only.txt", batch+"/f-binary.txt")
	r.wantCode(t, exitTrouble)
	for _, want := range []string{
		"## " + batch + "/c-rp-body-only.txt\n",
		"| 要求 | 规则 | 结果 | 位置 |\n|---|---|---|---|\n",
		"| 报告有标题,并写明是法治政府建设年度报告 | `title/missing` | ✓ | 第1行 |\n",
		"| 党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况 | `section/responsible-person` | ⚠ | 第4行 |\n",
		"| 上一年度推进法治政府建设存在的不足和原因 | `section/deficiencies` | ✓ | 第",
		"错误 0,警告 1,提示 1。",
		"## " + batch + "/f-binary.txt\n\n无法检查:",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("checklist lacks %q:\n%s", want, r.stdout)
		}
	}
	// --year 2018: the five-part rules do not apply to reports before 2019.
	y := exe(t, "", "", "check", "--format", "checklist", "--year", "2018", batch+"/c-rp-body-only.txt")
	y.wantCode(t, exitFindings) // the title says 2023
	if !strings.Contains(y.stdout, "| `section/responsible-person` | — | 本要求适用于2019年度及以后的报告,本报告为2018年度 |") ||
		!strings.Contains(y.stdout, "`title/year` | ✗ | 第1行") {
		t.Errorf("--year 2018:\n%s", y.stdout)
	}
}

func TestE2ESummary(t *testing.T) {
	r := exe(t, "", "", "check", "--summary", "csv", batch)
	r.wantCode(t, exitTrouble)
	body, ok := strings.CutPrefix(r.stdout, "\uFEFF")
	if !ok {
		t.Error("CSV without a byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, r.stdout)
	}
	ids := builtinIDs(t)
	head := append(append([]string{"file", "year"}, ids...), "errors", "warnings", "infos", "error")
	if diff := cmp.Diff(head, rows[0]); diff != "" {
		t.Fatalf("header mismatch (-want +got):\n%s", diff)
	}
	var got []string
	for _, row := range rows[1:] {
		if e := len(row) - 1; row[e] != "" {
			row[e] = "(error)"
		}
		got = append(got, strings.Join(row, ","))
	}
	// row is the summary row of a file: every rule passes but those given.
	row := func(file, year string, except map[string]string, counts string) string {
		cells := []string{batch + "/" + file, year}
		for _, id := range ids {
			st := except[id]
			if st == "" {
				st = "pass"
			}
			cells = append(cells, st)
		}
		return strings.Join(cells, ",") + "," + counts + ","
	}
	unreadable := batch + "/%s" + strings.Repeat(",", len(ids)+5) + "(error)"
	want := []string{
		row("a-complete.txt", "2023", nil, "0,0,0"),
		row("b-missing-other.txt", "2023", map[string]string{"section/other": "info"}, "0,0,1"),
		row("c-rp-body-only.txt", "2023", map[string]string{"section/responsible-person": "warn", "section/other": "info"}, "0,1,1"),
		row("d-missing-deficiencies.txt", "2023", map[string]string{"section/deficiencies": "fail"}, "1,0,0"),
		fmt.Sprintf(unreadable, "e-empty.txt"),
		fmt.Sprintf(unreadable, "f-binary.txt"),
		row("h-word.docx", "2022", map[string]string{"section/deficiencies": "warn", "section/responsible-person": "warn", "date/malformed": "warn", "section/other": "info"}, "0,3,1"),
		row("i-page.html", "2020", map[string]string{"section/deficiencies": "warn"}, "0,1,0"),
		// The report year is the title's (DESIGN.md §4), the body's differs.
		row("sub/g-title-year.txt", "2024", map[string]string{"title/year": "fail"}, "1,0,0"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows mismatch (-want +got):\n%s", diff)
	}

	md := exe(t, "", "", "check", "--summary", "markdown", "--disable", "section/other", batch+"/c-rp-body-only.txt", batch+"/d-missing-deficiencies.txt")
	md.wantCode(t, exitFindings)
	var cols, rule, c, d []string
	for _, id := range ids {
		if id == "section/other" {
			continue
		}
		cols, rule = append(cols, id), append(rule, "---")
		c = append(c, map[bool]string{true: "⚠", false: "✓"}[id == "section/responsible-person"])
		d = append(d, map[bool]string{true: "✗", false: "✓"}[id == "section/deficiencies"])
	}
	wantMD := "| 文件 | 年度 | " + strings.Join(cols, " | ") + " | 错误 | 警告 | 提示 | 说明 |\n" +
		"|---|---|" + strings.Join(rule, "|") + "|---|---|---|---|\n" +
		"| " + batch + "/c-rp-body-only.txt | 2023 | " + strings.Join(c, " | ") + " | 0 | 1 | 0 |  |\n" +
		"| " + batch + "/d-missing-deficiencies.txt | 2023 | " + strings.Join(d, " | ") + " | 1 | 0 | 0 |  |\n"
	if !strings.HasPrefix(md.stdout, wantMD) {
		t.Errorf("markdown summary mismatch (-want +got):\n%s", cmp.Diff(wantMD, md.stdout))
	}

	// The findings in a line format, then the table.
	both := exe(t, "", "", "check", "--format", "text", "--summary", "markdown", batch+"/d-missing-deficiencies.txt")
	if !strings.HasPrefix(both.stdout, batch+"/d-missing-deficiencies.txt:1:1: error: ") || !strings.Contains(both.stdout, "\n\n| 文件 | 年度 |") {
		t.Errorf("--format text --summary markdown:\n%s", both.stdout)
	}
	// SARIF to a file, the table on stdout.
	sarif := filepath.Join(t.TempDir(), "ducha.sarif")
	s := exe(t, "", "", "check", "--format", "sarif", "--output", sarif, "--summary", "csv", batch+"/d-missing-deficiencies.txt")
	s.wantCode(t, exitFindings)
	if b, err := os.ReadFile(sarif); err != nil || !bytes.Contains(b, []byte(`"ruleId": "section/deficiencies"`)) {
		t.Errorf("SARIF file: %v\n%s", err, b)
	}
	if !strings.HasPrefix(s.stdout, "\uFEFFfile,year,") {
		t.Errorf("stdout is not the CSV table:\n%s", s.stdout)
	}
	clash := exe(t, "", "", "check", "--format", "json", "--summary", "csv", batch+"/a-complete.txt")
	clash.wantCode(t, exitTrouble)
	if !strings.Contains(clash.stderr, "--output") || clash.stdout != "" {
		t.Errorf("json and a summary both on stdout: %+v", clash)
	}
}

func TestE2EFailOn(t *testing.T) {
	for _, tc := range []struct {
		file, failOn string
		code         int
	}{
		{"b-missing-other.txt", "", exitOK},
		{"b-missing-other.txt", "info", exitFindings},
		{"c-rp-body-only.txt", "error", exitOK},
		{"c-rp-body-only.txt", "warning", exitFindings},
		{"d-missing-deficiencies.txt", "", exitFindings},
	} {
		args := []string{"check", batch + "/" + tc.file}
		if tc.failOn != "" {
			args = append(args, "--fail-on", tc.failOn)
		}
		r := exe(t, "", "", args...)
		if r.code != tc.code {
			t.Errorf("%s --fail-on %q: exit %d, want %d", tc.file, tc.failOn, r.code, tc.code)
		}
		if r.stdout == "" {
			t.Errorf("%s: findings below the failing severity were not printed", tc.file)
		}
	}
}

// TestE2EConfig checks a discovered .ducha.hcl, an explicit --config with
// flags that override it, and a configuration with mistakes.
func TestE2EConfig(t *testing.T) {
	// Found two directories up: its rule pack, disabled rule, severity,
	// fail_on and exclude all apply.
	r := exe(t, "testdata/e2e/config/reports/2023", "", "check", ".")
	r.wantCode(t, exitFindings)
	wantFindings(t, r.stdout, []string{
		"甲区.txt 1:1 warning section/statistics",
		"甲区.txt 4:32 error section/responsible-person",
	})

	flags := exe(t, "", "", "check", "--config", "testdata/e2e/config/.ducha.hcl",
		"--severity", "section/responsible-person=warning", "--disable", "section/statistics", "--fail-on", "error",
		batch+"/c-rp-body-only.txt")
	flags.wantCode(t, exitOK)
	wantFindings(t, flags.stdout, []string{batch + "/c-rp-body-only.txt 4:32 warning section/responsible-person"})

	list := exe(t, "testdata/e2e/config", "", "rules", "list")
	list.wantCode(t, exitOK)
	for _, want := range []string{"section/other               off ", "section/responsible-person  error ", "section/statistics          warning  主要数据统计  (依据:某省法治政府建设年度报告工作指引)"} {
		if !strings.Contains(list.stdout, want) {
			t.Errorf("rules list lacks %q:\n%s", want, list.stdout)
		}
	}

	bad := exe(t, "testdata/e2e/badconfig", "", "check", "x.txt")
	bad.wantCode(t, exitTrouble)
	cfg := filepath.Join(repoRoot, "testdata/e2e/badconfig/.ducha.hcl")
	var got []string
	for _, line := range strings.Split(bad.stderr, "\n") {
		if rest, ok := strings.CutPrefix(line, cfg+":"); ok {
			pos, _, _ := strings.Cut(rest, ": error: ")
			got = append(got, pos)
		}
	}
	if diff := cmp.Diff([]string{"1:14", "2:30", "3:13", "4:1", "5:13", "6:14", "7:14"}, got); diff != "" {
		t.Errorf("configuration mistakes mismatch (-want +got):\n%s\nstderr:\n%s", diff, bad.stderr)
	}
	if !strings.Contains(bad.stderr, "是不是 section/other") || bad.stdout != "" {
		t.Errorf("stderr:\n%s\nstdout:\n%s", bad.stderr, bad.stdout)
	}
	if !strings.Contains(bad.stderr, "找不到规则文件或目录") {
		t.Errorf("a missing rule file in the configuration is not reported:\n%s", bad.stderr)
	}
	// every missing --rules path at once, in Chinese
	ruleFlags := exe(t, "", "", "check", "--rules", "nodir/", "--rules", "nofile.hcl", batch+"/a-complete.txt")
	ruleFlags.wantCode(t, exitTrouble)
	for _, want := range []string{"--rules nodir/:找不到规则文件或目录 nodir/", "--rules nofile.hcl:找不到规则文件或目录 nofile.hcl"} {
		if !strings.Contains(ruleFlags.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, ruleFlags.stderr)
		}
	}
	missing := exe(t, "", "", "check", "--config", "testdata/e2e/none.hcl", batch+"/a-complete.txt")
	missing.wantCode(t, exitTrouble)
	if !strings.Contains(missing.stderr, "无法读取配置文件 testdata/e2e/none.hcl:文件不存在") {
		t.Errorf("stderr: %s", missing.stderr)
	}
}

func TestE2ERules(t *testing.T) {
	list := exe(t, "", "", "rules", "list")
	list.wantCode(t, exitOK)
	lines := strings.Split(strings.TrimSpace(list.stdout), "\n")
	if len(lines) != len(builtinIDs(t)) || !strings.HasPrefix(lines[0], "title/missing               warning  报告有标题") {
		t.Errorf("rules list:\n%s", list.stdout)
	}

	ex := exe(t, "", "", "rules", "explain", "section/other")
	ex.wantCode(t, exitOK)
	for _, want := range []string{
		"section/other  其他需要报告的情况\n",
		"级别:info(提示)\n",
		"依据:《法治政府建设与责任落实督察工作规定》",
		"定义:内置规则 builtin/10-parts.hcl:",
		"查什么、为什么:\n  年度报告的第五项内容",
		"不合格的例子:\n    青山区人民政府关于2023年度法治政府建设情况的报告\n",
		"  检查结果:\n    1:1: info: 缺少“其他需要报告的情况”部分",
		"合格的例子:\n",
		"    五、其他需要报告的情况\n    无其他需要报告的情况。\n    2024年3月20日\n  检查结果:本规则没有发现问题。\n",
	} {
		if !strings.Contains(ex.stdout, want) {
			t.Errorf("rules explain lacks %q:\n%s", want, ex.stdout)
		}
	}
	unknown := exe(t, "", "", "rules", "explain", "title/yaer")
	unknown.wantCode(t, exitTrouble)
	if !strings.Contains(unknown.stderr, "是不是 title/year") {
		t.Errorf("stderr: %s", unknown.stderr)
	}

	ok := exe(t, "", "", "rules", "validate", "testdata/e2e/config/province.hcl")
	ok.wantCode(t, exitOK)
	if ok.stdout != "规则文件没有问题:1 个文件,1 条规则。\n" {
		t.Errorf("stdout: %q", ok.stdout)
	}
	bad := exe(t, "", "", "rules", "validate", "testdata/e2e/rules/bad-regexp.hcl")
	bad.wantCode(t, exitTrouble)
	silent := exe(t, "", "", "rules", "validate", "testdata/e2e/rules/silent.hcl")
	silent.wantCode(t, exitTrouble)
	for _, tc := range []struct{ stderr, want string }{
		{bad.stderr, "testdata/e2e/rules/bad-regexp.hcl:3:23: error: 正则表达式 \"(数据统计\" 无效"},
		{bad.stderr, "testdata/e2e/rules/bad-regexp.hcl:4:14: error: 严重程度 \"fatal\" 无效"},
		{silent.stderr, "testdata/e2e/rules/silent.hcl:6:3: error: 规则 section/statistics 的 example_fail 没有产生本规则的任何问题"},
	} {
		if !strings.Contains(tc.stderr, tc.want) {
			t.Errorf("stderr lacks %q:\n%s", tc.want, tc.stderr)
		}
	}
	// Rule files given to check are diagnosed the same way.
	chk := exe(t, "", "", "check", "--rules", "testdata/e2e/rules/bad-regexp.hcl", batch+"/a-complete.txt")
	chk.wantCode(t, exitTrouble)
	if !strings.Contains(chk.stderr, "bad-regexp.hcl:3:23: error:") || chk.stdout != "" {
		t.Errorf("check --rules bad: %+v", chk)
	}
}

var versionLine = regexp.MustCompile(`^ducha (devel|v\S+)( \(提交 [0-9a-f]+(, 有未提交的修改)?\))? go1\.\d+\S* \w+/\w+\n$`)

func TestE2EVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := exe(t, "", "", args...)
		r.wantCode(t, exitOK)
		if !versionLine.MatchString(r.stdout) || !strings.Contains(r.stdout, runtime.Version()) {
			t.Errorf("ducha %s: %q", args[0], r.stdout)
		}
	}
}

// TestE2EHelp checks that every command answers --help on stdout, in
// Chinese, with exit status 0, and that usage mistakes exit 2.
func TestE2EHelp(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"help"}, {"help", "check"}, {"check", "--help"}, {"rules", "--help"},
		{"rules", "list", "--help"}, {"rules", "explain", "--help"}, {"rules", "validate", "--help"}, {"version", "--help"},
	} {
		r := exe(t, "", "", args...)
		if r.code != exitOK || !strings.Contains(r.stdout, "用法") || r.stderr != "" {
			t.Errorf("ducha %s: exit %d, stdout %.60q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	for _, args := range [][]string{
		{}, {"lint"}, {"check"}, {"check", "--format", "xml", "a.txt"}, {"check", "--frobnicate", "a.txt"},
		{"rules"}, {"rules", "explain"}, {"rules", "validate"}, {"check", "-", "-"},
	} {
		r := exe(t, "", "", args...)
		if r.code != exitTrouble || r.stderr == "" {
			t.Errorf("ducha %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

// TestPreCommitHook checks the hook definition the pre-commit framework
// reads: the command it runs and the files it passes.
func TestPreCommitHook(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	hook := string(b)
	for _, want := range []string{"- id: ducha\n", "  entry: ducha check\n", "  language: golang\n"} {
		if !strings.Contains(hook, want) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", want)
		}
	}
	m := regexp.MustCompile(`(?m)^  files: (.+)$`).FindStringSubmatch(hook)
	if m == nil {
		t.Fatal(".pre-commit-hooks.yaml has no files pattern")
	}
	files := regexp.MustCompile(m[1])
	for name, want := range map[string]bool{"a.txt": true, "b/c.docx": true, "d.html": true, "e.htm": true, "f.md": false, "g.doc": false, "h.txt.bak": false} {
		if files.MatchString(name) != want {
			t.Errorf("files pattern %s on %q: %v, want %v", m[1], name, !want, want)
		}
	}
}
