package checks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/lint"
)

// report2022 is a report on 2022; the tests add a date before or after it.
const report2022 = "青山区2022年度法治政府建设情况报告\n2022年,我区扎实推进法治政府建设。\n一、主要举措和成效\n全面落实行政执法“三项制度”。"

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestDateMissing(t *testing.T) {
	c := &checks.DateMissing{Rule: &lint.Rule{ID: "date/missing", Severity: lint.Warning}}
	runCases(t, c, nil, []checkCase{
		{"none", report2022, lint.Options{}, []string{"1:1 warning 报告没有发布日期,也没有落款日期"}},
		{"signed", report2022 + "\n2023年3月10日", lint.Options{}, nil},
		{"published", "日期:2023-03-10\n" + report2022, lint.Options{}, nil},
		{"given", report2022, lint.Options{Published: day(2023, 3, 10)}, nil},
		{"no day", report2022 + "\n2023年3月", lint.Options{}, []string{"5:1 warning 落款日期“2023年3月”没有写明日"}},
		{"impossible: date/malformed says so", report2022 + "\n2023年2月30日", lint.Options{}, nil},
		{"only text dates", report2022 + "4月10日召开会议。", lint.Options{}, []string{"1:1 warning 报告没有发布日期"}},
	})
}

func TestDateDeadline(t *testing.T) {
	c := &checks.DateDeadline{Rule: &lint.Rule{ID: "date/deadline", Severity: lint.Error}, Month: 4, Day: 1, OnDeadline: lint.Warning, Signed: lint.Warning}
	runCases(t, c, nil, []checkCase{
		{"published late", "发布日期:2023-04-10\n" + report2022, lint.Options{},
			[]string{"1:6 error 2022年度报告的发布日期为2023年4月10日,晚于2023年4月1日的公开期限;年度报告应在4月1日之前向社会公开。"}},
		{"published on the deadline", "公开日期: 2023-04-01\n" + report2022, lint.Options{},
			[]string{"1:7 warning 2022年度报告的发布日期为2023年4月1日,恰是公开期限当天"}},
		{"published in time", "发布时间:2023-03-31 18:00\n" + report2022, lint.Options{}, nil},
		{"signed in Chinese numerals", report2022 + "\n二〇二三年三月十日", lint.Options{}, nil},
		{"signed late", report2022 + "\n2023年4月15日", lint.Options{},
			[]string{"5:1 warning 2022年度报告的落款日期为2023年4月15日,晚于2023年4月1日的公开期限"}},
		{"published in time wins over a late signature", "日期:2023-03-20\n" + report2022 + "\n2023年4月15日", lint.Options{}, nil},
		{"the caller's date wins over the page's", "日期:2023-03-20\n" + report2022, lint.Options{Published: day(2023, 4, 15)},
			[]string{"2:1 error 2022年度报告的发布日期为2023年4月15日(检查时指定),晚于"}},
		{"the caller's date in time", "日期:2023-04-20\n" + report2022, lint.Options{Published: day(2023, 3, 15)}, nil},
		{"the caller's year", "日期:2023-04-20\n" + report2022, lint.Options{Year: 2023}, nil},
		{"title and body disagree: late only for both", "日期:2023-04-10\n" + strings.Replace(report2022, "2022年度", "2023年度", 1), lint.Options{}, nil},
		{"title and body disagree: late for both", "日期:2024-04-10\n" + strings.Replace(report2022, "2022年度", "2023年度", 1), lint.Options{},
			[]string{"1:4 error 2023年度报告的发布日期为2024年4月10日,晚于2024年4月1日的公开期限"}},
		{"no date", report2022, lint.Options{}, nil},
		{"no year", "法治政府建设情况报告\n我区扎实推进法治政府建设。\n日期:2030-12-31", lint.Options{}, nil},
	})
}

func TestDatePeriod(t *testing.T) {
	c := &checks.DatePeriod{Rule: &lint.Rule{ID: "date/period", Severity: lint.Warning}}
	runCases(t, c, nil, []checkCase{
		{"signed in the year reported on", report2022 + "\n2022年1月15日", lint.Options{},
			[]string{"5:1 warning 2022年度报告的落款日期为2022年1月15日,早于所报告年度的结束(2022年12月31日)"}},
		{"signed on its last day", report2022 + "\n2022年12月31日", lint.Options{}, nil},
		{"signed after it", report2022 + "\n2023年1月15日", lint.Options{}, nil},
		{"published before it ended", "发布日期:2022-12-20\n" + report2022, lint.Options{},
			[]string{"1:6 warning 2022年度报告的发布日期为2022年12月20日,早于"}},
		{"the caller's date", report2022, lint.Options{Published: day(2021, 3, 1)},
			[]string{"1:1 warning 2022年度报告的发布日期为2021年3月1日(检查时指定),早于"}},
		{"title and body disagree: early only for both", strings.Replace(report2022, "2022年度", "2023年度", 1) + "\n2023年3月1日", lint.Options{}, nil},
		{"title and body disagree: early for both", strings.Replace(report2022, "2022年度", "2023年度", 1) + "\n2022年3月1日", lint.Options{},
			[]string{"5:1 warning 2022年度报告的落款日期为2022年3月1日,早于所报告年度的结束(2022年12月31日)"}},
		{"text dates do not count", report2022 + "4月10日召开会议。\n2023年3月1日", lint.Options{}, nil},
	})
}

func TestDateMalformed(t *testing.T) {
	c := &checks.DateMalformed{Rule: &lint.Rule{ID: "date/malformed", Severity: lint.Error}, Glued: lint.Warning}
	runCases(t, c, nil, []checkCase{
		{"month 13", report2022 + "2020年13月召开会议。", lint.Options{}, []string{"4:16 error 日期“2020年13月”不存在:月份“13”不存在(应为1至12);请核对改正。"}},
		{"30 February", report2022 + "\n2024年2月30日", lint.Options{}, []string{"5:1 error 日期“2024年2月30日”不存在:2月没有30日(2月最多29日)"}},
		{"29 February of a common year", report2022 + "\n2023年2月29日", lint.Options{}, []string{"5:1 error 日期“2023年2月29日”不存在:2023年2月没有29日(2023年不是闰年)"}},
		{"29 February of a leap year", report2022 + "\n2024年2月29日", lint.Options{}, nil},
		{"glued dates", report2022 + "对2019111日至2020101日的案卷进行评查。", lint.Options{}, []string{
			"4:17 warning 日期“2019111日”缺了字,数字连在了一起,应为“2019年11月1日”",
			"4:26 warning 日期“2020101日”缺了字,数字连在了一起,应为“2020年10月1日”"}},
		{"glued beyond repair", report2022 + "自2019451日起施行。", lint.Options{}, []string{"4:17 warning “2019451日”像是缺了“年”“月”等字的日期"}},
		{"glued year", report2022 + "2022年度学法考试,202235名同志参加。", lint.Options{}, []string{"4:27 warning “202235”疑为“2022年35”缺了“年”字"}},
		{"a glued document number is format/doc-number's", report2022 + "按照(厅字〔201928)要求。", lint.Options{}, nil},
		{"valid dates", report2022 + "2022年3月5日、4月10日召开会议。", lint.Options{}, nil},
	})
}
