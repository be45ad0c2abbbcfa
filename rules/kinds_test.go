package rules

import (
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
