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
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
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
	// most one block of each pair. Label "*" stands for every label that
	// no other kind of the block type has: each such block declares a rule
	// of its own (part "deficiencies" is rule section/deficiencies).
	Block, Label string
	// Rule is the rule id the block declares ("year/heading"); under Label
	// "*", its "*" stands for the label ("section/*"). A kind whose blocks
	// declare no rule (a relation, whose asserts report under other rules)
	// has none: its blocks have only the attributes in Schema, and Decode
	// is given a nil rule.
	Rule string
	// Severity is the rule's severity when the block does not set one.
	Severity lint.Severity
	// Schema is the kind's own attributes and nested blocks, beyond the
	// ones every rule has (title, source, doc, severity, since, until,
	// example_fail, example_pass). Any other attribute is an error.
	Schema hcl.BodySchema
	// Decode builds the check from the block, reading its attributes from
	// d, which diagnoses every mistake. It returns nil when the block's
	// mistakes leave no check to run (the rule is then not added), and
	// NoCheck for a rule that another check reports under.
	Decode func(d Decoder, rule *lint.Rule) lint.Check
	// Unreported is the detail of the error for a rule of this kind that
	// Decode gave NoCheck and that no check reports under once every file
	// has loaded; %[1]s is the rule id, %[2]s the kind's block type's
	// other labels. Empty: such a rule is not an error.
	Unreported string
}

// NoCheck is what Decode returns for a rule that has no check of its own:
// one that another check reports under (a relation's assert, a check that
// several blocks share). The rule is added all the same.
var NoCheck lint.Check = noCheck{}

type noCheck struct{}

func (noCheck) Rules() []*lint.Rule       { return nil }
func (noCheck) Run(pass *lint.Pass) error { return nil }

// A Decoder reads a rule block's own attributes and nested blocks. Each
// method records a diagnostic, at the attribute's position in the rule
// file, for a value of the wrong type and returns the zero value; an
// absent attribute is the zero value too (make it Required in the schema,
// or call Require, when it must be there).
type Decoder interface {
	// Block is the block being read: its type, labels and ranges.
	Block() *hcl.Block
	// Has reports whether the block sets attr.
	Has(attr string) bool
	// Require diagnoses, at the block's header, each attribute it lacks.
	Require(attrs ...string)
	// String reads a string; ok is false when attr is absent or not a
	// string (diagnosed).
	String(attr string) (s string, ok bool)
	// Bool reads true or false, def when absent.
	Bool(attr string, def bool) bool
	// Int reads a whole number in [lo, hi], def when absent.
	Int(attr string, def, lo, hi int) int
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
	// PatternOrList reads one regular expression or a list of them.
	PatternOrList(attr string) []*match.Regexp
	// Template reads a message template over the variables vars: a
	// reference to anything else or a function call is diagnosed, so that
	// the template cannot fail when a report is checked. Nil when absent.
	Template(attr string, vars []string) hcl.Expression
	// Expr is attr's expression as written, nil when absent, for a kind
	// that evaluates it itself (a relation's condition).
	Expr(attr string) hcl.Expression
	// Blocks is the block's nested blocks, in the order written; Sub reads
	// one of them against its own schema (the rules' common attributes
	// are not allowed there).
	Blocks() []*hcl.Block
	Sub(b *hcl.Block, schema *hcl.BodySchema) Decoder
	// Errorf records an error at attr's value (at the block's header when
	// the attribute is absent). Detail is in Chinese and says what to do.
	Errorf(attr, summary, detail string, args ...any)
	// ErrorAt records an error at rng.
	ErrorAt(rng hcl.Range, summary, detail string, args ...any)
	// Diagnose records diagnostics the kind made itself.
	Diagnose(diags hcl.Diagnostics)
	// HasErrors reports whether an error has been recorded since the
	// top-level block being read began.
	HasErrors() bool
	// DeclarePart adds a part the report is divided into (a part block),
	// when the block's rule is added.
	DeclarePart(spec document.PartSpec)
	// Shared is a store that lives while one set of rule files loads, for
	// kinds whose blocks share state (one check for several blocks).
	Shared() map[string]any
	// AfterLoad runs f once every file has loaded and every block has
	// decoded (when the block's check is added), to resolve what the block
	// names in other files, such as the rules a relation's asserts report
	// under.
	AfterLoad(f func(Resolver))
}

// A Resolver is what AfterLoad's functions see of the loaded rules.
type Resolver interface {
	// Rule returns the rule with this id, nil when none is declared.
	Rule(id string) *lint.Rule
	// RuleIDs returns the declared rules' ids, in declaration order.
	RuleIDs() []string
	// ErrorAt records an error at rng.
	ErrorAt(rng hcl.Range, summary, detail string, args ...any)
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
	if k.Decode == nil || k.Rule != "" && k.Severity == 0 || k.Rule == "" && k.Label != "*" {
		panic(fmt.Sprintf("kind: %s %q needs Decode, and Rule and Severity unless its label is \"*\"", k.Block, k.Label))
	}
	if k.Label == "*" && k.Rule != "" && !strings.HasSuffix(k.Rule, "/*") {
		panic(fmt.Sprintf("kind: %s \"*\" declares rule %q, which should end in /*", k.Block, k.Rule))
	}
	registry[key] = k
}

// Lookup returns the kind of the block with this type and label: the
// kind registered for the label, else the block type's "*" kind with its
// Label and Rule made the block's.
func Lookup(block, label string) (Kind, bool) {
	if k, ok := registry[[2]string{block, label}]; ok {
		return k, true
	}
	k, ok := registry[[2]string{block, "*"}]
	if !ok {
		return Kind{}, false
	}
	k.Label = label
	if k.Rule != "" {
		k.Rule = strings.TrimSuffix(k.Rule, "*") + label
	}
	return k, true
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

// Labels returns the labels registered for a block type, sorted, "*"
// left out.
func Labels(block string) []string {
	var out []string
	for _, k := range All() {
		if k.Block == block && k.Label != "*" {
			out = append(out, k.Label)
		}
	}
	return out
}
