package ducha_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/decode"
	"github.com/ducha-dev/ducha/lint"
)

// badInputs are the inputs users paste, save or generate by mistake. Each
// must give a clear error or findings: never a panic, a hang, or memory
// far beyond the input's size.
func badInputs() []struct {
	name string
	make func() []byte
	err  string // "" when the input must be checked; else a word of the error
	big  bool   // long: run only with DUCHA_LONG_TESTS set, and not under the race detector
} {
	report := "关于2023年度法治政府建设情况的报告\n"
	return []struct {
		name string
		make func() []byte
		err  string
		big  bool
	}{
		{"empty", func() []byte { return nil }, "内容为空", false},
		{"only whitespace", func() []byte { return []byte(" \n\t\r\n\u3000\n") }, "内容为空", false},
		{"only furniture", func() []byte {
			return []byte("首页 > 政务公开\n当前位置:首页\n扫一扫在手机打开当前页面\n【打印本页】 【关闭本页】\n")
		}, "没有正文", false},
		{"binary", func() []byte {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = byte(i * 7)
			}
			return b
		}, "NUL", false},
		{"invalid UTF-8", func() []byte { return []byte(report + "\xff\xfe\xfd\x80\x81 abc\xc3\x28") }, "无法解码", false},
		{"one 50 MB line", func() []byte {
			// a report whose line ends were all lost, as PDF extraction does
			unit := strings.ReplaceAll(seedText("003_90fbc7d8aeb855ec"), "\n", "")
			return []byte(report + strings.Repeat(unit, 50<<20/len(unit)))
		}, "", true},
		{"a million short lines", func() []byte {
			return []byte(report + strings.Repeat("正文。\n", 1_000_000))
		}, "", true},
		{"ten thousand nested headings", func() []byte {
			var b strings.Builder
			b.WriteString(report)
			for i := 0; i < 2500; i++ {
				b.WriteString("一、甲\n(一)乙\n1.丙\n(1)丁\n")
			}
			return []byte(b.String())
		}, "", false},
		{"a 5,000-digit number", func() []byte {
			return []byte(report + "全年共受理" + strings.Repeat("9", 5000) + "件,办结" + strings.Repeat("8", 5000) + "件。\n")
		}, "", false},
		{"一是 100,000 times", func() []byte {
			return []byte(report + strings.Repeat("一是加强领导;", 100_000) + "\n")
		}, "", true},
		{"docx zip bomb", func() []byte { return zipBomb(80 << 20) }, "上限", false},
		{"HTML nested 100,000 deep", func() []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", 100_000) + "<p>关于2023年度法治政府建设情况的报告</p><p>正文。</p>" + strings.Repeat("</div>", 100_000) + "</body></html>")
		}, "", false},
		{"too large", func() []byte { return bytes.Repeat([]byte("法"), 70<<20/3) }, "过大", true},
		// Word 97–2003 files made wrong (testdata/decode/001.doc, by LibreOffice).
		{"truncated compound file", func() []byte { b := docFixture(); return b[:len(b)/3] }, "已损坏", false},
		{"FAT loop", func() []byte {
			// WordDocument's first sector (the FIB's) chains back to itself.
			b := docFixture()
			sec := bytes.Index(b, []byte("\xEC\xA5"))/512 - 1
			fat := binary.LittleEndian.Uint32(b[0x4C:])
			binary.LittleEndian.PutUint32(b[512+512*int(fat)+4*sec:], uint32(sec))
			return b
		}, "已损坏", false},
		{"FAT loop in the directory", func() []byte {
			b := docFixture()
			dir := binary.LittleEndian.Uint32(b[0x30:])
			fat := binary.LittleEndian.Uint32(b[0x4C:])
			binary.LittleEndian.PutUint32(b[512+512*int(fat)+4*int(dir):], dir)
			return b
		}, "已损坏", false},
		{"piece table pointing outside the stream", func() []byte {
			// The one piece's file position, past the end of WordDocument.
			b := docFixture()
			i := bytes.Index(b, []byte("\x02\x10\x00\x00\x00\x00\x00\x00\x00"))
			binary.LittleEndian.PutUint32(b[i+5+8+2:], 0x3FFFFF00)
			return b
		}, "piece table", false},
		{"encrypted .doc", func() []byte {
			b := docFixture()
			fib := bytes.Index(b, []byte("\xEC\xA5")) // WordDocument starts with the FIB
			b[fib+0x0B] |= 0x01                       // fEncrypted
			return b
		}, "密码", false},
		{"Word 95 .doc", func() []byte {
			b := docFixture()
			fib := bytes.Index(b, []byte("\xEC\xA5"))
			binary.LittleEndian.PutUint16(b[fib+2:], 104) // nFib of Word 95
			return b
		}, "Word 6.0/95", false},
		{"a PDF that is not one", func() []byte { return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog") }, "PDF", false},
		{"ofd zip bomb", func() []byte { return ofdBomb(80 << 20) }, "上限", false},
		{"odt nested 10,000 deep", func() []byte {
			return zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.text",
				"content.xml": strings.Repeat("<text:section xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">", 10_000)})
		}, "嵌套", false},
		{"mht whose page is not base64", func() []byte {
			return []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n--b--\r\n")
		}, "MIME", false},
	}
}

// docFixture is a copy of seed 001 as LibreOffice saves it in Word 97–2003
// format.
func docFixture() []byte {
	b, err := os.ReadFile("testdata/decode/001.doc")
	if err != nil {
		panic(err)
	}
	return b
}

// ofdBomb is an .ofd whose one page inflates to n bytes of spaces.
func ofdBomb(n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"OFD.xml":            `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
		"Doc_0/Document.xml": `<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	w, _ := zw.Create("Doc_0/Pages/Page_0/Content.xml")
	w.Write([]byte("<ofd:Page>"))
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(spaces)
	}
	zw.Close()
	return buf.Bytes()
}

// zipOf is a zip of the given entries.
func zipOf(entries map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range entries {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

func TestBadInputs(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range badInputs() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.big && raceEnabled {
				t.Skip("too slow under the race detector")
			}
			if tc.big && os.Getenv("DUCHA_LONG_TESTS") == "" {
				t.Skip("a long robustness case: set DUCHA_LONG_TESTS=1 to run it (.ci/run does)")
			}
			src := tc.make()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			res, err := check(l, src)
			runtime.ReadMemStats(&after)
			switch {
			case tc.err != "" && err == nil:
				t.Fatalf("no error, want one mentioning %q", tc.err)
			case tc.err != "" && !strings.Contains(err.Error(), tc.err):
				t.Fatalf("error %q does not mention %q", err, tc.err)
			case tc.err == "" && err != nil:
				t.Fatalf("error %v, want findings", err)
			}
			// Every byte allocated, garbage included, bounds the peak: the
			// check must not allocate more than a few dozen times its input.
			// Under the race detector sync.Pool drops what it is given at
			// random, so package regexp reallocates its matchers' state on
			// every call (five times the allocation here): the bound holds
			// only without it.
			allocated := after.TotalAlloc - before.TotalAlloc
			if limit := uint64(40*len(src)) + 16<<20; allocated > limit && !raceEnabled {
				t.Errorf("allocated %d MB for %d MB of input (limit %d MB)", allocated>>20, len(src)>>20, limit>>20)
			}
			if res != nil {
				for _, f := range res.Findings {
					if f.Span.Start.Offset < 0 || f.Span.End.Offset > len(res.Document.Text) {
						t.Fatalf("finding outside the text: %+v", f)
					}
				}
			}
			t.Logf("%d bytes: %d findings, %d MB allocated, error %v", len(src), findings(res), allocated>>20, err)
		})
	}
}

func findings(res *lint.Result) int {
	if res == nil {
		return 0
	}
	return len(res.Findings)
}

// check runs the linter, turning a panic into a test failure with the
// input's name rather than a crash of the whole test binary.
func check(l *lint.Linter, src []byte) (res *lint.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
			res = nil
		}
	}()
	return l.Check(context.Background(), src, lint.Options{MaxSize: 64 << 20})
}

// zipBomb is a .docx whose document.xml inflates to n bytes of zeros.
func zipBomb(n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/styles.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
	}
	w, _ := zw.Create("word/document.xml")
	zeros := make([]byte, 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(zeros)
	}
	zw.Close()
	return buf.Bytes()
}

func seedText(name string) string {
	b, err := os.ReadFile("testdata/seeds/" + name + ".txt")
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestMaxSize checks the documented limit and its message.
func TestMaxSize(t *testing.T) {
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Check(context.Background(), bytes.Repeat([]byte("a"), 2048), lint.Options{MaxSize: 1024})
	var de *decode.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "--max-size") {
		t.Fatalf("error %v, want a decode.Error that names --max-size", err)
	}
}
