package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

const sample = "大兴区安定镇2020年度法治政府建设年度情况报告\n\n  一、推进法治政府建设的主要举措和成效\n全年公示执法信息280余项。\n"

func gb18030(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(s string, big, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// wantErr checks that err is an *Error whose message contains each of
// parts, and returns it.
func wantErr(t *testing.T, err error, parts ...string) *Error {
	t.Helper()
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("error = %v (%T), want *decode.Error", err, err)
	}
	for _, p := range parts {
		if !strings.Contains(de.Reason, p) {
			t.Errorf("error %q does not say %q", de.Reason, p)
		}
	}
	return de
}

func TestEncodings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		src      []byte
		encoding string // Options.Encoding
		want     string
		wantEnc  string
	}{
		{"utf-8", []byte(sample), "", sample, "UTF-8"},
		{"utf-8 bom crlf", []byte("\xEF\xBB\xBF第一行\r\n第二行\r\n"), "", "第一行\r\n第二行\r\n", "UTF-8"},
		{"utf-8 two boms", []byte("\xEF\xBB\xBF\xEF\xBB\xBF报告"), "", "报告", "UTF-8"},
		{"utf-16le bom", utf16Bytes(sample, false, true), "", sample, "UTF-16LE"},
		{"utf-16be bom", utf16Bytes(sample, true, true), "", sample, "UTF-16BE"},
		{"utf-16le bom crlf", utf16Bytes("甲\r\n乙\r\n", false, true), "", "甲\r\n乙\r\n", "UTF-16LE"},
		{"utf-16 astral", utf16Bytes("𠀀报告", false, true), "", "𠀀报告", "UTF-16LE"},
		{"gb18030 detected", gb18030(t, sample), "", sample, "GB18030"},
		{"gbk detected", gbk(t, sample), "", sample, "GB18030"},
		{"gb18030 four-byte", gb18030(t, "报告𠀀€"), "", "报告𠀀€", "GB18030"},
		{"gb18030 bom", append([]byte{0x84, 0x31, 0x95, 0x33}, gb18030(t, sample)...), "", sample, "GB18030"},
		{"gbk named", gbk(t, sample), "gbk", sample, "GB18030"},
		{"gb2312 named", gbk(t, sample), "GB2312", sample, "GB18030"},
		{"utf-16le named, no bom", utf16Bytes(sample, false, false), "utf-16le", sample, "UTF-16LE"},
		{"utf-16be named, no bom", utf16Bytes(sample, true, false), "utf-16be", sample, "UTF-16BE"},
		{"bom wins over name", []byte("\xEF\xBB\xBF报告"), "gbk", "报告", "UTF-8"},
		{"utf-8 named", []byte(sample), "UTF-8", sample, "UTF-8"},
		{"big5 named", must(traditionalchinese.Big5.NewEncoder().Bytes([]byte("法治政府建設報告"))), "big5", "法治政府建設報告", "BIG5"},
		{"ascii", []byte("report 2020\n"), "", "report 2020\n", "UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bytes(tc.src, Options{Encoding: tc.encoding})
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tc.want || got.Encoding != tc.wantEnc || got.Format != "text" {
				t.Errorf("got %q (%s, %s), want %q (%s, text)", got.Text, got.Encoding, got.Format, tc.want, tc.wantEnc)
			}
			if got.Headings != nil || got.Meta != nil || got.Title != "" {
				t.Errorf("plain text has hints: %+v", got)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestEncodingErrors(t *testing.T) {
	corrupt := []byte(strings.Repeat("法治政府建设", 20))
	corrupt[31] = 0xFF // inside the character at 30
	for _, tc := range []struct {
		name     string
		src      []byte
		encoding string
		offset   int // -1: not checked
		parts    []string
	}{
		{"unknown name", []byte(sample), "gbk2", -1, []string{`"gbk2"`, "gb18030", "utf-16le", "big5"}},
		{"replacement is no encoding", []byte(sample), "iso-2022-kr", -1, []string{"不认识的编码名"}},
		{"neither utf-8 nor gb18030", []byte("abc\xFF\xFE\xFDdef"), "", 3, []string{"不是有效的 UTF-8", "GB18030", "第 4 字节"}},
		{"gb18030 with control chars", []byte("\x81\x40abc\x01\x02"), "", 0, []string{"不是有效的 UTF-8", "GB18030"}},
		{"damaged utf-8", corrupt, "", 30, []string{"不是有效的 UTF-8", "第 31 字节", "已损坏"}},
		{"utf-8 bom then invalid", []byte("\xEF\xBB\xBF报告\xFF"), "", 9, []string{"不是有效的 UTF-8", "第 10 字节"}},
		{"named utf-8, invalid", gbk(t, sample), "utf-8", 0, []string{"不是有效的 UTF-8"}},
		{"named gbk, invalid", append(gbk(t, "报告报告"), 0xFF, 'a'), "gbk", 8, []string{"GB18030", "第 9 字节附近"}},
		{"named big5, invalid", []byte("ab\x81"), "big5", 2, []string{"BIG5"}},
		{"named gbk, invalid after astral", append(gb18030(t, "𠀀"), 0xFF), "gbk", 4, []string{"第 5 字节"}},
		{"nul", []byte("报告\x00报告"), "", 6, []string{"NUL", "二进制"}},
		{"nul after bom", []byte("\xEF\xBB\xBF报告\x00"), "", 9, []string{"NUL"}},
		{"utf-16 without bom, binary inside", append(utf16Bytes(sample, false, false), 0x01, 0xE0, 0x02, 0xE0, 0x03, 0xE0, 0x04, 0xE0, 0x05, 0xE0, 0x06, 0xE0, 0x07, 0xE0, 0x08, 0xE0, 0x0E, 0xE0, 0x0F, 0xE0, 0x10, 0xE0, 0x11, 0xE0, 0x12, 0xE0), "", -1, []string{"UTF-16", "BOM", "--force-encoding"}},
		{"utf-16 odd length", append(utf16Bytes("报告", false, true), 'x'), "", 6, []string{"奇数"}},
		{"utf-16 lone surrogate", append(utf16Bytes("报告", false, true), 0x00, 0xD8, 'a', 0), "", 6, []string{"代理项"}},
		{"utf-16 nul", utf16Bytes("报\x00告", true, true), "", 4, []string{"NUL"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bytes(tc.src, Options{Encoding: tc.encoding})
			if err == nil {
				t.Fatalf("no error; decoded %q as %s", got.Text, got.Encoding)
			}
			de := wantErr(t, err, tc.parts...)
			if tc.offset >= 0 && de.Offset != tc.offset {
				t.Errorf("Offset = %d, want %d", de.Offset, tc.offset)
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	for _, src := range []string{"", " \n\t", "\xEF\xBB\xBF", "\xEF\xBB\xBF \r\n", "\xFF\xFE", "\xFF\xFE \x00"} {
		_, err := Bytes([]byte(src), Options{})
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("Bytes(%q) error = %v, want ErrEmpty", src, err)
		}
	}
}

func TestMaxSize(t *testing.T) {
	_, err := Bytes([]byte("报告报告"), Options{MaxSize: 5})
	wantErr(t, err, "文件过大", "上限 5 字节")
	if _, err := Bytes([]byte("报告"), Options{MaxSize: 6}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

func TestUTF8Stats(t *testing.T) {
	multi, bad, first := utf8Stats([]byte("a报\xFF告\x80"))
	if multi != 2 || bad != 2 || first != 4 {
		t.Errorf("utf8Stats = %d, %d, %d; want 2, 2, 4", multi, bad, first)
	}
}

// TestUTF16WithoutBOM checks that UTF-16 without a byte-order mark is
// recognised by where its NUL bytes fall, however few: Chinese text with
// full-width punctuation has a NUL only in its line ends.
func TestUTF16WithoutBOM(t *testing.T) {
	cjk := "关于２０２３年度法治政府建设情况的报告\n一、主要举措和成效。全年办结案件一百件。\n"
	for _, tc := range []struct {
		name string
		text string
		big  bool
		enc  string
	}{
		{"sample LE", sample, false, "UTF-16LE"},
		{"sample BE", sample, true, "UTF-16BE"},
		{"full-width CJK LE", cjk, false, "UTF-16LE"},
		{"full-width CJK BE", cjk, true, "UTF-16BE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := utf16Bytes(tc.text, tc.big, false)
			if looksUTF16(src) && tc.text == cjk {
				t.Fatalf("the case no longer tests what it should: the old NUL count recognises it")
			}
			got := decodeOK(t, src, Options{})
			if got.Text != tc.text || got.Encoding != tc.enc {
				t.Errorf("got %q as %s, want %q as %s", got.Text, got.Encoding, tc.text, tc.enc)
			}
		})
	}
}

// TestEncodingFallback checks that Options.Encoding applies only where
// detection fails, and ForceEncoding wins over it.
func TestEncodingFallback(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  []byte
		opt  Options
		want string // the encoding used
	}{
		{"valid UTF-8 wins over a fallback", []byte(sample), Options{Encoding: "utf-16le"}, "UTF-8"},
		{"a BOM wins over a fallback", utf16Bytes(sample, true, true), Options{Encoding: "gbk"}, "UTF-16BE"},
		{"the fallback where detection fails", gbk(t, sample), Options{Encoding: "gbk"}, "GB18030"},
		{"the fallback before the GB18030 guess", []byte("\xaa\x6b\xaa\x76"), Options{Encoding: "big5"}, "BIG5"},
		{"the fallback for UTF-16 without BOM", utf16Bytes(sample, true, false), Options{Encoding: "utf-16be"}, "UTF-16BE"},
		{"forced wins over valid UTF-8", []byte("abc"), Options{ForceEncoding: "gb18030"}, "GB18030"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := decodeOK(t, tc.src, tc.opt)
			if got.Encoding != tc.want {
				t.Errorf("read as %s (%q), want %s", got.Encoding, got.Text, tc.want)
			}
		})
	}
}
