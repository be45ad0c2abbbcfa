package kind

import (
	"testing"

	"github.com/ducha-dev/ducha/lint"
)

func TestRegister(t *testing.T) {
	defer func(saved map[[2]string]Kind) { registry = saved }(registry)
	registry = map[[2]string]Kind{}
	decode := func(Decoder, *lint.Rule) lint.Check { return nil }
	Register(Kind{Block: "text", Label: "b", Rule: "text/b", Severity: lint.Warning, Decode: decode})
	Register(Kind{Block: "text", Label: "a", Rule: "text/a", Severity: lint.Warning, Decode: decode})
	Register(Kind{Block: "date", Label: "z", Rule: "date/z", Severity: lint.Error, Decode: decode})
	var got []string
	for _, k := range All() {
		got = append(got, k.Rule)
	}
	if want := "date/z text/a text/b"; join(got) != want {
		t.Errorf("All() = %s, want %s", join(got), want)
	}
	if l := join(Labels("text")); l != "a b" {
		t.Errorf("Labels(text) = %s, want a b", l)
	}
	if k, ok := Lookup("text", "a"); !ok || k.Rule != "text/a" {
		t.Errorf("Lookup(text, a) = %v, %v", k.Rule, ok)
	}
	if _, ok := Lookup("text", "c"); ok {
		t.Error("Lookup(text, c) found a kind")
	}
	// a "*" kind stands for every other label of its block type
	Register(Kind{Block: "part", Label: "*", Rule: "section/*", Severity: lint.Error, Decode: decode})
	Register(Kind{Block: "part", Label: "special", Rule: "section/special", Severity: lint.Warning, Decode: decode})
	Register(Kind{Block: "relation", Label: "*", Decode: decode})
	for _, tc := range []struct{ block, label, rule, gotLabel string }{
		{"part", "deficiencies", "section/deficiencies", "deficiencies"},
		{"part", "special", "section/special", "special"},
		{"relation", "mediation", "", "mediation"},
	} {
		k, ok := Lookup(tc.block, tc.label)
		if !ok || k.Rule != tc.rule || k.Label != tc.gotLabel {
			t.Errorf("Lookup(%s, %s) = %q %q %v, want rule %q label %q", tc.block, tc.label, k.Rule, k.Label, ok, tc.rule, tc.gotLabel)
		}
	}
	if l := join(Labels("part")); l != "special" {
		t.Errorf("Labels(part) = %s, want special (no \"*\")", l)
	}
	for name, k := range map[string]Kind{
		"duplicate":         {Block: "text", Label: "a", Rule: "text/a", Severity: lint.Warning, Decode: decode},
		"no decode":         {Block: "text", Label: "c", Rule: "text/c", Severity: lint.Warning},
		"no rule":           {Block: "text", Label: "d", Severity: lint.Warning, Decode: decode},
		"no severity":       {Block: "text", Label: "e", Rule: "text/e", Decode: decode},
		"* rule without /*": {Block: "year", Label: "*", Rule: "year/any", Severity: lint.Error, Decode: decode},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%s) did not panic", name)
				}
			}()
			Register(k)
		}()
	}
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}
