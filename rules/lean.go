package rules

import (
	"bytes"
	"regexp"
	"sync"
	"unicode/utf8"
)

// BuiltinLean returns the built-in rule set's sources without what only
// documents the rules: the heredoc texts of doc, example_fail and
// example_pass, and of the example blocks, and the comments are emptied,
// their lines kept (empty), so that every other position keeps its line
// and column. Loading
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

// docHeredoc is the first line of a heredoc that documents a rule; heredoc
// the first line of any heredoc.
var (
	docHeredoc = regexp.MustCompile(`^[ \t]*(?:doc|example_fail|example_pass|text)[ \t]*=[ \t]*<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n$`)
	heredoc    = regexp.MustCompile(`<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n$`)
)

// leanSource empties the bodies of the heredocs docHeredoc opens, unless a
// body holds a template sequence (${ or %{) or is not valid UTF-8: those
// parse as they are. It also empties the lines that are comments (#…),
// outside heredocs. A body ends at the first line that is its marker
// alone, which is never later than where HCL ends it. It is meant for the
// built-in files only, whose heredocs hold no lines that look like these.
func leanSource(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	out := make([]byte, 0, len(src))
	empty := func(l []byte) {
		if bytes.HasSuffix(l, []byte("\r\n")) {
			out = append(out, '\r', '\n')
		} else if bytes.HasSuffix(l, []byte("\n")) {
			out = append(out, '\n')
		}
	}
	for i := 0; i < len(lines); i++ {
		if t := bytes.TrimLeft(lines[i], " \t"); bytes.HasPrefix(t, []byte("#")) {
			empty(lines[i])
			continue
		}
		out = append(out, lines[i]...)
		m := heredoc.FindSubmatch(lines[i])
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
		if !docHeredoc.Match(lines[i]) || bytes.Contains(body, []byte("${")) || bytes.Contains(body, []byte("%{")) || !utf8.Valid(body) {
			// a heredoc kept: its lines as they are, whatever they hold
			for _, l := range lines[i+1 : end] {
				out = append(out, l...)
			}
		} else {
			for _, l := range lines[i+1 : end] {
				empty(l)
			}
		}
		i = end - 1
	}
	return out
}
