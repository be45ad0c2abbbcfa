package document

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/norm"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want LineKind
	}{
		{"首页 > 政务公开 > 公告公示 > 通知公告", FurnitureLine},
		{"当前位置 : 首页", FurnitureLine},
		{">>政府办公室 >>法定主动公开内容 >>法治政府工作报告", FurnitureLine},
		{"来源:安定镇  日期:2021-03-31 14:27 打印 【字体:", MetaLine},
		{"索引号: 公开方式:", MetaLine},
		{"文号: 公开日期: 2023-02-02 09:20", MetaLine},
		{"发布单位:", MetaLine},
		{"扫一扫在手机打开当前页面", FurnitureLine},
		{"分享到:", FurnitureLine},
		{"【打印本页】 【关闭本页】", FurnitureLine},
		{"(此件为主动公开件)", FurnitureLine},
		{"相关阅读:", FurnitureLine},
		{"今天是:2019年10月31日 星期三", FurnitureLine},
		{"【字体:大 中 小】", FurnitureLine},
		{"打印", FurnitureLine},
		{"", BlankLine},
		// the report itself
		{"一、推进法治政府建设的主要举措和成效", BodyLine},
		{"2020年,锡林郭勒盟认真贯彻落实", BodyLine},
		{"相关文件清理工作全面完成。", BodyLine},
		{"主办单位要落实责任。", BodyLine},
		{"打印机采购纳入政府采购目录。", BodyLine},
		{"2024年2月28日", BodyLine},
	}
	for _, tc := range tests {
		if got := classify(tc.line); got != tc.want {
			t.Errorf("classify(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestIsTitle(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"雁峰区人民政府关于2020年度法治政府建设情况的报告", true},
		{"大兴区安定镇2020年度法治政府建设年度情况报告", true},
		{"绍兴市上虞区2022年度法治政府建设工作情况报告", true},
		{"2023年政府工作报告", true},
		{"2020年,锡林郭勒盟认真贯彻落实《法治政府建设实施纲要》,取得新成效。", false},
		{"现将有关工作报告如下:", false},
		{"报告", false},
	}
	for _, tc := range tests {
		if got := isTitle(tc.line); got != tc.want {
			t.Errorf("isTitle(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

func TestYearIn(t *testing.T) {
	tests := []struct {
		s    string
		want int
		at   string // the text the year's range covers
	}{
		{"雁峰区人民政府关于2020年度法治政府建设情况的报告", 2020, "2020年"},
		{"2023年,在县委、县政府的正确领导下", 2023, "2023年"},
		{"按照《法治政府建设实施纲要(2015—2020年)》要求,现将我区2021年法治政府建设情况报告如下", 2021, "2021年"},
		{"今天是2019年10月31日,2020年度报告", 2020, "2020年"},
		{"规划(2021-2025年)", 0, ""},
		{"二〇二〇年度法治政府建设情况", 2020, "二〇二〇年"},
		{"厅字〔201928)要求", 0, ""},
		{"共20381年", 0, ""},
		{"1800年", 0, ""},
		{"", 0, ""},
	}
	for _, tc := range tests {
		y, r, ok := yearIn(tc.s, Range{0, len(tc.s)})
		if y != tc.want || ok != (tc.want != 0) {
			t.Errorf("yearIn(%q) = %d, %v; want %d", tc.s, y, ok, tc.want)
			continue
		}
		if ok && tc.s[r.Start:r.End] != tc.at {
			t.Errorf("yearIn(%q) covers %q, want %q", tc.s, tc.s[r.Start:r.End], tc.at)
		}
	}
}

// outline is a compact view of a document's outline for comparison.
type outlineItem struct {
	Level  int
	Number string
	Text   string
	Line   int
	Parent int
	Broken bool
	Body   string
}

func outlineOf(d *Document) []outlineItem {
	var out []outlineItem
	for _, h := range d.Outline {
		out = append(out, outlineItem{h.Level, h.Number, h.Text, h.Line, h.Parent, h.Broken != "", d.Slice(h.Body)})
	}
	return out
}

func TestParse(t *testing.T) {
	src := strings.Join([]string{
		"首页 > 政务公开", // 1
		"",          // 2
		"××区2023年度法治政府建设情况报告",       // 3
		"来源:××区  日期:2024-03-20 打印",  // 4
		"2023年,我区扎实推进法治政府建设。现报告如下:", // 5
		"一、主要举措和成效",                 // 6
		"(一)加强领导。一是学法;二是述法。",        // 7
		"正文。",          // 8
		")深化改革",        // 9
		"二、存在的不足和原因",   // 10
		"主要是认识不足。",     // 11
		"扫一扫在手机打开当前页面", // 12
	}, "\n")
	d, err := ParseString(src)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title == nil || d.Title.Line != 3 {
		t.Fatalf("Title = %+v, want line 3", d.Title)
	}
	if d.Year != 2023 || d.YearFrom != "title" || d.OpeningYear != 2023 {
		t.Errorf("Year = %d from %q (opening %d), want 2023 from title", d.Year, d.YearFrom, d.OpeningYear)
	}
	want := []outlineItem{
		{1, "一", "主要举措和成效", 6, -1, false, "(一)加强领导。一是学法;二是述法。\n正文。\n)深化改革"},
		{2, "一", "加强领导", 7, 0, false, "一是学法;二是述法。\n正文。"},
		{2, "", "深化改革", 9, 0, true, ""},
		{1, "二", "存在的不足和原因", 10, -1, false, "主要是认识不足。"},
	}
	if diff := cmp.Diff(want, outlineOf(d)); diff != "" {
		t.Errorf("outline mismatch (-want +got):\n%s", diff)
	}
	var kinds []LineKind
	for _, l := range d.Lines {
		kinds = append(kinds, l.Kind)
	}
	wantKinds := []LineKind{FurnitureLine, BlankLine, TitleLine, MetaLine, BodyLine, HeadingLine, HeadingLine, BodyLine, HeadingLine, HeadingLine, BodyLine, FurnitureLine}
	if diff := cmp.Diff(wantKinds, kinds); diff != "" {
		t.Errorf("line kinds mismatch (-want +got):\n%s", diff)
	}
	var enums []string
	for _, e := range d.Enumerations {
		enums = append(enums, d.Slice(e.Range))
		if e.Heading != 1 {
			t.Errorf("enumeration %q owned by heading %d, want 1", d.Slice(e.Range), e.Heading)
		}
	}
	if diff := cmp.Diff([]string{"一是", "二是"}, enums); diff != "" {
		t.Errorf("enumerations mismatch (-want +got):\n%s", diff)
	}
	var sents []string
	for _, s := range d.Sentences {
		sents = append(sents, d.Slice(s))
	}
	wantSents := []string{"2023年,我区扎实推进法治政府建设。", "现报告如下:", "主要举措和成效", "加强领导。", "一是学法;", "二是述法。", "正文。", "深化改革", "存在的不足和原因", "主要是认识不足。"}
	if diff := cmp.Diff(wantSents, sents); diff != "" {
		t.Errorf("sentences mismatch (-want +got):\n%s", diff)
	}
}

func TestParseYearFrom(t *testing.T) {
	tests := []struct {
		src      string
		caller   int
		year     int
		yearFrom string
	}{
		{"2020年,锡林郭勒盟认真贯彻落实。\n一、主要举措和成效", 0, 2020, "opening"},
		{"今天是:2019年10月31日 星期三\n2020年,我盟认真贯彻落实。", 0, 2020, "opening"},
		{"关于2021年度法治政府建设情况的报告\n2020年,我区。", 0, 2021, "title"},
		{"关于2021年度法治政府建设情况的报告\n2020年,我区。", 2022, 2022, "caller"},
		{"一、2022年主要工作\n正文。", 0, 0, ""},
		// no year in the title or the opening: the report's date implies it
		{"法治政府建设情况报告\n过去一年,我区扎实推进。\n2024年3月20日", 0, 2023, "date"},
		{"发布日期:2023-11-30\n法治政府建设工作总结\n今年以来,我局扎实推进。", 0, 2023, "date"},
		{"法治政府建设情况报告\n过去一年,我区扎实推进。\n2024年3月20日", 2021, 2021, "caller"},
	}
	for _, tc := range tests {
		d, err := Parse(mustDecode(t, tc.src), ParseOptions{Year: tc.caller})
		if err != nil {
			t.Fatal(err)
		}
		if d.Year != tc.year || d.YearFrom != tc.yearFrom {
			t.Errorf("%q: Year = %d from %q, want %d from %q", tc.src, d.Year, d.YearFrom, tc.year, tc.yearFrom)
		}
	}
}

func TestParseNoText(t *testing.T) {
	for _, src := range []string{
		"首页 > 政务公开\n\n扫一扫在手机打开当前页面\n【打印本页】 【关闭本页】",
		"来源:安定镇  日期:2021-03-31 14:27 打印 【字体:\n分享到:",
	} {
		if _, err := ParseString(src); !errors.Is(err, ErrNoText) {
			t.Errorf("ParseString(%q) error = %v, want ErrNoText", src, err)
		}
	}
}

// TestPositionFullWidth checks that positions map back to the original text:
// the same report in full-width and half-width punctuation has the same lines
// and columns, and byte offsets that point at the same characters.
func TestPositionFullWidth(t *testing.T) {
	half := "标题\n(一)加强领导,推进123项工作。\n二、存在问题"
	full := "标题\n（一）加强领导，推进１２３项工作。\n二、存在问题"
	dh, err := ParseString(half)
	if err != nil {
		t.Fatal(err)
	}
	df, err := ParseString(full)
	if err != nil {
		t.Fatal(err)
	}
	if dh.Norm != df.Norm {
		t.Fatalf("normalised views differ:\n%q\n%q", dh.Norm, df.Norm)
	}
	for n := 0; n <= len(dh.Norm); n++ {
		ph, pf := dh.Position(n), df.Position(n)
		if ph.Line != pf.Line || ph.Column != pf.Column {
			t.Fatalf("offset %d: half %v, full %v", n, ph, pf)
		}
	}
	// "推进" in the full-width text starts after "（一）加强领导，", each of
	// whose full-width characters is 3 bytes.
	i := strings.Index(dh.Norm, "推进")
	p := df.Position(i)
	if got := full[p.Offset : p.Offset+len("推进")]; got != "推进" {
		t.Errorf("offset %d maps to %q in the original, want 推进", p.Offset, got)
	}
	if p.Line != 2 || p.Column != 9 {
		t.Errorf("Position = %v, want 2:9", p)
	}
	if got := df.Original(Range{i, i + len("推进123")}); got != "推进１２３" {
		t.Errorf("Original = %q, want 推进１２３", got)
	}
}

func TestPositionLongLine(t *testing.T) {
	line := strings.Repeat("法治", 10000) // 60,000 bytes on one line
	d, err := ParseString("标题\n" + line + "\n尾")
	if err != nil {
		t.Fatal(err)
	}
	n := strings.Index(d.Norm, "尾")
	if p := d.Position(n); p.Line != 3 || p.Column != 1 {
		t.Errorf("Position(尾) = %v, want 3:1", p)
	}
	mid := len("标题\n") + 3*15001
	if p := d.Position(mid); p.Line != 2 || p.Column != 15002 {
		t.Errorf("Position(mid) = %v, want 2:15002", p)
	}
}

func TestCRLF(t *testing.T) {
	d, err := ParseString("关于2020年度法治政府建设情况的报告\r\n一、主要工作\r\n正文。\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title == nil || d.Title.Text != "关于2020年度法治政府建设情况的报告" {
		t.Fatalf("Title = %+v", d.Title)
	}
	if len(d.Outline) != 1 || d.Outline[0].Text != "主要工作" || d.Outline[0].Line != 2 {
		t.Fatalf("Outline = %+v", d.Outline)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"一、主要工作\n(一)加强。一是学法", "标题报告\n)深化\n、加强", "", "首页 > 政务公开"} {
		f.Add(s)
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	cases, _ := filepath.Glob("../testdata/cases/*.txt")
	pages, _ := filepath.Glob("../testdata/pages/*.txt")
	for _, p := range append(append(seeds, cases...), pages...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseString(s)
		if err != nil {
			return
		}
		if d.Title != nil && (d.Title.Range.Start > d.Title.Range.End || d.Title.Range.End > len(d.Norm)) {
			t.Fatalf("bad title range %+v", d.Title)
		}
		for i, h := range d.Outline {
			if i > 0 && d.Outline[i-1].Range.End > h.Range.Start {
				t.Fatalf("headings out of order: %+v before %+v", d.Outline[i-1], h)
			}
			if h.Range.Start > h.Range.End || h.Body.Start > h.Body.End || h.Body.End > len(d.Norm) {
				t.Fatalf("bad heading ranges %+v", h)
			}
			if h.Parent >= 0 && d.Outline[h.Parent].Level >= h.Level {
				t.Fatalf("parent level %d ≥ child level %d", d.Outline[h.Parent].Level, h.Level)
			}
		}
		prev := 0
		for _, r := range d.Sentences {
			if r.Start < prev || r.End > len(d.Norm) || r.Start >= r.End {
				t.Fatalf("bad sentence %v after %d", r, prev)
			}
			prev = r.End
		}
		for n := 0; n <= len(d.Norm); n += 7 {
			p := d.Position(n)
			if p.Line < 1 || p.Column < 1 || p.Offset < 0 || p.Offset > len(d.Text) {
				t.Fatalf("Position(%d) = %+v", n, p)
			}
		}
	})
}

func TestHeadingHints(t *testing.T) {
	text := "某区人民政府网\n关于2023年度法治政府建设情况的报告\n工作回顾\n正文。\n一、存在问题\n正文。"
	d, err := Parse(Source{Text: text, Headings: map[int]int{1: 1, 3: 1, 5: 1}}, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range d.Outline {
		got = append(got, h.Style.String()+h.Text)
	}
	// line 1 is the site's name above the title: not a heading
	if diff := cmp.Diff([]string{"工作回顾", "一、存在问题"}, got); diff != "" {
		t.Errorf("outline mismatch (-want +got):\n%s", diff)
	}
}

// TestClassifyPatterns checks that the furniture pattern has bounded first
// characters, so classify runs it only on lines that can match, and that
// isMeta is the metadata pattern, on every line of the seeds and cases and
// on made-up lines.
func TestClassifyPatterns(t *testing.T) {
	f := furniture()
	if f.starts == nil || f.prefixes == nil {
		t.Error("the furniture pattern has no bounded first characters or first two")
	}
	meta := regexp.MustCompile(`^(?:` + strings.Join(metaKeys, "|") + `)\s*:`)
	furniturePattern := regexp.MustCompile(`^(?:` + strings.Join(furnitureAlternatives, "|") + `)`)
	lines := []string{"来源:司法局", "日期 :2021", "日期\t\f:", "日期\v:", "编辑", "信息来源 :x", "主题词", "首页 > 通知", ">>", "【打印本页】", "(此件主动公开)", "打印", "字号:大 中 小",
		"今天是:2023年", "扫一扫在手机打开", "京ICP备12345号", "一、主要工作", "(一)加强领导", "主要做法"}
	for _, g := range []string{"../testdata/seeds/*.txt", "../testdata/cases/*.txt"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			b, _ := os.ReadFile(f)
			v, _ := norm.String(string(b))
			for _, l := range strings.Split(v, "\n") {
				lines = append(lines, strings.TrimSpace(l))
			}
		}
	}
	for _, l := range lines {
		if l == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		if got, want := isMeta(l, first), meta.MatchString(l); got != want {
			t.Errorf("%q: meta %v, want %v", l, got, want)
		}
		if got, want := f.mayMatch(l, first, utf8.RuneLen(first)) && f.pattern.MatchString(l), furniturePattern.MatchString(l); got != want {
			t.Errorf("%q: furniture %v, want %v", l, got, want)
		}
	}
}
