package dates

import (
	"fmt"
	"strings"
	"time"

	"github.com/ducha-dev/ducha/internal/norm"
)

// ParseDate reads a date given by the caller, as the command line's
// --published takes it: "2024-03-20", "2024/3/20", "2024.3.20" or
// "2024年3月20日" (full-width digits too). The time is the start of that day
// in China (UTC+8).
func ParseDate(s string) (time.Time, error) {
	v, _ := norm.String(strings.TrimSpace(s))
	ds := Find(v)
	if len(ds) != 1 || ds[0].Start != 0 || ds[0].End != len(v) || ds[0].HasTime || !ds[0].Complete() {
		return time.Time{}, fmt.Errorf("日期“%s”无法识别:请写成 2024-03-20 或 2024年3月20日", s)
	}
	t, ok := ds[0].Time(nil)
	if !ok {
		return time.Time{}, fmt.Errorf("日期“%s”不存在:%s", s, ds[0].Problem)
	}
	return t, nil
}
