package rules

import (
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// HCL's own diagnostics (syntax errors, unknown arguments and blocks, bad
// function calls) are written in English. A rule author at a 司法局 reads
// Chinese, so Load and WriteDiagnostics put them into Chinese: the detail
// becomes the Chinese explanation, with HCL's "did you mean" suggestion
// kept, and the English summary stays as it is, in parentheses when
// printed, for searching. A detail already in Chinese (the project's own
// diagnostics) is left alone.

// A translation rewrites the details that match re: the Chinese template
// may refer to re's groups as $1, $2….
type translation struct {
	re *regexp.Regexp
	zh string
}

// detailTranslations cover the details that name things (arguments,
// blocks, functions, variables); summaryTranslations the fixed wordings,
// by summary. The suggestion HCL appends ("Did you mean …?") is handled
// apart, so each entry matches the detail without it. The patterns compile
// when a diagnostic first needs them, not when the program starts.
var detailTranslations = sync.OnceValue(func() []translation {
	return []translation{
		{regexp.MustCompile(`^An argument named "([^"]*)" is not expected here\.$`), `这里不能写属性 $1(拼写错误,或这种块没有这个属性)。`},
		{regexp.MustCompile(`^Blocks of type "([^"]*)" are not expected here\.$`), `这里不能写 $1 块(拼写错误,或它不属于这里)。`},
		{regexp.MustCompile(`^The argument "([^"]*)" is required, but no definition was found\.$`), `缺少必需的属性 $1。`},
		{regexp.MustCompile(`^The argument "([^"]*)" was already set at ([^ ]+)\. Each argument may be set only once\.$`), `属性 $1 已在 $2 设置过;每个属性只能设置一次。`},
		{regexp.MustCompile(`^There is no variable named "([^"]*)"\.$`), `没有名为 $1 的变量。`},
		{regexp.MustCompile(`^There is no function named "([^"]*)"\.$`), `没有名为 $1 的函数。`},
		{regexp.MustCompile(`^Function "([^"]*)" expects (\d+) argument\(s\)\. Missing value for "([^"]*)"\.$`), `函数 $1 需要 $2 个参数,缺少参数 $3。`},
		{regexp.MustCompile(`^Function "([^"]*)" expects only (\d+) argument\(s\)\.$`), `函数 $1 只接受 $2 个参数,给多了。`},
		{regexp.MustCompile(`^Invalid value for "([^"]*)" parameter: (.*)$`), `参数 $1 的值不对:$2`},
		{regexp.MustCompile(`^Inappropriate value for attribute "([^"]*)": (.*)\.$`), `属性 $1 的值类型不对:$2。`},
		{regexp.MustCompile(`^All "([^"]*)" blocks must have (\d+) labels \(([^)]*)\)\.$`), `$1 块要有 $2 个标签($3),如 $1 "名字" { … }。`},
		{regexp.MustCompile(`^Extraneous label for "([^"]*)"\..*$`), `$1 块的标签多了:只能有一个名字,如 $1 "名字" { … }。`},
		{regexp.MustCompile(`^Missing ([^ ]+) for "([^"]*)"\..*$`), `$2 块缺少标签 $1,如 $2 "名字" { … }。`},
		{regexp.MustCompile(`^Expected a comma to mark the beginning of the next item\.$`), `缺少逗号:列表或参数的各项之间要用“,”分隔(也可能是少了右括号“]”或“)”)。`},
	}
})

var summaryTranslations = map[string]string{
	"Argument or block definition required":           `这里应是一个属性(名字 = 值)或一个块(类型 "名字" { … })。`,
	"Argument definition required":                    `这里应是一个属性(名字 = 值)。`,
	"Attribute name required":                         `这里应是属性名。`,
	"Invalid argument name":                           `属性名无效:属性名用英文字母、数字、下划线和连字符。`,
	"Invalid attribute name":                          `属性名无效:属性名用英文字母、数字、下划线和连字符。`,
	"Invalid block definition":                        `块的写法不对:应写成 类型 "名字" {,左花括号与块头在同一行,块体另起一行。`,
	"Invalid single-argument block definition":        `单行块只能有一个属性:请把块体分行写。`,
	"Unclosed configuration block":                    `块没有闭合:文件结束前缺少右花括号“}”(也可能是别处的花括号不配对)。`,
	"Unclosed configuration body":                     `缺少右花括号“}”。`,
	"Missing newline after argument":                  `一个属性写完要换行:同一行不能写两个属性。`,
	"Missing newline after block definition":          `块的右花括号“}”之后要换行。`,
	"Missing attribute value":                         `等号后缺少属性的值。`,
	"Missing attribute separator":                     `属性名之后缺少等号“=”(对象中也可用冒号“:”)。`,
	"Missing key/value separator":                     `对象中键和值之间缺少等号“=”或冒号“:”。`,
	"Missing item separator":                          `缺少逗号:各项之间要用“,”分隔(也可能是少了右括号)。`,
	"Missing argument separator":                      `函数的参数之间缺少逗号“,”。`,
	"Missing expression":                              `这里缺少值或表达式。`,
	"Missing closing parenthesis":                     `缺少右圆括号“)”。`,
	"Missing open parenthesis":                        `缺少左圆括号“(”。`,
	"Unbalanced parentheses":                          `圆括号不配对。`,
	"Unterminated function call":                      `函数调用缺少右圆括号“)”。`,
	"Unterminated tuple constructor expression":       `列表缺少右方括号“]”。`,
	"Unterminated object constructor expression":      `对象缺少右花括号“}”。`,
	"Unterminated template string":                    `字符串没有结束:缺少右引号“"”(heredoc 则缺少结束标记行)。`,
	"Unterminated string literal":                     `字符串没有结束:缺少右引号“"”。`,
	"Invalid multi-line string":                       `带引号的字符串不能跨行:多行文字请用 heredoc(<<-EOT … EOT)。`,
	"Unclosed template interpolation sequence":        `“${”没有对应的“}”。`,
	"Extra characters after interpolation expression": `“${…}”里的表达式之后有多余的字符。`,
	"Invalid escape sequence":                         `字符串中的转义写法无效:反斜杠“\”后只能跟 n、r、t、"、\ 或 u 加十六进制码;正则中的反斜杠要写两个(\\d)。`,
	"Invalid character":                               `这里有不能出现的字符(全角标点或引号?规则文件的语法部分请用半角字符)。`,
	"Invalid character encoding":                      `文件不是有效的 UTF-8 编码:请以 UTF-8 保存规则文件。`,
	"Invalid expression":                              `这里应是一个值或表达式。`,
	"Invalid number literal":                          `数字的写法无效。`,
	"Invalid string literal":                          `字符串的写法无效。`,
	"Invalid template interpolation value":            `“${…}”中的值不能转成文字。`,
	"Invalid function argument":                       `函数的参数不对。`,
	"Not enough function arguments":                   `函数的参数不够。`,
	"Too many function arguments":                     `函数的参数多了。`,
	"Call to unknown function":                        `没有这个函数。`,
	"Error in function call":                          `函数调用出错。`,
	"Unknown variable":                                `没有这个变量。`,
	"Unsupported attribute":                           `这个值没有这样的属性。`,
	"Unsupported operator":                            `不支持这个运算符。`,
	"Invalid operand":                                 `运算的一方类型不对(如文字与数字相比较)。`,
	"Variables not allowed":                           `这里不能引用变量,只能写固定的值。`,
	"Function calls not allowed":                      `这里不能调用函数,只能写固定的值。`,
	"Duplicate object key":                            `对象中有重复的键。`,
	"Attribute redefined":                             `属性重复定义。`,
	"Incorrect attribute value type":                  `属性的值类型不对。`,
}

// typePhrases are go-cty's words for a wrong type, which the details
// above carry after their colon.
var typePhrases = strings.NewReplacer(
	"a number is required.", "应是一个数。",
	"a string is required.", "应是文字(带引号的字符串)。",
	"a bool is required.", "应是 true 或 false。",
	"number required", "应是一个数",
	"string required", "应是文字(带引号的字符串)",
	"bool required", "应是 true 或 false",
	"list of string required", "应是文字的列表,如 [\"甲\", \"乙\"]",
)

// didYouMean is HCL's suggestion, appended to a detail.
var didYouMean = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*Did you mean "([^"]*)"\?$`) })

// translate puts the English diagnostics of diags into Chinese, in place.
func translate(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d == nil || hasHan(d.Detail) {
			continue
		}
		d.Detail = translateDetail(d.Summary, d.Detail)
	}
}

// translateDetail returns the Chinese for an English detail; one it does
// not know keeps its English after a Chinese explanation of its summary,
// or is returned unchanged when the summary is not known either.
func translateDetail(summary, detail string) string {
	suggestion := ""
	if m := didYouMean().FindStringSubmatchIndex(detail); m != nil {
		suggestion = "是不是要写 " + detail[m[2]:m[3]] + "?"
		detail = detail[:m[0]]
	}
	detail = strings.TrimSpace(detail)
	zh := ""
	for _, t := range detailTranslations() {
		if m := t.re.FindStringSubmatchIndex(detail); m != nil {
			zh = typePhrases.Replace(string(t.re.ExpandString(nil, t.zh, detail, m)))
			break
		}
	}
	if zh == "" {
		s, ok := summaryTranslations[summary]
		if !ok {
			if suggestion != "" {
				return detail + " " + suggestion
			}
			return detail
		}
		zh = s
		if detail != "" {
			zh += "(" + detail + ")"
		}
	}
	return zh + suggestion
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9fff {
			return true
		}
	}
	return false
}
