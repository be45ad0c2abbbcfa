package rules

import "testing"

func TestTranslateDetail(t *testing.T) {
	tests := []struct{ summary, detail, want string }{
		{"Unsupported argument", `An argument named "titel" is not expected here. Did you mean "title"?`,
			"这里不能写属性 titel(拼写错误,或这种块没有这个属性)。是不是要写 title?"},
		{"Unsupported block type", `Blocks of type "prat" are not expected here. Did you mean "part"?`,
			"这里不能写 prat 块(拼写错误,或它不属于这里)。是不是要写 part?"},
		{"Duplicate argument", `The argument "title" was already set at pack.hcl:2,3-8. Each argument may be set only once.`,
			"属性 title 已在 pack.hcl:2,3-8 设置过;每个属性只能设置一次。"},
		{"Incorrect attribute value type", `Inappropriate value for attribute "cues": list of string required.`,
			`属性 cues 的值类型不对:应是文字的列表,如 ["甲", "乙"]。`},
		{"Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
			"块没有闭合:文件结束前缺少右花括号“}”(也可能是别处的花括号不配对)。(There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.)"},
		// unknown to the tables: kept as it is, the suggestion in Chinese
		{"Splines not reticulated", `Something odd. Did you mean "x"?`, "Something odd. 是不是要写 x?"},
		{"Splines not reticulated", "Something odd.", "Something odd."},
	}
	for _, tc := range tests {
		if got := translateDetail(tc.summary, tc.detail); got != tc.want {
			t.Errorf("%s: %q\ngot  %q\nwant %q", tc.summary, tc.detail, got, tc.want)
		}
	}
}

// TestTranslateKeepsChinese: the project's own diagnostics are not touched.
func TestTranslateKeepsChinese(t *testing.T) {
	_, diags := Load(Source{Name: "pack.hcl", Data: []byte("part \"x\" {\n  headings = [\"不足\"]\n}\n")})
	if len(diags) != 1 || diags[0].Detail != `part "x" 缺少必需的属性 title。` {
		t.Fatalf("diags = %v", diags)
	}
}
