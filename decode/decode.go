// Package decode turns the bytes of a report file into the UTF-8 text the
// parser reads. Drafters hand over whatever they have: a UTF-8 or GB18030
// text file, a UTF-16 file saved by Notepad, a Word .docx, a web page saved
// from a government site. Bytes recognises each by its content (the file name
// only breaks ties), decodes it, and keeps the hints the source carries:
// heading styles, the page title, the publication dates in a page's metadata.
// Input it cannot read (binary, PDF, old .doc, a zip bomb) gets an error that
// says, in Chinese, what is wrong and what to do.
//
// Offsets reported by ducha are byte offsets in Text.Text, the decoded text.
package decode

import (
	"errors"
	"fmt"
	"strings"
)

// Text is a decoded report.
type Text struct {
	// Text is the report as UTF-8, without a byte-order mark. For text files
	// line ends are kept as they were (LF or CRLF). A .docx yields one line
	// per paragraph (a manual line break, w:br, starts another), a page one
	// line per non-empty block, each ended by LF.
	Text string
	// Encoding names the encoding the bytes were in: "UTF-8", "UTF-16LE",
	// "UTF-16BE", "GB18030", or another WHATWG name in upper case ("BIG5").
	Encoding string
	// Format names the file format: "text", "docx" or "html".
	Format string
	// Headings maps 1-based line numbers to an outline level (1–4) that the
	// source declared: a .docx heading style or outline level, an HTML
	// <h1>–<h4>. Nil when the source declared none (always for plain text).
	Headings map[int]int
	// Title is the title the source declares apart from its text: an HTML
	// page's <title>, or the text of a .docx paragraph in the Title style.
	// It is a hint (a page title often ends with the site's name); the
	// report's title line is found in Text by the parser.
	Title string
	// Meta holds a web page's <meta> name/content pairs whose name looks like
	// a date (PubDate, publishdate, article:published_time, dcterms.issued…),
	// in document order, for the date checks: a saved page often carries its
	// publication date only there.
	Meta []Meta
}

// Meta is one <meta name=… content=…> pair (or property=, itemprop=).
type Meta struct {
	Name    string // as written in the page
	Content string // whitespace-trimmed
}

// Options control decoding. The zero value detects everything and applies
// the default limits.
type Options struct {
	// MaxSize is the largest input accepted, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Name is the file's name (or path). Only its extension is used, and
	// only when the content does not decide: ".html"/".htm" read the input
	// as a web page, ".docx" insists on a .docx.
	Name string
	// Encoding, when not empty, names the encoding of a text file or web
	// page, with a WHATWG label ("utf-8", "gb18030", "gbk", "gb2312",
	// "utf-16le", "utf-16be", "big5"…). It wins over a page's <meta charset>
	// and over detection; a byte-order mark still wins over it. GBK and
	// GB2312 are read as GB18030, their superset. Ignored for .docx, whose
	// XML declares its own.
	Encoding string
	// MaxUnpacked bounds the bytes decompressed from a .docx, all entries
	// read together (each entry is also refused up front when its header
	// declares more); 0 means MaxSize, or DefaultMaxSize.
	MaxUnpacked int64
	// MaxEntries bounds the number of entries in a .docx; 0 means
	// DefaultMaxEntries.
	MaxEntries int
	// MaxDepth bounds the nesting of XML elements in a .docx; 0 means
	// DefaultMaxDepth.
	MaxDepth int
}

// Limits' defaults. A real report's .docx has a few dozen entries, a
// document.xml under 10 MB and elements nested under 60 deep (text boxes in
// tables); these leave room for that and refuse zip bombs quickly.
const (
	DefaultMaxSize    = 64 << 20
	DefaultMaxEntries = 1000
	DefaultMaxDepth   = 256
	// MaxRatio is the largest compression ratio accepted for a .docx entry
	// that unpacks to more than 1 MB. Word's XML compresses 5–30 times;
	// deflate cannot exceed about 1032, which a bomb of zeros reaches.
	MaxRatio = 200
)

// ErrEmpty is returned for input with no text at all.
var ErrEmpty = errors.New("内容为空,没有可检查的文字")

// Bytes decodes src: it recognises the format by its content (zip → .docx,
// markup → HTML, otherwise text; PDF and old .doc are refused), decodes the
// encoding and extracts the text. The error, when not nil, is an *Error or
// ErrEmpty (possibly wrapped with details), and its message is meant for the
// user.
func Bytes(src []byte, opt Options) (*Text, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	if int64(len(src)) > max {
		return nil, &Error{Reason: fmt.Sprintf("文件过大(%d 字节,上限 %d 字节);如确需检查,请调高 --max-size", len(src), max)}
	}
	switch f := sniff(src, opt.Name); f {
	case formatDocx:
		return decodeDocx(src, opt)
	case formatHTML:
		return decodeHTML(src, opt)
	case formatText:
		return decodeText(src, opt)
	default:
		return nil, refuse(f)
	}
}

// decodeText reads a plain text file.
func decodeText(src []byte, opt Options) (*Text, error) {
	s, enc, err := toUTF8(src, opt.Encoding, "")
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, ErrEmpty
	}
	return &Text{Text: s, Encoding: enc, Format: "text"}, nil
}

// Error is a decoding failure.
type Error struct {
	Offset int    // byte offset in the input where the problem was found, if known
	Reason string // what is wrong and what to do, in Chinese

	limit bool // a limit against hostile input was exceeded
}

func (e *Error) Error() string { return e.Reason }

// emptyIn wraps ErrEmpty with what the container held instead.
func emptyIn(what string) error {
	return fmt.Errorf("%w:%s", ErrEmpty, what)
}
