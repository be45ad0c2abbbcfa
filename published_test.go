package ducha_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/lint"
)

// TestPublished is the library side of "ducha check --published 2021-04-15":
// seed 001 says 日期:2021-03-31, in time for its 2020 report; a publication
// date given by the caller wins, and 15 April is late.
func TestPublished(t *testing.T) {
	src, err := os.ReadFile("testdata/seeds/001_15088844970135c4.txt")
	if err != nil {
		t.Fatal(err)
	}
	l, err := ducha.Default()
	if err != nil {
		t.Fatal(err)
	}
	published, err := dates.ParseDate("2021-04-15")
	if err != nil {
		t.Fatal(err)
	}
	early, err := dates.ParseDate("2021年3月20日")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		opt  lint.Options
		want string // the date/deadline finding, "" for none
	}{
		{lint.Options{}, ""},
		{lint.Options{Published: published}, "error 2020年度报告的发布日期为2021年4月15日(检查时指定),晚于2021年4月1日的公开期限"},
		{lint.Options{Published: early}, ""},
	} {
		res, err := l.Check(context.Background(), src, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			if strings.HasPrefix(f.Rule, "date/") {
				got = append(got, f.Severity.String()+" "+f.Message)
			}
		}
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%+v: unexpected date findings %q", tc.opt, got)
		case tc.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], tc.want)):
			t.Errorf("%+v: date findings %q, want one starting %q", tc.opt, got, tc.want)
		}
		if d := res.Document.Dates[0]; tc.opt.Published.IsZero() == d.Given() {
			t.Errorf("%+v: first date %+v", tc.opt, d)
		}
	}
}
