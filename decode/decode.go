// Package decode turns the bytes of a report file into the UTF-8 text the
// parser reads: it removes a byte-order mark, rejects binary and undecodable
// input with an error that says what to do, and (for richer formats) keeps the
// hints the source carries, such as heading styles.
//
// Offsets reported by ducha are byte offsets in Text.Text, the decoded text.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Text is a decoded report.
type Text struct {
	// Text is the report as UTF-8, without a byte-order mark. Line ends are
	// kept as they were (LF or CRLF).
	Text string
	// Encoding names the encoding the bytes were in ("UTF-8").
	Encoding string
	// Format names the file format ("text").
	Format string
	// Headings maps 1-based line numbers to an outline level (1–4) that the
	// source declared with a heading style; nil for plain text.
	Headings map[int]int
}

// Options control decoding.
type Options struct {
	// MaxSize is the largest input accepted, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
}

// DefaultMaxSize is the largest input accepted when Options.MaxSize is 0.
const DefaultMaxSize = 64 << 20

// ErrEmpty is returned for input with no text at all.
var ErrEmpty = errors.New("内容为空,没有可检查的文字")

// Bytes decodes src. The error, when not nil, is an *Error or ErrEmpty
// wrapped with details, and its message is meant for the user.
func Bytes(src []byte, opt Options) (*Text, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	if int64(len(src)) > max {
		return nil, &Error{Reason: fmt.Sprintf("文件过大(%d 字节,上限 %d 字节);如确需检查,请调高 --max-size", len(src), max)}
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, ErrEmpty
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &Error{Offset: i, Reason: "含有 NUL 字节,看起来是二进制文件而不是报告文本;请先转换为 .txt"}
	}
	if !utf8.Valid(src) {
		off := invalidAt(src)
		return nil, &Error{Offset: off, Reason: fmt.Sprintf("不是有效的 UTF-8 文本(第 %d 字节处无法解码);请转换为 UTF-8 后再检查", off)}
	}
	return &Text{Text: string(src), Encoding: "UTF-8", Format: "text"}, nil
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

// Error is a decoding failure.
type Error struct {
	Offset int    // byte offset in the input where the problem was found, if known
	Reason string // what is wrong and what to do, in Chinese
}

func (e *Error) Error() string { return e.Reason }
