package document

import (
	"testing"

	"github.com/ducha-dev/ducha/decode"
)

func mustDecode(t *testing.T, s string) Source {
	t.Helper()
	d, err := decode.Bytes([]byte(s), decode.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return source(d)
}

// source is the linter's glue (lint.Parse), for these tests.
func source(t *decode.Text) Source {
	src := Source{Text: t.Text, Headings: t.Headings}
	for _, m := range t.Meta {
		src.Meta = append(src.Meta, Meta{Name: m.Name, Content: m.Content})
	}
	return src
}

// ParseString decodes s as lint.ParseString does, then parses it.
func ParseString(s string) (*Document, error) {
	t, err := decode.Bytes([]byte(s), decode.Options{MaxSize: int64(len(s)) + 1})
	if err != nil {
		return nil, err
	}
	return Parse(source(t), ParseOptions{})
}
