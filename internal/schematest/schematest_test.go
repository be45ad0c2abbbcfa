package schematest

import (
	"strings"
	"testing"
)

func TestURIReference(t *testing.T) {
	for _, ok := range []string{"", "reports/a.txt", "reports/%E7%94%B2%20%E5%8C%BA.txt", "file:///tmp/x?y=1#z", "../a(1).txt"} {
		if err := uriReference(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"a b", "甲.txt", "100%", "%zz", "a\\b"} {
		if err := uriReference(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestValidate(t *testing.T) {
	s, err := Compile("../../testdata/schemas/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	errs, err := s.Validate([]byte(`{"version":"2.1.0","runs":[]}`))
	if err != nil || errs != nil {
		t.Errorf("valid log: %v %v", errs, err)
	}
	errs, err = s.Validate([]byte(`{"runs":[]}`))
	if err != nil || len(errs) != 1 || !strings.Contains(errs[0], "missing property 'version'") {
		t.Errorf("no version: %q %v", errs, err)
	}
	if _, err := s.Validate([]byte(`{`)); err == nil {
		t.Error("not JSON: no error")
	}
	if _, err := Compile("nothere.json"); err == nil {
		t.Error("missing schema: no error")
	}
}
