package rules

import (
	"regexp"
	"testing"
)

// TestNames checks validName against the pattern it stands for.
func TestNames(t *testing.T) {
	rule := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	for _, s := range []string{"", "a", "responsible-person", "9-a", "-a", "a-", "A", "a_b", "a b", "总数", "a\n", "_x", "x1", "1x", "Total_2", "a.b", "x-1"} {
		if got, want := validName(s), rule.MatchString(s); got != want {
			t.Errorf("validName(%q) = %v, want %v", s, got, want)
		}
	}
}
