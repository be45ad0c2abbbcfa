package serve

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ducha-dev/ducha"
)

const seed = "../testdata/seeds/001_15088844970135c4.txt"

func newHandler(t testing.TB, opt Options) *Handler {
	t.Helper()
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	opt.Linter = l
	return New(opt)
}

// multipartBody builds a multipart body with the files (name, content) in
// the field "file", and returns it with its content type.
func multipartBody(t testing.TB, files ...string) (*bytes.Buffer, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		fw, err := mw.CreateFormFile("file", files[i])
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(files[i+1]))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

type jsonOut struct {
	Files []struct {
		Path     string `json:"path"`
		Error    string `json:"error"`
		Findings []struct {
			Rule string `json:"rule"`
		} `json:"findings"`
	} `json:"files"`
	Error string `json:"error"`
}

// endless is a body that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestBadRequests(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir) // where a multipart reader would spill
	h := newHandler(t, Options{MaxSize: 1 << 20, MaxFiles: 3})
	report, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	ok, okType := multipartBody(t, "报告.txt", string(report))
	warned, err := os.ReadFile("../testdata/seeds/000_027d5137780acf8a.txt")
	if err != nil {
		t.Fatal(err)
	}
	withWarnings, warnedType := multipartBody(t, "000.txt", string(warned))
	okBytes := ok.Bytes()
	big, bigType := multipartBody(t, "big.txt", strings.Repeat("很大的报告", 100000))
	four, fourType := multipartBody(t, "a.txt", "a", "b.txt", "b", "c.txt", "c", "d.txt", "d")
	other := &bytes.Buffer{}
	mw := multipart.NewWriter(other)
	mw.WriteField("note", "没有文件")
	mw.Close()
	tests := []struct {
		name, method, path, ctype string
		body                      io.Reader
		status                    int
		want                      string // in the body
	}{
		{"page", "GET", "/", "", nil, 200, "把报告文件"},
		{"unknown path", "GET", "/etc/passwd", "", nil, 404, ""},
		{"traversal in the path", "GET", "/../../etc/passwd", "", nil, 307, ""}, // to the cleaned path, a 404
		{"wrong method", "GET", "/api/check", "", nil, 405, ""},
		{"wrong method on the page", "POST", "/", okType, bytes.NewReader(okBytes), 405, ""},
		{"not multipart", "POST", "/api/check", "application/json", strings.NewReader(`{}`), 415, "multipart/form-data"},
		{"no content type", "POST", "/api/check", "", strings.NewReader("x"), 415, "multipart/form-data"},
		{"no boundary", "POST", "/api/check", "multipart/form-data", strings.NewReader("x"), 400, "边界"},
		{"truncated", "POST", "/api/check", okType, bytes.NewReader(okBytes[:len(okBytes)/2]), 400, "不完整"},
		{"garbage", "POST", "/api/check", okType, strings.NewReader("\x00\x01garbage"), 400, ""},
		{"oversized", "POST", "/api/check", bigType, big, 413, "上限"},
		{"endless", "POST", "/api/check", "multipart/form-data; boundary=x", io.MultiReader(strings.NewReader("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"), endless{}), 413, "上限"},
		{"too many files", "POST", "/api/check", fourType, four, 413, "最多上传 3 个"},
		{"no file", "POST", "/api/check", mw.FormDataContentType(), other, 400, "没有收到文件"},
		{"report", "POST", "/api/report", warnedType, withWarnings, 200, "<mark class="},
		{"docx of two", "POST", "/api/docx", fourType, bytes.NewReader(four.Bytes()), 413, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, tc.body)
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
				t.Errorf("%s %s: %d %.200q; want %d and %q", tc.method, tc.path, rec.Code, rec.Body.String(), tc.status, tc.want)
			}
			if tc.status >= 400 && strings.HasPrefix(tc.path, "/api/check") && rec.Code != 404 && rec.Code != 405 {
				var out jsonOut
				if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Error == "" {
					t.Errorf("error not as JSON: %q", rec.Body.String())
				}
			}
		})
	}
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		t.Errorf("uploads were written to disk: %v", ents)
	}
}

// TestFileNames checks that whatever name a browser sends, the upload is
// shown under a plain file name and nothing is written anywhere.
func TestFileNames(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	h := newHandler(t, Options{})
	tests := []struct{ sent, shown string }{
		{"../../etc/passwd", "passwd"},
		{`..\..\Windows\win.ini`, "win.ini"},
		{"/abs/报告.txt", "报告.txt"},
		{"..", "文件1"},
		{"  报告.txt ", "报告.txt"},
		{"", "文件1"},
	}
	for _, tc := range tests {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		// CreateFormFile would escape the name; write the header as a
		// hostile client would.
		hdr := make(map[string][]string)
		hdr["Content-Disposition"] = []string{fmt.Sprintf(`form-data; name="file"; filename="%s"`, strings.ReplaceAll(tc.sent, `"`, ""))}
		fw, err := mw.CreatePart(hdr)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte("关于2023年度法治政府建设情况的报告\n正文。\n"))
		mw.Close()
		req := httptest.NewRequest("POST", "/api/check", &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var out jsonOut
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != 200 || len(out.Files) != 1 {
			t.Errorf("%q: %d %q", tc.sent, rec.Code, rec.Body.String())
			continue
		}
		if out.Files[0].Path != tc.shown {
			t.Errorf("%q shown as %q, want %q", tc.sent, out.Files[0].Path, tc.shown)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		t.Errorf("uploads were written to disk: %v", ents)
	}
	if _, err := os.Stat("passwd"); err == nil {
		t.Error("a file named after the upload appeared")
	}
}

// TestCheckAPI posts a text report and a .docx and reads the JSON of
// ducha check --format json back, and the annotated copy.
func TestCheckAPI(t *testing.T) {
	srv := httptest.NewServer(newHandler(t, Options{}))
	defer srv.Close()
	report, _ := os.ReadFile(seed)
	docx, err := os.ReadFile("../testdata/decode/004.docx")
	if err != nil {
		t.Fatal(err)
	}
	body, ctype := multipartBody(t, "001.txt", string(report), "004.docx", string(docx), "empty.txt", "")
	res, err := http.Post(srv.URL+"/api/check", ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out jsonOut
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || len(out.Files) != 3 || out.Files[0].Path != "001.txt" || out.Files[1].Path != "004.docx" || out.Files[2].Error == "" {
		t.Errorf("status %d, files %+v", res.StatusCode, out.Files)
	}

	// every format ducha reads, by content: a Word 97 file and an OFD
	doc, _ := os.ReadFile("../testdata/decode/004.doc")
	ofd, _ := os.ReadFile("../testdata/decode/004.ofd")
	body, ctype = multipartBody(t, "004.doc", string(doc), "004.ofd", string(ofd))
	res, err = http.Post(srv.URL+"/api/check", ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	out = jsonOut{}
	err = json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	if err != nil || len(out.Files) != 2 || out.Files[0].Error != "" || out.Files[1].Error != "" {
		t.Errorf("a .doc and an .ofd: %v %+v", err, out.Files)
	}

	body, ctype = multipartBody(t, "004.docx", string(docx))
	res, err = http.Post(srv.URL+"/api/docx", ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("docx: %d %s %.200q", res.StatusCode, res.Header, b)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/comments.xml"
	}
	if !found {
		t.Error("the annotated copy has no comments")
	}
}

// TestMount mounts the handler under a prefix of another mux.
func TestMount(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/ducha/", http.StripPrefix("/ducha", newHandler(t, Options{})))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/ducha/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(b, []byte(`action="api/report"`)) {
		t.Errorf("page: %d", res.StatusCode)
	}
	body, ctype := multipartBody(t, "a.txt", "关于2023年度法治政府建设情况的报告\n正文。\n")
	res, err = http.Post(srv.URL+"/ducha/api/check", ctype, body)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("api under a prefix: %d", res.StatusCode)
	}
}

// TestConcurrentUploads posts 100 reports at once (run it with -race).
func TestConcurrentUploads(t *testing.T) {
	srv := httptest.NewServer(newHandler(t, Options{MaxConcurrent: 4}))
	defer srv.Close()
	report, _ := os.ReadFile(seed)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range 100 {
		wg.Go(func() {
			body, ctype := multipartBody(t, fmt.Sprintf("r%d.txt", i), string(report))
			res, err := http.Post(srv.URL+"/api/check", ctype, body)
			if err != nil {
				errs <- err
				return
			}
			defer res.Body.Close()
			var out jsonOut
			if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != 200 || len(out.Files) != 1 || out.Files[0].Path != fmt.Sprintf("r%d.txt", i) {
				errs <- fmt.Errorf("upload %d: status %d, %v, %+v", i, res.StatusCode, err, out.Files)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSlowClient checks that a client that sends half a header is cut
// off by ReadHeaderTimeout and the server keeps serving others.
func TestSlowClient(t *testing.T) {
	h := newHandler(t, Options{})
	srv := Server("127.0.0.1:0", h)
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.IdleTimeout == 0 || srv.WriteTimeout == 0 {
		t.Fatalf("Server without timeouts: %+v", srv)
	}
	srv.ReadHeaderTimeout = 50 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "POST /api/check HTTP/1.1\r\nHost: x\r\n")
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	// The server gives up on the header: it closes the connection
	// (possibly after a 408).
	rd := bufio.NewReader(conn)
	for {
		if _, err := rd.ReadByte(); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("the server kept a slow client's connection open")
			}
			break
		}
	}
	res, err := http.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("after a slow client: %d", res.StatusCode)
	}
}
