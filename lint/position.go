package lint

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Range is a half-open range [Start, End) of byte offsets in Document.Norm,
// the normalised view every matcher reads. Checks work in Ranges; findings
// carry Spans, which are positions in the original text.
type Range struct{ Start, End int }

// Len returns the length of r in bytes.
func (r Range) Len() int { return r.End - r.Start }

// Contains reports whether offset n lies in r.
func (r Range) Contains(n int) bool { return r.Start <= n && n < r.End }

// Position is a point in the original (decoded) text.
type Position struct {
	// Offset is the 0-based byte offset in the decoded UTF-8 text.
	Offset int
	// Line is 1-based.
	Line int
	// Column is 1-based and counts characters (Unicode code points), not
	// bytes or display cells: "第" and "a" are one column each.
	Column int
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Span is a half-open range of the original text: Start inclusive, End
// exclusive.
type Span struct{ Start, End Position }

// checkpointEvery is how far apart (in bytes of the view) the position index
// keeps a known line and column, so finding a position never scans more than
// this much text, however long its line.
const checkpointEvery = 4096

type checkpoint struct{ off, line, col int }

// buildCheckpoints indexes s so that Position can find any offset's line and
// column in bounded time.
func buildCheckpoints(s string) []checkpoint {
	cps := make([]checkpoint, 0, len(s)/checkpointEvery+1)
	line, col := 1, 1
	next := 0
	for i := 0; i < len(s); {
		if i >= next {
			cps = append(cps, checkpoint{i, line, col})
			next = i + checkpointEvery
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		col++
	}
	if len(cps) == 0 {
		cps = append(cps, checkpoint{0, 1, 1})
	}
	return cps
}

// Position returns the position in the original text of offset n of the
// normalised view. Offsets out of range are clamped.
func (d *Document) Position(n int) Position {
	if n < 0 {
		n = 0
	}
	if n > len(d.Norm) {
		n = len(d.Norm)
	}
	i := sort.Search(len(d.checkpoints), func(i int) bool { return d.checkpoints[i].off > n }) - 1
	cp := d.checkpoints[max(i, 0)]
	line, col := cp.line, cp.col
	s := d.Norm[cp.off:n]
	for j := 0; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf {
			j++
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			continue
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
		col++
	}
	return Position{Offset: d.nmap.Orig(n), Line: line, Column: col}
}

// Span returns the original-text span of a range of the normalised view.
func (d *Document) Span(r Range) Span {
	return Span{Start: d.Position(r.Start), End: d.Position(r.End)}
}
