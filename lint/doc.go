// Package lint is ducha's vocabulary, in the manner of
// golang.org/x/tools/go/analysis: a Rule is one requirement (its id,
// title, source, severity, the years it applies to); a Check is a kind of
// check configured for some rules, which a Linter runs on every report with
// a Pass — the report's document.Document and its required parts, and the
// way to Report a Finding at a Range — with, as ReportOptions, the fix the
// check can tell (WithFix: the text to put at a Range, as analysis's
// SuggestedFix/TextEdit) and the other places that bear on it (WithRelated,
// as analysis's RelatedInformation). A Linter runs its checks and returns a
// Result: the findings, sorted, and a checklist row per rule
// (pass/warn/fail/n/a).
//
// Linter.Check decodes a file's bytes (package decode), parses them
// (package document, glued by Parse) and lints the Document; Options is
// all a caller can say about one report. New builds a Linter from a Config,
// usually a rule set's (package rules; package ducha loads the built-in
// one).
package lint
