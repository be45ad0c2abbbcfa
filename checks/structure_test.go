package checks_test

import (
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/checks"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

func TestNextYear(t *testing.T) {
	plan := []document.PartSpec{{Name: "next-year", Headings: []*match.Regexp{
		match.MustCompile(`下一?(年度?|步).{0,12}(安排|打算)`), match.MustCompile(`\d{4}年度?.{0,16}(安排|打算|思路)`),
	}}}
	c := &checks.NextYear{Rule: &lint.Rule{ID: "year/next-year", Severity: lint.Error}, Part: "next-year"}
	head := "青山区2022年度法治政府建设情况报告\n2022年,我区扎实推进法治政府建设。\n一、主要工作\n全面落实行政执法“三项制度”。\n"
	runCases(t, c, plan, []checkCase{
		{"plan two years ahead", head + "二、2024年工作安排\n深化改革。", lint.Options{},
			[]string{"5:3 error 下一年度安排“二、2024年工作安排”写的是2024年,本报告是2022年度报告,下一年度应为2023年;请核对年份。"}},
		{"plan for the year reported on", head + "二、2022年工作思路\n深化改革。", lint.Options{},
			[]string{"5:3 error 下一年度安排“二、2022年工作思路”写的是2022年"}},
		{"plan for next year", head + "二、2023年法治政府建设工作打算\n深化改革。", lint.Options{}, nil},
		{"one of several years is next year", head + "二、巩固2022年成果,谋划2023年工作安排\n深化改革。", lint.Options{}, nil},
		{"no year in the heading: the first sentence", head + "二、下一年度推进法治政府建设的主要安排\n2024年,我区将深化改革。", lint.Options{},
			[]string{"6:1 error 下一年度安排的首句“2024年,我区将深化改革。”写的是2024年"}},
		{"the first sentence opens with next year", head + "二、下一年度推进法治政府建设的主要安排\n2023年,我区将深化改革。", lint.Options{}, nil},
		{"a year inside the first sentence is not the plan's", head + "二、下步工作打算\n我区将巩固2022年创建成果。", lint.Options{}, nil},
		{"no year at all", head + "二、下步工作打算\n深化改革。", lint.Options{}, nil},
		{"no plan part", head, lint.Options{}, nil},
		{"the caller's year", head + "二、2024年工作安排\n深化改革。", lint.Options{Year: 2023}, nil},
		{"title and body disagree: next year of either", strings.Replace(head, "2022年度", "2023年度", 1) + "二、2023年工作安排\n深化改革。", lint.Options{}, nil},
	})
	l, err := lint.New(lint.Config{Rules: c.Rules(), Checks: []lint.Check{c}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Check(t.Context(), []byte(head), lint.Options{}); err == nil {
		t.Error("no error for a plan part that is not declared")
	}
}

func TestNumbering(t *testing.T) {
	c := &checks.Numbering{Rule: &lint.Rule{ID: "structure/numbering", Severity: lint.Warning}, Broken: lint.Warning, Restart: lint.Info, Enumeration: lint.Info}
	runCases(t, c, nil, []checkCase{
		{"in sequence, restarting under each parent", "一、甲\n(一)子\n(二)子\n1.孙\n2.孙\n二、乙\n(一)子\n(二)子\n三、丙\n1.跳过一级\n2.可以", lint.Options{}, nil},
		{"gap", "一、甲\n(一)子\n(二)子\n(四)子", lint.Options{}, []string{"4:1 warning 标题编号“(二)”之后是“(四)”,缺少“(三)”;标题应依次编号。"}},
		{"wide gap", "一、甲\n二、乙\n六、丙", lint.Options{}, []string{"3:1 warning 标题编号“二、”之后是“六、”,缺少“三、”至“五、”"}},
		{"repeat", "一、甲\n1.子\n2.子\n2.子", lint.Options{}, []string{"4:1 warning 标题编号“2.”重复:前一个同级标题也是“2.”;应依次编号为“3.”。"}},
		{"out of order", "一、甲\n(1)子\n(2)子\n(3)子\n(2)子", lint.Options{}, []string{"5:1 warning 标题编号“(3)”之后是“(2)”,顺序颠倒"}},
		{"first is not one", "一、甲\n(二)子\n(三)子", lint.Options{}, []string{"2:1 warning “一、甲”下的第一个二级标题编号是“(二)”,缺少“(一)”"}},
		{"top level not from one", "前言。\n二、甲\n三、乙", lint.Options{}, []string{"2:1 warning 第一个一级标题编号是“二、”,缺少“一、”"}},
		{"top level restarts", "一、甲\n二、乙\n三、丙\n一、丁\n二、戊", lint.Options{}, []string{"4:1 info 最高一级标题重新从“一、”开始编号(前面已到“三、”)"}},
		{"restart under one parent", "一、甲\n(一)子\n(二)子\n(一)子", lint.Options{}, []string{"4:1 info 同一标题下的二级标题重新从“(一)”开始编号(前面已到“(二)”)"}},
		{"one wrong number is reported once: restart", "一、甲\n二、乙\n三、丙\n一、丁\n五、戊", lint.Options{}, []string{"4:1 info 最高一级标题重新从“一、”开始编号"}},
		{"one wrong number is reported once: repeat", "一、甲\n(一)子\n(二)子\n(二)子\n(四)子", lint.Options{}, []string{"4:1 warning 标题编号“(二)”重复"}},
		{"one wrong number is reported once: gap", "一、甲\n(一)子\n(二)子\n(四)子\n(四)子\n(五)子", lint.Options{}, []string{"4:1 warning 标题编号“(二)”之后是“(四)”"}},
		{"a real gap after a wrong number", "一、甲\n二、乙\n二、丙\n五、丁", lint.Options{}, []string{"3:1 warning 标题编号“二、”重复", "4:1 warning 标题编号“二、”之后是“五、”"}},
		{"a stray ) (seed 000)", "一、甲\n(一)子\n(二)子\n)深化行政复议诉讼改革。内容。\n(三)子", lint.Options{},
			[]string{"4:1 warning 标题“)深化行政复议诉讼改革”行首只剩“)”,编号缺失;应补全编号(前一个同级标题是“(二)”)。"}},
		{"lost numbers stand for the gap they leave", "一、甲\n(一)子\n)子\n(三)子", lint.Options{}, []string{"3:1 warning 标题“)子”行首只剩“)”,编号缺失"}},
		{"seed 000: (二), two stray ), (八)", "一、甲\n(一)子\n(二)子\n)子\n)子\n(八)子\n(九)子", lint.Options{}, []string{
			"4:1 warning 标题“)子”行首只剩“)”,编号缺失;应补全编号(前一个同级标题是“(二)”)。",
			"5:1 warning 标题“)子”行首只剩“)”,编号缺失",
			"6:1 warning 标题编号“(二)”之后是“(八)”,缺少“(三)”至“(七)”(其间有2个标题的编号残缺);标题应依次编号。"}},
		{"a lost parenthesis", "一、甲\n(一)子\n二)加强执法", lint.Options{}, []string{"3:1 warning 标题“二)加强执法”缺少左括号“(”,应为“(二)”。"}},
		{"enumeration gap", "一、甲\n一是学法,二是普法,四是执法。", lint.Options{}, []string{"2:11 info “二是”之后是“四是”,缺少“三是”;应依次列举。"}},
		{"enumeration repeat and order", "一、甲\n一是学法,二是普法,二是执法,一是守法,三是用法,二是护法。", lint.Options{}, []string{
			"2:11 info “二是”重复:前一项也是“二是”;应为“三是”。",
			"2:21 info “一是”之后是“三是”,缺少“二是”", // a new list from 一是 skips 二是
			"2:26 info “三是”之后是“二是”,顺序颠倒"}},
		{"enumerations across paragraphs of one heading (seed 001)", "一、甲\n一是建立制度。\n内容。\n二是落实制度。\n三是加强宣传。", lint.Options{}, nil},
		{"each heading and paragraph its own list", "一、甲\n一是学法,二是普法。\n一是执法。\n二、乙\n二是守法,三是用法。", lint.Options{}, nil},
	})
}

func TestDocNumber(t *testing.T) {
	c := &checks.DocNumber{Rule: &lint.Rule{ID: "format/doc-number", Severity: lint.Warning}, Glued: lint.Info}
	runCases(t, c, nil, []checkCase{
		{"square brackets", "按照《意见》(国发[2021]33号)要求。", lint.Options{},
			[]string{"1:8 warning 发文字号“国发[2021]33号”不符合GB/T 9704:年份应用六角括号“〔〕”括入,应为“国发〔2021〕33号”。"}},
		{"full-width parentheses", "按照《规定》（厅字（2019）28号）要求。", lint.Options{},
			[]string{"1:8 warning 发文字号“厅字(2019)28号”不符合GB/T 9704:年份应用六角括号“〔〕”括入,应为“厅字〔2019〕28号”。"}},
		{"several departures", "(国办函【20】第05)", lint.Options{},
			[]string{"1:2 warning 发文字号“国办函【20】第05”不符合GB/T 9704:年份应用六角括号“〔〕”括入;年份应标全称(四位数字);发文顺序号不加“第”字;发文顺序号不编虚位(1不编为01);发文顺序号后应加“号”字,应为“国办函〔2020〕5号”。"}},
		{"no correct form", "(湘政发〔202〕3号)", lint.Options{}, []string{"1:2 warning 发文字号“湘政发〔202〕3号”不符合GB/T 9704:年份应标全称(四位数字)。"}},
		{"glued (seed 000)", "按照《督察工作规定》(厅字〔201928)要求。", lint.Options{},
			[]string{"1:12 info 发文字号“厅字〔201928”残缺:年份与发文顺序号连在一起,缺少“〕”和“号”,应为“厅字〔2019〕28号”。"}},
		{"glued with its 号", "按照厅字〔201928号要求。", lint.Options{},
			[]string{"1:5 info 发文字号“〔201928号”残缺:年份与发文顺序号连在一起,缺少“〕”,应为“〔2019〕28号”。"}},
		{"well formed (seed 002)", "两办印发《通知》(办字〔2020〕14号);", lint.Options{}, nil},
		{"not a document number", "《纲要(2015—2020年)》,案号(2020)湘04行终12号。", lint.Options{}, nil},
	})
}

func TestPlaceholder(t *testing.T) {
	res := func(p ...string) []*match.Regexp {
		var out []*match.Regexp
		for _, s := range p {
			out = append(out, match.MustCompile(s))
		}
		return out
	}
	rule := &lint.Rule{ID: "text/placeholder", Severity: lint.Error}
	c, err := checks.NewPlaceholder(rule,
		res(`[Xx×]{2,}`, `([Xx×*])(?:次|个|件)`, `([X×])(?:镇|区)`, `〔\s*〕`, `_{3,}`, `\((?:此处|填写)[^)]{0,30}\)`),
		res(`某某`), []string{"“”", `""`}, "王李")
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, c, nil, []checkCase{
		{"X次 and ××镇", "全年召开会议X次,××镇率先完成。", lint.Options{}, []string{
			"1:7 error “全年召开会议X次”中的“X”是模板占位符,尚未替换;报告公开前应填写实际内容或删去。",
			"1:10 error “××镇率先完成”中的“××”是模板占位符"}},
		{"full-width", "共办理ＸＸ件，＊次", lint.Options{}, []string{"1:4 error “共办理XX件”中的“XX”", "1:8 error “*次”中的“*”"}},
		{"XXXX年 and 20XX年", "XXXX年X月,20XX年", lint.Options{}, []string{"1:1 error “XXXX年X月”中的“XXXX”", "1:11 error “20XX年”中的“XX”"}},
		{"empty brackets, blanks, notes", "(国发〔〕33号)共____件(此处填写数字)", lint.Options{}, []string{"1:4 error", "1:11 error", "1:16 error"}},
		{"某某 outside quotation marks", "某某镇率先完成,对某某公司作出处罚。", lint.Options{}, []string{"1:1 error “某某镇率先完成”中的“某某”", "1:10 error"}},
		{"某某 inside quotation marks", "整治“某某说了算”现象,\"某某\"之说。", lint.Options{}, nil},
		{"but XX inside quotation marks", "开展“XX行动”", lint.Options{}, []string{"1:4 error"}},
		{"an anonymised name", "依法查处王某某、李××非法占地案。", lint.Options{}, nil},
		{"Xxx公司 is a placeholder", "Xxx公司", lint.Options{}, []string{"1:1 error"}},
		{"Latin words", "开展“3+X”执法监督,XXL码,X射线,EXXON公司", lint.Options{}, nil},
		{"a quotation that does not close ends with its line", "他说“某某\n某某镇", lint.Options{}, []string{"2:1 error"}},
	})
}

func TestPlaceholderPatterns(t *testing.T) {
	rule := &lint.Rule{ID: "text/placeholder"}
	for _, p := range []string{`.X`, `[^a]X`, `\p{Han}X`, `[一-龥]{1,2}`, `X?`, `(?:a|.)`} {
		if _, err := checks.NewPlaceholder(rule, []*match.Regexp{match.MustCompile(p)}, nil, nil, ""); err == nil {
			t.Errorf("%q: no error for a pattern that can start anywhere", p)
		}
	}
	for _, p := range []string{`X`, `[Xx×]{2,}`, `(?i)x+`, `(?:某某|××)`, `\b_{3,}`, `X?Y`, `(?:〔\s*〕)`, `[甲乙丙]`} {
		if err := checks.FastPattern(match.MustCompile(p)); err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
	if _, err := checks.NewPlaceholder(rule, nil, nil, []string{"“"}, ""); err == nil {
		t.Error("no error for a quotation mark without its pair")
	}
}
