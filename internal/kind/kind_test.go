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
	for name, k := range map[string]Kind{
		"duplicate": {Block: "text", Label: "a", Rule: "text/a", Severity: lint.Warning, Decode: decode},
		"no decode": {Block: "text", Label: "c", Rule: "text/c", Severity: lint.Warning},
		"no rule":   {Block: "text", Label: "d", Severity: lint.Warning, Decode: decode},
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
