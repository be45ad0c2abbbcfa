package ducha_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/internal/zhnum"
	"github.com/ducha-dev/ducha/lint"
)

// shapes builds reports of about size bytes that stress one dimension:
// one long line, many headings, many sentences, many numbers, many
// placeholders and findings.
var shapes = []struct {
	name  string
	build func(size int) string
}{
	{"longline", func(size int) string {
		var b strings.Builder
		b.WriteString("青山区人民政府关于2023年度法治政府建设情况的报告\n")
		for b.Len() < size {
			b.WriteString("全年调解矛盾纠纷131件,成功化解135件,调解成功率99.5%;一是加强领导。")
		}
		return b.String()
	}},
	{"headings", func(size int) string {
		var b strings.Builder
		b.WriteString("青山区人民政府关于2023年度法治政府建设情况的报告\n")
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "%s、工作情况\n(一)主要做法\n1.加强领导\n(1)完善制度\n", zhnum.Format(i%99+1))
		}
		return b.String()
	}},
	{"sentences", func(size int) string {
		var b strings.Builder
		b.WriteString("青山区人民政府关于2023年度法治政府建设情况的报告\n一、主要工作\n")
		for b.Len() < size {
			b.WriteString("推进依法行政。")
			if b.Len()%4096 < 22 {
				b.WriteString("\n")
			}
		}
		return b.String()
	}},
	{"findings", func(size int) string {
		var b strings.Builder
		b.WriteString("青山区人民政府关于2023年度法治政府建设情况的报告\n")
		for b.Len() < size {
			b.WriteString("召开会议X次,XX镇完成2020年13月30日的任务,依据国发[2021]33号文件,受理纠纷10件,成功化解20件。\n")
		}
		return b.String()
	}},
}

// BenchmarkShapes checks reports of 1 MB and 4 MB of each shape: the time
// per byte should not grow with the size.
func BenchmarkShapes(b *testing.B) {
	l, err := ducha.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, sh := range shapes {
		for _, size := range []int{1 << 20, 4 << 20} {
			b.Run(fmt.Sprintf("%s/%dMB", sh.name, size>>20), func(b *testing.B) {
				src := []byte(sh.build(size))
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := l.Check(context.Background(), src, lint.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
