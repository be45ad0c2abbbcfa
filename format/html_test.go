package format

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/lint"
)

func TestHTMLGolden(t *testing.T) {
	files := demoFiles(t)
	for _, tc := range []struct {
		name  string
		files []File
	}{
		{"report.html", files[:1]},
		{"index.html", files},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := HTML(&b, tc.files, HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

var (
	anchorRE = regexp.MustCompile(`<span class="anchor" id="([^"]+)"></span>`)
	markRE   = regexp.MustCompile(`<mark class="sev-(\w+)" data-f="([^"]+)"`)
)

// TestHTMLMarks checks, for reports whose findings overlap, nest, start
// together and have no span, that every finding has one anchor and is
// covered by a mark, and that the text is all there.
func TestHTMLMarks(t *testing.T) {
	src := []byte("关于2023年度法治政府建设情况的报告\n一、主要工作\n本区XX年<script>alert(1)</script>&amp;\n")
	r := resultOf(t, src, "a.txt")
	r.Findings = findingsAt(r.Document, "", "XX年", "XX", "X年<script>", "<script>alert(1)</script>")
	var b bytes.Buffer
	if err := HTML(&b, []File{{Path: "<b>a.txt</b>", Result: r}}, HTMLOptions{Title: "检查<结果>"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	anchors := anchorRE.FindAllStringSubmatch(out, -1)
	if len(anchors) != len(r.Findings) {
		t.Errorf("%d anchors for %d findings", len(anchors), len(r.Findings))
	}
	covered := map[string]bool{}
	for _, m := range markRE.FindAllStringSubmatch(out, -1) {
		for _, id := range strings.Fields(m[2]) {
			covered[id] = true
		}
	}
	for _, a := range anchors {
		if !covered[a[1]] {
			t.Errorf("finding %s has no mark", a[1])
		}
	}
	for _, bad := range []string{"<script>alert", "<b>a.txt", "<结果>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the report", bad)
		}
	}
	for _, want := range []string{"alert(1)&lt;/script&gt;</mark>&amp;amp;", "&lt;b&gt;a.txt&lt;/b&gt;", "<title>检查&lt;结果&gt;</title>"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// The text is whole: the marks and anchors taken out, it is the report.
	pre := out[strings.Index(out, `<pre class="text">`)+len(`<pre class="text">`):]
	pre = pre[:strings.Index(pre, "</pre>")]
	pre = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(pre, "")
	pre = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'").Replace(pre)
	if pre != r.Document.Text {
		t.Errorf("text in the report:\n%q\nwant\n%q", pre, r.Document.Text)
	}
	// Without a script the filters stay hidden; nothing is loaded from
	// elsewhere.
	if !strings.Contains(out, `<form class="filters" id="filters" hidden>`) {
		t.Error("filters not hidden by default")
	}
	for _, ext := range []string{"src=", "href=\"http", "url(", "@import"} {
		if strings.Contains(out, ext) {
			t.Errorf("report refers to an external resource (%s)", ext)
		}
	}
}

func TestHTMLIndex(t *testing.T) {
	files := demoFiles(t)
	var b bytes.Buffer
	if err := HTML(&b, files, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`<a href="#r1">reports/甲 区,1.txt</a>`, `<a href="#r2">b.txt</a>`, `无法检查:内容为空`, `<article class="report" id="r3"`} {
		if !strings.Contains(out, want) {
			t.Errorf("index lacks %q", want)
		}
	}
	var one bytes.Buffer
	if err := HTML(&one, files[:1], HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(one.String(), `id="index"`) {
		t.Error("an index for a single file")
	}
	if err := HTML(&failWriter{n: 10}, files, HTMLOptions{}); err == nil {
		t.Error("no error from a failing writer")
	}
}

// TestHTMLSeverityClass checks that a piece covered by findings of several
// severities is coloured by the worst.
func TestHTMLSeverityClass(t *testing.T) {
	fs := []lint.Finding{{Severity: lint.Info, Rule: "a"}, {Severity: lint.Error, Rule: "b"}}
	hf := []htmlFinding{{ID: "x1"}, {ID: "x2"}}
	got := pieces("abcdef", fs, [][2]int{{0, 4}, {2, 6}}, hf)
	var sevs []string
	for _, p := range got {
		sevs = append(sevs, p.Text+":"+p.Sev)
	}
	if want := "ab:info cd:error ef:error"; strings.Join(sevs, " ") != want {
		t.Errorf("pieces = %v, want %s", sevs, want)
	}
}
