package decode

import (
	"archive/zip"
	"os"
	"strings"
	"testing"
)

const seed003 = "../testdata/seeds/003_90fbc7d8aeb855ec.txt"

func benchDecode(b *testing.B, src []byte, opt Options) {
	if _, err := Bytes(src, opt); err != nil {
		b.Fatal(err)
	}
	benchBytes(b, src, opt)
}

func benchBytes(b *testing.B, src []byte, opt Options) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Bytes(src, opt)
	}
}

func seed003Text(b *testing.B) string {
	src, err := os.ReadFile(seed003)
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}

// BenchmarkUTF8 measures the common case, which should cost no more than
// validating and copying the bytes.
func BenchmarkUTF8(b *testing.B) {
	benchDecode(b, []byte(seed003Text(b)), Options{})
}

func BenchmarkUTF16(b *testing.B) {
	benchDecode(b, utf16Bytes(seed003Text(b), false, true), Options{})
}

// BenchmarkGB18030 includes the failed UTF-8 check and the sanity check of
// the detected encoding.
func BenchmarkGB18030(b *testing.B) {
	benchDecode(b, gb18030(b, seed003Text(b)), Options{})
}

func BenchmarkDocx(b *testing.B) {
	src, _ := fixtureDocx(b, seedParagraphs(b, seed003))
	benchDecode(b, src, Options{})
}

func BenchmarkHTML(b *testing.B) {
	page := fixturePage(b, seedParagraphs(b, seed003), fixtures[0].meta) // GBK
	benchDecode(b, page, Options{})
}

// BenchmarkHTMLUTF8 is BenchmarkHTML without the GBK decoding.
func BenchmarkHTMLUTF8(b *testing.B) {
	page, _, err := toUTF8(fixturePage(b, seedParagraphs(b, seed003), fixtures[0].meta), Options{Encoding: "gbk"}, "")
	if err != nil {
		b.Fatal(err)
	}
	benchDecode(b, []byte(strings.Replace(page, `charset="gbk"`, `charset="utf-8"`, 1)), Options{})
}

// BenchmarkHTMLDeep reads 100,000 nested elements; its cost per byte should
// be that of BenchmarkHTMLUTF8, not grow with the depth.
func BenchmarkHTMLDeep(b *testing.B) {
	const n = 100000
	benchDecode(b, []byte("<html>"+strings.Repeat("<div><b>", n)+"报告"+strings.Repeat("</b></div>", n)), Options{})
}

// BenchmarkDocxBomb measures refusing a zip bomb that lies about its size:
// the work stops at the budget, whatever the bomb would unpack to.
func BenchmarkDocxBomb(b *testing.B) {
	src := rawEntry(b, "word/document.xml", zip.Deflate, bomb(b, 65<<20), 100)
	if _, err := Bytes(src, Options{}); err == nil {
		b.Fatal("bomb decoded")
	}
	benchBytes(b, src, Options{})
}

// benchFixture measures reading a committed fixture of seed 003.
func benchFixture(b *testing.B, name string) {
	src, err := os.ReadFile(fixtureDir + "/" + name)
	if err != nil {
		b.Fatal(err)
	}
	benchDecode(b, src, Options{})
}

func BenchmarkDoc(b *testing.B) { benchFixture(b, "003.doc") }
func BenchmarkODT(b *testing.B) { benchFixture(b, "003.odt") }
func BenchmarkMHT(b *testing.B) { benchFixture(b, "003.mht") }
func BenchmarkOFD(b *testing.B) { benchFixture(b, "003.ofd") }

// BenchmarkPDF includes running pdftotext, which is most of it.
func BenchmarkPDF(b *testing.B) {
	requireTool(b, "pdftotext")
	benchFixture(b, "003.pdf")
}
