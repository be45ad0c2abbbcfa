package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/lint"
)

// TestBuiltinExamples runs every built-in rule's examples through the
// built-in linter: example_fail must draw a finding of its rule (else the
// rule cannot fire as documented), example_pass none (else it reports a
// compliant report).
func TestBuiltinExamples(t *testing.T) {
	set, diags := Load(Builtin()...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, err := set.Linter()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules() {
		for i, ex := range []string{r.ExampleFail, r.ExamplePass} {
			if ex == "" {
				continue
			}
			name := [2]string{"example_fail", "example_pass"}[i]
			res, err := l.Check(context.Background(), []byte(ex), lint.Options{})
			if err != nil {
				t.Errorf("%s %s: %v", r.ID, name, err)
				continue
			}
			var own []string
			for _, f := range res.Findings {
				if f.Rule == r.ID {
					own = append(own, f.Span.Start.String()+" "+f.Message)
				}
			}
			switch {
			case i == 0 && len(own) == 0:
				t.Errorf("%s: example_fail draws no finding of the rule", r.ID)
			case i == 1 && len(own) > 0:
				t.Errorf("%s: example_pass draws findings of the rule:\n%s", r.ID, strings.Join(own, "\n"))
			}
		}
	}
}

// TestNewRulesHaveExamples: the rules of issue 4 document themselves with
// both examples.
func TestNewRulesHaveExamples(t *testing.T) {
	set, _ := Load(Builtin()...)
	want := map[string]bool{"date/missing": true, "date/deadline": true, "date/period": true, "date/malformed": true,
		"year/next-year": true, "structure/numbering": true, "format/doc-number": true, "text/placeholder": true}
	for _, r := range set.Rules() {
		if !want[r.ID] {
			continue
		}
		delete(want, r.ID)
		if r.ExampleFail == "" || r.ExamplePass == "" {
			t.Errorf("%s lacks example_fail or example_pass", r.ID)
		}
	}
	for id := range want {
		t.Errorf("built-in rules lack %s", id)
	}
}
