package lint

import (
	"github.com/ducha-dev/ducha/decode"
	"github.com/ducha-dev/ducha/document"
)

// Range, Span and Position say where a finding is; they are the document
// model's (package document), named here because every check uses them.
type (
	// Range is a half-open byte range [Start, End) of the normalised view.
	Range = document.Range
	// Span is a Range as positions in the original text.
	Span = document.Span
	// Position is a point in the original text (line, column, offset).
	Position = document.Position
)

// Parse builds the Document of a decoded report (document.Parse), with
// the year and publication date of opt when they are set; opt's other
// fields are the decoder's and are not used.
func Parse(t *decode.Text, opt Options) (*document.Document, error) {
	src := document.Source{Text: t.Text, Headings: t.Headings}
	for _, m := range t.Meta {
		src.Meta = append(src.Meta, document.Meta{Name: m.Name, Content: m.Content})
	}
	return document.Parse(src, document.ParseOptions{Year: opt.Year, Published: opt.Published})
}

// ParseString parses a report held as a string of UTF-8 text.
func ParseString(s string) (*document.Document, error) {
	t, err := decode.Bytes([]byte(s), decode.Options{MaxSize: int64(len(s)) + 1})
	if err != nil {
		return nil, err
	}
	return Parse(t, Options{})
}
