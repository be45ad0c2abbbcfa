package ducha

import (
	"context"
	"errors"
	"sync"

	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/rules"
)

// Check checks one report against the built-in rules. src is the report's
// bytes (UTF-8 text). The error is non-nil only when the report could not
// be read (empty, binary, undecodable, nothing but page furniture); defects
// in the report are findings in the result.
func Check(ctx context.Context, src []byte) (*lint.Result, error) {
	l, err := Default()
	if err != nil {
		return nil, err
	}
	return l.Check(ctx, src, lint.Options{})
}

// Default returns the Linter for the built-in rules. It is built once, on
// first use, and shared: a Linter is immutable and safe for concurrent use.
func Default() (*lint.Linter, error) { return defaultLinter() }

var defaultLinter = sync.OnceValues(func() (*lint.Linter, error) {
	return Load()
})

// Load builds a Linter from the built-in rules extended with the rule files
// at paths (a directory stands for its *.hcl files). Mistakes in rule files
// come back as hcl.Diagnostics (which is an error), each with its file,
// line and column.
func Load(paths ...string) (*lint.Linter, error) {
	extra, err := rules.ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	return LoadSources(append(rules.Builtin(), extra...)...)
}

// LoadSources builds a Linter from exactly the given rule sources, without
// the built-in rules unless they are among them (see rules.Builtin).
func LoadSources(srcs ...rules.Source) (*lint.Linter, error) {
	set, diags := rules.Load(srcs...)
	if diags.HasErrors() {
		return nil, diags
	}
	l, err := set.Linter()
	if err != nil {
		return nil, errors.Join(err)
	}
	return l, nil
}
