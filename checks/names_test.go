package checks

import (
	"regexp"
	"testing"
)

// TestCaptureName checks captureName against the pattern it stands for.
func TestCaptureName(t *testing.T) {
	capture := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	for _, s := range []string{"", "a", "responsible-person", "9-a", "-a", "a-", "A", "a_b", "a b", "总数", "a\n", "_x", "x1", "1x", "Total_2", "a.b", "x-1"} {
		if got, want := captureName(s), capture.MatchString(s); got != want {
			t.Errorf("captureName(%q) = %v, want %v", s, got, want)
		}
	}
}
