package dates

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/norm"
)

// at fills in the offsets of the wanted dates: each is the next occurrence
// of its Text in s. Writing byte offsets of Chinese text by hand is how
// tables go wrong; Text == s[Start:End] is checked by the fuzz targets.
func at(t *testing.T, s string, want []Date) []Date {
	t.Helper()
	from := 0
	for i := range want {
		k := strings.Index(s[from:], want[i].Text)
		if k < 0 {
			t.Fatalf("bad test: %q is not in %q after byte %d", want[i].Text, s, from)
		}
		want[i].Start = from + k
		want[i].End = want[i].Start + len(want[i].Text)
		from = want[i].End
	}
	return want
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Date
	}{
		// From the seeds, verbatim.
		{"seed001 metadata", "来源:安定镇  日期:2021-03-31 14:27 打印 【字体:", []Date{
			{Text: "2021-03-31 14:27", Form: ISO, Year: 2021, Month: 3, Day: 31, Hour: 14, Minute: 27, HasTime: true, Padded: true, Key: "日期"}}},
		{"seed004 metadata", "文号: 公开日期: 2023-02-02 09:20", []Date{
			{Text: "2023-02-02 09:20", Form: ISO, Year: 2023, Month: 2, Day: 2, Hour: 9, Minute: 20, HasTime: true, Padded: true, Key: "公开日期"}}},
		{"seed003 signature", "2024年2月28日", []Date{
			{Text: "2024年2月28日", Form: Han, Year: 2024, Month: 2, Day: 28}}},
		{"seed002 month-day", "4月10日召开全面依法治盟委员会第二次会议", []Date{
			{Text: "4月10日", Form: MonthDay, Month: 4, Day: 10}}},
		{"seed002 month-day comma", "12月25日,行署盟长霍照良主持召开全盟法治政府建设电视电话会议", []Date{
			{Text: "12月25日", Form: MonthDay, Month: 12, Day: 25}}},
		{"seed003 year-month", "2023年7月,开阳县获得“全省法治政府建设示范县”命名", []Date{
			{Text: "2023年7月", Form: YearMonth, Year: 2023, Month: 7}}},
		{"seed001 year-month", "2020年8月全市首个市民诉求综合服务中心在我镇成立", []Date{
			{Text: "2020年8月", Form: YearMonth, Year: 2020, Month: 8}}},
		{"seed003 range of months", "从县综合执法局、县市场监管局等重点部门2022年3月-2022年12月办结案件中抽取10件案件", []Date{
			{Text: "2022年3月", Form: YearMonth, Year: 2022, Month: 3},
			{Text: "2022年12月", Form: YearMonth, Year: 2022, Month: 12}}},
		{"page clock", "今天是:2019年10月31日 星期三", []Date{
			{Text: "2019年10月31日", Form: Han, Year: 2019, Month: 10, Day: 31}}},
		{"seed003 month end", "截至8月底,已全面完成各项问题整改。", nil},
		{"seed003 version", "开阳县乡村政务服务2.0版获得“全省法治政府建设示范项目”命名", nil},
		{"seed002 decimals", "调解成功率99.13%,涉及金额20381.1万元;申请司法确认473件", nil},
		{"seed002 hotline", "12348热线平台接听蒙汉语电话8266个,其中蒙语1119个", nil},
		{"seed000 period", "对标完成《法治政府建设实施纲要(2015—2020年)》规定的各项任务", nil},
		{"seed003 period", "制定《开阳县优化提升营商环境工作方案(2023—2025年)》", nil},
		{"seed004 period without 年", "《绍兴市上虞区法治政府建设实施方案(2021-2025)》", nil},
		{"seed002 period hyphen", "规范性文件目录(2000-2019年)》等文件", nil},
		{"seed000 doc number glued", "按照《法治政府建设与责任落实督察工作规定》(厅字〔201928)要求", nil},
		{"seed000 dates glued", "对区行政执法单位2019111日至2020101日实施并已办结的处罚和许可案卷进行评查", nil},
		{"seed000 year glued", "变更执法人员的执法证信息202035名同志参与执法证考试", nil},
		{"seed002 doc number", "(办字〔2020〕14号);行署印发《锡林郭勒盟2020年法治政府建设工作计划》", nil},
		{"seed000 year of study", "88个单位2314名应考人员完成了2020年度学法考试", nil},
		{"seed000 hours", "坚持24小时不间断", nil},
		{"seed003 counts", "归集数据60408条。划分联户单元10152个", nil},
		{"seed003 ten thousands", "截至目前办理乡村政务服务业务2.7万余件", nil},
		{"seed004 year without 年", "2022共召开法律论证会22场", nil},
		{"seed004 version 2.0", "“宠物(犬类)监管一件事2.0”", nil},
		{"seed001 year", "2020年我镇严格落实", nil},
		{"seed003 year comma", "2023年,组织开展综合会商研判69期", nil},
		{"seed004 percent", "一审败诉率控制在5%以下、协调撤诉率保持45%以上", nil},

		// Every form.
		{"slash", "2021/3/31", []Date{{Text: "2021/3/31", Form: Slash, Year: 2021, Month: 3, Day: 31}}},
		{"dot", "2021.3.31", []Date{{Text: "2021.3.31", Form: Dot, Year: 2021, Month: 3, Day: 31}}},
		{"dot in text", "自2023.3.1起施行", []Date{{Text: "2023.3.1", Form: Dot, Year: 2023, Month: 3, Day: 1}}},
		{"Chinese numerals", "二〇二一年三月三十一日", []Date{
			{Text: "二〇二一年三月三十一日", Form: HanNumeral, Year: 2021, Month: 3, Day: 31}}},
		{"Chinese numerals signature", "开阳县人民政府\n二〇二四年二月二十八日\n", []Date{
			{Text: "二〇二四年二月二十八日", Form: HanNumeral, Year: 2024, Month: 2, Day: 28}}},
		{"Chinese numerals year-month", "二〇二四年一月", []Date{
			{Text: "二〇二四年一月", Form: HanNumeral, Year: 2024, Month: 1}}},
		{"Chinese numerals letter O", "二O二一年十二月一日", []Date{
			{Text: "二O二一年十二月一日", Form: HanNumeral, Year: 2021, Month: 12, Day: 1}}},
		{"Chinese numerals circle", "二○二○年十月十日", []Date{
			{Text: "二○二○年十月十日", Form: HanNumeral, Year: 2020, Month: 10, Day: 10}}},
		{"zero-padded", "2024年02月28日", []Date{
			{Text: "2024年02月28日", Form: Han, Year: 2024, Month: 2, Day: 28, Padded: true}}},
		{"ISO with T and seconds", "2021-03-31T14:27:05", []Date{
			{Text: "2021-03-31T14:27:05", Form: ISO, Year: 2021, Month: 3, Day: 31, Hour: 14, Minute: 27, HasTime: true, Padded: true}}},
		{"Han with time and key", "发布时间:2021年03月31日 09:05", []Date{
			{Text: "2021年03月31日 09:05", Form: Han, Year: 2021, Month: 3, Day: 31, Hour: 9, Minute: 5, HasTime: true, Padded: true, Key: "发布时间"}}},
		{"signing key", "成文日期:2024年2月28日", []Date{
			{Text: "2024年2月28日", Form: Han, Year: 2024, Month: 2, Day: 28, Key: "成文日期"}}},
		{"update key spaced", "更新时间: 2021-04-01", []Date{
			{Text: "2021-04-01", Form: ISO, Year: 2021, Month: 4, Day: 1, Padded: true, Key: "更新时间"}}},
		{"publish key spaced colon", "发布日期 : 2021-04-01", []Date{
			{Text: "2021-04-01", Form: ISO, Year: 2021, Month: 4, Day: 1, Padded: true, Key: "发布日期"}}},
		{"time key", "时间:2021-4-1", []Date{
			{Text: "2021-4-1", Form: ISO, Year: 2021, Month: 4, Day: 1, Key: "时间"}}},
		{"key in a sentence", "会议时间:2021年3月5日", []Date{
			{Text: "2021年3月5日", Form: Han, Year: 2021, Month: 3, Day: 5}}},
		{"key after a bracket", "【发布日期】:2021-3-5", []Date{
			{Text: "2021-3-5", Form: ISO, Year: 2021, Month: 3, Day: 5, Key: "发布日期"}}},
		{"key on a later line", "正文。\n发布时间:2021-3-5", []Date{
			{Text: "2021-3-5", Form: ISO, Year: 2021, Month: 3, Day: 5, Key: "发布时间"}}},
		// issue 9: real pages write the key in every form
		{"key then white space", "日期 2021-04-01", []Date{
			{Text: "2021-04-01", Form: ISO, Year: 2021, Month: 4, Day: 1, Padded: true, Key: "日期"}}},
		{"key after a document number", "发文字号 X〔2024〕46号 发布时间 2024年03月22日", []Date{
			{Text: "2024年03月22日", Form: Han, Year: 2024, Month: 3, Day: 22, Padded: true, Key: "发布时间"}}},
		{"no key without separator", "日期2021-04-01", []Date{
			{Text: "2021-04-01", Form: ISO, Year: 2021, Month: 4, Day: 1, Padded: true}}},
		{"key in square brackets", "[ 发布日期 ]2022-02-17", []Date{
			{Text: "2022-02-17", Form: ISO, Year: 2022, Month: 2, Day: 17, Padded: true, Key: "发布日期"}}},
		{"key in lenticular brackets", "【发布日期】2022-02-17", []Date{
			{Text: "2022-02-17", Form: ISO, Year: 2022, Month: 2, Day: 17, Padded: true, Key: "发布日期"}}},
		{"keys in a pipe table", "成文日期: | 2025-02-14 | 发布日期: | 2025-02-15 |", []Date{
			{Text: "2025-02-14", Form: ISO, Year: 2025, Month: 2, Day: 14, Padded: true, Key: "成文日期"},
			{Text: "2025-02-15", Form: ISO, Year: 2025, Month: 2, Day: 15, Padded: true, Key: "发布日期"}}},
		{"keys in a tab table", "成文日期\t2025-02-14\t发布日期\t2025-02-15", []Date{
			{Text: "2025-02-14", Form: ISO, Year: 2025, Month: 2, Day: 14, Padded: true, Key: "成文日期"},
			{Text: "2025-02-15", Form: ISO, Year: 2025, Month: 2, Day: 15, Padded: true, Key: "发布日期"}}},
		{"spaced-out key", "日    期:2021-3-5", []Date{
			{Text: "2021-3-5", Form: ISO, Year: 2021, Month: 3, Day: 5, Key: "日期"}}},
		{"key after other fields", "栏目:政策文件 发布时间:2023-01-12", []Date{
			{Text: "2023-01-12", Form: ISO, Year: 2023, Month: 1, Day: 12, Padded: true, Key: "发布时间"}}},
		{"key in a word, spaced", "会议时间 2021年3月5日", []Date{
			{Text: "2021年3月5日", Form: Han, Year: 2021, Month: 3, Day: 5}}},
		{"month-day range", "4月10日至12月25日", []Date{
			{Text: "4月10日", Form: MonthDay, Month: 4, Day: 10},
			{Text: "12月25日", Form: MonthDay, Month: 12, Day: 25}}},
		{"date to month-day", "2021年3月31日至4月2日", []Date{
			{Text: "2021年3月31日", Form: Han, Year: 2021, Month: 3, Day: 31},
			{Text: "4月2日", Form: MonthDay, Month: 4, Day: 2}}},
		{"spaces inside", "2021 年 3 月 31 日", []Date{
			{Text: "2021 年 3 月 31 日", Form: Han, Year: 2021, Month: 3, Day: 31}}},
		{"spaced year alone", "2021 年 3 个", nil},
		{"spaced two-digit year", "21 年 3 月 5 日", nil},
		{"spaces after year", "2021年 3 月 31 日", []Date{
			{Text: "2021年 3 月 31 日", Form: Han, Year: 2021, Month: 3, Day: 31}}},
		{"day with 号", "2021年3月5号", []Date{{Text: "2021年3月5号", Form: Han, Year: 2021, Month: 3, Day: 5}}},
		{"every year", "每年3月15日", []Date{{Text: "3月15日", Form: MonthDay, Month: 3, Day: 15}}},
		{"year-month then stray day digits", "2021年3月31家企业", []Date{
			{Text: "2021年3月", Form: YearMonth, Year: 2021, Month: 3}}},

		// Impossible dates: found, with the reason.
		{"month 13", "2020年13月", []Date{
			{Text: "2020年13月", Form: YearMonth, Year: 2020, Month: 13, Problem: "月份“13”不存在(应为1至12)"}}},
		{"February 30", "2月30日", []Date{
			{Text: "2月30日", Form: MonthDay, Month: 2, Day: 30, Problem: "2月没有30日(2月最多29日)"}}},
		{"not a leap year", "2023年2月29日", []Date{
			{Text: "2023年2月29日", Form: Han, Year: 2023, Month: 2, Day: 29, Problem: "2023年2月没有29日(2023年不是闰年)"}}},
		{"leap year", "2024年2月29日", []Date{{Text: "2024年2月29日", Form: Han, Year: 2024, Month: 2, Day: 29}}},
		{"century not leap", "1900-02-29", []Date{
			{Text: "1900-02-29", Form: ISO, Year: 1900, Month: 2, Day: 29, Padded: true, Problem: "1900年2月没有29日(1900年不是闰年)"}}},
		{"2000 leap", "2000.2.29", []Date{{Text: "2000.2.29", Form: Dot, Year: 2000, Month: 2, Day: 29}}},
		{"April 31", "4月31日", []Date{
			{Text: "4月31日", Form: MonthDay, Month: 4, Day: 31, Problem: "4月没有31日(4月只有30日)"}}},
		{"April 31 with year", "2021年4月31日", []Date{
			{Text: "2021年4月31日", Form: Han, Year: 2021, Month: 4, Day: 31, Problem: "4月没有31日(4月只有30日)"}}},
		{"month 00", "2021-00-10", []Date{
			{Text: "2021-00-10", Form: ISO, Year: 2021, Day: 10, Padded: true, Problem: "月份“00”不存在(应为1至12)"}}},
		{"hour 25", "2021-03-31 25:10", []Date{
			{Text: "2021-03-31 25:10", Form: ISO, Year: 2021, Month: 3, Day: 31, Hour: 25, Minute: 10, HasTime: true, Padded: true, Problem: "小时“25”不存在(应为0至23)"}}},
		{"minute 61", "2021-03-31 14:61", []Date{
			{Text: "2021-03-31 14:61", Form: ISO, Year: 2021, Month: 3, Day: 31, Hour: 14, Minute: 61, HasTime: true, Padded: true, Problem: "分钟“61”不存在(应为0至59)"}}},
		{"second 60", "2021-03-31 14:27:60", []Date{
			{Text: "2021-03-31 14:27:60", Form: ISO, Year: 2021, Month: 3, Day: 31, Hour: 14, Minute: 27, HasTime: true, Padded: true, Problem: "秒“60”不存在(应为0至59)"}}},
		{"day 0", "3月0日", []Date{{Text: "3月0日", Form: MonthDay, Month: 3, Problem: "3月没有0日(日应从1起)"}}},
		{"Chinese month 13", "二〇二三年十三月一日", []Date{
			{Text: "二〇二三年十三月一日", Form: HanNumeral, Year: 2023, Month: 13, Day: 1, Problem: "月份“十三”不存在(应为1至12)"}}},
		{"Chinese February 30", "二〇二三年二月三十日", []Date{
			{Text: "二〇二三年二月三十日", Form: HanNumeral, Year: 2023, Month: 2, Day: 30, Problem: "2月没有30日(2月最多29日)"}}},
		{"dot month 13", "2021.13.45", []Date{
			{Text: "2021.13.45", Form: Dot, Year: 2021, Month: 13, Day: 45, Problem: "月份“13”不存在(应为1至12)"}}},

		// Not dates.
		{"year", "2020年", nil},
		{"year of report", "2020年度法治政府建设情况", nil},
		{"version", "1.2.3", nil},
		{"decimal", "99.13", nil},
		{"period hyphen", "2021-2025年", nil},
		{"identifier", "2021-03-31-0001", nil},
		{"index number", "索引号: 000014349/2021-00123", nil},
		{"two-digit year", "21年3月5日", nil},
		{"year out of range", "1000年3月5日", nil},
		{"after a letter", "v2021.3.31", nil},
		{"longer version", "2021.3.31.5", nil},
		{"path", "http://www.gov.cn/2021/03/31/a.html", nil},
		{"Chinese year alone", "一九四九年", nil},
		{"Chinese month-day without year", "三月五日", nil},
		{"month alone", "3月份", nil},
		{"months range", "2020年1-6月", nil},
		{"phone", "0731-12345678", nil},
		{"count of months", "12个月", nil},
		{"compact digits", "20210331", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := at(t, tc.in, tc.want)
			if diff := cmp.Diff(want, Find(tc.in)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

// TestFindNormalised runs Find on the view internal/norm makes of full-width
// text, which is what the document parser hands it.
func TestFindNormalised(t *testing.T) {
	view, _ := norm.String("日期：２０２１－０３－３１　１４：２７")
	got := Find(view)
	want := at(t, view, []Date{{Text: "2021-03-31 14:27", Form: ISO, Year: 2021, Month: 3, Day: 31, Hour: 14, Minute: 27, HasTime: true, Padded: true, Key: "日期"}})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// TestSeeds pins every date of the five seed reports: all of them are found,
// and nothing else is.
func TestSeeds(t *testing.T) {
	want := map[string][]string{
		"000": nil,
		"001": {"2021-03-31 14:27", "2020年8月"},
		"002": {"4月10日", "12月25日"},
		"003": {"2023年7月", "2022年3月", "2022年12月", "2024年2月28日"},
		"004": {"2023-02-02 09:20"},
	}
	for prefix, texts := range want {
		s := readSeed(t, prefix)
		var got []string
		for _, d := range Find(s) {
			if !d.Valid() {
				t.Errorf("seed %s: %q: %s", prefix, d.Text, d.Problem)
			}
			got = append(got, d.Text)
		}
		if diff := cmp.Diff(texts, got); diff != "" {
			t.Errorf("seed %s mismatch (-want +got):\n%s", prefix, diff)
		}
	}
}

func readSeed(t testing.TB, prefix string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", prefix+"_*.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	s, _ := norm.String(string(b))
	return s
}

func TestSignatureLine(t *testing.T) {
	tests := []struct {
		line string
		want string // the date's Text, "" when the line is not a signature
	}{
		{"2024年2月28日", "2024年2月28日"},         // seed 003
		{"2024年2月28日 ", "2024年2月28日"},        // trailing space
		{"  2024年2月28日", "2024年2月28日"},       // indented
		{"二〇二四年二月二十八日", "二〇二四年二月二十八日"},       // Chinese numerals
		{"2024年02月28日", "2024年02月28日"},       // padded: still a signature, Padded tells
		{"2024年2月", "2024年2月"},               // no day: a signature missing its day
		{"开阳县人民政府 2024年2月28日", "2024年2月28日"}, // issuer and date joined
		{"雁峰区人民政府办公室  2021年3月1日", "2021年3月1日"},
		{"2024-02-28", "2024-02-28"},
		{"2月28日", ""},               // no year
		{"今天是:2019年10月31日 星期三", ""}, // a page clock
		{"日期:2021-03-31 14:27 打印", ""},
		{"截至 2024年2月28日", ""},     // not an issuer
		{"开阳县人民政府2024年2月28日", ""}, // no space: a sentence
		{"2023年7月,开阳县获得命名", ""},
		{"2024年2月28日至3月1日", ""}, // two dates
		{"", ""},
	}
	for _, tc := range tests {
		d, ok := SignatureLine(tc.line)
		if ok != (tc.want != "") || d.Text != tc.want {
			t.Errorf("SignatureLine(%q) = %q, %v; want %q", tc.line, d.Text, ok, tc.want)
		}
		if ok && tc.line[d.Start:d.End] != d.Text {
			t.Errorf("SignatureLine(%q): offsets %d:%d do not hold %q", tc.line, d.Start, d.End, d.Text)
		}
	}
}

func TestWithYear(t *testing.T) {
	tests := []struct {
		in      string
		year    int
		problem string
	}{
		{"2月29日", 2024, ""},
		{"2月29日", 2023, "2023年2月没有29日(2023年不是闰年)"},
		{"2月30日", 2024, "2月没有30日(2月最多29日)"}, // impossible in every year: unchanged
		{"12月25日", 2020, ""},
	}
	for _, tc := range tests {
		ds := Find(tc.in)
		if len(ds) != 1 || ds[0].Form != MonthDay {
			t.Fatalf("Find(%q) = %v", tc.in, ds)
		}
		d := ds[0].WithYear(tc.year)
		if d.Year != tc.year || d.Problem != tc.problem {
			t.Errorf("%q.WithYear(%d) = year %d, %q; want %q", tc.in, tc.year, d.Year, d.Problem, tc.problem)
		}
	}
	// A date with a year keeps it.
	d := Find("2023年2月28日")[0]
	if got := d.WithYear(2024); got != d {
		t.Errorf("WithYear changed a dated date: %+v", got)
	}
}

func TestTime(t *testing.T) {
	shanghai := time.FixedZone("UTC+8", 8*3600)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"日期:2021-03-31 14:27", time.Date(2021, 3, 31, 14, 27, 0, 0, shanghai), true},
		{"2024年2月28日", time.Date(2024, 2, 28, 0, 0, 0, 0, shanghai), true},
		{"二〇二一年三月三十一日", time.Date(2021, 3, 31, 0, 0, 0, 0, shanghai), true},
		{"2021年3月", time.Time{}, false},    // no day
		{"3月31日", time.Time{}, false},      // no year
		{"2023年2月29日", time.Time{}, false}, // impossible
	}
	for _, tc := range tests {
		got, ok := Find(tc.in)[0].Time(nil)
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("Time(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	got, _ := Find("2021-03-31")[0].Time(time.UTC)
	if want := time.Date(2021, 3, 31, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Time(UTC) = %v, want %v", got, want)
	}
}

func TestKeys(t *testing.T) {
	for _, k := range []string{"日期", "发布日期", "发布时间", "发布于", "公开日期", "公开时间", "发表时间", "更新时间", "更新日期", "时间"} {
		if !IsPublishKey(k) || IsSignKey(k) {
			t.Errorf("%q: want a publication key", k)
		}
	}
	for _, k := range []string{"成文日期", "成文时间", "生成日期", "印发日期", "发文日期"} {
		if IsPublishKey(k) || !IsSignKey(k) {
			t.Errorf("%q: want a signing key", k)
		}
	}
	for _, k := range []string{"", "今天是", "会议时间"} {
		if IsPublishKey(k) || IsSignKey(k) {
			t.Errorf("%q: want neither", k)
		}
	}
	if ISO.String() != "ISO" || MonthDay.String() != "MonthDay" || Form(0).String() != "Form(0)" {
		t.Errorf("Form.String: %v %v %v", ISO, MonthDay, Form(0))
	}
}

func TestFindGlued(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Glue
	}{
		{"seed000 dates", "对区行政执法单位2019111日至2020101日实施并已办结的处罚和许可案卷进行评查", []Glue{
			{Text: "2019111日", Kind: DateGlue, Guess: "2019年11月1日"},
			{Text: "2020101日", Kind: DateGlue, Guess: "2020年10月1日"}}},
		{"seed000 doc number", "按照《法治政府建设与责任落实督察工作规定》(厅字〔201928)要求", []Glue{
			{Text: "厅字〔201928", Kind: DocNumberGlue, Guess: "厅字〔2019〕28号"}}},
		{"doc number in running text", "按照厅字〔201928号", []Glue{
			{Text: "〔201928号", Kind: DocNumberGlue, Guess: "〔2019〕28号"}}},
		{"second code in a citation", "(国发〔2015〕1号、厅字〔201928)", []Glue{
			{Text: "厅字〔201928", Kind: DocNumberGlue, Guess: "厅字〔2019〕28号"}}},
		{"seed000 year and count", "2020年,在区委坚强领导下。完成了2020年度学法考试。执法证信息202035名同志参与执法证考试", []Glue{
			{Text: "202035", Kind: YearGlue, Guess: "2020年35"}}},
		{"year and count without the year named", "执法证信息202035名同志参与执法证考试", nil},
		{"year named once", "2020年度。执法证信息202035名同志", nil},
		{"year and month", "201911月", []Glue{{Text: "201911月", Kind: DateGlue, Guess: "2019年11月"}}},
		{"year and month 13", "201913月", []Glue{{Text: "201913月", Kind: DateGlue}}},
		{"month lost after the year", "2019年111日", []Glue{{Text: "2019年111日", Kind: DateGlue, Guess: "2019年11月1日"}}},
		{"full month and day", "20191231日", []Glue{{Text: "20191231日", Kind: DateGlue, Guess: "2019年12月31日"}}},
		{"no reading is a date", "2019451日", []Glue{{Text: "2019451日", Kind: DateGlue}}},
		{"padded reading loses", "2020101日", []Glue{{Text: "2020101日", Kind: DateGlue, Guess: "2020年10月1日"}}},
		{"only a padded reading", "2020011日", []Glue{{Text: "2020011日", Kind: DateGlue, Guess: "2020年01月1日"}}},

		{"year before a word", "2022年,2022年。落实议题审核制度,2022共召开法律论证会22场", []Glue{
			{Text: "2022共", Kind: YearGlue, Guess: "2022年共"}}},
		{"year before 法治", "2021年。2021年。区交通局2021法治政府建设情况报告", []Glue{
			{Text: "2021法", Kind: YearGlue, Guess: "2021年法"}}},
		{"year before a word, named once", "2022年。2022共召开法律论证会22场", nil},
		{"year before a unit", "2021年。2021年。参训2021人,投入2021万元", nil},
		{"year range", "2021年2021年《法治政府建设实施纲要(20212025年)》", []Glue{
			{Text: "20212025年", Kind: YearRangeGlue, Guess: "2021—2025年"}}},
		{"year range before bracket", "纲要(20152020)", []Glue{
			{Text: "20152020", Kind: YearRangeGlue, Guess: "2015—2020年"}}},
		{"year range backwards", "纲要(20252021年)", nil},
		{"eight digits", "受理20212025件", nil},

		// Precision: ordinary numbers, with the year named all around them.
		{"seed002 numbers", "2020年,2020年。调解成功率99.13%,涉及金额20381.1万元;12348热线平台接听蒙汉语电话8266个", nil},
		{"seed003 numbers", "2023年2023年归集数据60408条。划分联户单元10152个", nil},
		{"doc number", "厅字〔2019〕28号", nil},
		{"date", "2019年11月1日至2020年10月1日", nil},
		{"thousands separator", "2020年2020年共4,20201人", nil},
		{"decimal", "2020年2020年共0.202035名", nil},
		{"padded count", "2020年2020年信息202003名", nil},
		{"compact date", "20210331", nil},
		{"wrong year in brackets", "厅字〔20192〕28号", nil},
		{"year and day", "2020年2020年20203日", nil},
		{"number without brackets", "2020年2020年湘政发202035号", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			from := 0
			for i := range tc.want {
				k := strings.Index(tc.in[from:], tc.want[i].Text)
				if k < 0 {
					t.Fatalf("bad test: %q not in %q", tc.want[i].Text, tc.in)
				}
				tc.want[i].Start = from + k
				tc.want[i].End = tc.want[i].Start + len(tc.want[i].Text)
				from = tc.want[i].End
			}
			if diff := cmp.Diff(tc.want, FindGlued(tc.in)); diff != "" {
				t.Errorf("FindGlued(%q) mismatch (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestSeedsGlued(t *testing.T) {
	want := map[string][]string{
		"000": {"厅字〔201928", "2019111日", "2020101日", "202035"},
		"001": nil, "002": nil, "003": nil,
		"004": {"2022共"}, // 2022年共召开法律论证会22场: 年 lost
	}
	for prefix, texts := range want {
		var got []string
		for _, g := range FindGlued(readSeed(t, prefix)) {
			got = append(got, g.Text)
		}
		if diff := cmp.Diff(texts, got); diff != "" {
			t.Errorf("seed %s mismatch (-want +got):\n%s", prefix, diff)
		}
	}
}

func seedCorpus(f *testing.F) {
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		f.Add(readSeed(f, p))
	}
	for _, s := range []string{
		"日期:2021-03-31 14:27", "2024年02月29日", "二〇二三年二月二十九日", "2月30日",
		"2019111日至2020101日", "(厅字〔201928)", "2020年2020年202035名", "2019年111日",
		"2021-03-31T25:61:61", "2021-03-31 14:27:60", "二O二一年十二月三十一日", "2021 年 3 月 31 日",
	} {
		f.Add(s)
	}
}

// exists reports whether a valid date names a day (or month) that exists.
func exists(d Date) bool {
	if d.Month < 1 || d.Month > 12 || d.Hour > 23 || d.Minute > 59 || d.Hour < 0 || d.Minute < 0 {
		return false
	}
	if d.Day == 0 {
		return d.Form == YearMonth || d.Form == HanNumeral
	}
	y := d.Year
	if y == 0 {
		y = 2000 // a leap year: 2月29日 without a year can exist
	}
	t := time.Date(y, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == d.Month && t.Day() == d.Day
}

func FuzzFind(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := Find(s)
		end := 0
		for _, d := range got {
			if d.Start < end || d.End <= d.Start || d.End > len(s) {
				t.Fatalf("bad offsets %d:%d after %d in %q", d.Start, d.End, end, s)
			}
			end = d.End
			if d.Text != s[d.Start:d.End] {
				t.Fatalf("Text %q != s[%d:%d] %q", d.Text, d.Start, d.End, s[d.Start:d.End])
			}
			if d.Form < ISO || d.Form > MonthDay {
				t.Fatalf("bad form %v", d.Form)
			}
			// Seconds are checked but not kept: their problem is the one
			// exists cannot see.
			if d.Valid() != exists(d) && !strings.HasPrefix(d.Problem, "秒") {
				t.Fatalf("%q: valid=%v but exists=%v: %+v", d.Text, d.Valid(), exists(d), d)
			}
			if !utf8.ValidString(d.Problem) {
				t.Fatalf("bad problem %q", d.Problem)
			}
			if _, ok := d.Time(nil); ok != (d.Valid() && d.Complete()) {
				t.Fatalf("%q: Time ok=%v", d.Text, ok)
			}
		}
		if again := Find(s); !reflect.DeepEqual(got, again) {
			t.Fatalf("Find(%q) differs between calls", s)
		}
	})
}

func FuzzFindGlued(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := FindGlued(s)
		end := 0
		for _, g := range got {
			if g.Start < end || g.End <= g.Start || g.End > len(s) {
				t.Fatalf("bad offsets %d:%d after %d in %q", g.Start, g.End, end, s)
			}
			end = g.End
			if g.Text != s[g.Start:g.End] {
				t.Fatalf("Text %q != s[%d:%d]", g.Text, g.Start, g.End)
			}
			if g.Kind < DateGlue || g.Kind > YearRangeGlue {
				t.Fatalf("bad kind %v", g.Kind)
			}
			// A glue is not a date Find reads: the two never overlap.
			for _, d := range Find(g.Text) {
				if g.Kind == DateGlue {
					t.Fatalf("glue %q holds the date %q", g.Text, d.Text)
				}
			}
		}
		if again := FindGlued(s); !reflect.DeepEqual(got, again) {
			t.Fatalf("FindGlued(%q) differs between calls", s)
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := readSeed(b, "003")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s)
	}
}

func BenchmarkFindGlued(b *testing.B) {
	s := readSeed(b, "000")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		FindGlued(s)
	}
}
