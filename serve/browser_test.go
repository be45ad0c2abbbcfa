package serve

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
)

var screenshots = flag.Bool("screenshots", false, "write the screenshots in docs/ from the browser test")

// browser starts headless Chromium for a test, with the flags it needs on
// a closed network, and collects the console's errors. It skips the test
// when Chromium is not installed, and fails it then under CI.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium is not installed; CI must run the browser test (apt-get install chromium)")
		}
		t.Skip("Chromium is not installed; skipping the browser test (apt-get install chromium to run it)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 860),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	// Start the browser, then listen to its console.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	var mu sync.Mutex
	var errs []string
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), errs...)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func check(t *testing.T, l *lint.Linter, path string) format.File {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.Check(t.Context(), src, lint.Options{Name: path})
	if err != nil {
		t.Fatal(err)
	}
	return format.File{Path: filepath.Base(path), Result: r}
}

func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if !*screenshots {
		return
	}
	png := run(t, ctx, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join("..", "docs", name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Scripts the tests run in the page.
const (
	jsAnchors = `document.querySelectorAll("span.anchor").length`
	// the findings some mark covers
	jsCovered = `(() => { const s = new Set(); document.querySelectorAll("mark[data-f]").forEach(m => m.dataset.f.split(" ").forEach(id => s.add(id))); return s.size; })()`
	jsInView  = `((id) => { let m = document.getElementById(id).nextElementSibling; while (m && m.classList.contains("anchor")) m = m.nextElementSibling; const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })`
	// the id of the last finding whose mark is out of view
	jsFarFinding = `(() => { const f = [...document.querySelectorAll("li.finding")].map(li => li.dataset.id).filter(id => !(` + jsInView + `)(id)); return f.length ? f[f.length - 1] : ""; })()`
	jsVisible    = `((sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).length)`
	// the marks still highlighted that cover only findings of severity sev
	jsHighlit = `((sev) => [...document.querySelectorAll("mark[data-f]")].filter(m => !m.classList.contains("off") && m.dataset.f.split(" ").every(id => document.querySelector("li[data-id='" + id + "']").dataset.sev === sev)).length)`
)

// TestBrowserReport opens a written report.html of two reports in
// Chromium: no console error, one highlighted span per finding, a click
// on a finding scrolls its mark into view, the severity filter hides the
// warnings.
func TestBrowserReport(t *testing.T) {
	ctx, consoleErrors := browser(t)
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	files := []format.File{check(t, l, "../testdata/seeds/000_027d5137780acf8a.txt"), check(t, l, "../testdata/seeds/003_90fbc7d8aeb855ec.txt")}
	findings, warnings := 0, 0
	for _, f := range files {
		findings += len(f.Result.Findings)
		for _, fd := range f.Result.Findings {
			if fd.Severity == lint.Warning {
				warnings++
			}
		}
	}
	if warnings == 0 || findings == warnings {
		t.Fatalf("the seeds give %d findings, %d warnings: the test needs both warnings and others", findings, warnings)
	}
	dir := t.TempDir()
	write := func(name string, fs []format.File) string {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := format.HTML(f, fs, format.HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return "file://" + filepath.Join(dir, name)
	}
	index := write("report.html", files)
	single := write("single.html", files[1:])

	do(t, ctx, chromedp.Navigate(index), chromedp.WaitVisible(chromedp.CSS("#filters")))
	shoot(t, ctx, "index.png")
	if n := run(t, ctx, chromedp.Evaluate[int](jsAnchors)); n != findings {
		t.Errorf("%d anchored findings in the page, want %d", n, findings)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](jsCovered)); n != findings {
		t.Errorf("%d findings highlighted, want %d", n, findings)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#index tbody tr").length`)); n != len(files) {
		t.Errorf("index has %d rows, want %d", n, len(files))
	}

	// A click on a finding far down scrolls its mark into view.
	id := run(t, ctx, chromedp.Evaluate[string](jsFarFinding))
	if id == "" {
		t.Fatal("every mark is in view already: the click test cannot fail")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`li.finding[data-id=%q] a`, id))))
	if !run(t, ctx, chromedp.Evaluate[bool](jsInView+fmt.Sprintf("(%q)", id))) {
		t.Errorf("after the click, the mark of %s is not in view", id)
	}

	// The severity filter hides the warnings, and their marks' colour.
	before := run(t, ctx, chromedp.Evaluate[int](jsVisible+`("li.finding")`))
	if n := run(t, ctx, chromedp.Evaluate[int](jsHighlit+`("warning")`)); n == 0 {
		t.Fatal("no mark covers only warnings: the filter test cannot fail")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`input[name=sev][value=warning]`)))
	if n := run(t, ctx, chromedp.Evaluate[int](jsVisible+`("li.finding[data-sev=warning]")`)); n != 0 {
		t.Errorf("%d warnings still listed after unticking 警告", n)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](jsHighlit+`("warning")`)); n != 0 {
		t.Errorf("%d warning marks still highlighted after unticking 警告", n)
	}
	if after := run(t, ctx, chromedp.Evaluate[int](jsVisible+`("li.finding")`)); after != before-warnings {
		t.Errorf("%d findings listed after unticking 警告, want %d", after, before-warnings)
	}

	do(t, ctx, chromedp.Navigate(single), chromedp.WaitVisible(chromedp.CSS("#filters")))
	shoot(t, ctx, "report.png")
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserServe uploads a seed .docx through the page of ducha serve
// and reads its findings in the report the page shows.
func TestBrowserServe(t *testing.T) {
	ctx, consoleErrors := browser(t)
	h := newHandler(t, Options{})
	srv := httptest.NewServer(h) // on 127.0.0.1
	defer srv.Close()
	docx, err := filepath.Abs("../testdata/decode/004.docx")
	if err != nil {
		t.Fatal(err)
	}
	want := len(check(t, h.opt.Linter, docx).Result.Findings)
	if want == 0 {
		t.Fatal("the seed .docx has no findings: the test cannot fail")
	}
	do(t, ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#file")))
	if !run(t, ctx, chromedp.Evaluate[bool](`document.getElementById("plain").hidden`)) {
		t.Error("the form's buttons for scripts off are shown")
	}
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{docx}))
	// Wait for the report in the frame: the number of its findings, plus
	// one so that a report without any counts as shown.
	got := run(t, ctx, chromedp.Poll[int](`(() => { const f = document.getElementById("report"); const d = !f.hidden && f.contentDocument; return d && d.querySelector(".report") ? d.querySelectorAll("span.anchor").length + 1 : 0; })()`,
		chromedp.WithPollingTimeout(20*time.Second))) - 1
	if got != want {
		t.Errorf("the page shows %d findings for the .docx, want %d", got, want)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#downloads button").length`)); n != 1 {
		t.Errorf("%d download buttons, want 1", n)
	}
	if s := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent`)); !strings.Contains(s, "已检查 1 个文件") {
		t.Errorf("status %q", s)
	}
	shoot(t, ctx, "serve.png")
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}
