package lint

import (
	"testing"

	"github.com/ducha-dev/ducha/decode"
)

func mustDecode(t *testing.T, s string) *decode.Text {
	t.Helper()
	d, err := decode.Bytes([]byte(s), decode.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}
