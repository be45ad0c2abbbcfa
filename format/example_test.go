package format_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/format"
)

const report = "关于2023年度法治政府建设情况的报告\n一、主要工作\n本区印发《通知》(厅字〔201928号)。\n"

// Docx writes the annotated copy of a report: here a text, so the copy
// is a new .docx with one comment per finding.
func ExampleDocx() {
	src := []byte(report)
	res, err := ducha.Check(context.Background(), src)
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := format.Docx(&b, res, src, format.DocxOptions{}); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/comments.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			log.Fatal(err)
		}
		var c bytes.Buffer
		c.ReadFrom(rc)
		rc.Close()
		fmt.Println("one comment per finding:", strings.Count(c.String(), "<w:comment ") == len(res.Findings))
		fmt.Println("the right 发文字号:", strings.Contains(c.String(), "应为“厅字〔2019〕28号”"))
	}
	// Output:
	// one comment per finding: true
	// the right 发文字号: true
}

// HTML writes the report page; a report's text is escaped.
func ExampleHTML() {
	res, err := ducha.Check(context.Background(), []byte(report))
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := format.HTML(&b, []format.File{{Path: "<报告>.txt", Result: res}}, format.HTMLOptions{}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(b.String(), `<h2 class="path">&lt;报告&gt;.txt</h2>`))
	fmt.Println(strings.Count(b.String(), `<span class="anchor"`) == len(res.Findings))
	// Output:
	// true
	// true
}
