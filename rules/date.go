package rules

import (
	"regexp"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/checks"
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
var dateKinds = map[string]*hcl.BodySchema{
	"missing": {},
	"deadline": {Attributes: []hcl.AttributeSchema{
		{Name: "deadline"}, {Name: "on_deadline_severity"}, {Name: "signed_severity"},
	}},
	"period":    {},
	"malformed": {Attributes: []hcl.AttributeSchema{{Name: "glued_severity"}}},
}

func decodeDate(b *hcl.Block, s *Set, diags *hcl.Diagnostics) {
	bd := kindBody(b, dateKinds, diags)
	if bd == nil {
		return
	}
	switch name := b.Labels[0]; name {
	case "missing":
		rule := bd.rule("date/missing", lint.Warning)
		s.add(rule, bd, diags, &checks.DateMissing{Rule: rule})
	case "deadline":
		rule := bd.rule("date/deadline", lint.Error)
		m, d := bd.monthDay("deadline", 4, 1)
		s.add(rule, bd, diags, &checks.DateDeadline{
			Rule: rule, Month: m, Day: d,
			OnDeadline: bd.severity("on_deadline_severity", lint.Warning),
			Signed:     bd.severity("signed_severity", lint.Warning),
		})
	case "period":
		rule := bd.rule("date/period", lint.Warning)
		s.add(rule, bd, diags, &checks.DatePeriod{Rule: rule})
	case "malformed":
		rule := bd.rule("date/malformed", lint.Error)
		s.add(rule, bd, diags, &checks.DateMalformed{Rule: rule, Glued: bd.severity("glued_severity", lint.Warning)})
	}
}

var monthDayPattern = regexp.MustCompile(`^(\d{1,2})-(\d{1,2})$`)

// daysIn is the number of days of each month in a year that is not a leap
// year: a deadline must exist every year.
var daysIn = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// monthDay reads a day of the year written "MM-DD" ("04-01").
func (b *body) monthDay(name string, defMonth, defDay int) (int, int) {
	v, a, ok := b.value(name, cty.String)
	if !ok {
		return defMonth, defDay
	}
	m := monthDayPattern.FindStringSubmatch(v.AsString())
	if m != nil {
		month, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		if month >= 1 && month <= 12 && day >= 1 && day <= daysIn[month] {
			return month, day
		}
	}
	b.errorf(a.Expr.Range(), "Invalid value for "+name, "属性 %s 应为每年都有的月、日,写成 \"MM-DD\",如 \"04-01\"(4月1日),不能是 %q。", name, v.AsString())
	return defMonth, defDay
}
