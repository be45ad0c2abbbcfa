package lint

import (
	"context"
	"fmt"
	"time"

	"github.com/ducha-dev/ducha/decode"
	"github.com/ducha-dev/ducha/document"
)

// Config is what a Linter is built from: the rules, the part specs and the
// checks, as a rule pack compiles them (see package rules).
type Config struct {
	// Rules are all the rules, in the order the checklist lists them.
	Rules []*Rule
	// Parts say how to recognise the required parts.
	Parts []document.PartSpec
	// Checks run in order on every document.
	Checks []Check
	// Layers, when not nil, gives each check its layer: 0 for the built-in
	// rules, higher for the rule packs loaded over them (rules.Load counts
	// its non-built-in files from 1). Where checks of different layers
	// report one mistake — a rule at the same place, or two rules of one
	// family (numeric/…) at exactly the same place — only the highest
	// layer's findings are kept: the more specific pack wins.
	Layers []int
}

// An Option adjusts a Linter as it is built.
type Option func(*options) error

type options struct {
	disabled map[string]bool
	severity map[string]Severity
}

// Disable turns rules off by id: their findings and checklist rows are
// dropped, and checks left with no enabled rule do not run.
func Disable(ids ...string) Option {
	return func(o *options) error {
		for _, id := range ids {
			o.disabled[id] = true
		}
		return nil
	}
}

// SetSeverity gives every finding of rule id the severity s.
func SetSeverity(id string, s Severity) Option {
	return func(o *options) error {
		if _, ok := severityNames[s]; !ok {
			return fmt.Errorf("invalid severity %d for rule %s", int(s), id)
		}
		o.severity[id] = s
		return nil
	}
}

// A Linter checks reports against a fixed set of rules. It is immutable once
// built and safe for concurrent use: build it once, lint thousands of
// reports from as many goroutines as you like.
type Linter struct {
	rules    []*Rule
	enabled  map[string]*Rule
	parts    *document.PartFinder
	checks   []Check
	layers   []int // layers[i] is checks[i]'s (Config.Layers)
	severity map[string]Severity
}

// New builds a Linter. It fails when two rules share an id, when a check
// reports under a rule the configuration does not list, or when an option
// names an unknown rule.
func New(cfg Config, opts ...Option) (*Linter, error) {
	o := options{disabled: map[string]bool{}, severity: map[string]Severity{}}
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	l := &Linter{enabled: map[string]*Rule{}, parts: document.NewPartFinder(cfg.Parts), severity: o.severity}
	all := map[string]*Rule{}
	for _, r := range cfg.Rules {
		if all[r.ID] != nil {
			return nil, fmt.Errorf("duplicate rule id %q", r.ID)
		}
		all[r.ID] = r
		if o.disabled[r.ID] {
			continue
		}
		rc := *r
		if s, ok := o.severity[r.ID]; ok {
			rc.Severity = s
		}
		l.rules = append(l.rules, &rc)
		l.enabled[r.ID] = &rc
	}
	for id := range o.disabled {
		if all[id] == nil {
			return nil, fmt.Errorf("cannot disable unknown rule %q", id)
		}
	}
	for id := range o.severity {
		if all[id] == nil {
			return nil, fmt.Errorf("cannot set the severity of unknown rule %q", id)
		}
	}
	if cfg.Layers != nil && len(cfg.Layers) != len(cfg.Checks) {
		return nil, fmt.Errorf("config has %d layers for %d checks", len(cfg.Layers), len(cfg.Checks))
	}
	for i, c := range cfg.Checks {
		on := false
		for _, r := range c.Rules() {
			if all[r.ID] == nil {
				return nil, fmt.Errorf("check %T reports under rule %q, which is not listed", c, r.ID)
			}
			on = on || l.enabled[r.ID] != nil
		}
		if on {
			l.checks = append(l.checks, c)
			layer := 0
			if cfg.Layers != nil {
				layer = cfg.Layers[i]
			}
			l.layers = append(l.layers, layer)
		}
	}
	return l, nil
}

// Rules returns the enabled rules in checklist order, with their severities
// as configured. The slice and the rules must not be modified.
func (l *Linter) Rules() []*Rule { return l.rules }

// Rule returns the enabled rule with the given id, or nil.
func (l *Linter) Rule(id string) *Rule { return l.enabled[id] }

// Result is what linting one report produced.
type Result struct {
	// Document is the report as it was read.
	Document *document.Document
	// Parts says where each required part was found.
	Parts *document.Parts
	// Findings are sorted by position.
	Findings []Finding
	// Checklist has one row per enabled rule, in rule order.
	Checklist []ChecklistItem
}

// Status is a checklist row's verdict.
type Status string

const (
	StatusPass Status = "pass" // met, or only info findings
	StatusWarn Status = "warn" // a warning at worst
	StatusFail Status = "fail" // an error
	StatusNA   Status = "n/a"  // the requirement does not apply to this report
)

// A ChecklistItem is one requirement's row in the checklist.
type ChecklistItem struct {
	Rule   string
	Title  string
	Status Status
	// Where points at the evidence (a part's heading) or, when the
	// requirement is not met (warn or fail), at its first most serious
	// finding. Zero when neither exists.
	Where Span
	// Note explains an n/a status; on another row it says where the report
	// year the requirement depends on came from, when the title does not
	// name it ("报告年度(2020年)取自正文开头…").
	Note string
}

// Options are what the caller knows about one report better than its text.
type Options struct {
	// Year is the year reported on, when the caller knows it.
	Year int
	// Published is the date the report was made public, when the caller
	// knows it (the page's date was not saved, or is wrong): it wins over
	// the page's metadata for the date checks. Only its calendar day counts;
	// dates.ParseDate reads one from text.
	Published time.Time
	// MaxSize bounds the input size in bytes (0: decode.DefaultMaxSize).
	MaxSize int64
	// Name is the file's name; its extension breaks ties when the content
	// does not say which format it is (.docx, .html, .txt).
	Name string
	// Encoding names the text's encoding ("gb18030", "utf-16le"…) when it
	// cannot be detected: a byte-order mark, valid UTF-8 and a page's
	// charset win over it.
	Encoding string
	// ForceEncoding names an encoding that wins over detection (only a
	// byte-order mark wins over it).
	ForceEncoding string
	// PDF extracts a PDF's text; nil means decode.Pdftotext.
	PDF decode.PDFReader
}

// Check decodes src, parses it and lints it. Decoding and parsing errors
// (empty, binary or undecodable input, a page with no report in it) are
// returned as errors, with messages for the user.
func (l *Linter) Check(ctx context.Context, src []byte, opt Options) (*Result, error) {
	t, err := decode.BytesContext(ctx, src, decode.Options{MaxSize: opt.MaxSize, Name: opt.Name, Encoding: opt.Encoding, ForceEncoding: opt.ForceEncoding, PDF: opt.PDF})
	if err != nil {
		return nil, err
	}
	doc, err := Parse(t, opt)
	if err != nil {
		return nil, err
	}
	return l.Lint(ctx, doc)
}

// Lint runs every check on doc and assembles the findings and checklist.
func (l *Linter) Lint(ctx context.Context, doc *document.Document) (*Result, error) {
	parts := l.parts.Find(doc)
	st := &lintState{evidence: map[string]Range{}, na: map[string]string{}, enabled: l.enabled}
	for i, c := range l.checks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := c.Run(&Pass{Doc: doc, Parts: parts, state: st, layer: l.layers[i]}); err != nil {
			return nil, fmt.Errorf("%T: %w", c, err)
		}
	}
	st.findings = topLayer(st.findings)
	res := &Result{Document: doc, Parts: parts, Findings: make([]Finding, 0, len(st.findings))}
	for _, f := range st.findings {
		sev := f.severity
		if s, ok := l.severity[f.rule.ID]; ok {
			sev = s
		}
		res.Findings = append(res.Findings, Finding{
			Rule: f.rule.ID, Severity: sev, Message: f.message, Source: f.rule.Source, Span: doc.Span(f.r),
		})
	}
	sortFindings(res.Findings)
	res.Checklist = l.checklist(doc, st, res.Findings)
	return res, nil
}

func (l *Linter) checklist(doc *document.Document, st *lintState, findings []Finding) []ChecklistItem {
	items := make([]ChecklistItem, 0, len(l.rules))
	for _, r := range l.rules {
		it := ChecklistItem{Rule: r.ID, Title: r.Title, Status: StatusPass}
		worst := Severity(0)
		for _, f := range findings { // sorted: the first of the worst wins
			if f.Rule == r.ID && f.Severity > worst {
				worst = f.Severity
				if worst >= Warning {
					it.Where = f.Span
				}
			}
		}
		if ev, ok := st.evidence[r.ID]; ok {
			it.Where = doc.Span(ev)
		}
		switch worst {
		case Error:
			it.Status = StatusFail
		case Warning:
			it.Status = StatusWarn
		}
		if why, ok := st.na[r.ID]; ok && worst == 0 {
			it.Status, it.Note = StatusNA, why
		} else if n, ok := st.notes[r.ID]; ok {
			it.Note = n
		}
		items = append(items, it)
	}
	return items
}
