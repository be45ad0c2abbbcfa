package decode

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/ducha-dev/ducha/internal/utf8x"
)

// Byte-order marks.
var (
	bomUTF8    = []byte("\xEF\xBB\xBF")
	bomUTF16LE = []byte("\xFF\xFE")
	bomUTF16BE = []byte("\xFE\xFF")
)

// utf8Majority decides between "UTF-8 with a damaged spot" and "some other
// encoding": bytes that are not UTF-8 are taken as damage when valid
// multi-byte UTF-8 characters outnumber them this many times. GBK-encoded
// Chinese forms a valid UTF-8 character by chance about once per two or
// three invalid bytes, far below this; a UTF-8 report with one bad byte has
// thousands of valid characters for it.
const utf8Majority = 8

// toUTF8 decodes the bytes of a text file or web page, weighing the evidence
// in the HTML standard's order, adapted to what Chinese drafters have: a
// byte-order mark; an encoding the caller forces; valid UTF-8 (which
// legacy-encoded Chinese practically never is, while stale charset
// declarations are common); the page's declared charset; the caller's
// fallback label; UTF-16 without a byte-order mark, known by where its NUL
// bytes fall; GB18030, kept only if the result makes sense. It returns the
// text and the name of the encoding used.
func toUTF8(src []byte, opt Options, declared string) (string, string, error) {
	s, enc, err := detect(src, opt, declared)
	if err != nil {
		return "", "", err
	}
	// A second byte-order mark after the first (tools that add one without
	// looking), or GB18030's, decodes to U+FEFF: not text.
	return strings.TrimLeft(s, "\uFEFF"), enc, nil
}

// detect does toUTF8's work but for the final trim.
func detect(src []byte, opt Options, declared string) (string, string, error) {
	switch {
	case bytes.HasPrefix(src, bomUTF8):
		s, err := strictUTF8(src, len(bomUTF8))
		return s, "UTF-8", err
	case bytes.HasPrefix(src, bomUTF16LE):
		s, err := fromUTF16(src, len(bomUTF16LE), false)
		return s, "UTF-16LE", err
	case bytes.HasPrefix(src, bomUTF16BE):
		s, err := fromUTF16(src, len(bomUTF16BE), true)
		return s, "UTF-16BE", err
	}
	if opt.ForceEncoding != "" {
		return named(src, opt.ForceEncoding)
	}
	nul := bytes.IndexByte(src, 0) >= 0
	if !nul && utf8x.ValidBytes(src) {
		return string(src), "UTF-8", nil
	}
	if declared != "" && !nul {
		enc, name, err := lookup(declared)
		if err == nil && !isUnicode(name) {
			s, err := decodeWith(src, enc, name)
			return s, name, err
		}
	}
	var multi, bad, first int
	if !nul {
		multi, bad, first = utf8Stats(src)
		if multi >= utf8Majority*bad {
			return "", "", &Error{Offset: first, Reason: fmt.Sprintf("不是有效的 UTF-8 文本(第 %d 字节处无法解码):文件其余部分是 UTF-8,该处可能已损坏;请检查并修正该处,或重新另存为 UTF-8 后再检查", first+1)}
		}
	}
	if opt.Encoding != "" {
		return named(src, opt.Encoding)
	}
	if nul {
		if big, ok := sniffUTF16(src); ok {
			s, err := fromUTF16(src, 0, big)
			return s, map[bool]string{false: "UTF-16LE", true: "UTF-16BE"}[big], err
		}
		return "", "", binaryError(src, bytes.IndexByte(src, 0))
	}
	if s, ok := saneGB18030(src); ok {
		return s, "GB18030", nil
	}
	return "", "", &Error{Offset: first, Reason: fmt.Sprintf("不是有效的 UTF-8 文本(第 %d 字节处无法解码),也不是 GB18030/GBK 编码的中文文本;请转换为 UTF-8 后再检查,或指明文件的编码(如 --encoding big5)", first+1)}
}

// sniffUTF16 recognises UTF-16 without a byte-order mark, as some editors
// and OA exports write it, and reports whether it is big-endian. Chinese
// text puts few NUL bytes in UTF-16 (only ASCII characters and a handful of
// ideographs such as U+4E00 一 have one), so their number proves nothing;
// what does is that nearly every 16-bit unit, read in one byte order, is a
// character a report uses (CJK ideographs and punctuation, full-width
// forms, ASCII, Latin), while binary data and the other byte order give
// control characters, private-use and unassigned code points.
func sniffUTF16(src []byte) (big, ok bool) {
	if len(src) < 4 || len(src)%2 != 0 {
		return false, false
	}
	b := src[:min(len(src), 64<<10)]
	le, be := plausibleUTF16(b, false), plausibleUTF16(b, true)
	units := len(b) / 2
	switch {
	case le*100 >= units*98 && le > be:
		return false, true
	case be*100 >= units*98 && be > le:
		return true, true
	}
	return false, false
}

// plausibleUTF16 counts the units of b, read in one byte order, that are
// characters of a report (a surrogate counts when it is in a pair).
func plausibleUTF16(b []byte, big bool) int {
	n := 0
	for i := 0; i+1 < len(b); i += 2 {
		r := unit(b, i, big)
		if utf16.IsSurrogate(r) {
			if r < 0xDC00 && i+3 < len(b) {
				if r2 := unit(b, i+2, big); 0xDC00 <= r2 && r2 < 0xE000 {
					n += 2
					i += 2
				}
			}
			continue
		}
		if reportRune(r) {
			n++
		}
	}
	return n
}

// reportRune reports whether r is a character reports are written in.
func reportRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		return true
	case 0x20 <= r && r < 0x7F, 0xA0 <= r && r < 0x250:
		return true
	case 0x2000 <= r && r < 0x2C00: // punctuation, symbols, ①, arrows, boxes
		return true
	case 0x3000 <= r && r < 0x3100, 0x3200 <= r && r < 0x4DC0, 0x4E00 <= r && r < 0xA000:
		return true
	case 0xFE30 <= r && r < 0xFE50, 0xFF00 <= r && r < 0xFFF0, r == 0xFEFF:
		return true
	}
	return false
}

func isUnicode(name string) bool {
	return name == "UTF-8" || name == "UTF-16LE" || name == "UTF-16BE"
}

// strictUTF8 returns src[start:] if it is UTF-8 text.
func strictUTF8(src []byte, start int) (string, error) {
	if err := checkNUL(src, start); err != nil {
		return "", err
	}
	if !utf8x.ValidBytes(src[start:]) {
		off := start + invalidAt(src[start:])
		return "", &Error{Offset: off, Reason: fmt.Sprintf("不是有效的 UTF-8 文本(第 %d 字节处无法解码);请转换为 UTF-8 后再检查", off+1)}
	}
	return string(src[start:]), nil
}

// named decodes src in the encoding the caller named.
func named(src []byte, label string) (string, string, error) {
	enc, name, err := lookup(label)
	if err != nil {
		return "", "", err
	}
	switch name {
	case "UTF-8":
		s, err := strictUTF8(src, 0)
		return s, name, err
	case "UTF-16LE", "UTF-16BE":
		s, err := fromUTF16(src, 0, name == "UTF-16BE")
		return s, name, err
	}
	if err := checkNUL(src, 0); err != nil {
		return "", "", err
	}
	s, err := decodeWith(src, enc, name)
	return s, name, err
}

// acceptedNames are the labels an error about an unknown one suggests.
const acceptedNames = "utf-8、utf-16le、utf-16be、gb18030、gbk、gb2312、big5"

// lookup resolves a WHATWG encoding label. GBK (and GB2312, which the
// standard maps to GBK) is read as GB18030: it is a superset, and files
// labelled GBK often hold characters only GB18030 encodes.
func lookup(label string) (encoding.Encoding, string, error) {
	enc, err := htmlindex.Get(label)
	if err != nil || enc == encoding.Replacement {
		return nil, "", &Error{Reason: fmt.Sprintf("不认识的编码名 %q;请使用 %s 等编码名(WHATWG 编码标准中的名称均可)", label, acceptedNames)}
	}
	name, _ := htmlindex.Name(enc)
	switch name {
	case "gbk", "gb18030":
		return simplifiedchinese.GB18030, "GB18030", nil
	}
	return enc, strings.ToUpper(name), nil
}

// decodeWith decodes src with enc, refusing bytes that enc cannot decode.
func decodeWith(src []byte, enc encoding.Encoding, name string) (string, error) {
	out, err := enc.NewDecoder().Bytes(src)
	if err == nil && !bytes.ContainsRune(out, utf8.RuneError) {
		return string(out), nil
	}
	off := locateBad(src, enc)
	return "", &Error{Offset: off, Reason: fmt.Sprintf("按 %s 编码无法解码(第 %d 字节附近);请确认文件的编码,或转换为 UTF-8 后再检查", name, off+1)}
}

// locateBad finds where decoding src with enc first fails. It decodes a
// character or so at a time, so it is only used once decoding is known to
// fail.
func locateBad(src []byte, enc encoding.Encoding) int {
	dec := enc.NewDecoder()
	var dst [utf8.UTFMax]byte
	for pos := 0; pos < len(src); {
		nDst, nSrc, err := dec.Transform(dst[:], src[pos:], true)
		if i := bytes.IndexRune(dst[:nDst], utf8.RuneError); i >= 0 {
			if i > 0 { // step over the characters before it
				dec.Reset()
				_, n, _ := dec.Transform(dst[:i], src[pos:], true)
				pos += n
			}
			return pos
		}
		if err != nil && err != transform.ErrShortDst || nSrc == 0 {
			return pos + nSrc
		}
		pos += nSrc
	}
	return len(src)
}

// saneGB18030 decodes src as GB18030 and keeps the result only if it reads
// as text: GB18030 gives most byte sequences some meaning, so a binary or
// mis-detected file shows itself by undecodable bytes or control characters.
func saneGB18030(src []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
	if err != nil {
		return "", false
	}
	for _, r := range string(out) {
		if r == utf8.RuneError || isControl(r) {
			return "", false
		}
	}
	return string(out), true
}

// isControl reports whether r is a control character that has no place in a
// report (tab, line ends and form feed do).
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r':
		return false
	}
	return r < 0x20 || 0x7F <= r && r <= 0x9F
}

// utf8Stats counts the valid multi-byte characters and the invalid bytes of
// src, and returns the offset of the first invalid byte.
func utf8Stats(src []byte) (multi, bad, first int) {
	first = -1
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			if first < 0 {
				first = i
			}
			bad++
		} else {
			multi++
		}
		i += n
	}
	return multi, bad, first
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// fromUTF16 decodes src[start:] as UTF-16. It does the work itself rather
// than through x/text so that a NUL or a broken surrogate pair is reported
// at its offset in the input.
func fromUTF16(src []byte, start int, big bool) (string, error) {
	b := src[start:]
	if len(b)%2 != 0 {
		return "", &Error{Offset: len(src) - 1, Reason: "UTF-16 文本的字节数为奇数,文件末尾不完整;请重新另存为 UTF-8 后再检查"}
	}
	out := make([]byte, 0, len(b)*3/2)
	for i := 0; i < len(b); i += 2 {
		r := unit(b, i, big)
		switch {
		case r == 0:
			return "", binaryError(src, start+i)
		case utf16.IsSurrogate(r):
			if r < 0xDC00 && i+3 < len(b) {
				if c := utf16.DecodeRune(r, unit(b, i+2, big)); c != utf8.RuneError {
					out = utf8.AppendRune(out, c)
					i += 2
					continue
				}
			}
			off := start + i
			return "", &Error{Offset: off, Reason: fmt.Sprintf("UTF-16 文本第 %d 字节处有不成对的代理项,无法解码;请重新另存为 UTF-8 后再检查", off+1)}
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out), nil
}

func unit(b []byte, i int, big bool) rune {
	if big {
		return rune(b[i])<<8 | rune(b[i+1])
	}
	return rune(b[i+1])<<8 | rune(b[i])
}

// checkNUL refuses src[start:] if it holds a NUL byte: text in an
// ASCII-compatible encoding never does.
func checkNUL(src []byte, start int) error {
	if i := bytes.IndexByte(src[start:], 0); i >= 0 {
		return binaryError(src, start+i)
	}
	return nil
}

func binaryError(src []byte, off int) error {
	if looksUTF16(src) {
		return &Error{Offset: off, Reason: "含有 NUL 字节,看起来是没有字节序标记(BOM)的 UTF-16 文本,但其中有无法识别的字符;请另存为 UTF-8,或指明文件的编码(如 --force-encoding utf-16le)"}
	}
	return &Error{Offset: off, Reason: "含有 NUL 字节,看起来是二进制文件而不是报告文本;请先转换为 .txt"}
}

// looksUTF16 reports whether the NUL bytes of src fall mostly on one
// parity, as the high bytes of ASCII characters in UTF-16 do (a few CJK
// characters, U+4E00 一, have a NUL low byte); in binary files they fall
// anywhere.
func looksUTF16(src []byte) bool {
	src = src[:min(len(src), 4096)]
	var nul [2]int
	for i, c := range src {
		if c == 0 {
			nul[i%2]++
		}
	}
	n := nul[0] + nul[1]
	return len(src) >= 16 && n*16 >= len(src) && max(nul[0], nul[1])*5 >= n*4
}

// CheckEncoding reports whether label names an encoding Bytes can use
// (Options.Encoding), with an error that lists the accepted names when it
// does not: a command checks its --encoding flag once, not per file.
func CheckEncoding(label string) error {
	_, _, err := lookup(label)
	return err
}
