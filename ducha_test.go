package ducha_test

import (
	"testing"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/linttest"
)

// TestCases runs the built-in rules over the crafted reports in
// testdata/cases; testdata/README.md explains what each one tests.
func TestCases(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	linttest.Run(t, l, "testdata/cases")
}

// TestSeeds runs the built-in rules over the five real reports; their
// expectation files say which findings a reviewer reading them expects.
func TestSeeds(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	linttest.Run(t, l, "testdata/seeds")
}
