package checks

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/lint"
)

// date blocks configure the date checks; the label picks which:
//
//	date "missing" {                    # date/missing
//	  title    = "报告写明发布日期或成文日期"
//	  severity = "warning"              # neither a publication nor a signing date
//	}
//
//	date "deadline" {                   # date/deadline
//	  title    = "报告在次年4月1日之前公开"
//	  deadline = "04-01"                # MM-DD of the year after the report year
//	  severity = "error"                # published after the deadline
//	  on_deadline_severity = "warning"  # published on the deadline
//	  signed_severity      = "warning"  # signed after it (no publication date known)
//	}
//
//	date "period" {                     # date/period
//	  title    = "发布、成文日期不早于所报告年度的结束"
//	  severity = "warning"
//	}
//
//	date "malformed" {                  # date/malformed
//	  title    = "日期真实有效"
//	  severity       = "error"          # a date that cannot exist (2月30日)
//	  glued_severity = "warning"        # digits run together (2019111日)
//	}
func init() {
	kind.Register(kind.Kind{
		Block: "date", Label: "missing", Rule: "date/missing", Severity: lint.Warning,
		Decode: func(_ kind.Decoder, rule *lint.Rule) lint.Check { return &DateMissing{Rule: rule} },
	})
	kind.Register(kind.Kind{
		Block: "date", Label: "deadline", Rule: "date/deadline", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{
			{Name: "deadline"}, {Name: "on_deadline_severity"}, {Name: "signed_severity"},
		}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			m, day := monthDay(d, "deadline", 4, 1)
			return &DateDeadline{
				Rule: rule, Month: m, Day: day,
				OnDeadline: d.Severity("on_deadline_severity", lint.Warning),
				Signed:     d.Severity("signed_severity", lint.Warning),
			}
		},
	})
	kind.Register(kind.Kind{
		Block: "date", Label: "period", Rule: "date/period", Severity: lint.Warning,
		Decode: func(_ kind.Decoder, rule *lint.Rule) lint.Check { return &DatePeriod{Rule: rule} },
	})
	kind.Register(kind.Kind{
		Block: "date", Label: "malformed", Rule: "date/malformed", Severity: lint.Error,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "glued_severity"}}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			return &DateMalformed{Rule: rule, Glued: d.Severity("glued_severity", lint.Warning)}
		},
	})
}

// monthDayPattern is a deadline's MM-DD; compiled on first use.
var monthDayPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})-(\d{1,2})$`) })

// daysIn is the number of days of each month in a year that is not a leap
// year: a deadline must exist every year.
var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// monthDay reads a day of the year written "MM-DD" ("04-01").
func monthDay(d kind.Decoder, name string, defMonth, defDay int) (int, int) {
	v, ok := d.String(name)
	if !ok {
		return defMonth, defDay
	}
	m := monthDayPattern().FindStringSubmatch(v)
	if m != nil {
		month, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		if month >= 1 && month <= 12 && day >= 1 && day <= daysIn[month] {
			return month, day
		}
	}
	d.Errorf(name, "Invalid value for "+name, "属性 %s 应为每年都有的月、日,写成 \"MM-DD\",如 \"04-01\"(4月1日),不能是 %q。", name, v)
	return defMonth, defDay
}

// The date checks read Document.Dates, which the parser fills once: the
// publication date of the page's metadata (or the caller's), the signing
// date under the text (落款), and the dates in the text.

// DateMissing checks that a report carries a date that says when it was
// published or signed, without which nobody can tell whether it was
// published in time.
//
// It reports a report whose web copy kept neither the page's "日期:" line nor
// a date under the text, and one signed "2024年2月" (no day); it passes
//
//	五、其他需要报告的情况
//	无。
//	2024年3月20日
//
// and a report checked with a publication date given by the caller.
type DateMissing struct {
	Rule *lint.Rule
}

func (c *DateMissing) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *DateMissing) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	if p, ok := doc.Published(); ok {
		evidence(pass, c.Rule, p)
		return nil
	}
	if s, ok := doc.Signed(); ok {
		evidence(pass, c.Rule, s)
		return nil
	}
	for _, d := range doc.Dates {
		switch {
		case d.Kind == document.TextDate:
		case !d.Date.Valid():
			return nil // a date that cannot exist: date/malformed says so
		case !d.Date.Complete():
			pass.Reportf(c.Rule, c.Rule.Severity, d.Range, "%s“%s”没有写明日:成文日期应年、月、日齐全(如“%d年%d月20日”),否则无法核对是否按时公开。",
				kindName(d.Kind), d.Date.Text, d.Date.Year, d.Date.Month)
			return nil
		}
	}
	pass.Report(c.Rule, c.Rule.Severity, doc.Top(), "报告没有发布日期,也没有落款日期,无法核对是否按时公开;应在正文末尾写明成文日期(如“2024年3月20日”),或在检查时给出发布日期。")
	return nil
}

// DateDeadline checks the publication deadline of the 督察工作规定: a report
// goes public before 1 April of the year after the year it reports on.
//
// For a report on 2022 it reports a publication date of 2023-04-10 (an
// error), of 2023-04-01 (OnDeadline: "之前" leaves the day itself in doubt)
// and, when no publication date is known, a signing date of 2023年4月15日
// (Signed: the report was at least signed late). It passes
//
//	发布日期:2023-03-28
//
// and a report signed 二〇二三年三月十日. A publication date given by the
// caller wins over the page's; a signing date counts only when no
// publication date is known.
type DateDeadline struct {
	Rule *lint.Rule
	// Month and Day are the deadline in the year after the report year.
	Month, Day int
	// OnDeadline is the severity of a publication on the deadline itself;
	// Signed that of a signing date after it. The rule's own severity is
	// that of a publication after it.
	OnDeadline, Signed lint.Severity
}

func (c *DateDeadline) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *DateDeadline) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	_, year := yearBounds(doc)
	switch {
	case year == 0:
		pass.NotApplicable(c.Rule, "报告年度不明,无法确定公开期限")
		return nil
	case doc.YearFrom == "date":
		pass.NotApplicable(c.Rule, "报告未写明年度,只能从报告日期推断,无法据此核对公开期限;请在标题中写明年度")
		return nil
	}
	y := year + 1
	deadline := fmt.Sprintf("%d年%d月%d日", y, c.Month, c.Day)
	if p, ok := doc.Published(); ok {
		switch p.Compare(y, c.Month, c.Day) {
		case 1:
			pass.Reportf(c.Rule, c.Rule.Severity, at(doc, p), "%d年度报告的发布日期为%s%s,晚于%s的公开期限;年度报告应在%d月%d日之前向社会公开。",
				year, p.Chinese(), given(p), deadline, c.Month, c.Day)
		case 0:
			pass.Reportf(c.Rule, c.OnDeadline, at(doc, p), "%d年度报告的发布日期为%s%s,恰是公开期限当天;规定要求在%d月%d日之前公开,当天公开可能被认定为逾期,应提前发布。",
				year, p.Chinese(), given(p), c.Month, c.Day)
		default:
			evidence(pass, c.Rule, p)
		}
		return nil
	}
	if s, ok := doc.Signed(); ok {
		if s.Compare(y, c.Month, c.Day) > 0 {
			pass.Reportf(c.Rule, c.Signed, s.Range, "%d年度报告的落款日期为%s,晚于%s的公开期限,报告至少成文已晚;年度报告应在%d月%d日之前成文并向社会公开。",
				year, s.Chinese(), deadline, c.Month, c.Day)
		} else {
			evidence(pass, c.Rule, s)
		}
		return nil
	}
	pass.NotApplicable(c.Rule, "报告没有可核对的发布日期或落款日期")
	return nil
}

// DatePeriod checks that the report is dated after the year it reports on
// has ended: a report on 2023 cannot be published or signed before
// 31 December 2023. Such a date is mostly a wrong year ("2023年1月15日" for
// 2024年1月15日).
//
// For a report on 2023 it reports "2023年1月15日" as the signature date; it
// passes "2024年1月15日". When the title and the opening paragraph name
// different years (title/year reports that), a date is early only if it is
// early for both; DateDeadline likewise finds a date late only if it is late
// for both, and NextYear accepts next year of either.
type DatePeriod struct {
	Rule *lint.Rule
}

func (c *DatePeriod) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *DatePeriod) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	year, _ := yearBounds(doc)
	switch {
	case year == 0:
		pass.NotApplicable(c.Rule, "报告年度不明")
		return nil
	case doc.YearFrom == "date":
		pass.NotApplicable(c.Rule, "报告未写明年度,只能从报告日期推断")
		return nil
	}
	p, hasP := doc.Published()
	s, hasS := doc.Signed()
	if !hasP && !hasS {
		pass.NotApplicable(c.Rule, "报告没有可核对的发布日期或落款日期")
		return nil
	}
	for _, d := range []struct {
		date document.DocDate
		ok   bool
	}{{p, hasP}, {s, hasS}} {
		if !d.ok || d.date.Compare(year, 12, 31) >= 0 {
			continue
		}
		pass.Reportf(c.Rule, c.Rule.Severity, at(doc, d.date), "%d年度报告的%s为%s%s,早于所报告年度的结束(%d年12月31日);年度报告应在年度结束后成文、公开,请核对日期的年份或报告的年度。",
			year, kindName(d.date.Kind), d.date.Chinese(), given(d.date), year)
	}
	return nil
}

// DateMalformed checks that the report's dates can exist, and finds dates
// whose characters were lost in extraction.
//
// It reports "2020年13月", "2024年2月30日", "2023年2月29日" (Rule.Severity),
// and (Glued) "2019111日至2020101日" (2019年11月1日至2020年10月1日) and
// "执法证信息202035名同志" (2020年35名), a year glued to the word after it
// ("2022共召开": 2022年共召开) and two years that lost their dash
// ("(20212025年)": 2021—2025年); it passes "2024年2月29日".
type DateMalformed struct {
	Rule *lint.Rule
	// Glued is the severity of digits run together by a lost character:
	// the defect is often the web copy's, not the report's.
	Glued lint.Severity
}

func (c *DateMalformed) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *DateMalformed) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	for _, d := range doc.Dates {
		if d.Date.Valid() || !d.InText() {
			continue
		}
		pass.Reportf(c.Rule, c.Rule.Severity, d.Range, "日期“%s”不存在:%s;请核对改正。", d.Date.Text, d.Date.Problem)
	}
	for _, g := range doc.Glued {
		r := lint.Range{Start: g.Start, End: g.End}
		switch {
		case g.Kind == dates.DocNumberGlue:
			// format/doc-number reports it
		case g.Guess == "":
			pass.Reportf(c.Rule, c.Glued, r, "“%s”像是缺了“年”“月”等字的日期,但读不出有效日期;请核对原文,写全年、月、日。", g.Text)
		case g.Kind == dates.YearGlue:
			what := "数字"
			if last := g.Text[len(g.Text)-1]; last < '0' || last > '9' {
				what = "字" // "2022共"
			}
			pass.Report(c.Rule, c.Glued, r, fmt.Sprintf("“%s”疑为“%s”缺了“年”字,年份和后面的%s连在了一起;请核对原文。", g.Text, g.Guess, what), lint.WithFix(r, g.Guess))
		case g.Kind == dates.YearRangeGlue:
			pass.Report(c.Rule, c.Glued, r, fmt.Sprintf("“%s”疑为“%s”缺了连接号“—”,两个年份连在了一起;请核对原文。", g.Text, g.Guess), lint.WithFix(r, g.Guess))
		default:
			pass.Report(c.Rule, c.Glued, r, fmt.Sprintf("日期“%s”缺了字,数字连在了一起,应为“%s”;请核对原文。", g.Text, g.Guess), lint.WithFix(r, g.Guess))
		}
	}
	return nil
}

// yearBounds returns the earliest and the latest year the report may be on:
// the report year, or, when the title and the opening paragraph name
// different years, both (title/year reports the disagreement). The checks
// that depend on the year give the report the benefit of the doubt: a date
// is early only if it is early for the earlier year, late only if late for
// the later one. Both are 0 when the year is unknown.
func yearBounds(doc *document.Document) (lo, hi int) {
	lo, hi = doc.Year, doc.Year
	if doc.YearFrom == "caller" || doc.TitleYear == 0 || doc.OpeningYear == 0 {
		return lo, hi
	}
	return min(doc.TitleYear, doc.OpeningYear), max(doc.TitleYear, doc.OpeningYear)
}

// kindName names a date's kind in a message.
func kindName(k document.DateKind) string {
	switch k {
	case document.PublishedDate:
		return "发布日期"
	case document.SignedDate:
		return "落款日期"
	}
	return "日期"
}

// given notes where a date not written in the text came from: the caller,
// or the page's <meta> tag.
func given(d document.DocDate) string {
	switch {
	case d.Given():
		return "(检查时指定)"
	case d.Meta != "":
		return "(网页元数据 " + d.Meta + ")"
	}
	return ""
}

// evidence points the checklist row of rule at date d, when the text has
// it (a date the caller or a <meta> tag gave has nothing to point at).
func evidence(pass *lint.Pass, rule *lint.Rule, d document.DocDate) {
	if d.InText() {
		pass.Evidence(rule, d.Range)
	}
}

// at is where a finding about date d goes: the date, or the top of the
// report for a date that is not in the text.
func at(doc *document.Document, d document.DocDate) lint.Range {
	if !d.InText() {
		return doc.Top()
	}
	return d.Range
}
