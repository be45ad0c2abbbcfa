// Package rules loads rule packs: HCL files whose blocks declare the rules
// a report is checked against and configure the checks that enforce them.
// Load parses and compiles them into a Set, with a diagnostic (file, line,
// column, in Chinese) for every mistake; Set.Linter builds the lint.Linter.
// Builtin is the built-in rule set, embedded from rules/builtin/*.hcl;
// BuiltinLean is the same without its documentation, for checking: it is
// compiled into the program (builtin_frozen.go, written by go generate
// through package internal/hclfreeze), so that it loads without lexing HCL.
//
// A block is "TYPE "LABEL" { … }". Each kind of check registered with
// internal/kind declares its block type, label, rule id and attributes
// next to its check (package checks); Load reads the attributes every rule
// has (title, source, doc, severity, since, until, example_fail,
// example_pass), rejects any attribute neither declares, and lets the kind
// build its check; no block type is decoded here. Example blocks hold
// shared examples and override blocks change a rule declared elsewhere (a
// rule pack loaded later overrides the built-in one).
package rules
