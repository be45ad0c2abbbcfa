package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/lint"
)

// TestBuiltinLean checks that the lean built-in rules, thawed from
// builtin_frozen.go, give the same rules (but for their documentation),
// declared at the same places, and the same findings and checklist on
// every report of the tests as the built-in files parsed.
func TestBuiltinLean(t *testing.T) {
	full, lean := Builtin(), BuiltinLean()
	for i := range lean {
		if lean[i].frozen == nil {
			t.Fatalf("%s is not frozen", lean[i].Name)
		}
	}
	fset, diags := Load(full...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	lset, diags := Load(lean...)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var want []lint.Rule
	for _, r := range fset.Rules() {
		w := *r
		w.Doc, w.ExampleFail, w.ExamplePass = "", "", ""
		want = append(want, w)
	}
	var got []lint.Rule
	for _, r := range lset.Rules() {
		got = append(got, *r)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lean rules differ (-full +lean):\n%s", diff)
	}
	for id, r := range fset.decl {
		if l := lset.decl[id]; l.Filename != r.Filename || l.Start.Line != r.Start.Line || l.Start.Column != r.Start.Column {
			t.Errorf("rule %s declared at %v, lean at %v", id, r, l)
		}
	}

	fl, err := fset.Linter()
	if err != nil {
		t.Fatal(err)
	}
	ll, err := lset.Linter()
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, g := range []string{"../testdata/seeds/*.txt", "../testdata/cases/*.txt"} {
		files, _ := filepath.Glob(g)
		inputs = append(inputs, files...)
	}
	for _, r := range fset.Rules() {
		for _, ex := range []string{r.ExampleFail, r.ExamplePass} {
			if ex != "" {
				inputs = append(inputs, "\x00"+ex)
			}
		}
	}
	for _, in := range inputs {
		src := []byte(strings.TrimPrefix(in, "\x00"))
		if !strings.HasPrefix(in, "\x00") {
			if src, err = os.ReadFile(in); err != nil {
				t.Fatal(err)
			}
		}
		a, aerr := fl.Check(t.Context(), src, lint.Options{})
		b, berr := ll.Check(t.Context(), src, lint.Options{})
		if (aerr == nil) != (berr == nil) {
			t.Fatalf("%.40q: errors %v and %v", in, aerr, berr)
		}
		if aerr != nil {
			continue
		}
		if diff := cmp.Diff(a.Findings, b.Findings); diff != "" {
			t.Errorf("%.40q: findings differ (-full +lean):\n%s", in, diff)
		}
		if diff := cmp.Diff(a.Checklist, b.Checklist); diff != "" {
			t.Errorf("%.40q: checklist differs (-full +lean):\n%s", in, diff)
		}
	}
}
