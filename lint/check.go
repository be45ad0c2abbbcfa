package lint

import (
	"fmt"

	"github.com/ducha-dev/ducha/document"
)

// A Rule is one requirement a report is checked against. Its ID is stable:
// users filter on it, tests name it, the checklist has one row per rule.
type Rule struct {
	// ID is the stable rule id, "section/deficiencies".
	ID string
	// Title is the requirement in Chinese, as the checklist shows it.
	Title string
	// Source names where the requirement comes from.
	Source string
	// Severity is the rule's usual severity: that of its most serious
	// finding (a rule may also report milder ones).
	Severity Severity
	// Doc says what the rule checks and why, in Chinese.
	Doc string
	// Since and Until bound the report years the rule applies to (inclusive;
	// 0 means unbounded). Outside them the checklist row is "n/a".
	Since, Until int
	// ExampleFail and ExamplePass are short complete reports: one the rule
	// reports, one it passes. They document the rule ("ducha rules
	// explain", SARIF help) and guard it: a rule whose failing example
	// draws no finding can never fire. Empty when the rule file gives none.
	ExampleFail, ExamplePass string
}

// AppliesTo reports whether the rule applies to a report on year y (0 when
// the year is unknown: then it applies).
func (r *Rule) AppliesTo(y int) bool {
	if y == 0 {
		return true
	}
	return (r.Since == 0 || y >= r.Since) && (r.Until == 0 || y <= r.Until)
}

// A Check is one kind of check, configured by a rule pack: it reads a
// Document through a Pass and reports findings under its rules. Checks are
// built when rules load and must be safe for concurrent use: Run may be
// called from many goroutines at once, each with its own Pass.
type Check interface {
	// Rules returns the rules the check reports under.
	Rules() []*Rule
	// Run checks one document. An error means the check itself failed (not
	// that the report has a defect); it is returned from Lint.
	Run(pass *Pass) error
}

// A Pass is one check's view of one document, and the way it reports.
type Pass struct {
	// Doc is the report being checked.
	Doc *document.Document
	// Parts says which headings were recognised as which required parts.
	Parts *document.Parts

	state *lintState
	layer int // the check's layer (Config.Layers)
}

// lintState collects what the checks of one Lint call report.
type lintState struct {
	findings []pending
	evidence map[string]Range
	na       map[string]string
	notes    map[string]string
	enabled  map[string]*Rule
	reported map[reported]int // the highest layer that reported it
}

// reported identifies a finding for dropping duplicates.
type reported struct {
	rule string
	r    Range
}

type pending struct {
	rule     *Rule
	severity Severity
	message  string
	r        Range
	layer    int
	once     bool // reported with ReportOnce: one mistake, found by several checks
	extra
}

// extra is what ReportOptions add to a finding, in ranges of the view.
type extra struct {
	fix     *edit
	related []note
}

type edit struct {
	r    Range
	text string
}

type note struct {
	r       Range
	message string
}

// A ReportOption adds structure to a finding: a fix (WithFix) or a related
// location (WithRelated).
type ReportOption func(*extra)

// WithFix suggests putting text at range r of the normalised view (usually
// the finding's own range) as the correction: the text is what the report
// should read there, and with it the finding must be gone. Give it only
// when the check can tell what was meant (not for a date that does not
// exist: its month or its day may be the wrong one). A later WithFix
// replaces an earlier one.
func WithFix(r Range, text string) ReportOption {
	return func(e *extra) { e.fix = &edit{r, text} }
}

// WithRelated points at another range of the view that bears on the
// finding, with a short Chinese message saying what is there
// ("前面的同一统计数字"). The finding's message then need not say where it
// is ("第6行").
func WithRelated(r Range, message string) ReportOption {
	return func(e *extra) { e.related = append(e.related, note{r, message}) }
}

// Report records a finding under rule at range r of the normalised view,
// with the fix and related locations opts give.
func (p *Pass) Report(rule *Rule, sev Severity, r Range, message string, opts ...ReportOption) {
	p.report(rule, sev, r, message, false, opts)
}

// ReportOnce is Report unless a finding of the same rule at the same range
// was reported already by a check of the same or a higher layer: a rule
// pack's relation and a generic check may both catch one mistake, and the
// reader should see it once — the pack's, when the pack is loaded over the
// check (Config.Layers).
func (p *Pass) ReportOnce(rule *Rule, sev Severity, r Range, message string, opts ...ReportOption) {
	if l, dup := p.state.reported[reported{rule.ID, r}]; dup && l >= p.layer {
		return
	}
	p.report(rule, sev, r, message, true, opts)
}

func (p *Pass) report(rule *Rule, sev Severity, r Range, message string, once bool, opts []ReportOption) {
	if p.state.enabled[rule.ID] == nil {
		return
	}
	f := pending{rule: rule, severity: sev, message: message, r: r, layer: p.layer, once: once}
	for _, o := range opts {
		o(&f.extra)
	}
	p.state.findings = append(p.state.findings, f)
	if p.state.reported == nil {
		p.state.reported = map[reported]int{}
	}
	k := reported{rule.ID, r}
	if l, ok := p.state.reported[k]; !ok || p.layer > l {
		p.state.reported[k] = p.layer
	}
}

// Reportf is Report with a formatted message; Report takes the options.
func (p *Pass) Reportf(rule *Rule, sev Severity, r Range, format string, args ...any) {
	p.Report(rule, sev, r, fmt.Sprintf(format, args...))
}

// Evidence records where the report meets rule's requirement (the heading of
// a part, the publication date): the checklist points there.
func (p *Pass) Evidence(rule *Rule, r Range) {
	if _, ok := p.state.evidence[rule.ID]; !ok {
		p.state.evidence[rule.ID] = r
	}
}

// NotApplicable marks rule as not applying to this report, for the reason
// given (shown in the checklist).
func (p *Pass) NotApplicable(rule *Rule, reason string) {
	p.state.na[rule.ID] = reason
}

// Applies reports whether rule applies to the report's year, marking it not
// applicable when it does not. A rule bounded to some years (the five
// parts, since 2019) does not apply when the year is unknown either: a
// report on 2018 whose year could not be read must not be held to the
// rules of 2019. When such a rule applies by a year read only from the
// opening paragraph or implied by the report's date, the checklist row
// says so.
func (p *Pass) Applies(rule *Rule) bool {
	y := p.Doc.Year
	bounded := rule.Since != 0 || rule.Until != 0
	if y == 0 && bounded {
		p.NotApplicable(rule, fmt.Sprintf("报告年度不明,无法确定是否适用本要求(适用于%s的报告);请在标题中写明年度,或检查时给出年度", yearSpan(rule)))
		return false
	}
	if rule.AppliesTo(y) {
		if bounded {
			switch p.Doc.YearFrom {
			case "opening":
				p.note(rule, fmt.Sprintf("报告年度(%d年)取自正文开头,标题未写明年度", y))
			case "date":
				p.note(rule, fmt.Sprintf("报告年度(%d年)由报告日期推断,标题和正文开头都未写明年度", y))
			}
		}
		return true
	}
	p.NotApplicable(rule, fmt.Sprintf("本要求适用于%s的报告,本报告为%d年度", yearSpan(rule), y))
	return false
}

// note attaches a remark to rule's checklist row (ChecklistItem.Note).
func (p *Pass) note(rule *Rule, text string) {
	if p.state.notes == nil {
		p.state.notes = map[string]string{}
	}
	if _, ok := p.state.notes[rule.ID]; !ok {
		p.state.notes[rule.ID] = text
	}
}

func yearSpan(r *Rule) string {
	switch {
	case r.Since != 0 && r.Until != 0:
		return fmt.Sprintf("%d—%d年度", r.Since, r.Until)
	case r.Since != 0:
		return fmt.Sprintf("%d年度及以后", r.Since)
	case r.Until != 0:
		return fmt.Sprintf("%d年度及以前", r.Until)
	}
	return "各年度"
}
