package decode

import (
	"bytes"
	"path/filepath"
	"strings"
)

// format is what sniff recognised the input as.
type format int

const (
	formatText format = iota
	formatHTML
	formatDocx
	formatPDF
	formatOLE    // compound file: Word 97–2003 (.doc), WPS (.wps), encrypted Office files
	formatRTF    // Rich Text Format
	formatMHT    // MHTML: a web page saved "as a single file"
	formatNotZip // named .docx, but not a zip
)

var (
	zipMagic      = []byte("PK\x03\x04")
	zipEmptyMagic = []byte("PK\x05\x06")
	oleMagic      = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
)

// sniffLen is how far into the input the markup of a web page is looked for.
const sniffLen = 1024

// sniff recognises the format from the content, and uses the file name's
// extension only where the content does not decide: people rename files, and
// OA systems save web pages as ".doc", so the bytes are the better witness.
func sniff(src []byte, name string) format {
	switch {
	case bytes.HasPrefix(src, zipMagic), bytes.HasPrefix(src, zipEmptyMagic):
		return formatDocx
	case bytes.HasPrefix(src, []byte("%PDF-")):
		return formatPDF
	case bytes.HasPrefix(src, oleMagic):
		return formatOLE
	case bytes.HasPrefix(src, []byte(`{\rtf`)):
		return formatRTF
	}
	head := sniffHead(src)
	switch {
	case looksHTML(head):
		return formatHTML
	case looksMHT(head):
		return formatMHT
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		if bytes.IndexByte(head, '<') >= 0 {
			return formatHTML // markup, if late; a page saved as text is text
		}
	case ".docx":
		return formatNotZip
	case ".mht", ".mhtml":
		return formatMHT
	}
	return formatText
}

// sniffHead returns the start of the input as ASCII-compatible bytes: a
// UTF-8 byte-order mark is dropped, and UTF-16 is narrowed to its low bytes
// (enough to see markup, which is ASCII).
func sniffHead(src []byte) []byte {
	big := bytes.HasPrefix(src, bomUTF16BE)
	if big || bytes.HasPrefix(src, bomUTF16LE) {
		src = src[2:min(len(src), 2+2*sniffLen)]
		out := make([]byte, 0, len(src)/2)
		for i := 0; i+1 < len(src); i += 2 {
			hi, lo := src[i+1], src[i]
			if big {
				hi, lo = lo, hi
			}
			if hi != 0 {
				lo = 0x80 // not ASCII
			}
			out = append(out, lo)
		}
		return out
	}
	for bytes.HasPrefix(src, bomUTF8) {
		src = src[len(bomUTF8):]
	}
	return src[:min(len(src), sniffLen)]
}

// looksHTML reports whether the input starts as a web page does: a doctype or
// <html>, or some markup that holds <head>, <body>, <meta> or <title> early.
// A report written as text never starts with "<".
func looksHTML(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	if hasPrefixFold(head, "<!doctype html") || hasPrefixFold(head, "<html") {
		return true
	}
	lower := bytes.ToLower(head)
	for _, tag := range []string{"<html", "<head", "<body", "<meta", "<title"} {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

// looksMHT reports whether the input is a MIME message holding a web page
// (what browsers and Word write as "single file web page").
func looksMHT(head []byte) bool {
	if !hasPrefixFold(head, "from:") && !hasPrefixFold(head, "mime-version:") &&
		!hasPrefixFold(head, "content-type:") && !hasPrefixFold(head, "content-location:") {
		return false
	}
	return bytes.Contains(bytes.ToLower(head), []byte("multipart/related"))
}

// refuse explains why a recognised format cannot be read, and what to do.
func refuse(f format) error {
	switch f {
	case formatRTF:
		// No RTF reader yet: Word and WPS open RTF and save it as .docx.
		return &Error{Reason: "这是 RTF 文件(可能扩展名是 .doc),无法直接读取;请用 Word 或 WPS 打开,另存为 .docx 或 .txt 后再检查"}
	case formatNotZip:
		return &Error{Reason: "文件扩展名是 .docx,但内容不是 .docx(zip 压缩包);文件可能已损坏或被改过扩展名:请用 Word 或 WPS 打开后重新另存为 .docx"}
	}
	return &Error{Reason: "无法识别的文件格式;请另存为 .docx 或 .txt"}
}

// hasPrefixFold reports whether b starts with the ASCII string p, ignoring
// ASCII case.
func hasPrefixFold(b []byte, p string) bool {
	return len(b) >= len(p) && bytes.EqualFold(b[:len(p)], []byte(p))
}
