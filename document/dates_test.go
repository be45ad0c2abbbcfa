package document

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// docDate is what the tests compare of a DocDate.
type docDate struct {
	Kind string
	ISO  string
	Line int
	Text string
}

func datesOf(d *Document) []docDate {
	var out []docDate
	for _, dd := range d.Dates {
		out = append(out, docDate{dd.Kind.String(), dd.ISO(), dd.Line, d.Slice(dd.Range)})
	}
	return out
}

func TestDates(t *testing.T) {
	tests := []struct {
		name string
		text string
		opt  ParseOptions
		want []docDate
	}{
		{"metadata after the title (seed 001)",
			"大兴区安定镇2020年度法治政府建设年度情况报告\n来源:安定镇  日期:2021-03-31 14:27 打印 【字体:\n2020年我镇深入贯彻…。\n一、主要举措\n2020年8月成立中心。",
			ParseOptions{},
			[]docDate{{"published", "2021-03-31", 2, "2021-03-31 14:27"}, {"text", "2020-08", 5, "2020年8月"}}},
		{"metadata above the title (seed 004)",
			"当前位置 : 首页\n文号: 公开日期: 2023-02-02 09:20\n绍兴市上虞区2022年度法治政府建设工作情况报告\n2022年,上虞区…。",
			ParseOptions{},
			[]docDate{{"published", "2023-02-02", 2, "2023-02-02 09:20"}}},
		{"signature under the text (seed 003)",
			"2023年,我县…。\n一、工作推进情况\n工作内容。\n2024年2月28日\n扫一扫在手机打开当前页面",
			ParseOptions{},
			[]docDate{{"signed", "2024-02-28", 4, "2024年2月28日"}}},
		{"signature in Chinese numerals, issuer above",
			"2022年,我区…。\n一、工作\n内容。\n青山区人民政府\n二〇二三年三月十日",
			ParseOptions{},
			[]docDate{{"signed", "2023-03-10", 5, "二〇二三年三月十日"}}},
		{"issuer and date joined on one line",
			"2023年,我县…。\n内容。\n开阳县人民政府 2024年2月28日",
			ParseOptions{},
			[]docDate{{"signed", "2024-02-28", 3, "2024年2月28日"}}},
		{"signature followed by a line of text",
			"2023年,我县…。\n内容。\n2024年2月28日\n抄送:市司法局。",
			ParseOptions{},
			[]docDate{{"signed", "2024-02-28", 3, "2024年2月28日"}}},
		{"a date-only line far from the end is not a signature",
			"2023年,我县…。\n2023年5月1日\n一。\n二。\n三。\n四。",
			ParseOptions{},
			[]docDate{{"text", "2023-05-01", 2, "2023年5月1日"}}},
		{"成文日期 in the metadata",
			"成文日期:2024-02-28\n××报告\n2023年,我县…。",
			ParseOptions{},
			[]docDate{{"signed", "2024-02-28", 1, "2024-02-28"}}},
		{"metadata after a first line that is not a title",
			"安定镇法治政府建设\n日期:2021-03-31\n2020年我镇深入贯彻…。",
			ParseOptions{},
			[]docDate{{"published", "2021-03-31", 2, "2021-03-31"}}},
		{"metadata under the text",
			"2020年,我镇深入贯彻…。\n一、工作\n内容。\n发布时间:2021-03-31",
			ParseOptions{},
			[]docDate{{"published", "2021-03-31", 4, "2021-03-31"}}},
		{"a page clock is furniture",
			"今天是:2019年10月31日 星期四\n2018年度法治政府建设情况报告\n2018年,我区…。",
			ParseOptions{},
			nil},
		{"a 时间: line inside the body is not the page's",
			"2020年,我区…。\n一、工作\n时间:2020年5月1日\n内容。",
			ParseOptions{},
			nil},
		{"month and day take the report year in the text",
			"2020年,锡林郭勒盟…。4月10日召开会议,12月25日审议。",
			ParseOptions{},
			[]docDate{{"text", "2020-04-10", 1, "4月10日"}, {"text", "2020-12-25", 1, "12月25日"}}},
		{"29 February that only next year has is a plan",
			"2023年,我区…。计划于2月29日前完成。",
			ParseOptions{},
			[]docDate{{"text", "2024-02-29", 1, "2月29日"}}},
		{"month and day of the page's date take the year after",
			"发布日期:3月31日\n2020年度法治政府建设情况报告\n2020年,我区…。",
			ParseOptions{},
			[]docDate{{"published", "2021-03-31", 1, "3月31日"}}},
		{"the caller's publication date comes first",
			"日期:2021-03-31\n2020年,我区…。",
			ParseOptions{Published: time.Date(2021, 4, 15, 0, 0, 0, 0, time.UTC)},
			[]docDate{{"published", "2021-04-15", 0, ""}, {"published", "2021-03-31", 1, "2021-03-31"}}},
		{"an impossible date is kept, with its problem",
			"2023年,我区…。\n内容。\n2024年2月30日",
			ParseOptions{},
			[]docDate{{"signed", "2024-02-30", 3, "2024年2月30日"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse(mustDecode(t, tc.text), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, datesOf(d)); diff != "" {
				t.Errorf("dates mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSignatureLine checks that the signature stays out of the body: it is
// not a sentence, and the last heading's text ends before it.
func TestSignatureLine(t *testing.T) {
	d, err := Parse(mustDecode(t, "2023年,我县…。\n一、工作推进情况\n工作内容。\n2024年2月28日\n扫一扫在手机打开当前页面"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if k := d.Lines[3].Kind; k != SignatureLine || k.String() != "signature" {
		t.Errorf("line 4 is %v, want signature", k)
	}
	for _, s := range d.Sentences {
		if strings.Contains(d.Slice(s), "2024") {
			t.Errorf("the signature is a sentence: %q", d.Slice(s))
		}
	}
	if body := d.Slice(d.Outline[0].Body); body != "工作内容。" {
		t.Errorf("last heading's text = %q", body)
	}
}

func TestPublishedSigned(t *testing.T) {
	d, err := Parse(mustDecode(t, "发布时间:2021-03-30 10:00\n更新时间:2021-04-02\n2020年,我区…。\n内容。\n2021年3月1日"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := d.Published(); !ok || p.ISO() != "2021-03-30" {
		t.Errorf("Published() = %v, %v; want the first publication, 2021-03-30", p.ISO(), ok)
	}
	if s, ok := d.Signed(); !ok || s.ISO() != "2021-03-01" || s.Chinese() != "2021年3月1日" {
		t.Errorf("Signed() = %v, %v", s.ISO(), ok)
	}
	d, err = Parse(mustDecode(t, "发布时间:2021-03-30\n2020年,我区…。"), ParseOptions{Published: time.Date(2021, 4, 15, 23, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	p, ok := d.Published()
	if !ok || p.ISO() != "2021-04-15" || !p.Given() || p.Compare(2021, 4, 1) != 1 {
		t.Errorf("Published() = %v (given %v), %v; want the caller's 2021-04-15", p.ISO(), p.Given(), ok)
	}
	if _, ok := d.Signed(); ok {
		t.Error("Signed() found a date in a report without one")
	}
}

func TestGlued(t *testing.T) {
	d, err := Parse(mustDecode(t, "首页 > 2019111日\n按照(厅字〔201928)要求,对2019111日至2020101日的案卷评查。"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range d.Glued {
		got = append(got, d.Slice(Range{g.Start, g.End}))
	}
	// the furniture line's run is not the report's
	if diff := cmp.Diff([]string{"厅字〔201928", "2019111日", "2020101日"}, got); diff != "" {
		t.Errorf("glued mismatch (-want +got):\n%s", diff)
	}
}

func TestDateKindString(t *testing.T) {
	if PublishedDate.String() != "published" || SignedDate.String() != "signed" || TextDate.String() != "text" || DateKind(0).String() != "DateKind(0)" {
		t.Error("DateKind.String")
	}
}
