package decode

import (
	"strings"
	"unicode"
)

// paragraphs collects the text of a document read paragraph by paragraph
// (.docx, .odt): one line per paragraph, the heading level of a heading's
// first line with text, and the document's title.
type paragraphs struct {
	out      strings.Builder
	lines    int // lines written
	headings map[int]int
	title    string
}

// add writes a paragraph as a line (more than one if it holds line
// breaks). A level of 1–4 marks it as a heading, on its first line with
// text: a paragraph may open with a line break. isTitle, asked only while
// no title is known and only of a paragraph with text, says whether it is
// the document's title.
func (ps *paragraphs) add(text string, level int, isTitle func() bool) {
	ps.out.WriteString(text)
	ps.out.WriteByte('\n')
	first := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
	if first < 0 {
		ps.lines += 1 + strings.Count(text, "\n")
		return
	}
	line := ps.lines + 1 + strings.Count(text[:first], "\n")
	ps.lines += 1 + strings.Count(text, "\n")
	if 1 <= level && level <= 4 {
		if ps.headings == nil {
			ps.headings = map[int]int{}
		}
		ps.headings[line] = level
	}
	if ps.title == "" && isTitle() {
		ps.title = strings.Join(strings.Fields(text), " ")
	}
}
