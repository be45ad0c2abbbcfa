// Package schematest validates JSON documents against a JSON Schema file in
// tests: the SARIF output against the official SARIF 2.1.0 schema. It wraps
// github.com/santhosh-tekuri/jsonschema/v6 (a test-only dependency) so that
// each test gets the violations as plain lines to search, and loads
// nothing from the network: the schema is read from the file named.
package schematest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// A Schema is a compiled schema.
type Schema struct{ s *jsonschema.Schema }

// Compile reads and compiles the schema in file path.
func Compile(path string) (*Schema, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "uri-reference", Validate: uriReference})
	const url = "file:///schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, err
	}
	return &Schema{s}, nil
}

// Validate returns the document's violations, one line each with the
// instance location ("/runs/0/level: …"), or nil when it is valid; the
// error is for a document that is not JSON at all.
func (s *Schema) Validate(doc []byte) ([]string, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	err = s.s.Validate(v)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, "/"+strings.Join(e.InstanceLocation, "/")+": "+e.Error())
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out, nil
}

// uriReference is RFC 3986's URI-reference, strictly: only unreserved,
// reserved and percent-encoded characters. The validator's own check
// accepts what Go's url.Parse does, spaces and Chinese characters
// included, which SARIF consumers do not.
func uriReference(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0:
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			i += 2
		default:
			return fmt.Errorf("not a URI reference: %q at byte %d must be percent-encoded", s[i:i+1], i)
		}
	}
	return nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
