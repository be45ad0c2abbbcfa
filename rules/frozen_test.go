package rules

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/golden"
)

// TestFrozenBuiltin checks that builtin_frozen.go is what rules/builtin/*.hcl
// freeze to: run go generate ./rules (or this test with -update) after
// changing them.
func TestFrozenBuiltin(t *testing.T) {
	want, err := generateFrozen()
	if err != nil {
		t.Fatal(err)
	}
	const name = "builtin_frozen.go"
	if golden.Update() {
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s is stale: run go generate ./rules (-want +got):\n%.2000s", name, diff)
	}
}
