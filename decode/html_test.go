package decode

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/traditionalchinese"
)

const page = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<meta name="keywords" content="法治政府,年度报告">
<meta name="PubDate" content="2021-03-31 14:27">
<meta name="ArticleTitle" content="大兴区安定镇2020年度法治政府建设年度情况报告">
<meta property="article:published_time" content=" 2021-03-31T14:27:00+08:00 ">
<meta name="dcterms.issued" content="2021-03-31">
<meta name="Maketime" content="2021-03-30 09:00:00">
<title>
  大兴区安定镇2020年度法治政府建设年度情况报告_北京市大兴区人民政府
</title>
<style>p { text-indent: 2em } /* <p>不是正文</p> */</style>
<script>var s = "<p>不是正文</p>"; document.write("</div>");</script>
</head>
<body>
<div class="header"><nav><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></nav></div>
<noscript>请启用脚本</noscript>
<div class="position">当前位置:<a href="/">首页</a> &gt; 法治政府建设</div>
<div class="article">
<h1>大兴区安定镇2020年度法治政府建设年度情况报告</h1>
<table class="meta"><tr><td>来源:安定镇</td><td>日期:2021-03-31 14:27</td><td><button>打印</button></td></tr></table>
<p>&nbsp;&nbsp;2020年我镇深入贯彻习近平总书记全面依法治国的新理念新思想新战略，
坚决落实区委、区政府的各项决策部署。</p>
<p><strong>一、推进法治政府建设的主要举措和成效</strong></p>
<h3>(一)深化行政执法体制改革</h3>
<p>一是建立健全工作制度。<br>二是贯彻落实“三项制度”。<br/>三是加强动员宣传。</p>
<ul><li>公示执法信息280余项</li><li>审核行政处罚案件200余件</li></ul>
<template><p>模板内容</p></template>
<svg><title>图标</title><text>图中文字</text></svg>
<select><option>相关链接</option></select>
<iframe src="share.html">分享</iframe>
<p>北京市大兴区安定镇人民政府<br>2021年3月31日</p>
</div>
<div class="footer">版权所有:北京市大兴区人民政府 <span>京ICP备05060933号</span></div>
</body>
</html>
`

func TestHTMLPage(t *testing.T) {
	got := decodeOK(t, []byte(page), Options{})
	want := &Text{
		Text: strings.Join([]string{
			"当前位置:首页 > 法治政府建设",
			"大兴区安定镇2020年度法治政府建设年度情况报告",
			"来源:安定镇 日期:2021-03-31 14:27",
			"2020年我镇深入贯彻习近平总书记全面依法治国的新理念新思想新战略，坚决落实区委、区政府的各项决策部署。",
			"一、推进法治政府建设的主要举措和成效",
			"(一)深化行政执法体制改革",
			"一是建立健全工作制度。",
			"二是贯彻落实“三项制度”。",
			"三是加强动员宣传。",
			"公示执法信息280余项",
			"审核行政处罚案件200余件",
			"北京市大兴区安定镇人民政府",
			"2021年3月31日",
			"版权所有:北京市大兴区人民政府 京ICP备05060933号",
		}, "\n") + "\n",
		Encoding: "UTF-8",
		Format:   "html",
		Headings: map[int]int{2: 1, 6: 3},
		Title:    "大兴区安定镇2020年度法治政府建设年度情况报告_北京市大兴区人民政府",
		Meta: []Meta{
			{"PubDate", "2021-03-31 14:27"},
			{"article:published_time", "2021-03-31T14:27:00+08:00"},
			{"dcterms.issued", "2021-03-31"},
			{"Maketime", "2021-03-30 09:00:00"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded page (-want +got):\n%s", diff)
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>法治政府建设年度报告</p><p>依法行政€𠀀</p>"
	want := "法治政府建设年度报告\n依法行政€𠀀\n"
	big5 := must(traditionalchinese.Big5.NewEncoder().Bytes([]byte("<meta charset=big5><p>法治政府建設報告</p>")))
	for _, tc := range []struct {
		name    string
		src     []byte
		opt     Options
		want    string
		wantEnc string
	}{
		{"meta charset gbk", gb18030(t, `<html><head><meta charset="gbk"><title>报告</title></head><body>`+body), Options{}, want, "GB18030"},
		{"meta charset gb2312, unquoted", gb18030(t, `<html><meta charset=gb2312>`+body), Options{}, want, "GB18030"},
		{"http-equiv", gb18030(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312" /></head>`+body), Options{}, want, "GB18030"},
		{"http-equiv quoted, upper case", gb18030(t, `<HTML><HEAD><META HTTP-EQUIV="content-type" CONTENT='text/html;charset="gbk"'></HEAD>`+body), Options{}, want, "GB18030"},
		{"no meta, gbk detected", gb18030(t, `<html><body>`+body), Options{}, want, "GB18030"},
		{"meta says utf-8, bytes are gbk", gb18030(t, `<html><meta charset="utf-8">`+body), Options{}, want, "GB18030"},
		{"meta says gbk, bytes are utf-8", []byte(`<html><meta charset="gbk">` + body), Options{}, want, "UTF-8"},
		{"meta big5", big5, Options{}, "法治政府建設報告\n", "BIG5"},
		{"http-equiv content in gbk", gb18030(t, `<html><meta http-equiv="Content-Type" content="文本/网页; charset=gbk">`+body), Options{}, want, "GB18030"},
		{"unknown meta charset, gbk detected", gb18030(t, `<html><meta charset="x-nonsense">`+body), Options{}, want, "GB18030"},
		{"meta wins over the fallback encoding", gb18030(t, `<html><meta charset="gbk">`+body), Options{Encoding: "big5"}, want, "GB18030"},
		{"forced encoding wins over meta", gb18030(t, `<html><meta charset="big5">`+body), Options{ForceEncoding: "gb18030"}, want, "GB18030"},
		{"fallback encoding without meta", gb18030(t, `<html><body>`+body), Options{Encoding: "gbk"}, want, "GB18030"},
		{"bom wins over meta", []byte("\xEF\xBB\xBF<html><meta charset=\"gbk\">" + body), Options{}, want, "UTF-8"},
		{"utf-16le bom", utf16Bytes("<!DOCTYPE html><meta charset=utf-16>"+body, false, true), Options{}, want, "UTF-16LE"},
		{"meta after 1024 bytes is not seen", gb18030(t, "<html><!--"+strings.Repeat("x", 1100)+`--><meta charset="big5">`+body), Options{}, want, "GB18030"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := decodeOK(t, tc.src, tc.opt)
			if got.Text != tc.want || got.Encoding != tc.wantEnc || got.Format != "html" {
				t.Errorf("got %q (%s, %s), want %q (%s, html)", got.Text, got.Encoding, got.Format, tc.want, tc.wantEnc)
			}
		})
	}
}

func TestHTMLCharsetErrors(t *testing.T) {
	// Declared GBK, but holding bytes GBK cannot decode.
	src := append(gb18030(t, `<html><meta charset="gbk"><p>报告`), 0xFF, 0xFF)
	wantErr(t, func() error { _, err := Bytes(src, Options{}); return err }(), "GB18030", "无法解码")
	_, err := Bytes([]byte("<html><p>报告</p>"), Options{Encoding: "klingon"})
	wantErr(t, err, "不认识的编码名")
}

func TestCharsetParam(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=gbk":         "gbk",
		"text/html;charset=GB2312":       "GB2312",
		"text/html; charset = 'big5' ;":  "big5",
		`text/html; charset="utf-8"`:     "utf-8",
		"text/html; CHARSET=gbk; x=y":    "gbk",
		"text/html":                      "",
		"text/html; charset":             "",
		`text/html; charset="gbk`:        "",
		"charsetx; charset=gb18030":      "gb18030",
		"text/html; charset=gbk\tfoo":    "gbk",
		"text/html; mycharset=x":         "x", // as the standard's algorithm reads it
		"text/html; charset=;":           "",
		"text/html; charset=\"\"":        "",
		"text/html; charset=utf-8,other": "utf-8,other",
		// Bytes that are not UTF-8 (a GBK page's) keep their length.
		"\xD6\xD0\xCE\xC4\xFF; charset=gbk": "gbk",
		"\u0130\u0130\u0130 CHARSET=gbk":    "gbk", // İ lowers to a longer string
	} {
		if got := charsetParam(in); got != want {
			t.Errorf("charsetParam(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"entities", "<html><p>A&amp;B &lt;&gt; &#x4E00;&#20108; &ldquo;三&rdquo;&mdash;&copy 2021</p>", "A&B <> 一二 “三”—© 2021\n"},
		{"whitespace collapses", "<html><p>  a \t b\n\n c&nbsp;&nbsp;d  </p>", "a b c d\n"},
		{"source line break between Chinese", "<html><p>法治\n  政府 建设\nreport\n报告</p>", "法治政府 建设 report 报告\n"},
		{"full-width space kept", "<html><p>\u3000\u3000报告</p>", "\u3000\u3000报告\n"},
		{"empty lines dropped", "<html><div><p></p><p> </p><br><br>报告<br><br></div>", "报告\n"},
		{"inline elements join", "<html><p>法治<span>政府</span><b>建设</b><a href=x>报告</a></p>", "法治政府建设报告\n"},
		{"table rows are lines", "<html><table><tr><th>类别</th><th>件数</th></tr><tr><td>复议</td><td>5</td></tr></table>", "类别 件数\n复议 5\n"},
		{"cells holding paragraphs", "<html><table><tr><td><p>一</p><p>二</p></td></tr></table>", "一\n二\n"},
		{"pre keeps lines", "<html><pre>第一行\n  第二行\n\n第三行</pre>", "第一行\n第二行\n第三行\n"},
		{"textarea kept", "<html><textarea>意见&amp;建议</textarea>", "意见&建议\n"},
		{"unclosed nav skipped to end of body", "<html><body><p>前</p><nav><p>导航</p></body><p>后</p>", "前\n后\n"},
		{"unclosed button", "<html><p>前<button>打印</p><p>后</p>", "前\n后\n"},
		{"unclosed select", "<html><select><option>链接<div>正文</div>", "正文\n"},
		{"unclosed select in a cell", "<html><table><tr><td><select><option>链接<td>正文</table>", "正文\n"},
		{"paragraph in a video", "<html><video><p>不支持视频</p></video><p>正文</p>", "不支持视频\n正文\n"},
		{"nested nav", "<html><nav><nav>a</nav>b</nav><p>正文</p>", "正文\n"},
		{"self-closing skipped element", "<html><svg/><p>正文</p>", "正文\n"},
		{"self-closing script still raw", "<html><script/>var a;</script><p>正文</p>", "正文\n"},
		{"hidden text is kept", `<html><div style="display:none">正文</div>`, "正文\n"},
		{"second title dropped", "<html><title>页</title><body><title>又一个</title><p>正文</p>", "正文\n"},
		{"comments dropped", "<html><!-- 注释 --><p>正文<!-- <p>x</p> --></p><![CDATA[y]]>", "正文\n"},
		{"bom in text dropped", "<html><p>\uFEFF正文\uFEFF</p><p>\uFEFF</p><p>a\uFEFF b</p>", "正文\na b\n"},
		{"xhtml", `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>正文</p></body></html>`, "正文\n"},
		{"text after html", "<html><body><p>a</p></body></html>\n尾", "a\n尾\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := decodeOK(t, []byte(tc.src), Options{}).Text; got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHTMLHeadings(t *testing.T) {
	src := "<html><h1>题目</h1><h2>一、部分</h2><p>正文</p><h3>(一)<br>小节</h3><h4></h4><p>空标题之后</p><h5>五级</h5><h6>六级</h6><h2><span>  </span></h2><div>末尾</div>"
	got := decodeOK(t, []byte(src), Options{})
	want := map[int]int{1: 1, 2: 2, 4: 3}
	if diff := cmp.Diff(want, got.Headings); diff != "" {
		t.Errorf("Headings (-want +got):\n%s\ntext:\n%s", diff, got.Text)
	}
}

func TestHTMLMeta(t *testing.T) {
	src := `<html><head>
<meta name="description" content="年度报告">
<meta name="firstpublishedtime" content="2021-03-31-14:27:41">
<meta name="ArticlePubDate" content="2021-03-31">
<meta name="publishdate" content="2021-04-01">
<meta itemprop="datePublished" content="2021-03-31">
<meta name="PubDate">
<meta name="" content="2021">
<meta http-equiv="last-modified" content="x">
<meta name="发布日期" content="2021年3月31日">
</head><body><meta name="pubdate" content="2021-03-31"><p>正文</p>`
	got := decodeOK(t, []byte(src), Options{})
	want := []Meta{
		{"firstpublishedtime", "2021-03-31-14:27:41"},
		{"ArticlePubDate", "2021-03-31"},
		{"publishdate", "2021-04-01"},
		{"datePublished", "2021-03-31"},
		{"发布日期", "2021年3月31日"},
		{"pubdate", "2021-03-31"},
	}
	if diff := cmp.Diff(want, got.Meta); diff != "" {
		t.Errorf("Meta (-want +got):\n%s", diff)
	}
}

func TestHTMLEmpty(t *testing.T) {
	for _, src := range []string{
		"<!DOCTYPE html>",
		"<html><head><title>只有标题</title></head><body></body></html>",
		"<html><body><script>document.write('报告')</script><nav>首页</nav></body></html>",
		"<html><body>&nbsp;&nbsp;</body></html>",
	} {
		_, err := Bytes([]byte(src), Options{})
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("Bytes(%q) error = %v, want ErrEmpty", src, err)
		}
	}
}

// TestHTMLDeep checks that deeply nested or unclosed markup is read: the
// text is extracted while streaming, with no tree and no recursion, so
// the cost is linear (BenchmarkHTMLDeep measures it).
func TestHTMLDeep(t *testing.T) {
	const n = 100000
	for _, tc := range []struct {
		name, src, want string
	}{
		{"divs", "<html>" + strings.Repeat("<div>", n) + "报告" + strings.Repeat("</div>", n), "报告\n"},
		{"unclosed divs", "<html>" + strings.Repeat("<div>", n) + "报告", "报告\n"},
		{"spans", "<html><p>" + strings.Repeat("<span>", n) + "报告", "报告\n"},
		{"formatting", "<html><p>" + strings.Repeat("<b><i>", n) + "报告", "报告\n"},
		{"tables", "<html>" + strings.Repeat("<table><tr><td>", n) + "报告", "报告\n"},
		{"navs", "<html>" + strings.Repeat("<nav>", n) + "导航" + strings.Repeat("</nav>", n) + "<p>报告</p>", "报告\n"},
		{"headings", "<html>" + strings.Repeat("<h1>", n) + "报告", "报告\n"},
		{"pres", "<html>" + strings.Repeat("<pre>", n) + "报告", "报告\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := decodeOK(t, []byte(tc.src), Options{})
			if got.Text != tc.want {
				t.Errorf("got %q, want %q", got.Text, tc.want)
			}
		})
	}
}
