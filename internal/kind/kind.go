// Package kind is the registry of the kinds of check that rule files
// configure. A kind of check is self-contained: the file that defines its
// check (in package checks) also registers, in an init function, the HCL
// block that configures it — its block type and label, its rule id, its
// attributes and how they become the check. Package rules reads the
// registry when it loads rule files; it knows nothing of the kind itself.
//
// The registry is written only by init functions and read-only after, as
// with database/sql's drivers.
package kind

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// A Kind is one kind of check and the rule block that configures it:
//
//	year "heading" {          # Block "year", Label "heading": rule year/heading
//	  title    = "…"          # the attributes every rule has (rules package)
//	  severity = "warning"
//	  parts    = ["…"]        # the kind's own, in Schema
//	}
type Kind struct {
	// Block and Label are the block's type and label; a rule file has at
	// most one block of each pair.
	Block, Label string
	// Rule is the rule id the block declares ("year/heading").
	Rule string
	// Severity is the rule's severity when the block does not set one.
	Severity lint.Severity
	// Schema is the kind's own attributes and nested blocks, beyond the
	// ones every rule has (title, source, doc, severity, since, until,
	// example_fail, example_pass). Any other attribute is an error.
	Schema hcl.BodySchema
	// Decode builds the check from the block, reading its attributes from
	// d, which diagnoses every mistake. It returns nil when the block's
	// mistakes leave no check to run; the rule is then not added.
	Decode func(d Decoder, rule *lint.Rule) lint.Check
}

// A Decoder reads a rule block's own attributes. Each method records a
// diagnostic, at the attribute's position in the rule file, for a value of
// the wrong type and returns the zero value; an absent attribute is the
// zero value too (make it Required in the schema when it must be there).
type Decoder interface {
	// Has reports whether the block sets attr.
	Has(attr string) bool
	// String reads a string; ok is false when attr is absent or not a
	// string (diagnosed).
	String(attr string) (s string, ok bool)
	// Severity reads a severity ("error", "warning", "info"), def when
	// absent.
	Severity(attr string, def lint.Severity) lint.Severity
	// Part reads the name of one part, def when absent; Load diagnoses a
	// name that no part block declares, once every file has loaded.
	Part(attr, def string) string
	// Strings reads a list of strings, as written.
	Strings(attr string) []string
	// Names reads a list of part names; Load diagnoses those that no part
	// block declares, once every file has loaded.
	Names(attr string) []string
	// Patterns reads a list of regular expressions for the normalised
	// view (full-width characters folded as the text is). A rule pack's
	// are compiled, and diagnosed, here; the built-in rules' were when
	// they were generated, and are compiled when first matched
	// (match.Regexp.IsDeferred): check a pattern further only when it is
	// not deferred, so that loading the built-in rules compiles nothing.
	Patterns(attr string) []*match.Regexp
	// Errorf records an error at attr's value (at the block's header when
	// the attribute is absent). Detail is in Chinese and says what to do.
	Errorf(attr, summary, detail string, args ...any)
}

// registry holds the kinds by block type and label.
var registry = map[[2]string]Kind{}

// Register adds a kind. It is called from init functions; it panics when
// the block type and label are taken, or the kind has no Decode.
func Register(k Kind) {
	key := [2]string{k.Block, k.Label}
	if _, dup := registry[key]; dup {
		panic(fmt.Sprintf("kind: %s %q registered twice", k.Block, k.Label))
	}
	if k.Decode == nil || k.Rule == "" || k.Severity == 0 {
		panic(fmt.Sprintf("kind: %s %q needs Rule, Severity and Decode", k.Block, k.Label))
	}
	registry[key] = k
}

// Lookup returns the kind of the block with this type and label.
func Lookup(block, label string) (Kind, bool) {
	k, ok := registry[[2]string{block, label}]
	return k, ok
}

// All returns the registered kinds, sorted by block type and label.
func All() []Kind {
	out := make([]Kind, 0, len(registry))
	for _, k := range registry {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Block != out[j].Block {
			return out[i].Block < out[j].Block
		}
		return out[i].Label < out[j].Label
	})
	return out
}

// Labels returns the labels registered for a block type, sorted.
func Labels(block string) []string {
	var out []string
	for _, k := range All() {
		if k.Block == block {
			out = append(out, k.Label)
		}
	}
	return out
}
