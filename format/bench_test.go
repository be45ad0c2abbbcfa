package format

import (
	"io"
	"os"
	"testing"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/lint"
)

// benchResult checks a fixture with the built-in rules.
func benchResult(b *testing.B, path string) ([]byte, *lint.Result) {
	b.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	l, err := ducha.Default()
	if err != nil {
		b.Fatal(err)
	}
	r, err := l.Check(b.Context(), src, lint.Options{Name: path})
	if err != nil {
		b.Fatal(err)
	}
	return src, r
}

// BenchmarkDocx annotates the seed 004 .docx (43 KB of document.xml).
func BenchmarkDocx(b *testing.B) {
	src, r := benchResult(b, "../testdata/decode/004.docx")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := Docx(io.Discard, r, src, DocxOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocxFromText writes a new annotated .docx of a seed text.
func BenchmarkDocxFromText(b *testing.B) {
	src, r := benchResult(b, "../testdata/seeds/000_027d5137780acf8a.txt")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := Docx(io.Discard, r, src, DocxOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTML writes the HTML report of a seed.
func BenchmarkHTML(b *testing.B) {
	src, r := benchResult(b, "../testdata/seeds/000_027d5137780acf8a.txt")
	files := []File{{Path: "000.txt", Result: r}}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := HTML(io.Discard, files, HTMLOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
