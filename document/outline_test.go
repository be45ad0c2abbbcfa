package document

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMatchHeading(t *testing.T) {
	type want struct {
		Level  int
		Style  NumberStyle
		Number string
		Rest   string
		Broken bool
	}
	tests := []struct {
		line string
		want *want // nil: not a heading
	}{
		{"一、推进法治政府建设的主要举措和成效", &want{1, ChineseComma, "一", "推进法治政府建设的主要举措和成效", false}},
		{"十二、其他", &want{1, ChineseComma, "十二", "其他", false}},
		{"(一)深化行政执法体制改革", &want{2, ChineseParen, "一", "深化行政执法体制改革", false}},
		{"( 三 )规范", &want{2, ChineseParen, "三", "规范", false}},
		{"1.深化“放管服”改革。进一步", &want{3, ArabicDot, "1", "深化“放管服”改革。进一步", false}},
		{"2、提升政务服务质量", &want{3, ArabicComma, "2", "提升政务服务质量", false}},
		{"(1)加强", &want{4, ArabicParen, "1", "加强", false}},
		{")深化行政复议诉讼改革。", &want{2, ChineseParen, "", "深化行政复议诉讼改革。", true}},
		{"()深化", &want{2, ChineseParen, "", "深化", true}},
		{"(二深化改革", &want{2, ChineseParen, "二", "深化改革", true}},
		{"三)深化改革", &want{2, ChineseParen, "三", "深化改革", true}},
		{"、加强领导", &want{1, ChineseComma, "", "加强领导", true}},
		// not headings
		{"一是建立健全工作制度", nil},
		{"十分重视法治建设", nil},
		{"2.7万余件业务", nil},
		{"2023.3.1召开", nil},
		{"2020年,锡林郭勒盟", nil},
		{"12348热线", nil},
		{"3个单位", nil},
		{"(2021年3月31日)", nil},
		{"(二〇二一年三月三十一日)", nil},
		{"(一是", nil},
		{")", nil},
		{"", nil},
		{"《法治政府建设实施纲要》", nil},
	}
	for _, tc := range tests {
		m, ok := matchHeading(tc.line)
		var got *want
		if ok {
			got = &want{m.level, m.style, m.number, tc.line[m.end:], m.broken != ""}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("matchHeading(%q) mismatch (-want +got):\n%s", tc.line, diff)
		}
	}
}

func FuzzMatchHeading(f *testing.F) {
	for _, s := range []string{"一、推进", "(一)深化", "1.深化", "(1)加强", ")深化", "(二深化", "三)深化", "、加强", "2.7万"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := matchHeading(s)
		if !ok {
			return
		}
		if m.end < 0 || m.end > len(s) {
			t.Fatalf("matchHeading(%q): end %d out of range", s, m.end)
		}
		if m.level < 1 || m.level > 4 {
			t.Fatalf("matchHeading(%q): level %d", s, m.level)
		}
		if m.number == "" && m.broken == "" {
			t.Fatalf("matchHeading(%q): no number but not broken", s)
		}
	})
}
