// Package golden holds the one -update flag of ducha's tests.
//
// Tests that compare output with files under testdata rewrite those files
// when run with -update (go test ./... -update). The flag is defined here,
// once, so that a single command line works across every package: a test
// package that rewrites files calls Update; every other test package
// imports this one blank, so that its test binary accepts -update too
// instead of failing with "flag provided but not defined: -update".
//
// It is imported by tests only (and by linttest, which is a test helper).
package golden

import "flag"

var update = flag.Bool("update", false, "rewrite the golden and expectation files under testdata from the current output")

// Update reports whether the test binary runs with -update: the caller
// then writes its golden file instead of comparing with it.
func Update() bool { return *update }
