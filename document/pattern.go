package document

import (
	"fmt"

	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/internal/norm"
)

// A Pattern is a regular expression (Go's syntax) over the normalised text,
// as a rule pack writes one: PartSpec's headings and mentions, the labels
// and cues of the checks. It is safe for concurrent use. Package rules
// makes the rule files' patterns, the built-in rules' compiled only when a
// check first needs them; a Go program makes its own with CompilePattern.
type Pattern = match.Regexp

// MaxPatternSize is the longest pattern CompilePattern accepts, in bytes.
const MaxPatternSize = 4096

// CompilePattern compiles expr for the normalised view: the full-width
// characters in it are folded the way the text is, so that "（一）" and "，"
// match the text's "(一)" and ","; a folded character that is a regexp
// operator is escaped, so that it stays the literal it was written as.
func CompilePattern(expr string) (*Pattern, error) {
	if len(expr) > MaxPatternSize {
		return nil, fmt.Errorf("过长(%d 字节,上限 %d)", len(expr), MaxPatternSize)
	}
	return match.Compile(norm.Pattern(expr))
}

// MustCompilePattern is CompilePattern for patterns known to be right; it
// panics on a bad one.
func MustCompilePattern(expr string) *Pattern {
	p, err := CompilePattern(expr)
	if err != nil {
		panic(fmt.Sprintf("document: CompilePattern(%q): %v", expr, err))
	}
	return p
}
