package main

import (
	"strings"
	"testing"
)

// TestE2EOverride: a .ducha.hcl adjusts a built-in rule with an override
// block; the finding follows it and `rules list` says where it was changed.
func TestE2EOverride(t *testing.T) {
	const dir = "testdata/e2e/override"
	r := exe(t, dir, "", "check", "report.txt")
	r.wantCode(t, exitFindings)
	if !strings.Contains(r.stdout, "report.txt:2:6: error: 2023年度报告的发布日期为2024年3月15日,晚于2024年3月1日的公开期限") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	list := exe(t, dir, "", "rules", "list")
	list.wantCode(t, exitOK)
	var line string
	for _, l := range strings.Split(list.stdout, "\n") {
		if strings.HasPrefix(l, "date/deadline ") {
			line = l
		}
	}
	if !strings.Contains(line, "报告在次年3月1日之前公开") || !strings.Contains(line, "(已由 ") || !strings.Contains(line, ".ducha.hcl:3 调整)") {
		t.Errorf("rules list: %q", line)
	}
	// without the configuration, 15 March is in time
	plain := exe(t, dir, "", "check", "--config", "/dev/null", "report.txt")
	plain.wantCode(t, exitFindings) // the parts are missing, the date is fine
	if strings.Contains(plain.stdout, "date/deadline") {
		t.Errorf("without the override:\n%s%s", plain.stdout, plain.stderr)
	}
}
