package rules

import (
	"context"
	"testing"

	"github.com/ducha-dev/ducha/lint"
)

// TestExamples runs every built-in rule's examples through the built-in
// linter: example_fail must yield a finding of that rule, example_pass none.
func TestExamples(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, err := set.Linter()
	if err != nil {
		t.Fatal(err)
	}
	count := func(src, rule string) (int, []lint.Finding) {
		t.Helper()
		res, err := l.Check(context.Background(), []byte(src), lint.Options{})
		if err != nil {
			t.Fatalf("%s: example not read: %v", rule, err)
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule == rule {
				n++
			}
		}
		return n, res.Findings
	}
	for _, r := range set.Rules() {
		if r.ExampleFail != "" {
			if n, fs := count(r.ExampleFail, r.ID); n == 0 {
				t.Errorf("%s: example_fail yields no finding of the rule; findings: %v", r.ID, fs)
			}
		}
		if r.ExamplePass != "" {
			if n, fs := count(r.ExamplePass, r.ID); n != 0 {
				t.Errorf("%s: example_pass yields %d findings of the rule: %v", r.ID, n, fs)
			}
		}
	}
}
