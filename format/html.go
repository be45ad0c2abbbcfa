package format

import (
	_ "embed"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ducha-dev/ducha/lint"
)

// The report page's style sheet and script, inlined into every report so
// that it needs nothing from the network (government documents stay on the
// reviewer's computer).
var (
	//go:embed html/report.css
	reportCSS string
	//go:embed html/report.js
	reportJS string
	//go:embed html/report.tmpl
	reportTmpl string
)

// reportTemplate is parsed on first use: parsing it is 880 allocations
// and a fifth of a millisecond, which every run of the command paid at
// start-up when it was a package variable, whatever its output.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Parse(reportTmpl))
})

// HTMLOptions adjust the HTML report.
type HTMLOptions struct {
	// Title is the page's title; "ducha 检查报告" when empty.
	Title string
}

// HTML writes one self-contained HTML page for the files: for several
// files, an index table first (file, title, year, publication date,
// whether it was late, missing parts, counts) linking to each report; per
// report, its text with every finding's span highlighted (<mark>, coloured
// by severity, the message on hover), the list of findings beside it (a
// click scrolls to the mark), the checklist (✓ ⓘ ⚠ ✗ —), and filters by
// severity and rule. The style sheet and script are inlined; with scripts
// off everything is shown and the filters are hidden; it prints without
// the filters. Every text of the report is escaped (html/template).
func HTML(w io.Writer, files []File, opt HTMLOptions) error {
	page := htmlPage{Title: opt.Title, CSS: template.CSS(reportCSS), JS: template.JS(reportJS), Several: len(files) > 1}
	if page.Title == "" {
		page.Title = "ducha 检查报告"
	}
	for i, f := range files {
		r := htmlReport(i+1, f)
		page.Reports = append(page.Reports, r)
		page.Errors += r.Errors
		page.Warnings += r.Warnings
		page.Infos += r.Infos
	}
	return reportTemplate().Execute(w, page)
}

type htmlPage struct {
	Title                   string
	CSS                     template.CSS
	JS                      template.JS
	Several                 bool
	Reports                 []htmlFile
	Errors, Warnings, Infos int
}

type htmlFile struct {
	ID, Path, Err           string
	Title, Year, Published  string
	Late                    string // 是, 否, or — when it cannot be told
	Missing                 []string
	Errors, Warnings, Infos int
	Pieces                  []htmlPiece
	Findings                []htmlFinding
	Rules                   []string
	Checklist               []htmlCheck
}

// A piece of the text: plain, or covered by the findings in F.
type htmlPiece struct {
	Text    string
	Anchors []string // ids of the findings that start here
	Mark    bool
	F       string // ids of the findings covering it, space-separated
	Sev     string // the most serious of their severities
	Message string // their messages, one per line
}

type htmlFinding struct {
	ID, Sev, SevZh, Rule, Message, Where string
	Fix                                  string // FixText, or ""
	Related                              []htmlRelated
}

// htmlRelated is a related location: where it is and what is there.
type htmlRelated struct {
	Where, Message string
}

type htmlCheck struct {
	Title, Rule, Symbol, Status, Where string
}

// htmlReport prepares one file's section; n numbers it in the page.
func htmlReport(n int, f File) htmlFile {
	h := htmlFile{ID: "r" + strconv.Itoa(n), Path: f.Path, Late: "—"}
	if f.Err != nil {
		h.Err = f.Err.Error()
		return h
	}
	r := f.Result
	d := r.Document
	h.Errors, h.Warnings, h.Infos = counts(r)
	h.Year = year(r)
	if d.Title != nil {
		h.Title = d.OriginalTitle()
	}
	if p, ok := d.Published(); ok {
		h.Published = p.ISO()
	}
	st := statuses(r)
	if it, ok := st["date/deadline"]; ok {
		switch it.Status {
		case lint.StatusFail, lint.StatusWarn:
			h.Late = "是"
		case lint.StatusPass, lint.StatusInfo:
			h.Late = "否"
		}
	}
	for _, it := range r.Checklist {
		if strings.HasPrefix(it.Rule, "section/") && it.Status == lint.StatusFail {
			h.Missing = append(h.Missing, it.Title)
		}
		h.Checklist = append(h.Checklist, htmlCheck{Title: it.Title, Rule: it.Rule, Symbol: symbol(it.Status), Status: strings.ReplaceAll(string(it.Status), "/", ""), Where: where(it)})
	}
	rules := map[string]bool{}
	spans := make([][2]int, len(r.Findings))
	for i, fd := range r.Findings {
		id := h.ID + "-f" + strconv.Itoa(i+1)
		hf := htmlFinding{ID: id, Sev: fd.Severity.String(), SevZh: fd.Severity.Chinese(), Rule: fd.Rule, Message: fd.Message, Where: lineCol(fd.Span.Start)}
		if fd.Fix != nil {
			hf.Fix = FixText(fd.Fix)
		}
		for _, rel := range fd.Related {
			hf.Related = append(hf.Related, htmlRelated{Where: lineCol(rel.Span.Start), Message: rel.Message})
		}
		h.Findings = append(h.Findings, hf)
		rules[fd.Rule] = true
		s, e, ok := extend([]byte(d.Text), clamp(fd.Span.Start.Offset, len(d.Text)), clamp(fd.Span.End.Offset, len(d.Text)))
		if !ok {
			s, e = 0, 0
		}
		spans[i] = [2]int{s, e}
	}
	for id := range rules {
		h.Rules = append(h.Rules, id)
	}
	sort.Strings(h.Rules)
	h.Pieces = pieces(d.Text, r.Findings, spans, h.Findings)
	return h
}

// pieces cuts text where the findings' spans start and end, so that each
// piece is covered by a fixed set of findings (overlapping findings give
// several marks). Each finding's id is on an empty anchor before its first
// piece, the target of the links in the list of findings.
func pieces(text string, fs []lint.Finding, spans [][2]int, hf []htmlFinding) []htmlPiece {
	cuts := []int{0, len(text)}
	for _, s := range spans {
		cuts = append(cuts, s[0], s[1])
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []htmlPiece
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		p := htmlPiece{Text: text[a:b]}
		var ids, msgs []string
		worst := lint.Severity(0)
		for i, s := range spans {
			if s[0] == a && s[0] < s[1] {
				p.Anchors = append(p.Anchors, hf[i].ID)
			}
			if s[0] <= a && b <= s[1] && s[0] < s[1] {
				ids = append(ids, hf[i].ID)
				msg := "【" + fs[i].Severity.Chinese() + "】" + fs[i].Message
				if hf[i].Fix != "" {
					msg += "\n" + hf[i].Fix
				}
				msgs = append(msgs, msg+" ["+fs[i].Rule+"]")
				worst = max(worst, fs[i].Severity)
			}
		}
		if len(ids) > 0 {
			p.Mark, p.F, p.Sev, p.Message = true, strings.Join(ids, " "), worst.String(), strings.Join(msgs, "\n")
		}
		out = append(out, p)
	}
	return out
}

// lineCol is a position as the report's reader says it: "第6行第3列".
func lineCol(p lint.Position) string {
	return "第" + strconv.Itoa(p.Line) + "行第" + strconv.Itoa(p.Column) + "列"
}
