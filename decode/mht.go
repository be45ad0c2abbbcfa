package decode

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
)

// maxMHTParts bounds the parts of an .mht looked through for the page: a
// saved page has one per image and style sheet.
const maxMHTParts = DefaultMaxEntries

var errNotMHT = &Error{Reason: "不是有效的“单个文件网页”(.mht/.mhtml):MIME 结构已损坏;请在浏览器或 Word 中打开,另存为“网页,仅 HTML”(.html),或复制正文另存为 .txt"}

// decodeMHT reads a web page saved "as a single file" (.mht, .mhtml), as
// browsers and Word's 单个文件网页 write it: a MIME message whose root part
// (the one its start parameter names, else the first text/html part) is the
// page, in quoted-printable or base64, in the charset its Content-Type
// names (Word: usually gb2312; the page's own <meta> wins, as in a
// browser). The page is then read as any web page.
func decodeMHT(src []byte, opt Options) (*Text, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(src))
	if err != nil {
		return nil, errNotMHT
	}
	limit := newLimits(opt).unpacked
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, errNotMHT
	}
	if !strings.HasPrefix(mediaType, "multipart/") {
		if mediaType != "text/html" {
			return nil, errNotMHT
		}
		page, err := readPart(msg.Body, textproto.MIMEHeader(msg.Header), limit)
		if err != nil {
			return nil, err
		}
		return mhtPage(page, params["charset"], opt)
	}
	if params["boundary"] == "" {
		return nil, errNotMHT
	}
	start := strings.Trim(params["start"], "<>")
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var page []byte
	var charset string
	for n := 0; n < maxMHTParts; n++ {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			if page != nil {
				break // a page was found before the damage
			}
			return nil, errNotMHT
		}
		ct, cp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		id := strings.Trim(p.Header.Get("Content-Id"), "<>")
		root := start != "" && id == start
		if ct != "text/html" || page != nil && !root {
			continue
		}
		b, err := readPart(p, p.Header, limit)
		if err != nil {
			return nil, err
		}
		page, charset = b, cp["charset"]
		if start == "" || root {
			break
		}
	}
	if page == nil {
		return nil, &Error{Reason: "这个“单个文件网页”(.mht/.mhtml)中没有网页(text/html)部分;请在浏览器中打开后另存为 .html,或复制正文另存为 .txt"}
	}
	return mhtPage(page, charset, opt)
}

// readPart reads a part's body, undoing its transfer encoding, within limit
// bytes.
func readPart(r io.Reader, h textproto.MIMEHeader, limit int64) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &dropSpace{r: r})
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(b)) > limit {
		return nil, &Error{limit: true, Reason: "“单个文件网页”中的网页解码后超过大小上限;请另存为 .html 或 .txt 后再检查"}
	}
	var ce base64.CorruptInputError
	if err != nil && (errors.As(err, &ce) || len(b) == 0) {
		return nil, errNotMHT
	}
	return b, nil // a page cut short still has its text
}

// mhtPage reads the page of an .mht.
func mhtPage(page []byte, charset string, opt Options) (*Text, error) {
	t, err := decodeHTML(page, opt, charset)
	if err != nil {
		return nil, err
	}
	t.Format = "mht"
	return t, nil
}

// dropSpace removes the line ends and spaces of base64 text, which the
// standard decoder only partly tolerates.
type dropSpace struct{ r io.Reader }

func (d *dropSpace) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	j := 0
	for _, c := range p[:n] {
		if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
			p[j] = c
			j++
		}
	}
	return j, err
}
