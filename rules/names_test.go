package rules

import (
	"regexp"
	"testing"
)

// TestNames checks validName and captureName against the patterns they
// stand for.
func TestNames(t *testing.T) {
	rule := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	capture := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	for _, s := range []string{"", "a", "responsible-person", "9-a", "-a", "a-", "A", "a_b", "a b", "总数", "a\n", "_x", "x1", "1x", "Total_2", "a.b", "x-1"} {
		if got, want := validName(s), rule.MatchString(s); got != want {
			t.Errorf("validName(%q) = %v, want %v", s, got, want)
		}
		if got, want := captureName(s), capture.MatchString(s); got != want {
			t.Errorf("captureName(%q) = %v, want %v", s, got, want)
		}
	}
}
