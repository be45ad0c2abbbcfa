package document

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPositionEveryOffset checks Position and Chars at every offset of
// reports with long lines, full-width characters and (handed to Parse
// directly) invalid UTF-8 against counting from the start of the text.
func TestPositionEveryOffset(t *testing.T) {
	long := strings.Repeat("全年调解纠纷131件,（成功率99.5%）。", 200) // about 9 KB
	texts := []string{
		"标题\n" + long + "\n二、存在的问题\r\n" + long[:5000] + "\n\n末行",
		"标题\n一、主要工作\n" + long + "\xff" + long + "\n",
		"标题\n正文\xe4\xb8" + long[:4100] + "\n",
	}
	for ti, text := range texts {
		d, err := Parse(Source{Text: text}, ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for n := -1; n <= len(d.Norm)+1; n += 1 + (n+1)%5 {
			c := min(max(n, 0), len(d.Norm))
			line := 1 + strings.Count(d.Norm[:c], "\n")
			ls := strings.LastIndexByte(d.Norm[:c], '\n') + 1
			col := 1 + utf8.RuneCountInString(d.Norm[ls:c])
			if p := d.Position(n); p.Line != line || p.Column != col || p.Offset != d.nmap.Orig(c) {
				t.Fatalf("text %d: Position(%d) = %+v, want line %d column %d", ti, n, p, line, col)
			}
		}
		for a := 0; a <= len(d.Norm); a += 97 {
			for b := a; b <= len(d.Norm) && b < a+9000; b += 331 {
				want := 0
				for _, c := range d.Norm[a:b] {
					if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
						want++
					}
				}
				if got := d.Chars(Range{a, b}); got != want {
					t.Fatalf("text %d: Chars(%d, %d) = %d, want %d", ti, a, b, got, want)
				}
			}
		}
	}
}

// TestPositionGlosses checks Position on Traditional text with pinyin
// glosses, which the view drops: lines and columns are the original's,
// counted from the start of the text, in short and long lines.
func TestPositionGlosses(t *testing.T) {
	long := strings.Repeat("全年調(tiáo)解糾紛131件,（成功率99.5%）。", 200) // about 10 KB
	texts := []string{
		"法治政府建設(shè)情況(kuàng)報(bào)告\n發(fā)布時(shí)間:2024-03-20\n一、推進(jìn)法治政府建設(shè)",
		"標題\n" + long + "\n二、存在的問題\r\n" + long[:len(long)/2] + "\n\n末行",
	}
	for ti, text := range texts {
		d, err := Parse(Source{Text: text}, ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if d.nmap.Dropped(len(d.Norm)) == 0 {
			t.Fatalf("text %d: no gloss dropped", ti)
		}
		for n := 0; n <= len(d.Norm); n++ {
			if n < len(d.Norm) && !utf8.RuneStart(d.Norm[n]) {
				continue
			}
			o := d.nmap.Orig(n)
			line := 1 + strings.Count(text[:o], "\n")
			ls := strings.LastIndexByte(text[:o], '\n') + 1
			col := 1 + utf8.RuneCountInString(text[ls:o])
			if p := d.Position(n); p.Line != line || p.Column != col || p.Offset != o {
				t.Fatalf("text %d: Position(%d) = %+v, want line %d column %d offset %d", ti, n, p, line, col, o)
			}
		}
	}
}

// referenceSentences splits as findSentences first did, decoding every
// rune.
func referenceSentences(d *Document) []Range {
	var out []Range
	add := func(r Range) {
		r = trimRange(d.Norm, r)
		if r.Len() > 0 {
			out = append(out, r)
		}
	}
	headingAt := map[int]*Heading{}
	for _, h := range d.Outline {
		headingAt[h.Line] = h
	}
	for _, l := range d.Lines {
		if l.Kind != BodyLine && l.Kind != HeadingLine {
			continue
		}
		start := l.Start
		if h := headingAt[l.Number]; h != nil {
			start = h.TextRange.Start
		}
		for i := start; i < l.End; {
			r, w := utf8.DecodeRuneInString(d.Norm[i:])
			i += w
			if isSentenceEnd(r) {
				add(Range{start, i})
				start = i
			}
		}
		add(Range{start, l.End})
	}
	return out
}

func FuzzSentences(f *testing.F) {
	f.Add("标题\n一、主要工作。全年调解纠纷131件;成功率99.5%!是否?\n(二)存在问题。\xe3\x80\x82a;b\xe4;c。")
	f.Add("标题\n正文\xe3\x80;\xe3\x80\x82\xe3\x82\n")
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse(Source{Text: text}, ParseOptions{})
		if err != nil {
			return
		}
		if want := referenceSentences(d); !slices.Equal(d.Sentences, want) {
			t.Errorf("sentences %v, want %v", d.Sentences, want)
		}
	})
}
