package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/rules"
)

// The README shows the program's output, its rules, its flags and its
// commands. These tests hold each of them to what the built command says,
// so that the README cannot drift from the program again.

// readme returns README.md.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// section returns the README's text from the heading line that starts
// with heading to the next heading of the same or a higher level.
func section(t *testing.T, md, heading string) string {
	t.Helper()
	level := strings.IndexByte(heading, ' ')
	start := -1
	lines := strings.Split(md, "\n")
	inCode := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
		}
		if inCode {
			continue
		}
		if start < 0 {
			if strings.HasPrefix(l, heading) {
				start = i + 1
			}
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, "#")); n > 0 && n <= level && strings.HasPrefix(l[n:], " ") {
			return strings.Join(lines[start:i], "\n")
		}
	}
	if start < 0 {
		t.Fatalf("README has no section %q", heading)
	}
	return strings.Join(lines[start:], "\n")
}

// tableRows returns the cells of the rows of the first Markdown table in
// s, header and separator left out.
func tableRows(s string) [][]string {
	var rows [][]string
	seen := false
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "|") {
			if seen {
				break
			}
			continue
		}
		seen = true
		l = strings.ReplaceAll(l, `\|`, "\x00")
		var cells []string
		for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
			cells = append(cells, strings.TrimSpace(strings.ReplaceAll(c, "\x00", "|")))
		}
		rows = append(rows, cells)
	}
	if len(rows) < 2 {
		return nil
	}
	return rows[2:]
}

// codeBlock returns the first fenced block of s after the line that
// contains after ("" for the first block).
func codeBlock(t *testing.T, s, after string) string {
	t.Helper()
	i := strings.Index(s, after)
	if i < 0 {
		t.Fatalf("README lacks %q", after)
	}
	s = s[i:]
	open := strings.Index(s, "```")
	if open < 0 {
		t.Fatalf("no code block after %q", after)
	}
	s = s[open:]
	s = s[strings.IndexByte(s, '\n')+1:]
	end := strings.Index(s, "\n```")
	if end < 0 {
		t.Fatalf("unclosed code block after %q", after)
	}
	return s[:end]
}

// TestREADMERuleTable: the table under "What it checks" has a row for
// each built-in rule and no other, and each row's severity begins with
// the rule's own.
func TestREADMERuleTable(t *testing.T) {
	list := exe(t, "", "", "rules", "list")
	list.wantCode(t, exitOK)
	want := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(list.stdout), "\n") {
		f := strings.Fields(l)
		want[f[0]] = f[1]
	}
	got := map[string]string{}
	for _, row := range tableRows(section(t, readme(t), "## What it checks")) {
		id := strings.Trim(row[0], "`")
		got[id] = row[1]
		sev, ok := want[id]
		switch {
		case !ok:
			t.Errorf("README's rule table has %s, which ducha rules list does not", id)
		case !strings.HasPrefix(row[1], sev):
			t.Errorf("README gives %s the severity %q; ducha rules list says %s", id, row[1], sev)
		}
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("README's rule table lacks %s", id)
		}
	}
}

var (
	flagName   = regexp.MustCompile(`--[a-z][a-z-]*`)
	optionLine = regexp.MustCompile(`(?m)^ {2,}(--[a-z][a-z-]*)`)
)

// flagsOf returns the flags named in s, sorted, once each.
func flagsOf(s string) []string {
	fs := flagName.FindAllString(s, -1)
	sort.Strings(fs)
	return slices.Compact(fs)
}

// TestREADMEFlagTables: the flag tables of `ducha check` and `ducha serve`
// name the flags their --help names (which TestHelpNamesEveryFlag holds
// to the flag sets), no more and no fewer.
func TestREADMEFlagTables(t *testing.T) {
	md := readme(t)
	for _, tc := range []struct{ cmd, heading string }{
		{"check", "### Flags of `ducha check`"},
		{"serve", "### A local web page: `ducha serve`"},
	} {
		help := exe(t, "", "", tc.cmd, "--help")
		help.wantCode(t, exitOK)
		var options strings.Builder // the lines that introduce an option
		for _, m := range optionLine.FindAllStringSubmatch(help.stdout, -1) {
			options.WriteString(m[1] + "\n")
		}
		want := flagsOf(options.String())
		var cells strings.Builder // the first cells, which name the flags
		for _, row := range tableRows(section(t, md, tc.heading)) {
			cells.WriteString(row[0] + "\n")
		}
		got := flagsOf(cells.String())
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("README's flag table of ducha %s differs from its --help (-help +README):\n%s", tc.cmd, diff)
		}
	}
}

// TestREADMEFirstCommand: the output the README shows for its first
// command is what the command prints. A README line may elide with "…":
// inside a line it stands for any text, alone for any lines.
func TestREADMEFirstCommand(t *testing.T) {
	md := readme(t)
	cmdLine := strings.TrimSpace(codeBlock(t, md, "Check a bundled report"))
	args, ok := strings.CutPrefix(cmdLine, "go run ./cmd/ducha ")
	if !ok {
		t.Fatalf("the first command is %q", cmdLine)
	}
	// the block after the command's own
	after := md[strings.Index(md, "Check a bundled report"):]
	after = after[strings.Index(after, cmdLine):]
	shown := codeBlock(t, after[strings.Index(after, "```")+3:], "")
	r := exe(t, "", "", strings.Fields(args)...)
	out := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	skip := false
	i := 0
	for _, w := range strings.Split(shown, "\n") {
		if w == "…" {
			skip = true
			continue
		}
		re := regexp.MustCompile("^" + strings.ReplaceAll(regexp.QuoteMeta(w), "…", ".*") + "$")
		for i < len(out) && !re.MatchString(out[i]) && skip {
			i++
		}
		if i >= len(out) || !re.MatchString(out[i]) {
			t.Fatalf("README shows the line\n  %s\nwhich the output does not have at that place; the output is:\n%s", w, r.stdout)
		}
		i++
		skip = false
	}
	if i < len(out) && !skip {
		t.Errorf("the output goes on after what the README shows (end it with a line …):\n%s", strings.Join(out[i:], "\n"))
	}
}

var commandLine = regexp.MustCompile(`(?m)^\s*ducha ((?:rules )?[a-z]+)`)

// TestREADMECommands: the commands listed under "The command" are the ones
// `ducha help` lists.
func TestREADMECommands(t *testing.T) {
	help := exe(t, "", "", "help")
	help.wantCode(t, exitOK)
	commands := func(s string) []string {
		var out []string
		for _, m := range commandLine.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		sort.Strings(out)
		return slices.Compact(out)
	}
	want := commands(help.stdout)
	got := commands(codeBlock(t, section(t, readme(t), "## The command"), ""))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("README's command list differs from ducha help (-help +README):\n%s", diff)
	}
}

// fenced returns the README's fenced blocks of a language, in order.
func fenced(md, lang string) []string {
	var out []string
	for rest := md; ; {
		i := strings.Index(rest, "```"+lang+"\n")
		if i < 0 {
			return out
		}
		rest = rest[i+len(lang)+4:]
		end := strings.Index(rest, "\n```")
		if end < 0 {
			return out
		}
		out = append(out, rest[:end+1])
		rest = rest[end+4:]
	}
}

// TestREADMEGo compiles the README's Go code (a program with go build, a
// test file with go test -c), laid into the module with an overlay so that
// nothing is written into the repository.
func TestREADMEGo(t *testing.T) {
	blocks := fenced(readme(t), "go")
	if len(blocks) < 2 {
		t.Fatalf("README has %d Go blocks; the library and linttest examples are expected", len(blocks))
	}
	tmp := t.TempDir()
	overlay := map[string]string{}
	var pkgs []string
	for i, b := range blocks {
		if !strings.HasPrefix(b, "package ") {
			t.Errorf("README's Go block %d is not a whole file (package …): it cannot be compiled as written:\n%s", i+1, b)
			continue
		}
		name := "main.go"
		if !strings.HasPrefix(b, "package main\n") {
			name = "snippet_test.go"
		}
		dir := filepath.Join(repoRoot, "internal", "readmesnippet", fmt.Sprint(i))
		src := filepath.Join(tmp, fmt.Sprint(i)+".go")
		if err := os.WriteFile(src, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
		overlay[filepath.Join(dir, name)] = src
		pkgs = append(pkgs, "./internal/readmesnippet/"+fmt.Sprint(i))
	}
	js, _ := json.Marshal(map[string]any{"Replace": overlay})
	ov := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ov, js, 0o644); err != nil {
		t.Fatal(err)
	}
	// go vet would run in the package's folder, which does not exist
	for i, pkg := range pkgs {
		args := []string{"build", "-overlay", ov, "-o", filepath.Join(tmp, "bin"), pkg}
		if !strings.HasPrefix(blocks[i], "package main\n") {
			args = []string{"test", "-c", "-vet=off", "-overlay", ov, "-o", filepath.Join(tmp, "test.bin"), pkg}
		}
		cmd := exec.Command("go", args...)
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("README's Go block %d does not compile: %v\n%s", i+1, err, out)
		}
	}
}

// TestREADMEHCL loads the README's HCL: the rule examples over the
// built-in rules, as a pack would be, and the configuration example as a
// .ducha.hcl beside the files it names.
func TestREADMEHCL(t *testing.T) {
	blocks := fenced(readme(t), "hcl")
	if len(blocks) < 4 {
		t.Fatalf("README has %d HCL blocks", len(blocks))
	}
	for i, b := range blocks {
		name := fmt.Sprintf("README-block-%d.hcl", i+1)
		if strings.Contains(b, "fail_on") { // the configuration example
			dir := t.TempDir()
			for _, f := range []string{"province.hcl", "rules/a.hcl"} {
				os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
				if err := os.WriteFile(filepath.Join(dir, f), []byte(goodPackForConfig), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(dir, ".ducha.hcl")
			if err := os.WriteFile(path, []byte(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, _, diags := loadConfig(path); diags.HasErrors() {
				t.Errorf("README's configuration example does not load: %v\n%s", diags, b)
			}
			continue
		}
		_, diags := rules.Load(append(rules.Builtin(), rules.Source{Name: name, Data: []byte(b)})...)
		if diags.HasErrors() {
			var msg strings.Builder
			_ = rules.WriteDiagnostics(&msg, map[string]*hcl.File{}, diags)
			t.Errorf("README's HCL block %d does not load over the built-in rules:\n%s\n%s", i+1, msg.String(), b)
		}
	}
}

// TestREADMELayout: the layout table names every package of the module.
func TestREADMELayout(t *testing.T) {
	layout := section(t, readme(t), "## Layout")
	cmd := exec.Command("go", "list", "./...")
	cmd.Dir = repoRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range strings.Fields(string(out)) {
		rel, ok := strings.CutPrefix(p, "github.com/ducha-dev/ducha/")
		if !ok {
			continue // the module's root package, the README's subject
		}
		if !strings.Contains(layout, "`"+rel+"`") {
			t.Errorf("README's layout table does not name package %s", rel)
		}
	}
}
