package document

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/internal/utf8x"
)

// Web pages wrap a report in navigation, buttons and footers, and saved
// copies keep them. These patterns recognise such lines (in the normalised
// view, trimmed) so they stay out of the title, the outline and the sentences.
// They are anchored and specific: a line of the report itself must never
// match.
var furnitureAlternatives = []string{
	`(?:首页|主页|网站首页|本站首页)\s*(?:>|›|»|/|→)`,
	`>>`,
	`(?:当前位置|您的位置|您现在的位置|你的位置|所在位置|当前页面)\s*[:>]?`,
	`(?:您|你)(?:当前|现在|所在)的?位置\s*[:>]?`,
	`今天是\s*:?\s*\d{4}\s*[年/.-]`,
	`扫一扫`,
	`(?:分享到|分享至)`,
	`【(?:打印本页|关闭本页|关闭窗口|打印|关闭|收藏|纠错)】`,
	`\[?(?:打印本页|关闭窗口|关闭本页)\]?\s*$`,
	`(?:打印|关闭|返回顶部|收藏)\s*$`,
	`【?字体\s*:?\s*(?:【?大】?\s*【?中】?\s*【?小】?)?\s*】?\s*$`,
	`【?字号\s*:?\s*(?:大|中|小)`,
	`(?:上一篇|下一篇)\s*(?::|$)`,
	`相关(?:阅读|链接|文章|新闻|附件|文件)\s*(?::|$)`,
	`\(?此件(?:为)?主动公开(?:件)?\)?\s*$`,
	`\(?此件公开发布\)?\s*$`,
	`(?:版权所有|网站标识码|政府网站标识码|网站地图|ICP备|[京沪津渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]ICP)`,
	`(?:主办单位|承办单位|技术支持|联系我们)\s*(?::|$)`,
	`(?:浏览次数|阅读次数|访问量|点击量|点击数)\s*:`,
	`(?:附件下载|相关附件)\s*:?\s*$`,
}

// Metadata lines carry the page's facts: where the report came from and when
// it was published. They are kept out of the report's body, but the date
// checks read them. Index blocks (索引号, 主题分类, 发布机构, "名    称 :")
// are metadata too.
var metaKeys = []string{
	"来源", "信息来源", "文章来源", "来源单位", "发布机构", "发布单位", "发布者", "发布人", "发文机关", "发文单位", "所属机构",
	"索引号", "文号", "发文字号", "统一编号", "名称", "标题", "栏目", "所属栏目", "公开方式", "公开日期", "公开时间",
	"发布日期", "发布时间", "发布于", "发表时间", "成文日期", "成文时间", "印发日期", "发文日期", "生成日期", "生效日期",
	"有效期", "废止日期", "日期", "时间", "更新时间", "更新日期", "作者", "分类", "主题分类", "组配分类", "信息分类",
	"服务对象", "有效性", "公开范围", "公开时限", "体裁分类", "文种", "关键词", "主题词", "责任编辑", "编辑",
	"浏览量", "访问量", "阅读量",
}

// metaKeysBy are the metaKeys by their first character, built on first use
// (not when every command starts).
var metaKeysBy = sync.OnceValue(func() map[rune][]string {
	m := map[rune][]string{}
	for _, k := range metaKeys {
		r, _ := utf8.DecodeRuneInString(k)
		m[r] = append(m[r], k)
	}
	return m
})

// isMeta reports whether s, which starts with first, matches
// ^(?:key|key…)\s*: for the metaKeys.
func isMeta(s string, first rune) bool {
	for _, k := range metaKeysBy()[first] {
		if strings.HasPrefix(s, k) && strings.HasPrefix(strings.TrimLeft(s[len(k):], "\t\n\f\r "), ":") {
			return true
		}
	}
	return false
}

// metaKeyAt returns the end of the metadata key at the start of s, whose
// characters may be spaced out ("名    称"), or -1.
func metaKeyAt(s string, first rune) int {
	for _, k := range metaKeysBy()[first] {
		if n := spacedPrefix(s, k); n > 0 {
			return n
		}
	}
	return -1
}

// spacedPrefix returns the length of the prefix of s that spells key with
// spaces between its characters, or 0.
func spacedPrefix(s, key string) int {
	i := 0
	for j := 0; j < len(key); {
		_, w := utf8.DecodeRuneInString(key[j:])
		if !strings.HasPrefix(s[i:], key[j:j+w]) {
			return 0
		}
		i, j = i+w, j+w
		if j < len(key) {
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
	}
	return i
}

// isMetaField reports whether the (trimmed, normalised) line s is page
// metadata in one of the forms real sites write it: a key and a colon
// ("发布时间:", "名    称 :"), a key in brackets ("[ 发布日期 ]2022-02-17",
// "【发布日期】"), a row of a pipe or tab table ("| 成文日期 | 2025-02-14 |"),
// or a key, white space and a value on a short line ("发布时间 2024年03月22日",
// "发文字号 X〔2024〕46号 发布时间 …").
func isMetaField(s string) bool {
	t := strings.TrimLeft(s, "| \t")
	bracket := false
	if strings.HasPrefix(t, "[") {
		t, bracket = strings.TrimLeft(t[1:], " "), true
	} else if strings.HasPrefix(t, "【") {
		t, bracket = strings.TrimLeft(t[len("【"):], " "), true
	}
	if t == "" {
		return false
	}
	first, _ := utf8x.Decode(t)
	n := metaKeyAt(t, first)
	if n < 0 {
		return false
	}
	rest := strings.TrimLeft(t[n:], " \t")
	switch {
	case rest == "":
		return !bracket && len(t) < len(s) // "| 发布机构 |" cut short
	case bracket:
		return strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, "】")
	case rest[0] == ':' || rest[0] == '|':
		return true
	}
	// a key, white space and a value: only on a short line that is no
	// sentence ("时间 紧、任务重。" is prose)
	return len(rest) < len(t[n:]) && runeLen(s) <= 60 && !strings.ContainsAny(s, "。;,!?")
}

// furniture is the pattern of a line of furniture, tried only on lines
// that start with a character its matches can start with (starts) and with
// one of the first two characters its matches can start with (prefixes, or
// nil). It is built on first use, not when the program starts.
var furniture = sync.OnceValue(func() furnitureMatcher {
	re := regexp.MustCompile(`^(?:` + strings.Join(furnitureAlternatives, "|") + `)`)
	f := furnitureMatcher{pattern: re, starts: match.Starts(re)}
	if ps, ok := match.Prefixes(re, 2); ok {
		f.prefixes = make(map[string]bool, len(ps))
		for _, p := range ps {
			f.prefixes[p] = true
		}
	}
	return f
})

type furnitureMatcher struct {
	pattern  *regexp.Regexp
	starts   *match.Bitmap
	prefixes map[string]bool
}

// mayMatch reports whether s, which starts with first (w bytes), may
// match the pattern.
func (f *furnitureMatcher) mayMatch(s string, first rune, w int) bool {
	if f.starts != nil && !f.starts.Has(first) {
		return false
	}
	if f.prefixes == nil {
		return true
	}
	_, w2 := utf8x.Decode(s[w:])
	// the first two characters, or the first alone (a match of one)
	return f.prefixes[s[:w+w2]] || f.prefixes[s[:w]]
}

// classify says whether a (trimmed, normalised) line is furniture, metadata
// or neither.
func classify(s string) LineKind {
	if s == "" {
		return BlankLine
	}
	if len(s) > 600 {
		return BodyLine // no navigation line is this long
	}
	first, w := utf8x.Decode(s)
	if isMeta(s, first) || isMetaField(s) {
		return MetaLine
	}
	if f := furniture(); f.mayMatch(s, first, w) && f.pattern.MatchString(s) {
		return FurnitureLine
	}
	// "来源:安定镇 日期:2021-03-31 14:27 打印 【字体:" is caught above by its
	// leading key; a trailing print/font button marks furniture too.
	if strings.Contains(s, "【字体") || strings.HasSuffix(s, "【关闭本页】") || strings.HasSuffix(s, "【打印本页】") {
		return FurnitureLine
	}
	if len(s) <= 300 && !strings.Contains(s, "。") {
		if isBreadcrumb(s) {
			return FurnitureLine
		}
		if hasKeyedDate(s) {
			return MetaLine // "栏目:政策文件 发布时间:2023-01-12", "某某网  发布时间:…"
		}
	}
	return BodyLine
}

// isBreadcrumb reports whether a short line is a trail of links
// ("政务公开 > 通知公告 > 法治政府", "您所在的位置:首页>…>县政府>县政府"):
// two separators or more, or 首页 before one.
func isBreadcrumb(s string) bool {
	n := strings.Count(s, ">") + strings.Count(s, "›") + strings.Count(s, "»")
	if n >= 2 {
		return true
	}
	if n == 1 {
		i := strings.Index(s, "首页")
		return i >= 0 && strings.ContainsAny(s[i:], ">›»")
	}
	return false
}

// hasKeyedDate reports whether a line holds a date right after a
// metadata key that stands alone (dates.Date.Key).
func hasKeyedDate(s string) bool {
	if !strings.Contains(s, "期") && !strings.Contains(s, "间") && !strings.Contains(s, "于") {
		return false // every date key ends in 期, 间 or 于
	}
	for _, dt := range dates.Find(s) {
		if dt.Key != "" {
			return true
		}
	}
	return false
}
