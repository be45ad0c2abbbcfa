package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestKindErrors checks the diagnostics of the date, year, structure,
// format and text blocks, each at its file, line and column.
func TestKindErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  string
		want string
	}{
		{"unknown date rule", "date \"late\" {\n  title = \"T\"\n}\n", "1:6", `"deadline"(date/deadline)`},
		{"unknown year rule", "year \"title\" {\n  title = \"T\"\n}\n", "1:6", `"next-year"(year/next-year)`},
		{"unknown structure rule", "structure \"order\" {\n  title = \"T\"\n}\n", "1:11", `"numbering"`},
		{"unknown format rule", "format \"date\" {\n  title = \"T\"\n}\n", "1:8", `"doc-number"`},
		{"unknown text rule", "text \"typo\" {\n  title = \"T\"\n}\n", "1:6", `"placeholder"`},
		{"missing title", "date \"missing\" {\n}\n", "1:1", "title"},
		{"attribute of another kind", "date \"missing\" {\n  title = \"T\"\n  deadline = \"04-01\"\n}\n", "3:3", "Unsupported argument"},
		{"deadline not MM-DD", "date \"deadline\" {\n  title = \"T\"\n  deadline = \"4月1日\"\n}\n", "3:14", "MM-DD"},
		{"deadline that does not exist every year", "date \"deadline\" {\n  title = \"T\"\n  deadline = \"02-29\"\n}\n", "3:14", "每年都有"},
		{"deadline month 13", "date \"deadline\" {\n  title = \"T\"\n  deadline = \"13-01\"\n}\n", "3:14", "MM-DD"},
		{"bad severity", "date \"deadline\" {\n  title = \"T\"\n  on_deadline_severity = \"late\"\n}\n", "3:26", "warning"},
		{"unknown part", "year \"next-year\" {\n  title = \"T\"\n  part = \"plan\"\n}\n", "3:10", "没有名为 \"plan\""},
		{"default part not declared", "year \"next-year\" {\n  title = \"T\"\n}\n", "1:1", "没有名为 \"next-year\""},
		{"bad numbering severity", "structure \"numbering\" {\n  title = \"T\"\n  restart_severity = 1\n}\n", "3:22", "error"},
		{"no patterns", "text \"placeholder\" {\n  title = \"T\"\n}\n", "1:1", "patterns"},
		{"slow pattern", "text \"placeholder\" {\n  title = \"T\"\n  patterns = [\"XX\", \".X次\"]\n}\n", "3:14", `".X次"`},
		{"pattern matching everything", "text \"placeholder\" {\n  title = \"T\"\n  unquoted = [\"某*\"]\n}\n", "3:15", "空字符串"},
		{"quotes not a pair", "text \"placeholder\" {\n  title = \"T\"\n  patterns = [\"XX\"]\n  quotes = [\"“”\", \"“\"]\n}\n", "4:12", "一对引号"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantDiagnostic(t, tc.src, tc.pos, tc.want) })
	}
}

// TestKindsLoad loads every new block with all its attributes.
func TestKindsLoad(t *testing.T) {
	src := `
part "plan" {
  title    = "T"
  headings = ["安排"]
}
date "missing" {
  title = "T"
}
date "deadline" {
  title                = "T"
  deadline             = "03-31"
  severity             = "warning"
  on_deadline_severity = "info"
  signed_severity      = "info"
}
date "period" {
  title = "T"
}
date "malformed" {
  title          = "T"
  glued_severity = "info"
}
year "next-year" {
  title = "T"
  part  = "plan"
}
structure "numbering" {
  title                = "T"
  broken_severity      = "info"
  restart_severity     = "info"
  enumeration_severity = "info"
}
format "doc-number" {
  title          = "T"
  glued_severity = "info"
}
text "placeholder" {
  title    = "T"
  patterns = ["[Xx]{2,}"]
  unquoted = ["某某"]
  quotes   = ["“”"]
  surnames = "王"
  example_fail = "标题\n共XX件。"
  example_pass = "标题\n共12件。"
}
`
	set, diags := Load(Source{Name: "pack.hcl", Data: []byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var ids []string
	for _, r := range set.Rules() {
		ids = append(ids, r.ID)
	}
	want := "section/plan date/missing date/deadline date/period date/malformed year/next-year structure/numbering format/doc-number text/placeholder"
	if strings.Join(ids, " ") != want {
		t.Errorf("rules %v, want %s", ids, want)
	}
	if r := set.Rules()[8]; r.ExampleFail != "标题\n共XX件。" || r.ExamplePass != "标题\n共12件。" {
		t.Errorf("examples: %q %q", r.ExampleFail, r.ExamplePass)
	}
	if _, err := set.Linter(); err != nil {
		t.Fatal(err)
	}
}

// TestUnknownLabel checks the message for a label no kind has: the labels
// there are, each with its rule, the last after 或.
func TestUnknownLabel(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"title \"color\" {\n  title = \"T\"\n}\n", `title 块的标签应为 "missing"(title/missing)或 "year"(title/year),不能是 "color"。`},
		{"year \"x\" {\n  title = \"T\"\n}\n", `year 块的标签应为 "heading"(year/heading)或 "next-year"(year/next-year),不能是 "x"。`},
		{"date \"x\" {\n  title = \"T\"\n}\n", `date 块的标签应为 "deadline"(date/deadline)、"malformed"(date/malformed)、"missing"(date/missing)或 "period"(date/period),不能是 "x"。`},
	} {
		_, diags := Load(Source{Name: "pack.hcl", Data: []byte(tc.src)})
		if len(diags) != 1 || diags[0].Detail != tc.want {
			t.Errorf("%s: diagnostics %v, want one: %s", tc.src, diags, tc.want)
		}
	}
}

// TestDiagnosticsInOrder checks that a block's unsupported attributes are
// diagnosed in the order they are written, every time (HCL reports them in
// its map's order).
func TestDiagnosticsInOrder(t *testing.T) {
	src := "numeric \"x\" {\n  title = \"T\"\n  a = 1\n  b = 2\n  c = 3\n  d = 4\n  e = 5\n  f = 6\n}\n"
	for range 20 {
		_, diags := Load(Source{Name: "pack.hcl", Data: []byte(src)})
		var lines []int
		for _, d := range diags {
			if d.Summary == "Unsupported argument" {
				lines = append(lines, d.Subject.Start.Line)
			}
		}
		if !slices.Equal(lines, []int{3, 4, 5, 6, 7, 8}) {
			t.Fatalf("unsupported attributes diagnosed at lines %v, want 3 to 8 in order", lines)
		}
	}
}
