package document

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// body is a report's text after its header: an opening paragraph on 2023
// and two parts.
const body = "2023年,我区深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下:\n" +
	"一、主要举措和成效\n全面落实行政执法三项制度。\n" +
	"二、存在的不足和原因\n主要是基层执法力量不足。\n"

// pageRead is what a test expects of a page's header.
type pageRead struct {
	Title     string // the title's text, "" when none
	Year      int
	YearFrom  string
	Published string // ISO, "" when none
	Signed    string // ISO, "" when none
}

func readPage(t *testing.T, src string) pageRead {
	t.Helper()
	d, err := Parse(mustDecode(t, src), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var r pageRead
	if d.Title != nil {
		r.Title = d.Title.Text
	}
	r.Year, r.YearFrom = d.Year, d.YearFrom
	if p, ok := d.Published(); ok {
		r.Published = p.ISO()
	}
	if s, ok := d.Signed(); ok {
		r.Signed = s.ISO()
	}
	return r
}

const title = "青山区人民政府关于2023年度法治政府建设情况的报告"

func TestPageHeader(t *testing.T) {
	tests := []struct {
		name   string
		header string
		want   pageRead
	}{
		// metadata as real sites write it
		{"key after other fields", "栏目:政策文件 发布时间:2024-01-12\n" + title,
			pageRead{title, 2023, "title", "2024-01-12", ""}},
		{"key after a source, time with seconds", title + "\n文章来源:司法局 更新时间:2024/03/29 11:30:01",
			pageRead{title, 2023, "title", "2024-03-29", ""}},
		{"site name then key, weekday", "某某网  发布时间:2024-02-28 14:14:25 Wed\n" + title,
			pageRead{title, 2023, "title", "2024-02-28", ""}},
		{"key in square brackets", title + "\n[ 发布日期 ]2024-02-17",
			pageRead{title, 2023, "title", "2024-02-17", ""}},
		{"key in lenticular brackets", title + "\n【发布日期】2024-02-17 【来源】区司法局",
			pageRead{title, 2023, "title", "2024-02-17", ""}},
		{"key then white space", title + "\n发文字号 青政〔2024〕46号 发布时间 2024年03月22日",
			pageRead{title, 2023, "title", "2024-03-22", ""}},
		{"pipe table", title + "\n成文日期: | 2024-02-14 | 发布日期: | 2024-02-15 |",
			pageRead{title, 2023, "title", "2024-02-15", "2024-02-14"}},
		{"tab table", title + "\n成文日期\t2024-02-14\t发布日期\t2024-02-15",
			pageRead{title, 2023, "title", "2024-02-15", "2024-02-14"}},
		{"index block", "索引号: 11530000/2024-00123\n主题分类: 政府工作\n发布机构: 青山区人民政府\n名    称 : " + title + "\n日    期: 2024-03-01\n" + title,
			pageRead{title, 2023, "title", "2024-03-01", ""}},
		{"bare date-time behind a bullet", title + "\n• 2024年03月30日 09时24分",
			pageRead{title, 2023, "title", "2024-03-30", ""}},
		{"bare ISO date behind a bullet", title + "\n• 2024-01-23",
			pageRead{title, 2023, "title", "2024-01-23", ""}},
		{"bare date then a source", title + "\n2024.1.23 来源:青山区司法局",
			pageRead{title, 2023, "title", "2024-01-23", ""}},
		{"bare date, slashes, unpadded", title + "\n2024/1/5 10:05",
			pageRead{title, 2023, "title", "2024-01-05", ""}},
		// the title behind chrome
		{"breadcrumb without 首页 at the start", "您所在的位置:首页 > 政务公开 > 法治政府建设\n" + title,
			pageRead{title, 2023, "title", "", ""}},
		{"breadcrumb without spaces", "您当前的位置:首页>政务公开>县政府>县政府\n" + title,
			pageRead{title, 2023, "title", "", ""}},
		{"many chrome lines", "青山区人民政府门户网站\n政务公开\n今天是:2019年10月31日 星期三 农历九月初三\n通知公告\n政府信息公开\n法治政府建设\n" + title,
			pageRead{title, 2023, "title", "", ""}},
		{"a column named like a report", "法治政府建设年度报告\n青山区2023年度法治政府建设情况报告",
			pageRead{"青山区2023年度法治政府建设情况报告", 2023, "title", "", ""}},
		{"title repeated below the metadata", title + "\n发布时间:2024-03-01\n" + title,
			pageRead{title, 2023, "title", "2024-03-01", ""}},
		{"title split over two lines", "青山区人民政府关于2023年度\n法治政府建设情况的报告",
			pageRead{"青山区人民政府关于2023年度法治政府建设情况的报告", 2023, "title", "", ""}},
		{"title after a document number", "青卫〔2024〕3号《青山区卫生健康局关于2023年度法治政府建设情况的报告》",
			pageRead{"青卫〔2024〕3号《青山区卫生健康局关于2023年度法治政府建设情况的报告》", 2023, "title", "", ""}},
		{"title only in the metadata", "标题:" + title + "\n发布日期:2024-03-01",
			pageRead{title, 2023, "title", "2024-03-01", ""}},
		// the opening paragraph
		{"salutation", "市委全面依法治市委员会:",
			pageRead{"", 2023, "opening", "", ""}},
		{"issuer line", "大河乡人民政府",
			pageRead{"", 2023, "opening", "", ""}},
		{"meeting dateline", "(2024年4月29日在青山区第十八届人大常委会第二十次会议上)",
			pageRead{"", 2023, "opening", "", "2024-04-29"}},
		{"meeting dateline with a dash", title + "\n——2024年3月29日在区政府常务会议上",
			pageRead{title, 2023, "title", "", "2024-03-29"}},
		{"cover letter", "市委依法治市办:\n现呈送《青山区关于2023年度法治政府建设情况的报告》,请审阅。\n青山区人民政府\n2024年2月20日\n法治政府建设情况报告",
			pageRead{"法治政府建设情况报告", 2023, "opening", "", "2024-02-20"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readPage(t, tc.header+"\n"+body)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPageHeaderNegative checks lines that look like metadata or chrome
// but belong to the report.
func TestPageHeaderNegative(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want pageRead
	}{
		{"a meeting's time in the body", title + "\n" + body + "会议时间 2024年3月5日\n",
			pageRead{title, 2023, "title", "", ""}},
		{"a date in the opening is no page date", title + "\n2024年1月5日,区政府召开常务会议。2023年,我区扎实推进法治政府建设。\n一、主要举措和成效\n正文。",
			pageRead{title, 2023, "title", "", ""}},
		{"a date in a chrome line", "今天是:2024年10月31日 星期三\n" + title + "\n" + body,
			pageRead{title, 2023, "title", "", ""}},
		{"a plain sentence with 时间", title + "\n时间紧、任务重,我区2023年扎实推进。\n一、主要举措和成效\n正文。",
			pageRead{title, 2023, "title", "", ""}},
		{"a signature stays a signature", title + "\n" + body + "青山区人民政府\n2024年3月20日",
			pageRead{title, 2023, "title", "", "2024-03-20"}},
		{"a salutation naming a year is prose", "2023年度工作情况报告如下:\n一、主要举措和成效\n正文。",
			pageRead{"", 2023, "opening", "", ""}},
		{"a date after a paragraph without cover words", title + "\n2023年,我区扎实推进法治政府建设。\n2024年1月5日\n" + body,
			pageRead{title, 2023, "title", "", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, readPage(t, tc.src)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewsDateline(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // Published, ISO
	}{
		{"repost later than the original",
			"青山区2023年度法治政府建设情况报告\n发布时间:2024-11-27 来源:中国新闻网\n中新网 3月29日电 据青山区政府网站消息,青山区公布年度报告,具体内容如下:\n" + body,
			"2024-03-29"},
		{"dateline with a year",
			"青山区2023年度法治政府建设情况报告\n发布时间:2024-11-27\n新华社北京2024年3月20日电 具体内容如下:\n" + body,
			"2024-03-20"},
		{"dateline later in the year than the page: the year before",
			"青山区2023年度法治政府建设情况报告\n发布时间:2025-01-10\n中新网 12月29日电 具体内容如下:\n" + body,
			"2024-12-29"},
		{"no page date: the year after the report's",
			"青山区2023年度法治政府建设情况报告\n中新网 3月29日电 具体内容如下:\n" + body,
			"2024-03-29"},
		{"a date in the body is no dateline",
			"青山区2023年度法治政府建设情况报告\n发布时间:2024-03-27\n3月29日,区政府召开常务会议。\n" + body,
			"2024-03-27"},
		{"a dateline deep in the body is none",
			"青山区2023年度法治政府建设情况报告\n发布时间:2024-03-27\n" + body + "正文。\n正文。\n正文。\n正文。\n据报道,中新网 3月20日电。\n",
			"2024-03-27"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := readPage(t, tc.src).Published; got != tc.want {
				t.Errorf("Published = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestOutlineOfPages(t *testing.T) {
	long := strings.Repeat("全面落实行政执法三项制度,执法质量稳步提高。", 6)
	tests := []struct {
		name string
		src  string
		want []outlineItem
	}{
		{"junk before the numbers",
			title + "\n??一、主要举措和成效\n" + long + "\n锟斤拷(一)加强领导\n正文。\n\u00a0二、存在的不足和原因\n正文。",
			[]outlineItem{
				{1, "一", "主要举措和成效", 2, -1, false, long + "\n锟斤拷(一)加强领导\n正文。"},
				{2, "一", "加强领导", 4, 0, false, "正文。"},
				{1, "二", "存在的不足和原因", 6, -1, false, "正文。"},
			}},
		{"a part heading that lost its numeral",
			title + "\n2023年,我区扎实推进。现报告如下:\n党政主要负责人严格履行推进法治建设第一责任人职责\n" + long + "\n二、存在的不足和原因\n正文。",
			[]outlineItem{
				{1, "", "党政主要负责人严格履行推进法治建设第一责任人职责", 3, -1, true, long},
				{1, "二", "存在的不足和原因", 5, -1, false, "正文。"},
			}},
		{"a short line after the preamble when part 一 is there is no heading",
			title + "\n2023年,我区扎实推进。现报告如下:\n总体情况良好\n一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。",
			[]outlineItem{
				{1, "一", "主要举措和成效", 4, -1, false, "正文。"},
				{1, "二", "存在的不足和原因", 6, -1, false, "正文。"},
			}},
		{"run-on line",
			title + "\n2023年,我区扎实推进法治政府建设。现将有关情况报告如下。一、依法行政(一)强化理论武装。" + long + "(二)健全制度。" + long + "二、存在的不足和原因。主要是基层力量不足。三、下一步工作安排。" + long,
			[]outlineItem{
				{1, "一", "依法行政", 2, -1, false, "(一)强化理论武装。" + long + "(二)健全制度。" + long},
				{2, "一", "强化理论武装", 2, 0, false, long},
				{2, "二", "健全制度", 2, 0, false, long},
				{1, "二", "存在的不足和原因", 2, -1, false, "主要是基层力量不足。"},
				{1, "三", "下一步工作安排", 2, -1, false, long},
			}},
		{"an enumeration in a report whose lines kept their breaks is no outline",
			title + "\n(一)加强领导\n正文。\n(二)健全制度\n正文。\n(三)规范执法\n重点抓好三项工作。一、加强培训。二、完善制度。三、强化监督。" + long,
			[]outlineItem{
				{2, "一", "加强领导", 2, -1, false, "正文。"},
				{2, "二", "健全制度", 4, -1, false, "正文。"},
				{2, "三", "规范执法", 6, -1, false, "重点抓好三项工作。一、加强培训。二、完善制度。三、强化监督。" + long},
			}},
		{"one 一、 inside a paragraph is no outline",
			title + "\n2023年,我区扎实推进法治政府建设,重点有:一、依法行政。" + long,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(mustDecode(t, tc.src), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, outlineOf(d)); diff != "" {
				t.Errorf("outline mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJunkPrefix(t *testing.T) {
	tests := []struct {
		s    string
		want string // what is left
	}{
		{"??一、主要举措", "一、主要举措"},
		{"锟斤拷锟斤拷(一)加强", "(一)加强"},
		{"\ufffd\u00a0二、", "二、"},
		{"\u200b\ufeff1.深化", "1.深化"},
		{"一、主要举措", "一、主要举措"},
		{"为什么?", "为什么?"},
		{"???", ""},
	}
	for _, tc := range tests {
		if got := tc.s[junkPrefix(tc.s):]; got != tc.want {
			t.Errorf("junkPrefix(%q) leaves %q, want %q", tc.s, got, tc.want)
		}
	}
}

// TestChromeAboveTitle checks that the lines above the title are set aside
// as chrome, except the issuer's name and a 发文字号, which stay the
// report's (format/doc-number checks the number).
func TestChromeAboveTitle(t *testing.T) {
	d, err := ParseString("青山区人民政府门户网站\n政务公开\n青山区人民政府\n青政发[2024]5号\n" + title + "\n" + body)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []LineKind
	for _, l := range d.Lines[:5] {
		kinds = append(kinds, l.Kind)
	}
	want := []LineKind{FurnitureLine, FurnitureLine, BodyLine, BodyLine, TitleLine}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("line kinds mismatch (-want +got):\n%s", diff)
	}
	if len(d.DocNumbers) != 1 {
		t.Errorf("DocNumbers = %+v, want the one above the title", d.DocNumbers)
	}
}

// TestOriginalTitle checks that a title split over two lines is given on
// one, as written (full-width characters kept), and a one-line title as it is.
func TestOriginalTitle(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"XX区人民政府关于2023年度\n  法治政府建设情况的报告  \n\n" + body, "XX区人民政府关于2023年度法治政府建设情况的报告"},
		{"XX区人民政府关于2023年度\r\n法治政府建设情况的报告（草稿）\r\n\r\n" + body, "XX区人民政府关于2023年度法治政府建设情况的报告（草稿）"},
		{"XX区2023年度法治政府建设情况报告\n\n" + body, "XX区2023年度法治政府建设情况报告"},
		{body, ""},
	} {
		d, err := ParseString(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.OriginalTitle(); got != tc.want {
			t.Errorf("OriginalTitle() = %q, want %q\nsource:\n%s", got, tc.want, tc.src)
		}
	}
}
