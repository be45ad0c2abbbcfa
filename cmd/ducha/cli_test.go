package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/rules"
)

// TestConfigErrors checks that each mistake in a .ducha.hcl is reported at
// its file, line and column, saying what to write instead.
func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, src string
		pos       string // line:col of the diagnostic
		want      string
	}{
		{"syntax", "disable = [\n", "2:1", "Missing expression"},
		{"unknown attribute", "colour = true\n", "1:1", "Unsupported argument"},
		{"block", "rules {\n}\n", "1:1", "Unsupported block type"},
		{"rules not a list", "rules = \"a.hcl\"\n", "1:9", "字符串列表"},
		{"builtin not a bool", "builtin = \"yes\"\n", "1:11", "true 或 false"},
		{"disable element", "disable = [\"section/other\", 3]\n", "1:29", "字符串"},
		{"unknown rule in disable", "disable = [\"section/other\", \"section/others\"]\n", "1:29", "section/others"},
		{"unknown rule in severity", "severity = { \"title/yaer\" = \"error\" }\n", "1:14", "是不是 title/year"},
		{"unquoted rule id", "severity = { section/other = \"error\" }\n", "1:14", "加引号"},
		{"bad severity", "severity = { \"section/other\" = \"fatal\" }\n", "1:32", "fatal"},
		{"severity not a map", "severity = [\"error\"]\n", "1:12", "映射"},
		{"bad fail_on", "fail_on = \"never\"\n", "1:11", "fail_on"},
		{"year not a number", "year = \"2023年\"\n", "1:8", "整数"},
		{"year out of range", "year = 20233\n", "1:8", "1949"},
		{"bad date", "published = \"2024-02-30\"\n", "1:13", "YYYY-MM-DD"},
		{"date in Chinese", "published = \"2024年3月20日\"\n", "1:13", "YYYY-MM-DD"},
		{"bad glob", "exclude = [\"ok*\", \"[\"]\n", "1:19", "无效"},
		{"variable", "year = this_year\n", "1:8", "Variables not allowed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".ducha.hcl")
			if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			// Decoding mistakes need only the configuration; unknown rule
			// ids need the rules loaded (slow under -race: load only then).
			var stderr bytes.Buffer
			if cfg, p, diags := loadConfig(path); diags.HasErrors() {
				_ = rules.WriteDiagnostics(&stderr, p.Files(), diags)
			} else {
				c := &cli{ctx: context.Background(), stdout: &bytes.Buffer{}, stderr: &stderr, getenv: func(string) string { return "" }}
				if _, ok := c.load(ruleFlags{config: cfg.path}); ok {
					t.Fatalf("configuration accepted:\n%s", tc.src)
				}
			}
			want := fmt.Sprintf("%s:%s: error: ", path, tc.pos)
			for _, line := range strings.Split(stderr.String(), "\n") {
				if strings.HasPrefix(line, want) && strings.Contains(line, tc.want) {
					return
				}
			}
			t.Errorf("want a line starting %q containing %q; got:\n%s", want, tc.want, stderr.String())
		})
	}
}

const goodPackForConfig = "part \"x\" {\n  title = \"T\"\n  headings = [\"不足\"]\n}\n"

func TestConfigValues(t *testing.T) {
	dir, abs := t.TempDir(), t.TempDir() // rule paths must exist: abs is an absolute one
	for _, p := range []string{filepath.Join(dir, "pack.hcl"), filepath.Join(abs, "x.hcl")} {
		if err := os.WriteFile(p, []byte(goodPackForConfig), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := `rules     = ["pack.hcl", "` + filepath.ToSlash(abs) + `"]
builtin   = false
disable   = ["section/other"]
severity  = { "section/deficiencies" = "warning", "title/year" = "info", "date/period" = "OFF" }
fail_on   = "warning"
year      = 2023
published = "2024-03-20"
include   = ["*.txt"]
exclude   = ["草稿*", "old/"]
`
	path := filepath.Join(dir, ".ducha.hcl")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _, diags := loadConfig(path)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := fmt.Sprintf("%v %v %v %v %v %v %v %v %v", cfg.rules, cfg.builtin, cfg.disable[0].id,
		[]string{cfg.severity[0].id + "=" + cfg.severity[0].severity.String(), cfg.severity[1].id + "=" + cfg.severity[1].severity.String(),
			fmt.Sprint(cfg.severity[2].id, " off=", cfg.severity[2].off)},
		cfg.failOn, cfg.year, cfg.published.Format("2006-01-02"), cfg.include, cfg.exclude)
	want := fmt.Sprintf("[%s %s] false section/other [section/deficiencies=warning title/year=info date/period off=true] warning 2023 2024-03-20 [*.txt] [草稿* old/]", filepath.Join(dir, "pack.hcl"), abs)
	if got != want {
		t.Errorf("decoded\n got %s\nwant %s", got, want)
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := findConfig(deep); got != "" && strings.HasPrefix(got, root) {
		t.Fatalf("found %s before writing one", got)
	}
	cfg := filepath.Join(root, "a", configName)
	if err := os.WriteFile(cfg, []byte("year = 2023\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := findConfig(deep); got != cfg {
		t.Errorf("findConfig(%s) = %q, want %q", deep, got, cfg)
	}
	// A directory named .ducha.hcl is not a configuration.
	if err := os.Mkdir(filepath.Join(root, "a", "b", configName), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := findConfig(deep); got != cfg {
		t.Errorf("findConfig(%s) = %q, want %q", deep, got, cfg)
	}
}

func TestMatchAny(t *testing.T) {
	tests := []struct {
		patterns []string
		rel      string
		dir      bool
		want     bool
	}{
		{defaultInclude, "a.txt", false, true},
		{defaultInclude, "sub/REPORT.TXT", false, true},
		{defaultInclude, "page.htm", false, true},
		{defaultInclude, "x.docx", false, true},
		{defaultInclude, "x.doc", false, true}, // read, or reported unreadable: never skipped (issue 15)
		{defaultInclude, "x.RTF", false, true},
		{defaultInclude, "x.xls", false, false},
		{defaultInclude, "notes.md", false, false},
		{[]string{"草稿*"}, "sub/草稿-乙区.txt", false, true},
		{[]string{"old/"}, "old", true, true},
		{[]string{"old/"}, "old", false, false},
		{[]string{"2023/*.txt"}, "2023/a.txt", false, true},
		{[]string{"2023/*.txt"}, "2024/a.txt", false, false},
	}
	for _, tc := range tests {
		if got := matchAny(tc.patterns, tc.rel, tc.dir); got != tc.want {
			t.Errorf("matchAny(%q, %q, dir=%v) = %v, want %v", tc.patterns, tc.rel, tc.dir, got, tc.want)
		}
	}
}

// TestExpand checks how arguments become inputs: directories walked in
// order and filtered, named files kept whatever their name, missing paths
// and empty directories reported, duplicates dropped.
func TestExpand(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"b.txt", "a.TXT", "c.html", "d.docx", "notes.md", ".hidden.txt", "~$lock.docx", "sub/e.txt", "old/f.txt", ".git/g.txt", "草稿-h.txt"} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := filepath.Join(root, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	w := walker{include: defaultInclude, exclude: []string{"old/", "草稿*"}, stdinName: "<stdin>"}
	md := filepath.Join(root, "notes.md")
	ins, err := w.expand([]string{root, md, "-", filepath.Join(root, "b.txt"), filepath.Join(root, "nope.txt"), empty})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range ins {
		s, _ := filepath.Rel(root, in.path)
		if in.stdin {
			s = in.path
		}
		if in.err != nil {
			s += " (" + in.err.Error() + ")"
		}
		got = append(got, filepath.ToSlash(s))
	}
	want := []string{"a.TXT", "b.txt", "c.html", "d.docx", "sub/e.txt", "notes.md", "<stdin>", "nope.txt (文件不存在)", "empty (目录中没有要检查的文件(" + strings.Join(defaultInclude, " ") + "))"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("inputs mismatch (-want +got):\n%s", diff)
	}
	if _, err := w.expand([]string{"-", "-"}); err == nil {
		t.Error("stdin twice accepted")
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"100": 100, "500K": 500 << 10, "64M": 64 << 20, "1g": 1 << 30,
		"1MB": 1 << 20, "1MiB": 1 << 20, "1mib": 1 << 20, "1.5M": 3 << 19, "0.5K": 512, "2KB": 2 << 10, "1GiB": 1 << 30, "100B": 100, " 8M ": 8 << 20} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"0", "-1", "M", "abc", "2T", "1.5T", "NaN", "inf", "1e3", "0x10", "1.", ".5M", "1,5M", "2000G", "0.1"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}

// TestParseFlags checks flags before, between and after the files, and
// "--" before a file that looks like a flag.
func TestParseFlags(t *testing.T) {
	var cf checkFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	cf.register(fs)
	c := &cli{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	rest, _, ok := c.parseFlags(fs, []string{"a.txt", "--format", "json", "-", "--rules", "x.hcl", "b.txt", "--rules=y.hcl", "--", "--c.txt", "-d"}, checkUsage)
	if !ok {
		t.Fatal("parse failed")
	}
	if diff := cmp.Diff([]string{"a.txt", "-", "b.txt", "--c.txt", "-d"}, rest); diff != "" {
		t.Errorf("arguments mismatch (-want +got):\n%s", diff)
	}
	if cf.format != "json" || !slices.Equal(cf.rules, []string{"x.hcl", "y.hcl"}) {
		t.Errorf("format %q rules %q", cf.format, cf.rules)
	}
}

// TestHelpNamesEveryFlag checks that each command of the command table
// documents every flag it accepts, in its help and (for check) in the
// README's flag table, and that --help prints the help to stdout with exit
// 0.
func TestHelpNamesEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "### Flags of `ducha check`")
	table, _, _ = strings.Cut(table, "\n### ")
	if len(commands) != 6 {
		t.Errorf("%d commands in the table, want 6 (check, rules list|explain|validate, serve, version)", len(commands))
	}
	for _, cmd := range commands {
		args := strings.Fields(cmd.name)
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		cmd.flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(cmd.usage, "--"+f.Name+" ") {
				t.Errorf("ducha %s --help does not document --%s", cmd.name, f.Name)
			}
			if cmd.name == "check" && !strings.Contains(table, "`--"+f.Name) {
				t.Errorf("README's table of the flags of ducha check does not list --%s", f.Name)
			}
		})
		for _, h := range []string{"--help", "-h"} {
			code, out, errOut := ducha(t, append(append([]string(nil), args...), h)...)
			if code != exitOK || out != cmd.usage || errOut != "" {
				t.Errorf("ducha %s %s: exit %d, stdout %.40q…, stderr %q", cmd.name, h, code, out, errOut)
			}
		}
		code, out, _ := ducha(t, append([]string{"help"}, args...)...)
		if code != exitOK || out != cmd.usage {
			t.Errorf("ducha help %s: exit %d, stdout %.40q…", cmd.name, code, out)
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"rules", "--help"}, {"help", "rules"}} {
		if code, out, _ := ducha(t, args...); code != exitOK || !strings.Contains(out, "用法") {
			t.Errorf("ducha %s: exit %d, stdout %q", strings.Join(args, " "), code, out)
		}
	}
}

// panicCheck panics on every report containing "PANIC".
type panicCheck struct{ r *lint.Rule }

func (c panicCheck) Rules() []*lint.Rule { return []*lint.Rule{c.r} }
func (c panicCheck) Run(p *lint.Pass) error {
	if strings.Contains(p.Doc.Text, "PANIC") {
		panic("boom")
	}
	return nil
}

// TestCheckAll checks that results come back in input order whatever the
// number of workers, and that a check that panics on one report becomes
// that report's error while the others are checked.
func TestCheckAll(t *testing.T) {
	r := &lint.Rule{ID: "x/panic", Title: "T", Severity: lint.Error}
	l, err := lint.New(lint.Config{Rules: []*lint.Rule{r}, Checks: []lint.Check{panicCheck{r}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var ins []input
	for i := range 40 {
		p := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		text := fmt.Sprintf("第%d份报告。\n", i)
		if i == 7 {
			text = "PANIC\n"
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, input{path: p})
	}
	for _, jobs := range []int{1, 3, 64} {
		res := checkAll(t.Context(), l, ins, jobs, readOptions{})
		for i, f := range res {
			if f.Path != ins[i].path {
				t.Fatalf("jobs=%d: result %d is %s, want %s", jobs, i, f.Path, ins[i].path)
			}
			if (f.Err != nil) != (i == 7) {
				t.Errorf("jobs=%d: %s: err = %v", jobs, f.Path, f.Err)
			}
		}
		if err := res[7].Err; err == nil || !strings.Contains(err.Error(), "内部错误") {
			t.Errorf("jobs=%d: panic not reported as the file's error: %v", jobs, err)
		}
	}
}

func TestReadLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("报告。\n"), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	f := readReport(t.Context(), builtinLinter(t), input{path: p}, readOptions{maxSize: 1000})
	if f.Err == nil || !strings.Contains(f.Err.Error(), "文件过大") {
		t.Errorf("err = %v, want 文件过大", f.Err)
	}
	if errors.Is(f.Err, os.ErrNotExist) {
		t.Error("wrong error")
	}
}

func TestSuggest(t *testing.T) {
	set := builtinSet(t)
	for id, want := range map[string]string{
		"section/others":    "section/other",
		"title/yaer":        "title/year",
		"deficiencies":      "section/deficiencies",
		"section/next_year": "section/next-year",
		"numeric/sum":       "",
	} {
		got := rules.Suggest(id, set.Rules())
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("rules.Suggest(%q) = %q, want it to name %q", id, got, want)
		}
	}
}

// builtinSet loads the built-in rules once for the tests that need them:
// loading is slow under the race detector.
var builtinSet = func() func(t *testing.T) *rules.Set {
	set := sync.OnceValues(func() (*rules.Set, hcl.Diagnostics) { return rules.Load(rules.Builtin()...) })
	return func(t *testing.T) *rules.Set {
		t.Helper()
		s, diags := set()
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return s
	}
}()

func builtinLinter(t *testing.T) *lint.Linter {
	t.Helper()
	l, err := builtinSet(t).Linter()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestFlagErrorsInChinese(t *testing.T) {
	for args, want := range map[string]string{
		"--frobnicate":       "ducha check: 没有选项 --frobnicate",
		"-frobnicate":        "ducha check: 没有选项 -frobnicate",
		"--jobs":             "ducha check: 选项 --jobs 需要一个值",
		"--jobs=x":           `ducha check: 选项 --jobs 的值 "x" 无效`,
		"-jobs=x":            `ducha check: 选项 -jobs 的值 "x" 无效`,
		"--no-builtin=maybe": `ducha check: 选项 --no-builtin 的值 "maybe" 无效`,
	} {
		code, _, stderr := ducha(t, "check", "a.txt", args)
		if code != exitTrouble || !strings.HasPrefix(stderr, want) {
			t.Errorf("ducha check %s: exit %d, stderr %q, want %q", args, code, stderr, want)
		}
	}
}

// TestMerge checks that check's flags win over the configuration where
// they are given, and that the configuration (or the default) holds where
// they are not.
func TestMerge(t *testing.T) {
	d1, d2 := time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	cfg := &config{failOn: lint.Warning, year: 2022, published: d1, include: []string{"*.txt"}, exclude: []string{"old/"}}
	type got struct {
		FailOn           lint.Severity
		Year             int
		Published        time.Time
		Include, Exclude []string
	}
	tests := []struct {
		name string
		opts checkOptions
		cfg  *config
		want got
	}{
		{"no configuration, no flags", checkOptions{}, &config{}, got{lint.Error, 0, time.Time{}, defaultInclude, nil}},
		{"configuration only", checkOptions{}, cfg, got{lint.Warning, 2022, d1, []string{"*.txt"}, []string{"old/"}}},
		{"flags win", checkOptions{failOn: lint.Info, year: 2023, published: d2, include: []string{"*.docx"}, exclude: []string{"草稿*"}}, cfg,
			got{lint.Info, 2023, d2, []string{"*.docx"}, []string{"草稿*"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.opts.merge(tc.cfg, nil)
			g := got{p.failOn, p.read.year, p.read.published, p.walk.include, p.walk.exclude}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("merge mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
