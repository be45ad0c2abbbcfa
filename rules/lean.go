package rules

import (
	"bytes"
	"regexp"
	"sync"
	"unicode/utf8"
)

// BuiltinLean returns the built-in rule set's sources without what only
// documents the rules: the heredoc texts of doc, example_fail and
// example_pass, and of the example blocks, are emptied, their lines kept
// (empty), so that every other position keeps its line and column. Loading
// them gives the same rules, checks and part specs as loading Builtin,
// only with empty Rule.Doc, ExampleFail and ExamplePass, in about half the
// time and memory: what checking reports needs, not explaining rules.
// TestBuiltinLean checks that.
func BuiltinLean() []Source {
	srcs := builtinLean()
	return append([]Source(nil), srcs...)
}

var builtinLean = sync.OnceValue(func() []Source {
	srcs := Builtin()
	for i := range srcs {
		srcs[i].Data = leanSource(srcs[i].Data)
	}
	return srcs
})

// docHeredoc is the first line of a heredoc that documents a rule.
var docHeredoc = regexp.MustCompile(`^[ \t]*(?:doc|example_fail|example_pass|text)[ \t]*=[ \t]*<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n$`)

// leanSource empties the bodies of the heredocs docHeredoc opens, unless a
// body holds a template sequence (${ or %{) or is not valid UTF-8: those
// parse as they are. A body ends at the first line that is its marker
// alone, which is never later than where HCL ends it. It is meant for the
// built-in files only, whose heredocs hold no lines that look like these.
func leanSource(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	out := make([]byte, 0, len(src))
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i]...)
		m := docHeredoc.FindSubmatch(lines[i])
		if m == nil {
			continue
		}
		end := i + 1
		for end < len(lines) && string(bytes.TrimSpace(lines[end])) != string(m[1]) {
			end++
		}
		if end == len(lines) {
			continue
		}
		body := bytes.Join(lines[i+1:end], nil)
		if bytes.Contains(body, []byte("${")) || bytes.Contains(body, []byte("%{")) || !utf8.Valid(body) {
			continue
		}
		for _, l := range lines[i+1 : end] {
			if bytes.HasSuffix(l, []byte("\r\n")) {
				out = append(out, '\r', '\n')
			} else {
				out = append(out, '\n')
			}
		}
		i = end - 1
	}
	return out
}
