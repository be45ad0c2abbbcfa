package jsonschema

import (
	"os"
	"strings"
	"testing"
)

const schema = `{
  "$schema": "http://json-schema.org/draft-04/schema#",
  "type": "object",
  "additionalProperties": false,
  "required": ["version", "items"],
  "properties": {
    "version": {"enum": ["2.1.0"]},
    "items": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"$ref": "#/definitions/item"}},
    "uri": {"type": "string", "format": "uri-reference"},
    "when": {"type": "string", "format": "date-time"},
    "bag": {"type": "object", "additionalProperties": {"type": "integer"}},
    "nullable": {"type": ["array", "null"]}
  },
  "definitions": {
    "item": {
      "type": "object",
      "properties": {
        "line": {"type": "integer", "minimum": 1},
        "text": {"type": "string", "pattern": "^[a-z]+$"},
        "id": {"type": "string"}
      },
      "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
      "oneOf": [{"required": ["line"]}, {"required": ["id"]}]
    }
  }
}`

func TestValidate(t *testing.T) {
	s, err := Compile([]byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, doc string
		want      string // "" for valid; else a substring of the errors
	}{
		{"valid", `{"version": "2.1.0", "items": [{"line": 1, "text": "ab"}], "uri": "a/%E7%94%B2.txt", "when": "2024-03-20T10:00:00Z", "bag": {"x": 1}, "nullable": null}`, ""},
		{"missing required", `{"version": "2.1.0"}`, `missing required property "items"`},
		{"extra property", `{"version": "2.1.0", "items": [{"line": 1, "text": "a"}], "colour": 1}`, "/colour: property not allowed"},
		{"enum", `{"version": "2.0", "items": [{"line": 1, "text": "a"}]}`, "/version: value 2.0 is not one of"},
		{"type", `{"version": "2.1.0", "items": {}}`, "/items: type is object"},
		{"type list", `{"version": "2.1.0", "items": [{"line": 1, "text": "a"}], "nullable": 3}`, "/nullable: type is number"},
		{"minItems", `{"version": "2.1.0", "items": []}`, "want at least 1"},
		{"uniqueItems", `{"version": "2.1.0", "items": [{"line": 1, "text": "a"}, {"text": "a", "line": 1.0}]}`, "must be unique"},
		{"integer", `{"version": "2.1.0", "items": [{"line": 1.5, "text": "a"}]}`, "/items/0/line: type is number, want integer"},
		{"minimum", `{"version": "2.1.0", "items": [{"line": 0, "text": "a"}]}`, "less than the minimum"},
		{"pattern", `{"version": "2.1.0", "items": [{"line": 1, "text": "A"}]}`, "does not match pattern"},
		{"anyOf", `{"version": "2.1.0", "items": [{"line": 1}]}`, "matches none of anyOf"},
		{"oneOf", `{"version": "2.1.0", "items": [{"line": 1, "id": "x"}]}`, "matches 2 of oneOf"},
		{"uri-reference", `{"version": "2.1.0", "items": [{"line": 1, "text": "a"}], "uri": "a/甲 乙.txt"}`, "not a valid uri-reference"},
		{"date-time", `{"version": "2.1.0", "items": [{"line": 1, "text": "a"}], "when": "2024-03-20"}`, "not a valid date-time"},
		{"additionalProperties schema", `{"version": "2.1.0", "items": [{"line": 1, "text": "a"}], "bag": {"x": "1"}}`, "/bag/x: type is string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs, err := s.Validate([]byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.String())
			}
			got := strings.Join(msgs, "\n")
			if tc.want == "" {
				if got != "" {
					t.Errorf("valid document rejected:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("want an error containing %q, got:\n%s", tc.want, got)
			}
		})
	}
}

func TestCompileRefusesUnknownKeywords(t *testing.T) {
	for _, s := range []string{
		`{"type": "object", "propertyNames": {"pattern": "^a"}}`,
		`{"$ref": "#/definitions/nope"}`,
		`{"$ref": "other.json#/x"}`,
		`{"type": "string", "pattern": "(?<=a)b"}`,
		`{"type": "string", "format": "email"}`,
		`{"items": [{"type": "string"}]}`,
	} {
		if _, err := Compile([]byte(s)); err == nil {
			t.Errorf("Compile(%s) = nil error, want one", s)
		}
	}
}

// TestSARIFSchemaCompiles checks that the official SARIF schema uses only
// what the validator implements.
func TestSARIFSchemaCompiles(t *testing.T) {
	b, err := os.ReadFile("../../testdata/schemas/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Compile(b)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := s.Validate([]byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}`))
	if err != nil || len(errs) != 0 {
		t.Fatalf("minimal SARIF log rejected: %v %v", err, errs)
	}
	errs, _ = s.Validate([]byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "columnKind": "bytes"}]}`))
	if len(errs) != 2 {
		t.Fatalf("broken SARIF log: want 2 errors (driver.name, columnKind), got %v", errs)
	}
}
