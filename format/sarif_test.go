package format

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ducha-dev/ducha/internal/schematest"
)

func sarifSchemaValidator(t *testing.T) *schematest.Schema {
	t.Helper()
	s, err := schematest.Compile("../testdata/schemas/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSARIFSchema validates the SARIF output against the official SARIF
// 2.1.0 schema, and checks that the validator rejects documents broken in
// the ways a hand-written writer could break them.
func TestSARIFSchema(t *testing.T) {
	schema := sarifSchemaValidator(t)
	var b bytes.Buffer
	if err := SARIF(&b, demoFiles(t), demoLinter(t).Rules(), Tool{Name: "ducha", Version: "v1.2.3", InformationURI: "https://github.com/ducha-dev/ducha"}); err != nil {
		t.Fatal(err)
	}
	errs, err := schema.Validate(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("SARIF output breaks the schema: %s", e)
	}

	breakages := []struct {
		name  string
		edit  func(m map[string]any)
		error string
	}{
		{"no version", func(m map[string]any) { delete(m, "version") }, "missing property 'version'"},
		{"level", func(m map[string]any) { sresult(m)["level"] = "fatal" }, "/runs/0/results/0/level"},
		{"column kind", func(m map[string]any) { srun(m)["columnKind"] = "characters" }, "/runs/0/columnKind"},
		{"start line 0", func(m map[string]any) { sregion(m)["startLine"] = 0 }, "/runs/0/results/0/locations/0/physicalLocation/region/startLine"},
		{"unknown field", func(m map[string]any) { sresult(m)["severity"] = "error" }, "/runs/0/results/0: at '/runs/0/results/0': additional properties 'severity' not allowed"},
		{"uri with a space", func(m map[string]any) { artifact(m)["uri"] = "reports/甲 区.txt" }, "not a URI reference"},
		{"message without text", func(m map[string]any) { sresult(m)["message"] = map[string]any{} }, "/runs/0/results/0/message: at '/runs/0/results/0/message': missing property 'text'"},
	}
	for _, tc := range breakages {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(b.Bytes(), &m); err != nil {
				t.Fatal(err)
			}
			tc.edit(m)
			broken, _ := json.Marshal(m)
			errs, err := schema.Validate(broken)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(errs, "\n"), tc.error) {
				t.Errorf("broken document (%s) not rejected with %q; errors:\n%s", tc.name, tc.error, strings.Join(errs, "\n"))
			}
		})
	}
}

func srun(m map[string]any) map[string]any { return m["runs"].([]any)[0].(map[string]any) }
func sresult(m map[string]any) map[string]any {
	return srun(m)["results"].([]any)[0].(map[string]any)
}
func physical(m map[string]any) map[string]any {
	return sresult(m)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
}
func sregion(m map[string]any) map[string]any { return physical(m)["region"].(map[string]any) }
func artifact(m map[string]any) map[string]any {
	return physical(m)["artifactLocation"].(map[string]any)
}

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{
		"a.txt":           "a.txt",
		"reports/甲 区.txt": "reports/%E7%94%B2%20%E5%8C%BA.txt",
		"a:b.txt":         "./a:b.txt",
		"/srv/r/a.txt":    "file:///srv/r/a.txt",
		"100%.txt":        "100%25.txt",
		"<stdin>":         "%3Cstdin%3E",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRuleName(t *testing.T) {
	if got := ruleName("section/responsible-person"); got != "SectionResponsiblePerson" {
		t.Errorf("ruleName = %q", got)
	}
}
