package document

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/internal/utf8x"
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
// keeps a known column inside a long line, so finding a position never
// counts more than this much text, however long its line.
const checkpointEvery = 4096

type checkpoint struct{ off, line, col int }

// addCheckpoints indexes the columns of the line [start, end), number
// line, when it is longer than checkpointEvery. Checkpoints lie where a
// decoder reading the line from its start would start a rune.
func (d *Document) addCheckpoints(start, end, line int) {
	s := d.Norm
	off, col := start, 1
	for off+checkpointEvery < end {
		next := off + checkpointEvery
		if d.valid {
			for next < end && s[next]&0xC0 == 0x80 {
				next++
			}
			col += utf8x.Count(s[off:next])
		} else {
			p := off
			for p < next {
				_, w := utf8.DecodeRuneInString(s[p:])
				p += w
				col++
			}
			next = p
		}
		col += d.nmap.Dropped(next) - d.nmap.Dropped(off) // glosses the view dropped
		off = next
		d.checkpoints = append(d.checkpoints, checkpoint{off, line, col})
	}
}

// runeCount is utf8.RuneCountInString(s) for s a slice of the view.
func (d *Document) runeCount(s string) int {
	if d.valid {
		return utf8x.Count(s)
	}
	return utf8.RuneCountInString(s)
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
	li := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > n }) - 1
	off, line, col := 0, 1, 1
	if li >= 0 {
		off, line = d.lineStarts[li], li+1
	}
	if len(d.checkpoints) > 0 {
		k := sort.Search(len(d.checkpoints), func(k int) bool { return d.checkpoints[k].off > n }) - 1
		if k >= 0 && d.checkpoints[k].off > off {
			off, col = d.checkpoints[k].off, d.checkpoints[k].col
		}
	}
	// columns count the original's runes: add those of the glosses the view
	// dropped on the line
	col += d.runeCount(d.Norm[off:n]) + d.nmap.Dropped(n) - d.nmap.Dropped(off)
	return Position{Offset: d.nmap.Orig(n), Line: line, Column: col}
}

// Span returns the original-text span of a range of the normalised view.
func (d *Document) Span(r Range) Span {
	return Span{Start: d.Position(r.Start), End: d.Position(r.End)}
}
