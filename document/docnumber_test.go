package document

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ducha-dev/ducha/internal/norm"
)

// docNum is what the tests compare of a DocNumber.
type docNum struct {
	Text     string // the normalised text its Range covers
	Code     string
	Problems int
	Correct  string
}

func docNumbers(s string) []docNum {
	v, _ := norm.String(s)
	var out []docNum
	for _, n := range appendDocNumbers(nil, v, Range{0, len(v)}, 1) {
		out = append(out, docNum{v[n.Range.Start:n.Range.End], n.Code, len(n.Problems()), n.Correct()})
	}
	return out
}

func TestDocNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []docNum
	}{
		// well-formed, in a citation (seed 002) and in running text
		{"两办印发《进一步推进全盟法治政府建设的通知》(办字〔2020〕14号);", []docNum{{"办字〔2020〕14号", "办字", 0, "办字〔2020〕14号"}}},
		{"按照国发〔2021〕33号文件要求", []docNum{{"〔2021〕33号", "", 0, "〔2021〕33号"}}},
		{"﹝2019﹞28号", []docNum{{"﹝2019﹞28号", "", 0, "〔2019〕28号"}}},
		// GB/T 9704 7.2.5, one departure each
		{"(国发[2021]33号)", []docNum{{"国发[2021]33号", "国发", 1, "国发〔2021〕33号"}}},
		{"(国发［2021］33号)", []docNum{{"国发[2021]33号", "国发", 1, "国发〔2021〕33号"}}},
		{"(国发(2021)33号)", []docNum{{"国发(2021)33号", "国发", 1, "国发〔2021〕33号"}}},
		{"(国发（2021）33号)", []docNum{{"国发(2021)33号", "国发", 1, "国发〔2021〕33号"}}},
		{"(国发【2021】33号)", []docNum{{"国发【2021】33号", "国发", 1, "国发〔2021〕33号"}}},
		{"(国办函〔20〕5号)", []docNum{{"国办函〔20〕5号", "国办函", 1, "国办函〔2020〕5号"}}},
		{"(厅字〔2019〕第28号)", []docNum{{"厅字〔2019〕第28号", "厅字", 1, "厅字〔2019〕28号"}}},
		{"(厅字〔2019〕028号)", []docNum{{"厅字〔2019〕028号", "厅字", 1, "厅字〔2019〕28号"}}},
		{"(厅字〔2019〕28)", []docNum{{"厅字〔2019〕28", "厅字", 1, "厅字〔2019〕28号"}}},
		{"(厅字〔2019〕28文件)", []docNum{{"厅字〔2019〕28", "厅字", 1, "厅字〔2019〕28号"}}},
		{"(国发[2021]33)", []docNum{{"国发[2021]33", "国发", 2, "国发〔2021〕33号"}}},
		{"(国发[21]第033)", []docNum{{"国发[21]第033", "国发", 5, "国发〔2021〕33号"}}},
		{"(湘政发〔202〕3号)", []docNum{{"湘政发〔202〕3号", "湘政发", 1, ""}}},
		{"、湘政办发〔2021〕3号、", []docNum{{"湘政办发〔2021〕3号", "湘政办发", 0, "湘政办发〔2021〕3号"}}},
		{"(国发〔2015〕1号、厅字[2019]28号)", []docNum{
			{"国发〔2015〕1号", "国发", 0, "国发〔2015〕1号"},
			{"厅字[2019]28号", "厅字", 1, "厅字〔2019〕28号"}}},
		// not document numbers
		{"《法治政府建设实施纲要(2015—2020年)》", nil},
		{"《实施方案(2021-2025)》", nil},
		{"(2020)湘04行终12号", nil},
		{"案号为(2020)湘0406行初12号", nil},
		{"全区(2020)35名同志", nil},
		{"(2020)28号", nil},
		{"全区[21]5", nil},
		{"厅字〔201928)", nil}, // glued: Document.Glued has it
		{"〔〕", nil},
		{"〔2019〕", nil},
		{"〔3000〕1号", nil},
		{"(国发〔2021〕123456号)", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, docNumbers(tc.in)); diff != "" {
			t.Errorf("%q mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestDocNumberProblems(t *testing.T) {
	n := docNumbersRaw("(国发[21]第033)")[0]
	want := []string{"年份应用六角括号“〔〕”括入", "年份应标全称(四位数字)", "发文顺序号不加“第”字", "发文顺序号不编虚位(1不编为01)", "发文顺序号后应加“号”字"}
	if diff := cmp.Diff(want, n.Problems()); diff != "" {
		t.Errorf("Problems mismatch (-want +got):\n%s", diff)
	}
	if n.Open != "[" || n.Close != "]" || n.Year != "21" || !n.Di || n.Seq != "033" || n.Hao || n.Line != 1 {
		t.Errorf("parts = %+v", n)
	}
}

func TestDocNumbersInDocument(t *testing.T) {
	d, err := Parse(mustDecode(t, "文号: 湘政发[2021]3号\n2020年,按照《意见》(国发[2021]33号)要求。"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// the page's 文号 field is not the report's
	if len(d.DocNumbers) != 1 || d.Slice(d.DocNumbers[0].Range) != "国发[2021]33号" || d.DocNumbers[0].Line != 2 {
		t.Errorf("DocNumbers = %+v", d.DocNumbers)
	}
}

func docNumbersRaw(s string) []DocNumber {
	v, _ := norm.String(s)
	return appendDocNumbers(nil, v, Range{0, len(v)}, 1)
}

// FuzzDocNumbers checks the parser's invariants on any line: numbers lie
// in the line, in order, without overlaps; each starts with its code and
// bracket and holds its year and sequence number; and the correct form of a
// number, parsed again, is one number without problems.
func FuzzDocNumbers(f *testing.F) {
	for _, s := range []string{
		"(国发[2021]33号)", "(厅字〔2019〕第28号)", "、湘政办发〔2021〕3号、", "(2020)湘04行终12号",
		"全区(2020)35名同志", "(国发[21]第033)", "﹝2019﹞28号", "厅字〔201928)", "(国发（2021）33号)",
		"《实施方案(2021-2025)》", "[[[2021]]]1号", "〔 2019 〕 第 28 号",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		v, _ := norm.String(s)
		end := 0
		for _, n := range appendDocNumbers(nil, v, Range{0, len(v)}, 1) {
			r := n.Range
			if r.Start < end || r.End > len(v) || r.Start >= r.End {
				t.Fatalf("%q: bad range %v after %d", v, r, end)
			}
			end = r.End
			text := v[r.Start:r.End]
			if !strings.HasPrefix(text, n.Code+n.Open) || !strings.Contains(text, n.Year) || !strings.Contains(text, n.Seq) {
				t.Fatalf("%q: %+v does not hold its parts", text, n)
			}
			want := n.Correct()
			if want == "" {
				continue
			}
			again := appendDocNumbers(nil, "("+want+")", Range{0, len(want) + 2}, 1)
			if len(again) != 1 || len(again[0].Problems()) != 0 || again[0].Correct() != want {
				t.Fatalf("%q: the correct form %q reads as %+v", text, want, again)
			}
		}
	})
}

// FuzzDocNumbersFast checks that searching for each kind of bracket finds
// the numbers stepping through the line to every bracket finds.
func FuzzDocNumbersFast(f *testing.F) {
	f.Add("根据国发〔2021〕33号、( 2020 )第5号和厅字[2019] 28号,((2021)3号〔〔2021〕1号")
	f.Add("《关于…的通知》(湘政办发〔2020〕 035号)(2020)湘04行终12号")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		v, _ := norm.String(s)
		got := appendDocNumbersIn(nil, v, Range{0, len(v)}, 1, true)
		want := appendDocNumbersSlow(nil, v, Range{0, len(v)}, 1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %+v, want %+v", v, got, want)
		}
	})
}
