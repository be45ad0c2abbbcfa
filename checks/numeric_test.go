package checks_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/condition"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// numericCase is a sentence or two and the finding expected of one check:
// "" for none, else the severity and a regexp on the message.
type numericCase struct {
	text string
	want string
}

// runNumeric lints each case's text, under a title, with c alone and the
// part "next-year" recognised by its heading.
func runNumeric(t *testing.T, c lint.Check, cases []numericCase) {
	t.Helper()
	l, err := lint.New(lint.Config{
		Rules:  c.Rules(),
		Parts:  []document.PartSpec{{Name: "next-year", Headings: res("下一年度")}},
		Checks: []lint.Check{c},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		r, err := l.Check(context.Background(), []byte("某县2023年度法治政府建设情况报告\n"+tc.text), lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range r.Findings {
			got = append(got, f.Severity.String()+" "+f.Message)
		}
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%s\n  unexpected: %v", tc.text, got)
		case tc.want != "" && len(got) != 1:
			t.Errorf("%s\n  got %d findings %v, want one matching %q", tc.text, len(got), got, tc.want)
		case tc.want != "" && !regexp.MustCompile(tc.want).MatchString(got[0]):
			t.Errorf("%s\n  got %q, want a match for %q", tc.text, got[0], tc.want)
		}
	}
}

func TestSumMismatch(t *testing.T) {
	c := &checks.SumMismatch{
		Rule: &lint.Rule{ID: "numeric/sum-mismatch", Severity: lint.Error}, Short: lint.Warning, MinShort: 2,
		Breaks: res("^[,、:;]?(另|此外|同时|还有|共|累计|合计|总计|全年)"), NotIn: []string{"next-year"},
	}
	runNumeric(t, c, []numericCase{
		{"开展规范性文件清理,共计四十件,其中保留三十九件、废止二件。", `^error .*各项之和41件\(保留三十九件\+废止二件\)大于总数四十件`},
		{"开展规范性文件清理,共计四十件,其中保留三十八件、废止二件。", ""},
		{"审结28件,其中维持13件、撤销3件、终止10件。", `^warning .*各项之和26件\(维持13件\+撤销3件\+终止10件\)小于总数28件`},
		{"审结28件,其中维持13件、撤销3件、终止12件。", ""},
		// one part may fall short: 其中 names a notable share
		{"受理案件100件,其中涉企纠纷30件。", ""},
		{"受理案件100件,其中涉企纠纷130件。", `^error .*130件.*大于总数100件`},
		// without 共
		{"2020年我镇参与行政复议、诉讼案件35件,其中行政复议5件,行政诉讼31件。", `各项之和36件.*大于总数35件`},
		// parts of another unit are not parts
		{"12348热线平台接听蒙汉语电话8266个,其中蒙语1119个,部门沟通118次,接待来访406人次。", ""},
		{"接听电话100个,其中蒙语60个,部门沟通118次,汉语50个。", ""},
		// approximate totals are bounds
		{"审核行政处罚案件200余件,其中一般程序120件,简易程序90件。", ""},
		{"审核行政处罚案件近200件,其中一般程序120件,简易程序90件。", `^error .*210件.*大于总数近200件`},
		{"审核行政处罚案件200余件,其中一般程序20件,简易程序30件。", `^warning .*50件.*小于总数200余件`},
		{"审核案件约200件,其中一般程序120件,简易程序90件。", ""},
		// a break word ends the list of parts
		{"受理纠纷100件,其中调解成功60件,另办理咨询200件。", ""},
		// growth is not a part; the plan is not checked
		{"受理纠纷100件,其中调解成功60件,同比增长30件。", ""},
		{"四、下一年度推进法治政府建设的主要安排\n力争受理案件100件,其中调解成功120件。", ""},
		// amounts
		{"共投入资金500万元,其中市级300万元、县级250万元。", `550万元.*大于总数500万元`},
		// no total before 其中
		{"对规范性文件进行清理,其中继续有效80件、拟废止和宣布失效54件。", ""},
	})
}

func TestPartExceedsTotal(t *testing.T) {
	c := &checks.PartExceedsTotal{
		Rule:    &lint.Rule{ID: "numeric/part-exceeds-total", Severity: lint.Error},
		Success: res("成功", "化解", "办结", "结案", "审结", "通过", "合格", "及格"),
		Total:   res("受理", "收到", "调解", "参加", "^共"),
		Exempt:  res("结转", "上年"),
	}
	runNumeric(t, c, []numericCase{
		{"共受理矛盾纠纷120件,调解成功125件。", `^error 调解成功125件多于共受理矛盾纠纷120件`},
		{"受理矛盾纠纷131件,成功化解135件。", `成功化解135件多于受理矛盾纠纷131件`},
		{"受理矛盾纠纷131件,成功化解131件。", ""},
		{"受理矛盾纠纷131件,成功化解100件。", ""},
		// the nearest total of the same unit
		{"受理纠纷300件,接待群众50人次,调解成功280件。", ""},
		{"受理纠纷300件,调解纠纷100件,调解成功120件。", `调解成功120件多于调解纠纷100件`},
		{"受理纠纷100件,成功调解150起。", `成功调解150起多于受理纠纷100件`},
		{"受理纠纷100件,成功调解150人。", ""},
		// approximate
		{"受理纠纷300件,成功调解200余件。", ""},
		{"受理纠纷200余件,成功调解250件。", ""},
		{"受理纠纷近200件,成功调解250件。", `成功调解250件多于受理纠纷近200件`},
		// carried over from last year
		{"受理行政复议案件39件,审结42件(含上年结转5件)。", ""},
		{"受理行政复议案件39件,审结42件。", `审结42件多于受理行政复议案件39件`},
		// 其中 parts are SumMismatch's
		{"受理纠纷100件,其中调解成功120件。", ""},
		// a total later in the sentence is no total
		{"调解成功125件,受理纠纷120件。", ""},
		{"参加考试100人,通过98人。", ""},
		{"参加考试100人,通过102人。", `通过102人多于参加考试100人`},
	})
}

func TestRateMismatch(t *testing.T) {
	c := &checks.RateMismatch{
		Rule:     &lint.Rule{ID: "numeric/rate-mismatch", Severity: lint.Error},
		Rates:    res("率$"),
		NotRates: res("增长率"),
		Composites: []checks.Composite{{
			Name: "first-class-or-better", Rate: res("一类以上(案件|案卷)?率"),
			Parts: [][]*match.Regexp{res("优秀"), res("^一类(案件|案卷)?$")},
		}},
		NotIn: []string{"next-year"},
	}
	runNumeric(t, c, []numericCase{
		{"行政诉讼案件结案数51件,败诉9件,败诉率17.65%。", ""},
		{"结案51件,败诉9件,败诉率16.65%。", `^error 败诉率16.65%与9/51=17.65%不符\(败诉9件,结案51件\)`},
		{"结案51件,败诉9件,败诉率7.65%。", `败诉率7.65%与9/51=17.65%不符`},
		// rounding half up or truncation at the stated precision
		{"法院共推送行政争议案件13件,成功化解11件,未化解成功转立案2件,化解成功率为84.61%。", ""},
		{"法院共推送行政争议案件13件,成功化解11件,化解成功率为84.62%。", ""},
		{"法院共推送行政争议案件13件,成功化解11件,化解成功率为84.6%。", ""},
		{"法院共推送行政争议案件13件,成功化解11件,化解成功率为85%。", ""},
		{"法院共推送行政争议案件13件,成功化解11件,化解成功率为84.63%。", `化解成功率84.63%与11/13=84.62%不符`},
		{"调解矛盾纠纷718件,调解成功687件,调解成功率95.7%。", ""},
		{"全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率99.13%,涉及金额20381.1万元。", ""},
		{"全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率98.13%。", `98.13%与4450/4489=99.13%`},
		// any count of the unit may be the denominator
		{"收案60件,审结51件,败诉9件,败诉率15%。", ""},
		// 纠错率 ↔ 纠错案件; 诉求化解率 ↔ 化解 after 诉求
		{"审结行政复议案件160件,纠错案件28件,纠错率17.5%。", ""},
		{"审结行政复议案件160件,纠错案件28件,纠错率27.5%。", `纠错率27.5%与28/160=17.5%不符`},
		{"收集企业合理诉求123条,化解123条,诉求化解率100%。", ""},
		{"收集企业合理诉求123条,化解120条,诉求化解率100%。", `诉求化解率100%与120/123=97.56%不符`},
		// no numerator or no denominator: left alone
		{"调撤案件258件,调撤率达到70.7%,同比上升24.2个百分点。", ""},
		{"认领监管事项9818项、认领率82%。", ""},
		{"受理案件100件,应诉案件30件,出庭应诉率100%。", ""},
		{"组织执法证件考试1次,持有有效执法证件2525本,持证率为95.6%。", ""},
		// a before-and-after pair is no part and whole
		{"将全盟504家政府网站整合为49家,整合率100%。", ""},
		// composites
		{"抽查检查卷宗145件,其中优秀案件25件,一类案件91件,二类案件29件,一类以上案件率80%。", ""},
		{"评查案件82件,其中优秀案件15件,一类案件59件,二类案件8件,一类以上案件率90.24%。", ""},
		{"抽查检查卷宗145件,其中优秀案件25件,一类案件91件,二类案件29件,一类以上案件率85%。", `一类以上案件率85%与\(25\+91\)/145=80%不符`},
		{"抽查检查卷宗145件,其中一类案件91件,二类案件29件,一类以上案件率80%。", ""},
		// approximate counts
		{"受理纠纷200余件,调解成功180件,调解成功率90%。", ""},
		{"受理纠纷200余件,调解成功180件,调解成功率95%。", `95%与180/200=90%不符`},
		// growth, plans
		{"受理案件120件,增长率20%。", ""},
		// a "sentence" of more than MaxSentence quantities is not read
		{strings.Repeat("受理纠纷10件,", checks.MaxSentence) + "结案51件,败诉9件,败诉率16.65%。", ""},
		{"四、下一年度推进法治政府建设的主要安排\n结案51件,败诉9件,败诉率16.65%。", ""},
	})
}

func TestPercentRange(t *testing.T) {
	c := &checks.PercentRange{
		Rule:           &lint.Rule{ID: "numeric/percent-range", Severity: lint.Error},
		Proportions:    res("(参学|通过|出庭(应诉)?|成功)率$", "占比$"),
		NotProportions: res("完成率"),
	}
	runNumeric(t, c, []numericCase{
		{"组织全县干部参加学法考试,参学率110%,通过率100%。", `^error 参学率110%超过100%`},
		{"通过率105%。", `通过率105%超过100%`},
		{"参学率100%,通过率100%。", ""},
		{"出庭应诉率100.4%。", `出庭应诉率100.4%超过100%`},
		{"出庭应诉率100%以上。", ""},
		{"行政复议案件同比增长150%。", ""},
		{"计划完成率120%。", ""},
		{"企业占比120%。", `占比120%超过100%`},
		{"调解成功率为-5%。", `^error 调解成功率-5%是负数`},
		{"通过率负3%。", `通过率负3%是负数`},
		{"通过率−0.5%。", `通过率−0.5%是负数`},
		{"通过率-0%。", ""},
		{"计划完成率-5%。", ""},
		{"调解成功率3-5%。", ""},
		{"通过率85%-90%。", ""},
		{"通过率正负3%。", ""},
		{"行政复议案件同比增长-5%。", ""},
	})
}

func TestConflict(t *testing.T) {
	c := &checks.Conflict{
		Rule: &lint.Rule{ID: "numeric/conflict", Severity: lint.Warning},
		Figures: []checks.Figure{
			{Name: "负责人出庭次数", Label: res("负责人出庭(应诉)?$"), Units: []string{"次", "件"}},
			{Name: "败诉率", Label: res("败诉率$"), NotLabel: res("一审"), Units: []string{"%"}},
		},
		NotLabel: res("上年", "同期"),
		NotIn:    []string{"next-year"},
	}
	p1 := "一、主要举措和成效\n全面落实行政负责人出庭制度,负责人出庭15次。\n"
	runNumeric(t, c, []numericCase{
		{p1 + "三、第一责任人\n2023年,机关负责人出庭15次。", ""},
		{p1 + "三、第一责任人\n机关负责人出庭12次。", `^warning 负责人出庭次数前后不一致:此处为12次,前文为15次`},
		{p1 + "三、第一责任人\n机关负责人出庭15余次。", ""},
		{p1 + "三、第一责任人\n机关负责人出庭应诉12件。", ""},
		{p1 + "三、第一责任人\n上年负责人出庭12次。", ""},
		{p1 + "三、第一责任人\n2022年负责人出庭12次。", ""},
		{p1 + "三、第一责任人\n同比增长,负责人出庭增加3次。", ""},
		{p1 + "四、下一年度推进法治政府建设的主要安排\n确保负责人出庭20次。", ""},
		{"败诉率17.65%。行政诉讼败诉率17.65%。", ""},
		{"败诉率17.65%。行政诉讼败诉率7.65%。", `败诉率前后不一致:此处为7.65%`},
		{"败诉率1%。一审败诉率5%。", ""},
		// other statistics are not key figures
		{"培训学员320余人次。培训学员514人。", ""},
	})
}

func TestRelation(t *testing.T) {
	cond := func(src string, vars ...string) *condition.Condition {
		c, diags := condition.CompileCondition(parseExpr(t, src), vars)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return c
	}
	vars := []string{"total", "success", "rate"}
	rule := &lint.Rule{ID: "numeric/x", Severity: lint.Error}
	c := &checks.Relation{
		Name:     "mediation",
		Topic:    res("调解|纠纷"),
		SameUnit: true,
		NotIn:    []string{"next-year"},
		Captures: []checks.Capture{
			{Name: "total", Label: res("(受理|调解).{0,8}纠纷$"), NotLabel: res("成功")},
			{Name: "success", Label: res("(调解|化解)成功|成功(调解|化解)")},
			{Name: "rate", Kind: checks.CaptureRate, Label: res("成功率$"), Optional: true},
		},
		Asserts: []checks.Assert{
			{Rule: rule, Severity: lint.Error, Condition: cond("success <= total", vars...), At: 1,
				Message: template(t, "${text.success}多于${text.total}(${label.total})")},
			{Rule: rule, Severity: lint.Warning, Condition: cond("rate == pct(success, total)", vars...), At: 2,
				Message: template(t, "${text.rate}与${round(pct(success, total), 2)}%不符")},
		},
	}
	runNumeric(t, c, []numericCase{
		{"全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率99.13%。", ""},
		{"全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率98%。", `^warning 98%与99.13%不符$`},
		{"全年调解各类矛盾纠纷4489件,调解成功4500件。", `^error 4500件多于4489件\(全年调解各类矛盾纠纷\)$`},
		// every binding is tried: 4450 of 4489 fits, 4450 of 4000 would not
		{"受理纠纷4000件,调解纠纷4489件,调解成功4450件,调解成功率99.13%。", ""},
		// the other unit does not bind (same_unit)
		{"受理纠纷100人,调解成功120件。", ""},
		// a missing required capture: nothing
		{"全年调解各类矛盾纠纷4489件,调解成功率98%。", ""},
		// approximate
		{"调解纠纷200余件,调解成功210件。", ""},
		// off topic, or in the plan
		{"受理案件120件,成功化解125件。", ""},
		{"四、下一年度推进法治政府建设的主要安排\n全年调解各类矛盾纠纷4489件,调解成功4500件。", ""},
	})
	// the other figures the condition compares are related locations
	runStructure(t, c, []structureCase{
		{"related", "全年调解各类矛盾纠纷4489件,调解成功4500件,调解成功率98%。", []string{
			"1:21 related 1:11 相关的数字“4489件”",
			"1:32 related 1:21 相关的数字“4500件” related 1:11 相关的数字“4489件”"}},
	})
	// default message when the template cannot be rendered
	c.Asserts[0].Message = template(t, "${round(success, 99)}")
	runNumeric(t, c, []numericCase{
		{"全年调解各类矛盾纠纷4489件,调解成功4500件。", `^error 这些数字彼此不符\(全年调解各类矛盾纠纷4489件,调解成功4500件\)`},
	})
}

func parseExpr(t *testing.T, src string) hcl.Expression {
	t.Helper()
	e, diags := parseHCLExpr(src)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return e
}

func TestCheckMessage(t *testing.T) {
	caps := []string{"total", "success"}
	tests := []struct {
		src  string
		want string // "" for no diagnostic
	}{
		{"${text.success}多于${text.total}", ""},
		{"${label.total}:${round(pct(success, total), 2)}%、${sum(success, total)}、${format(\"%d\", total)}", ""},
		{"${foo}", "${foo} 不可用"},
		{"${text.foo}", "text 后应跟一个捕获名"},
		{"${text}", "text 后应跟一个捕获名"},
		{"${success.value}", "不能取属性"},
		{"${upper(text.total)}", "不能调用函数 upper()"},
		{"${round(pct(success, total))}", `Function "round" expects 2 argument(s)`},
		{"${abs(\"很多\")}", "a number is required"},
		{"${format(\"%d%%\", pct(success, total))}", ""},
		{"多于${success}件", ""},
		{"多于", ""},
	}
	for _, tc := range tests {
		diags := condition.CheckMessage(template(t, tc.src), caps)
		got := ""
		if len(diags) > 0 {
			got = diags[0].Detail
		}
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.src, got, tc.want)
		}
	}
}

func parseHCLExpr(src string) (hcl.Expression, hcl.Diagnostics) {
	return hclsyntax.ParseExpression([]byte(src), "t.hcl", hcl.InitialPos)
}
