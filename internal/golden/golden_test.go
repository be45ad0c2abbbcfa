package golden

import (
	"flag"
	"testing"
)

// TestFlag checks that the flag is registered under the name the README's
// commands use, and is off by default.
func TestFlag(t *testing.T) {
	f := flag.Lookup("update")
	if f == nil {
		t.Fatal("no -update flag registered")
	}
	if f.DefValue != "false" {
		t.Errorf("-update defaults to %s, want false", f.DefValue)
	}
	if Update() != (f.Value.String() == "true") {
		t.Errorf("Update() = %v, flag is %s", Update(), f.Value)
	}
}
