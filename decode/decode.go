// Package decode turns the bytes of a report file into the UTF-8 text the
// parser reads. Drafters and reviewers hand over whatever they have: a UTF-8
// or GB18030 text file, a UTF-16 file saved by Notepad, a Word .docx or
// Word 97–2003 .doc, a WPS .wps, a LibreOffice .odt, a PDF from a website,
// an OFD (GB/T 33190), a web page saved as .html or as a single-file .mht.
// Bytes recognises each by its content (the file name only breaks ties),
// decodes it, and keeps the hints the source carries: heading styles, the
// page title, the publication dates in a page's metadata. Input it cannot
// read (binary, RTF, an encrypted or Word 95 file, a scan, a zip bomb) gets
// an error that says, in Chinese, what is wrong and what to do.
//
// Offsets reported by ducha are byte offsets in Text.Text, the decoded text.
package decode

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Text is a decoded report.
type Text struct {
	// Text is the report as UTF-8, without a byte-order mark. For text files
	// line ends are kept as they were (LF or CRLF). A .docx, .doc or .odt
	// yields one line per paragraph (a manual line break starts another), a
	// page (.html, .mht) one line per non-empty block, a PDF or .ofd one
	// line per paragraph as rebuilt from the layout, each ended by LF.
	Text string
	// Encoding names the encoding the bytes were in: "UTF-8", "UTF-16LE",
	// "UTF-16BE", "GB18030", or another WHATWG name in upper case ("BIG5").
	Encoding string
	// Format names the file format: "text", "docx", "html", "doc" (Word
	// 97–2003 and WPS 文字), "odt", "mht", "pdf" or "ofd".
	Format string
	// Headings maps 1-based line numbers to an outline level (1–4) that the
	// source declared: a .docx or .doc heading style, a .docx outline level,
	// an .odt text:h, an HTML <h1>–<h4>. Nil when the source declared none
	// (always for plain text, PDF and .ofd).
	Headings map[int]int
	// Title is the title the source declares apart from its text: an HTML
	// page's <title>, or the text of a .docx or .odt paragraph in the Title
	// style.
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
	// as a web page, ".mht"/".mhtml" as a single-file page, ".docx" insists
	// on a zip. A ".doc" holding a web page or RTF is read as what it holds.
	Name string
	// Encoding, when not empty, names the encoding of a text file or web
	// page whose encoding cannot be detected, with a WHATWG label ("utf-8",
	// "gb18030", "gbk", "gb2312", "utf-16le", "utf-16be", "big5"…). It is a
	// fallback: a byte-order mark, valid UTF-8 and a page's <meta charset>
	// win over it, so that one label given for a folder does not garble the
	// files whose encoding is known. GBK and GB2312 are read as GB18030,
	// their superset. Ignored for the container formats (.docx, .doc, .odt,
	// .ofd, PDF), which declare their own.
	Encoding string
	// ForceEncoding, when not empty, names an encoding that wins over
	// detection, a page's charset and Encoding (only a byte-order mark wins
	// over it): for the rare file whose bytes happen to be valid UTF-8 but
	// are not.
	ForceEncoding string
	// PDF extracts the text layer of a PDF; nil means Pdftotext, poppler's
	// pdftotext found on the PATH. An integrator plugs in their own.
	PDF PDFReader
	// Timeout bounds an external converter's run (PDF); 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxUnpacked bounds the bytes decompressed from a .docx, .odt or
	// .ofd, all entries read together (each entry is also refused up front
	// when its header declares more), and the page decoded from an .mht; 0
	// means MaxSize, or DefaultMaxSize.
	MaxUnpacked int64
	// MaxEntries bounds the number of entries in a .docx, .odt or .ofd (and
	// of streams in a .doc); 0 means DefaultMaxEntries.
	MaxEntries int
	// MaxDepth bounds the nesting of XML elements in a .docx, .odt or .ofd;
	// 0 means DefaultMaxDepth.
	MaxDepth int
}

// Limits' defaults. A real report's .docx has a few dozen entries, a
// document.xml under 10 MB and elements nested under 60 deep (text boxes in
// tables); these leave room for that and refuse zip bombs quickly.
const (
	DefaultMaxSize    = 64 << 20
	DefaultMaxEntries = 1000
	DefaultMaxDepth   = 256
	// DefaultTimeout bounds an external converter: pdftotext reads a
	// 100-page report in about a second.
	DefaultTimeout = time.Minute
	// MaxRatio is the largest compression ratio accepted for a .docx entry
	// that unpacks to more than 1 MB. Word's XML compresses 5–30 times;
	// deflate cannot exceed about 1032, which a bomb of zeros reaches.
	MaxRatio = 200
)

// ErrEmpty is returned for input with no text at all.
var ErrEmpty = errors.New("内容为空,没有可检查的文字")

// Bytes decodes src: it recognises the format by its content (zip → .docx,
// .odt or .ofd; compound file → .doc or .wps; PDF; MIME → .mht; markup →
// HTML; otherwise text; RTF is refused), decodes the encoding and extracts
// the text. The error, when not nil, is an *Error or ErrEmpty (possibly
// wrapped with details), and its message is meant for the user.
func Bytes(src []byte, opt Options) (*Text, error) {
	return BytesContext(context.Background(), src, opt)
}

// BytesContext is Bytes with a context that bounds the external converters
// (PDF) it may run.
func BytesContext(ctx context.Context, src []byte, opt Options) (*Text, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	for _, label := range []string{opt.Encoding, opt.ForceEncoding} {
		if label != "" {
			if err := CheckEncoding(label); err != nil {
				return nil, err
			}
		}
	}
	if int64(len(src)) > max {
		return nil, &Error{Reason: fmt.Sprintf("文件过大(%d 字节,上限 %d 字节);如确需检查,请调高 --max-size", len(src), max)}
	}
	switch f := sniff(src, opt.Name); f {
	case formatDocx:
		return decodeZip(src, opt)
	case formatOLE:
		return decodeOLE(src, opt)
	case formatPDF:
		return decodePDF(ctx, src, opt)
	case formatMHT:
		return decodeMHT(src, opt)
	case formatHTML:
		return decodeHTML(src, opt, "")
	case formatText:
		return decodeText(src, opt)
	default:
		return nil, refuse(f)
	}
}

// decodeText reads a plain text file.
func decodeText(src []byte, opt Options) (*Text, error) {
	s, enc, err := toUTF8(src, opt, "")
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
	Offset int    // 0-based byte offset in the input where the problem was found, if known (messages count bytes from 1)
	Reason string // what is wrong and what to do, in Chinese

	limit bool // a limit against hostile input was exceeded
}

func (e *Error) Error() string { return e.Reason }

// emptyIn wraps ErrEmpty with what the container held instead.
func emptyIn(what string) error {
	return fmt.Errorf("%w:%s", ErrEmpty, what)
}
