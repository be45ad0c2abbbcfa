package format

import (
	"encoding/json"
	"io"

	"github.com/ducha-dev/ducha/lint"
)

// The JSON document. Field names and meanings are a contract (the README's
// "JSON output"): version 1 only gains fields, each omitted when empty so
// that older readers see what they saw before (fix and related came so).
type (
	jsonOutput struct {
		Version int         `json:"version"`
		Files   []jsonFile  `json:"files"`
		Summary jsonSummary `json:"summary"`
	}
	jsonFile struct {
		Path      string          `json:"path"`
		Document  *jsonDocument   `json:"document,omitempty"`
		Findings  []jsonFinding   `json:"findings"`
		Checklist []jsonChecklist `json:"checklist"`
		Error     string          `json:"error"`
	}
	jsonDocument struct {
		Title   string        `json:"title"`
		Year    int           `json:"year,omitempty"`
		Dates   []jsonDate    `json:"dates"`
		Outline []jsonHeading `json:"outline"`
	}
	jsonDate struct {
		Kind string `json:"kind"`
		Date string `json:"date"`
		Line int    `json:"line,omitempty"`
	}
	jsonHeading struct {
		Level  int    `json:"level"`
		Number string `json:"number"`
		Text   string `json:"text"`
		Line   int    `json:"line"`
		Part   string `json:"part"`
	}
	jsonFinding struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Source   string `json:"source"`
		jsonSpan
		// Fix and Related are additive (absent when the finding has none).
		Fix     *jsonFix      `json:"fix,omitempty"`
		Related []jsonRelated `json:"related,omitempty"`
	}
	// jsonSpan is where a finding, a fix or a related place is; embedded,
	// its fields are the object's own.
	jsonSpan struct {
		Line      int `json:"line"`
		Column    int `json:"column"`
		EndLine   int `json:"end_line"`
		EndColumn int `json:"end_column"`
		Offset    int `json:"offset"`
		EndOffset int `json:"end_offset"`
	}
	// jsonFix is a suggested replacement: text in place of the span (an
	// empty text deletes it).
	jsonFix struct {
		jsonSpan
		Text string `json:"text"`
	}
	jsonRelated struct {
		Message string `json:"message"`
		jsonSpan
	}
	jsonChecklist struct {
		Rule   string `json:"rule"`
		Title  string `json:"title"`
		Status string `json:"status"`
		Line   int    `json:"line,omitempty"`
		Note   string `json:"note,omitempty"`
	}
	jsonSummary struct {
		Files    int `json:"files"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
		Infos    int `json:"infos"`
	}
)

func spanOf(s lint.Span) jsonSpan {
	return jsonSpan{
		Line: s.Start.Line, Column: s.Start.Column, EndLine: s.End.Line, EndColumn: s.End.Column,
		Offset: s.Start.Offset, EndOffset: s.End.Offset,
	}
}

// JSON writes the results as one JSON object: the contract the README's
// "JSON output" documents.
func JSON(w io.Writer, files []File) error {
	out := jsonOutput{Version: 1, Files: make([]jsonFile, 0, len(files))}
	out.Summary.Files = len(files)
	for _, f := range files {
		jf := jsonFile{Path: f.Path, Findings: []jsonFinding{}, Checklist: []jsonChecklist{}}
		if f.Err != nil {
			jf.Error = f.Err.Error()
			out.Files = append(out.Files, jf)
			continue
		}
		jf.Document = document(f.Result)
		for _, fd := range f.Result.Findings {
			jfd := jsonFinding{
				Rule: fd.Rule, Severity: fd.Severity.String(), Message: fd.Message, Source: fd.Source,
				jsonSpan: spanOf(fd.Span),
			}
			if x := fd.Fix; x != nil {
				jfd.Fix = &jsonFix{jsonSpan: spanOf(x.Span), Text: x.Text}
			}
			for _, r := range fd.Related {
				jfd.Related = append(jfd.Related, jsonRelated{Message: r.Message, jsonSpan: spanOf(r.Span)})
			}
			jf.Findings = append(jf.Findings, jfd)
			switch fd.Severity {
			case lint.Error:
				out.Summary.Errors++
			case lint.Warning:
				out.Summary.Warnings++
			case lint.Info:
				out.Summary.Infos++
			}
		}
		for _, c := range f.Result.Checklist {
			jf.Checklist = append(jf.Checklist, jsonChecklist{
				Rule: c.Rule, Title: c.Title, Status: string(c.Status), Line: c.Where.Start.Line, Note: c.Note,
			})
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func document(r *lint.Result) *jsonDocument {
	d := r.Document
	jd := &jsonDocument{Year: d.Year, Dates: []jsonDate{}, Outline: make([]jsonHeading, 0, len(d.Outline))}
	if d.Title != nil {
		jd.Title = d.OriginalTitle()
	}
	// Dates that name a real day: the publication dates (page or caller),
	// the signing date, the dates in the text. A date the caller or a
	// <meta> tag gave has no line.
	for _, dd := range d.Dates {
		if dd.Usable() {
			jd.Dates = append(jd.Dates, jsonDate{Kind: dd.Kind.String(), Date: dd.ISO(), Line: dd.Line})
		}
	}
	for i, h := range d.Outline {
		jd.Outline = append(jd.Outline, jsonHeading{
			Level: h.Level, Number: h.Number, Text: d.Original(h.TextRange), Line: h.Line, Part: r.Parts.OfHeading(i),
		})
	}
	return jd
}
