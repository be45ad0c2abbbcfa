// Package serve is ducha as a local web page: drop reports on it and read
// the HTML report, download the annotated .docx, or POST them to the JSON
// API. Handler is an http.Handler an integrator can mount in their own
// http.ServeMux (under a prefix with http.StripPrefix); Server wraps it in
// an http.Server with the timeouts a server facing slow or hostile clients
// needs.
//
// Routes, relative to where the handler is mounted:
//
//	GET  /             the page (works with scripts off: a plain form)
//	POST /api/check    multipart field "file", one or more: the JSON of
//	                   ducha check --format json (format.JSON)
//	POST /api/report   the same upload: the HTML report (format.HTML)
//	POST /api/docx     one file: its annotated copy (format.Docx)
//
// Uploads are read from the request body into memory, part by part, within
// Options.MaxSize for the whole request; nothing is ever written to disk
// (http.Request.ParseMultipartForm would spill large files to temporary
// files, so it is not used). Reports are government documents: the
// handler keeps nothing once it has answered.
package serve

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
	"unicode"

	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
)

//go:embed page.html
var page []byte

// Options configure the handler.
type Options struct {
	// Linter checks the uploads. Required.
	Linter *lint.Linter
	// Check holds what the checks should know of every upload (Year,
	// Published, Encoding); its Name and MaxSize are set per file.
	Check lint.Options
	// MaxSize bounds a request's body, all files together, in bytes; 0
	// means DefaultMaxSize.
	MaxSize int64
	// MaxFiles bounds the files in one request; 0 means DefaultMaxFiles.
	MaxFiles int
	// MaxConcurrent bounds the requests being read and checked at once
	// (each holds its upload in memory); more wait their turn. 0 means
	// DefaultMaxConcurrent.
	MaxConcurrent int
	// Logf, when not nil, logs each refused request (never its content).
	Logf func(format string, args ...any)
}

// Defaults of Options.
const (
	DefaultMaxSize       = 64 << 20
	DefaultMaxFiles      = 200
	DefaultMaxConcurrent = 8
)

// A Handler serves the page and the API. It is safe for concurrent use.
type Handler struct {
	opt Options
	mux *http.ServeMux
	sem chan struct{}
}

// New returns the handler.
func New(opt Options) *Handler {
	if opt.MaxSize <= 0 {
		opt.MaxSize = DefaultMaxSize
	}
	if opt.MaxFiles <= 0 {
		opt.MaxFiles = DefaultMaxFiles
	}
	if opt.MaxConcurrent <= 0 {
		opt.MaxConcurrent = DefaultMaxConcurrent
	}
	h := &Handler{opt: opt, mux: http.NewServeMux(), sem: make(chan struct{}, opt.MaxConcurrent)}
	h.mux.HandleFunc("GET /{$}", h.page)
	h.mux.HandleFunc("POST /api/check", h.upload(h.writeJSON))
	h.mux.HandleFunc("POST /api/report", h.upload(h.writeHTML))
	h.mux.HandleFunc("POST /api/docx", h.upload(h.writeDocx))
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	h.mux.ServeHTTP(w, r)
}

// Server returns an http.Server for h on addr with timeouts against slow
// and idle clients: the headers must come within 10 s, the whole request
// within 2 minutes (a large .docx on a slow link), the answer within 2
// minutes more; an idle keep-alive connection is closed after a minute.
func Server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      4 * time.Minute,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

func (h *Handler) page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self' blob: data:; img-src 'self' data: blob:; form-action 'self'; base-uri 'none'")
	w.Write(page)
}

// An upload is one file of a request.
type upload struct {
	name string
	data []byte
}

// requestError is a bad request: its status and the message for the user.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

// upload wraps a writer of results: it reads the request's files, checks
// them, and hands the results over, or answers the error.
func (h *Handler) upload(write func(http.ResponseWriter, []upload, []format.File)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case h.sem <- struct{}{}:
			defer func() { <-h.sem }()
		case <-r.Context().Done():
			return
		}
		ups, err := h.read(w, r)
		if err != nil {
			var re *requestError
			if !errors.As(err, &re) {
				re = &requestError{http.StatusBadRequest, "上传的内容不完整或格式有误;请重新选择文件上传"}
			}
			if h.opt.Logf != nil {
				h.opt.Logf("%s %s: %d %s", r.Method, r.URL.Path, re.status, re.msg)
			}
			fail(w, r, re.status, re.msg)
			return
		}
		files := h.check(r.Context(), ups)
		if r.Context().Err() != nil {
			return // the client is gone
		}
		write(w, ups, files)
	}
}

// fail answers an error: JSON for the JSON API, text otherwise.
func fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if strings.HasSuffix(r.URL.Path, "/api/check") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "{\"error\": %q}\n", msg)
		return
	}
	http.Error(w, msg, status)
}

// read reads the files of a multipart request into memory, within the
// limits.
func (h *Handler) read(w http.ResponseWriter, r *http.Request) ([]upload, error) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ct != "multipart/form-data" {
		return nil, &requestError{http.StatusUnsupportedMediaType, "请用 multipart/form-data 上传文件(表单字段 file)"}
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.opt.MaxSize)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, &requestError{http.StatusBadRequest, "上传的内容格式有误(缺少 multipart 边界);请重新选择文件上传"}
	}
	var ups []upload
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, h.readError(err)
		}
		if p.FormName() != "file" {
			// Another field: read past it, within the same limit.
			if _, err := io.Copy(io.Discard, p); err != nil {
				return nil, h.readError(err)
			}
			continue
		}
		if len(ups) == h.opt.MaxFiles {
			return nil, &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("一次最多上传 %d 个文件;请分批上传", h.opt.MaxFiles)}
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(p); err != nil {
			return nil, h.readError(err)
		}
		ups = append(ups, upload{name: cleanName(p.FileName(), len(ups)+1), data: b.Bytes()})
	}
	if len(ups) == 0 {
		return nil, &requestError{http.StatusBadRequest, "没有收到文件;请在表单字段 file 中上传报告(.docx、.doc、.odt、.pdf、.txt、.html 等)"}
	}
	return ups, nil
}

func (h *Handler) readError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &requestError{http.StatusRequestEntityTooLarge, fmt.Sprintf("上传的文件合计超过 %d 字节的上限;请分批上传,或以更大的 --max-size 启动 ducha serve", h.opt.MaxSize)}
	}
	return err
}

// cleanName is the name an upload is shown under: the last element of
// what the browser sent (never a path: it names nothing on this machine),
// without control characters, or "文件N" when that leaves nothing.
func cleanName(name string, n int) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." || name == "/" {
		return fmt.Sprintf("文件%d", n)
	}
	if len(name) > 255 {
		name = name[len(name)-255:]
		for len(name) > 0 && name[0]&0xC0 == 0x80 {
			name = name[1:]
		}
	}
	return name
}

// check checks the uploads, in order.
func (h *Handler) check(ctx context.Context, ups []upload) []format.File {
	files := make([]format.File, len(ups))
	for i, u := range ups {
		opt := h.opt.Check
		opt.Name, opt.MaxSize = u.name, h.opt.MaxSize
		files[i] = format.File{Path: u.name}
		files[i].Result, files[i].Err = h.checkOne(ctx, u.data, opt)
	}
	return files
}

// checkOne checks one upload; a panic becomes its error, and the server
// goes on.
func (h *Handler) checkOne(ctx context.Context, src []byte, opt lint.Options) (r *lint.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("内部错误,未能检查这份报告(%v);请把报告文件发给 ducha 的开发者", p)
		}
	}()
	return h.opt.Linter.Check(ctx, src, opt)
}

func (h *Handler) writeJSON(w http.ResponseWriter, _ []upload, files []format.File) {
	var b bytes.Buffer
	if err := format.JSON(&b, files); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b.Bytes())
}

func (h *Handler) writeHTML(w http.ResponseWriter, _ []upload, files []format.File) {
	var b bytes.Buffer
	if err := format.HTML(&b, files, format.HTMLOptions{}); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; base-uri 'none'")
	w.Write(b.Bytes())
}

func (h *Handler) writeDocx(w http.ResponseWriter, ups []upload, files []format.File) {
	if len(ups) != 1 {
		http.Error(w, fmt.Sprintf("批注文档一次只能生成一份(收到 %d 份);请逐份上传", len(ups)), http.StatusBadRequest)
		return
	}
	if files[0].Err != nil {
		http.Error(w, ups[0].name+": "+files[0].Err.Error(), http.StatusUnprocessableEntity)
		return
	}
	var b bytes.Buffer
	if err := format.Docx(&b, files[0].Result, ups[0].data, format.DocxOptions{Date: time.Now()}); err != nil {
		http.Error(w, ups[0].name+": "+err.Error(), http.StatusUnprocessableEntity)
		return
	}
	name := strings.TrimSuffix(ups[0].name, path.Ext(ups[0].name)) + "-批注.docx"
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(b.Bytes())
}
