package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seed000 and seed001 from the repository root, where exe runs.
const (
	rootSeed000 = "testdata/seeds/000_027d5137780acf8a.txt"
	rootSeed001 = "testdata/seeds/001_15088844970135c4.txt"
)

// TestE2EMaxSize checks that a file over --max-size is refused with its
// real size (not the limit plus one, which is all the command reads), and
// standard input with the limit only; and that the units of the help are
// accepted: 1MB, 1MiB, 1.5M, 500k.
func TestE2EMaxSize(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	src := []byte(strings.Repeat("报告。\n", 500)) // 5000 bytes
	if err := os.WriteFile(big, src, 0o644); err != nil {
		t.Fatal(err)
	}
	r := exe(t, "", "", "check", "--max-size", "1K", big)
	r.wantCode(t, exitTrouble)
	if want := "文件过大(5000 字节,上限 1024 字节)"; !strings.Contains(r.stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
	}
	r = exe(t, "", string(src), "check", "--max-size", "1K", "-")
	r.wantCode(t, exitTrouble)
	if want := "文件过大(超过上限 1024 字节)"; !strings.Contains(r.stdout, want) || strings.Contains(r.stdout, "1025") {
		t.Errorf("stdout lacks %q or gives 1025 as the size:\n%s", want, r.stdout)
	}
	for _, size := range []string{"1MB", "1MiB", "1.5M", "500k", "64m", "1gb", "100000"} {
		exe(t, "", "", "check", "--max-size", size, rootSeed001).wantCode(t, exitOK)
	}
	r = exe(t, "", "", "check", "--max-size", "1.5T", rootSeed001)
	r.wantCode(t, exitTrouble)
	if !strings.HasPrefix(r.stderr, "ducha check: --max-size ") || !strings.Contains(r.stderr, "KiB") {
		t.Errorf("stderr %q, want the units", r.stderr)
	}
}

// TestE2EHelpHelp checks that "ducha help help" prints the usage.
func TestE2EHelpHelp(t *testing.T) {
	r := exe(t, "", "", "help", "help")
	r.wantCode(t, exitOK)
	if r.stdout != usage || r.stderr != "" {
		t.Errorf("stdout %.40q…, stderr %q", r.stdout, r.stderr)
	}
}

// TestE2ESeverityOff checks that --severity ID=off turns the rule off, as
// --disable does, in check and in rules list.
func TestE2ESeverityOff(t *testing.T) {
	r := exe(t, "", "", "check", "--severity", "section/other=off", rootSeed000)
	r.wantCode(t, exitOK)
	if strings.Contains(r.stdout, "section/other") || !strings.Contains(r.stdout, "section/responsible-person") {
		t.Errorf("section/other still reported, or nothing else:\n%s", r.stdout)
	}
	r = exe(t, "", "", "rules", "list", "--severity", "section/other=OFF")
	r.wantCode(t, exitOK)
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "section/other" && f[1] != "off" {
			t.Errorf("rules list: %q, want off", line)
		}
	}
}

// TestE2EConfigSeverityOff checks that "off" in .ducha.hcl's severity map
// turns the rule off, as disable does, in check and in rules list.
func TestE2EConfigSeverityOff(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), ".ducha.hcl")
	if err := os.WriteFile(cfg, []byte(`severity = { "section/other" = "off" }`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := exe(t, "", "", "check", "--config", cfg, rootSeed000)
	r.wantCode(t, exitOK)
	if strings.Contains(r.stdout, "section/other") || !strings.Contains(r.stdout, "section/responsible-person") {
		t.Errorf("section/other still reported, or nothing else:\n%s", r.stdout)
	}
	r = exe(t, "", "", "rules", "list", "--config", cfg)
	r.wantCode(t, exitOK)
	if !strings.Contains(r.stdout, "\nsection/other ") {
		t.Fatalf("rules list lacks section/other:\n%s", r.stdout)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "section/other" && f[1] != "off" {
			t.Errorf("rules list: %q, want off", line)
		}
	}
}

// TestE2EFlagErrors checks that every mistake in a flag starts with the
// command's name ("ducha check:") and names the flag as typed, two dashes
// or one, in Chinese.
func TestE2EFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string // the start of stderr
	}{
		{[]string{"check", "--year", "x", rootSeed001}, `ducha check: 选项 --year 的值 "x" 无效`},
		{[]string{"check", "-year", "x", rootSeed001}, `ducha check: 选项 -year 的值 "x" 无效`},
		{[]string{"check", rootSeed001, "--year"}, "ducha check: 选项 --year 需要一个值"},
		{[]string{"check", "--yaer=2023", rootSeed001}, "ducha check: 没有选项 --yaer"},
		{[]string{"check", "--year", "1900", rootSeed001}, "ducha check: --year 应为 1949 到 2100 之间的年份"},
		{[]string{"check", "--severity", "section/other", rootSeed001}, `ducha check: --severity "section/other":应写成 规则ID=级别`},
		{[]string{"check", "--severity", "section/otter=info", rootSeed001}, `ducha check: --severity:没有 id 为 "section/otter" 的规则`},
		{[]string{"check", "--disable", "section/otter", rootSeed001}, `ducha check: --disable:没有 id 为 "section/otter" 的规则`},
		{[]string{"check", "--rules", "nodir/", rootSeed001}, "ducha check: --rules nodir/:找不到规则文件或目录"},
		{[]string{"rules", "list", "--disable", "section/otter"}, `ducha rules list: --disable:没有 id 为 "section/otter" 的规则`},
		{[]string{"rules", "list", "--bogus"}, "ducha rules list: 没有选项 --bogus"},
		{[]string{"serve", "--max-size", "lots"}, "ducha serve: --max-size 应为正的字节数"},
	}
	for _, tc := range tests {
		r := exe(t, "", "", tc.args...)
		if r.code != exitTrouble || !strings.HasPrefix(r.stderr, tc.want) {
			t.Errorf("ducha %s: exit %d, stderr %q, want it to start with %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
}
