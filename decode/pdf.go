package decode

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A PDFReader extracts the text layer of a PDF as pages of lines in reading
// order. Pdftotext is the one used when Options.PDF is nil; an integrator
// may plug in another (a library, a service). Errors it returns should be
// *Error, with a message for the user.
type PDFReader interface {
	ReadPDF(ctx context.Context, src []byte) ([]Page, error)
}

// PDFReaderFunc adapts a function to PDFReader.
type PDFReaderFunc func(ctx context.Context, src []byte) ([]Page, error)

// ReadPDF calls f.
func (f PDFReaderFunc) ReadPDF(ctx context.Context, src []byte) ([]Page, error) { return f(ctx, src) }

// Pdftotext reads a PDF with poppler's pdftotext, found on the PATH when it
// is called. The PDF goes in on standard input (no file is written), and
// the text comes back as pdftotext's word boxes (-bbox-layout) in UTF-8.
// MaxOutput bounds what it may print (its word boxes take some ten
// times the text); 0 means DefaultMaxSize.
type Pdftotext struct {
	MaxOutput int64
}

// errNoPdftotext says what to install.
var errNoPdftotext = &Error{Reason: "这是 PDF 文件;读取 PDF 需要 pdftotext,但没有找到这个程序。请安装 poppler-utils 和 poppler-data(Debian/Ubuntu:sudo apt-get install poppler-utils poppler-data;没有 poppler-data 时中文读不出来),或用 Word、WPS 打开后另存为 .docx 再检查"}

// ReadPDF runs pdftotext on src.
func (p Pdftotext) ReadPDF(ctx context.Context, src []byte) ([]Page, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, errNoPdftotext
	}
	limit := p.MaxOutput
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	cmd := exec.CommandContext(ctx, bin, "-q", "-bbox-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(src)
	out := &capWriter{max: limit}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &capWriter{w: &stderr, max: 4096}
	err = cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, &Error{Reason: "读取 PDF 超时(pdftotext 未在限定时间内完成);文件可能过大或已损坏,请用 Word、WPS 打开后另存为 .docx 再检查"}
	case out.over:
		return nil, &Error{limit: true, Reason: fmt.Sprintf("PDF 中提取出的文字超过 %d 字节的上限,不像正常的报告;请确认文件,或另存为 .txt 后再检查", limit)}
	case err != nil:
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() == 1 && strings.Contains(strings.ToLower(stderr.String()), "password") {
			return nil, &Error{Reason: "这个 PDF 设有密码,无法读取;请先取消密码,或另存为 .docx 后再检查"}
		}
		return nil, &Error{Reason: "PDF 文件已损坏,或不是 PDF(pdftotext 无法读取);请用原软件重新导出 PDF,或另存为 .docx 后再检查"}
	}
	return parseBBox(out.buf.Bytes())
}

// capWriter keeps at most max bytes and notes whether more came.
type capWriter struct {
	buf  bytes.Buffer
	w    io.Writer // if set, written to instead of buf
	max  int64
	n    int64
	over bool
}

func (c *capWriter) Write(p []byte) (int, error) {
	if c.n+int64(len(p)) > c.max {
		c.over = true
		return 0, errors.New("output limit")
	}
	c.n += int64(len(p))
	if c.w != nil {
		return c.w.Write(p)
	}
	return c.buf.Write(p)
}

// parseBBox reads pdftotext's -bbox-layout output: pages of flows of
// blocks of lines of words, each with its box, and joins each line's words
// (see spaced).
func parseBBox(b []byte) ([]Page, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var pages []Page
	var words [][]bboxWord // the words of each line of the page being read
	var line *Line
	var word *bboxWord
	depth := 0
	endPage := func() {
		if len(pages) > 0 {
			pg := &pages[len(pages)-1]
			for i := range pg.Lines { // the margins count the lines with text
				for _, w := range words[i] {
					pg.Lines[i].Text += w.text
				}
			}
			_, right := margins(pg.Lines)
			for i := range pg.Lines {
				pg.Lines[i].Text = joinWords(words[i], pg.Lines[i], right)
			}
		}
		words = nil
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &Error{Reason: "无法读取 pdftotext 的输出;请确认安装的是 poppler-utils 的 pdftotext,或另存为 .docx 后再检查"}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > DefaultMaxDepth {
				return nil, &Error{Reason: "pdftotext 的输出嵌套过深;请另存为 .docx 后再检查"}
			}
			switch t.Name.Local {
			case "page":
				endPage()
				pages = append(pages, Page{Width: fattr(t, "width"), Height: fattr(t, "height")})
			case "line":
				line = &Line{XMin: fattr(t, "xMin"), YMin: fattr(t, "yMin"), XMax: fattr(t, "xMax"), YMax: fattr(t, "yMax")}
				if len(pages) > 0 {
					pg := &pages[len(pages)-1]
					pg.Lines = append(pg.Lines, *line)
					words = append(words, nil)
				}
			case "word":
				if line != nil && len(words) > 0 {
					words[len(words)-1] = append(words[len(words)-1], bboxWord{x0: fattr(t, "xMin"), x1: fattr(t, "xMax")})
					word = &words[len(words)-1][len(words[len(words)-1])-1]
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "word":
				word = nil
			case "line":
				line = nil
			}
		case xml.CharData:
			if word != nil {
				word.text += string(t)
			}
		}
	}
	endPage()
	return pages, nil
}

// A bboxWord is a word of pdftotext's output.
type bboxWord struct {
	text   string
	x0, x1 float64
}

// joinWords joins the words of a line, with a space where spaced says.
func joinWords(ws []bboxWord, ln Line, right float64) string {
	h := ln.YMax - ln.YMin
	justified := ln.XMax >= right-0.25*h
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && spaced(ws[i-1].text, w.text, w.x0-ws[i-1].x1, h, justified) {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// spaced reports whether the gap between two words of a line of height h
// stands for a space. pdftotext splits words where the font changes,
// between Chinese and digits, where the text has no space (a gap of about
// 0.15 h), and a justified line (one that ends at the right margin) widens
// those gaps to 0.25 h: there, next to a Chinese character, only more than
// 0.4 h (two spaces) is a space; elsewhere more than 0.2 h is, and between
// Latin words or numbers more than 0.15 h.
func spaced(before, word string, gap, h float64, justified bool) bool {
	x, _ := utf8.DecodeLastRuneInString(before)
	y, _ := utf8.DecodeRuneInString(word)
	switch {
	case x < utf8.RuneSelf && y < utf8.RuneSelf:
		return gap > 0.15*h
	case justified:
		return gap > 0.4*h
	}
	return gap > 0.2*h
}

func fattr(t xml.StartElement, name string) float64 {
	f, _ := strconv.ParseFloat(attr(t, name), 64)
	return f
}

// decodePDF reads a PDF through opt.PDF (pdftotext by default), within the
// time-out, and rebuilds its paragraphs (see layoutText).
func decodePDF(ctx context.Context, src []byte, opt Options) (*Text, error) {
	r := opt.PDF
	if r == nil {
		r = Pdftotext{MaxOutput: max(opt.MaxSize, DefaultMaxSize)}
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	pages, err := r.ReadPDF(ctx, src)
	if err != nil {
		return nil, err
	}
	text := layoutText(pages)
	if strings.TrimSpace(text) == "" {
		return nil, &Error{Reason: "扫描件,没有文字层,需要先做文字识别(OCR)"}
	}
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return nil, &Error{Reason: "PDF 中提取不到中文文字:可能是扫描件(需要先做文字识别,OCR),或缺少中文字体数据(请安装 poppler-data:sudo apt-get install poppler-data)"}
	}
	return &Text{Text: text, Encoding: "UTF-8", Format: "pdf"}, nil
}
