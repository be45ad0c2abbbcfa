package checks_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/lint"
)

// run lints src with a linter made of one check (and parts, when given) and
// returns its findings as "LINE:COL severity message".
func run(t *testing.T, c lint.Check, parts []document.PartSpec, src string, opt lint.Options) []string {
	t.Helper()
	l, err := lint.New(lint.Config{Rules: c.Rules(), Parts: parts, Checks: []lint.Check{c}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Check(context.Background(), []byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		out = append(out, fmt.Sprintf("%s %s %s", f.Span.Start, f.Severity, f.Message))
	}
	return out
}

// checkCase is one report and the findings expected of it: each want is a
// prefix of the finding at the same index ("" for no findings).
type checkCase struct {
	name string
	src  string
	opt  lint.Options
	want []string
}

func runCases(t *testing.T, c lint.Check, parts []document.PartSpec, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, c, parts, tc.src, tc.opt)
			ok := len(got) == len(tc.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.HasPrefix(got[i], tc.want[i])
			}
			if !ok {
				t.Errorf("findings:\n%s\nwant (prefixes):\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
