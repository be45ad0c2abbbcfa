package format

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/ducha-dev/ducha/lint"
)

// Tool names the program that produced the results, for SARIF's
// tool.driver.
type Tool struct {
	Name           string // "ducha"
	Version        string // "v0.3.0", "devel"
	InformationURI string // where users learn about it
}

// sarifSchema is the schema the output conforms to (testdata/schemas).
const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// The SARIF 2.1.0 subset ducha writes. Field names are SARIF's.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
		// ColumnKind says columns count Unicode code points, as ours do;
		// consumers assume UTF-16 code units when it is absent.
		ColumnKind string `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifMultiText  `json:"shortDescription"`
		FullDescription      *sarifMultiText `json:"fullDescription,omitempty"`
		Help                 *sarifMultiText `json:"help,omitempty"`
		DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
		Properties           *sarifRuleBag   `json:"properties,omitempty"`
	}
	sarifMultiText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifRuleBag struct {
		Source string `json:"source,omitempty"`
		Since  int    `json:"since,omitempty"`
		Until  int    `json:"until,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex *int            `json:"ruleIndex,omitempty"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
		// RelatedLocations and Fixes carry the finding's Related and Fix.
		RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
		Fixes            []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent *sarifText  `json:"insertedContent,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	// sarifRegion has lines and columns only. Byte offsets are left out on
	// purpose: ours count bytes of the decoded text, while SARIF's count
	// bytes of the file (a BOM, GB18030 or UTF-16 make them differ).
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
)

// SARIF writes the results as a SARIF 2.1.0 log with one run: rules (all
// of them, with their documentation and examples as help) in
// tool.driver.rules, one result per finding, and each file that could not
// be read as an error notification of the run's invocation. Columns count
// Unicode code points (columnKind "unicodeCodePoints"); artifact URIs are
// the paths as given, with forward slashes, percent-encoded.
func SARIF(w io.Writer, files []File, rules []*lint.Rule, tool Tool) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: tool.Name, Version: tool.Version, InformationURI: tool.InformationURI, Rules: make([]sarifRule, 0, len(rules))}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(r))
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, f := range files {
		art := sarifArtifact{URI: fileURI(f.Path)}
		if f.Err != nil {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifText{Text: f.Path + ": " + f.Err.Error()},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: art}}},
			})
			continue
		}
		for _, fd := range f.Result.Findings {
			res := sarifResult{
				RuleID: fd.Rule, Level: sarifLevel(fd.Severity), Message: sarifText{Text: fd.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: region(fd.Span)}}},
			}
			if i, ok := index[fd.Rule]; ok {
				res.RuleIndex = &i
			}
			for i, r := range fd.Related {
				id := i + 1
				res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
					ID: &id, PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: region(r.Span)}, Message: &sarifText{Text: r.Message},
				})
			}
			if x := fd.Fix; x != nil {
				rep := sarifReplacement{DeletedRegion: *region(x.Span)}
				if x.Text != "" {
					rep.InsertedContent = &sarifText{Text: x.Text}
				}
				res.Fixes = []sarifFix{{
					Description:     sarifText{Text: FixText(x)},
					ArtifactChanges: []sarifArtifactChange{{ArtifactLocation: art, Replacements: []sarifReplacement{rep}}},
				}}
			}
			run.Results = append(run.Results, res)
		}
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRuleOf(r *lint.Rule) sarifRule {
	sr := sarifRule{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		ShortDescription:     sarifMultiText{Text: r.Title},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
	}
	if sr.ShortDescription.Text == "" {
		sr.ShortDescription.Text = r.ID
	}
	if r.Doc != "" {
		sr.FullDescription = &sarifMultiText{Text: r.Doc}
	}
	if text, md := Help(r); text != "" {
		sr.Help = &sarifMultiText{Text: text, Markdown: md}
	}
	if r.Source != "" || r.Since != 0 || r.Until != 0 {
		sr.Properties = &sarifRuleBag{Source: r.Source, Since: r.Since, Until: r.Until}
	}
	return sr
}

// Help returns a rule's documentation as plain text and as Markdown: what
// it checks and why, where the requirement comes from, and its examples.
// Empty when the rule has no documentation and no examples.
func Help(r *lint.Rule) (text, markdown string) {
	var t, m strings.Builder
	if r.Doc != "" {
		t.WriteString(r.Doc + "\n")
		m.WriteString(r.Doc + "\n")
	}
	if r.Source != "" {
		t.WriteString("\n依据:" + r.Source + "\n")
		m.WriteString("\n依据:" + r.Source + "\n")
	}
	for _, ex := range []struct{ label, text string }{{"不合格的例子", r.ExampleFail}, {"合格的例子", r.ExamplePass}} {
		if ex.text == "" {
			continue
		}
		t.WriteString("\n" + ex.label + ":\n")
		for _, line := range strings.Split(ex.text, "\n") {
			t.WriteString("    " + line + "\n")
		}
		m.WriteString("\n**" + ex.label + "**\n\n```text\n" + ex.text + "\n```\n")
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

// ruleName turns "section/next-year" into "SectionNextYear", the
// identifier-like name SARIF asks for beside the id.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '/' || r == '-' || r == '_' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// region is a span as a SARIF region; lines and columns are at least 1.
func region(s lint.Span) *sarifRegion {
	r := &sarifRegion{StartLine: max(s.Start.Line, 1), StartColumn: max(s.Start.Column, 1), EndLine: max(s.End.Line, 1), EndColumn: max(s.End.Column, 1)}
	if r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
		r.EndLine, r.EndColumn = r.StartLine, r.StartColumn
	}
	return r
}

// fileURI makes a path a URI reference: a relative path stays relative
// (forward slashes, percent-encoded), an absolute one becomes a file: URI.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x → /C:/x
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
