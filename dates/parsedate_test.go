package dates

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for an error
	}{
		{"2024-03-20", "2024-03-20"},
		{" 2024/3/20 ", "2024-03-20"},
		{"2024年3月20日", "2024-03-20"},
		{"２０２４－０３－２０", "2024-03-20"},
		{"2024-02-30", ""},
		{"2024-03", ""},
		{"3月20日", ""},
		{"2024-03-20 10:00", ""},
		{"2024-03-20至2024-03-21", ""},
		{"tomorrow", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("ParseDate(%q) = %v, want an error", tc.in, got)
		case tc.want != "" && (err != nil || got.Format("2006-01-02") != tc.want):
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if _, err := ParseDate("2024-02-30"); err == nil || !strings.Contains(err.Error(), "2月没有30日") {
		t.Errorf("error for an impossible date = %v", err)
	}
}
