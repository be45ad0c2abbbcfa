package rules

import (
	"fmt"
	"path"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ducha-dev/ducha/internal/hclfreeze"
)

// The built-in rules are compiled into the program: go generate freezes
// rules/builtin/*.hcl (package hclfreeze) into builtin_frozen.go, leaving out
// what only documents the rules, and writes the prefilters of their
// patterns (match.Analyse) into builtin_prefilters.go; TestFrozenBuiltin
// and TestFrozenPrefilters fail when the files are not what the HCL gives.
//go:generate go test -run ^TestFrozen(Builtin|Prefilters)$ . -update

// BuiltinLean returns the built-in rule set without what only documents
// the rules: loading it gives the same rules, checks and part specs as
// loading Builtin, with empty Rule.Doc, ExampleFail and ExamplePass — what
// checking reports needs, not explaining rules. Its sources are the
// built-in files, but Load does not lex them: it rebuilds their syntax from
// the form compiled into the program (builtin_frozen.go), which takes a few
// hundred microseconds. Their Data is the full source, for diagnostics'
// excerpts. Override blocks apply to them as to parsed files.
// TestBuiltinLean checks that the two loads agree.
func BuiltinLean() []Source {
	srcs := Builtin()
	if len(srcs) != len(frozenBuiltin) {
		return srcs // a stale builtin_frozen.go (TestFrozenBuiltin fails)
	}
	for i := range srcs {
		if srcs[i].Name != frozenBuiltin[i].Name {
			return Builtin()
		}
		srcs[i].frozen = &frozenBuiltin[i]
	}
	return srcs
}

// docAttrs are the attributes that only document a rule, and "text" of
// example blocks: frozen empty.
var docAttrs = map[string]bool{"doc": true, "example_fail": true, "example_pass": true}

func blankDoc(blocks []string, attr string) bool {
	return docAttrs[attr] || (attr == "text" && len(blocks) == 1 && blocks[0] == "example")
}

// generateFrozen returns the Go source of builtin_frozen.go.
func generateFrozen() ([]byte, error) {
	var files []hclfreeze.File
	for _, src := range Builtin() {
		f, d := hclsyntax.ParseConfig(src.Data, src.Name, hcl.InitialPos)
		if d.HasErrors() {
			return nil, d
		}
		ff, err := hclfreeze.Freeze(src.Name, src.Data, f.Body.(*hclsyntax.Body), hclfreeze.Options{Blank: blankDoc})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path.Base(src.Name), err)
		}
		files = append(files, ff)
	}
	return hclfreeze.Write("rules", "frozenBuiltin", "go generate (TestFrozenBuiltin) from rules/builtin/*.hcl", files)
}
