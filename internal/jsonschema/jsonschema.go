// Package jsonschema validates JSON documents against a JSON Schema. It
// implements the subset of draft-04/draft-07 the SARIF 2.1.0 schema uses,
// so that the tests can check ducha's SARIF output against the official
// schema (testdata/schemas) without a dependency:
//
//	type (one or a list), enum, properties, required,
//	additionalProperties (false or a schema), patternProperties, items
//	(one schema), minItems, maxItems, uniqueItems, minimum, maximum,
//	minLength, pattern, format (uri, uri-reference, date-time), anyOf,
//	oneOf, allOf, not, $ref to "#" and "#/definitions/…"
//
// Annotations (description, default, title, $schema, id) are ignored. Any
// other keyword is an error when the schema is compiled, so a schema that
// uses what the validator does not understand cannot pass documents
// unchecked.
package jsonschema

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// A Schema is a compiled schema.
type Schema struct {
	root  map[string]any
	regex map[string]*regexp.Regexp
}

var annotations = map[string]bool{"description": true, "default": true, "title": true, "$schema": true, "id": true, "$id": true, "definitions": true, "examples": true}

var keywords = map[string]bool{
	"type": true, "enum": true, "properties": true, "required": true, "additionalProperties": true,
	"patternProperties": true, "items": true, "minItems": true, "maxItems": true, "uniqueItems": true,
	"minimum": true, "maximum": true, "minLength": true, "pattern": true, "format": true,
	"anyOf": true, "oneOf": true, "allOf": true, "not": true, "$ref": true,
}

// Compile parses a schema and checks that it uses only keywords the
// validator implements, and that its patterns compile.
func Compile(data []byte) (*Schema, error) {
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	s := &Schema{root: root, regex: map[string]*regexp.Regexp{}}
	if err := s.check(root, "#"); err != nil {
		return nil, err
	}
	return s, nil
}

// check walks a schema node, refusing unknown keywords.
func (s *Schema) check(node map[string]any, path string) error {
	for k, v := range node {
		switch {
		case k == "definitions" || k == "properties" || k == "patternProperties":
			m, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("%s/%s: not an object", path, k)
			}
			for name, sub := range m {
				if k == "patternProperties" {
					if err := s.compileRegex(name); err != nil {
						return fmt.Errorf("%s/%s: %v", path, k, err)
					}
				}
				sm, ok := sub.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/%s/%s: not a schema", path, k, name)
				}
				if err := s.check(sm, path+"/"+k+"/"+name); err != nil {
					return err
				}
			}
		case annotations[k]:
		case !keywords[k]:
			return fmt.Errorf("%s: keyword %q is not implemented by this validator", path, k)
		case k == "items" || k == "not" || k == "additionalProperties":
			if sm, ok := v.(map[string]any); ok {
				if err := s.check(sm, path+"/"+k); err != nil {
					return err
				}
			} else if _, ok := v.(bool); !ok || k != "additionalProperties" {
				return fmt.Errorf("%s/%s: only a single schema is supported", path, k)
			}
		case k == "anyOf" || k == "oneOf" || k == "allOf":
			list, ok := v.([]any)
			if !ok {
				return fmt.Errorf("%s/%s: not a list", path, k)
			}
			for i, sub := range list {
				sm, ok := sub.(map[string]any)
				if !ok {
					return fmt.Errorf("%s/%s/%d: not a schema", path, k, i)
				}
				if err := s.check(sm, fmt.Sprintf("%s/%s/%d", path, k, i)); err != nil {
					return err
				}
			}
		case k == "pattern":
			p, _ := v.(string)
			if err := s.compileRegex(p); err != nil {
				return fmt.Errorf("%s/pattern: %v", path, err)
			}
		case k == "$ref":
			ref, _ := v.(string)
			if _, err := s.resolve(ref); err != nil {
				return fmt.Errorf("%s: %v", path, err)
			}
		case k == "format":
			if f, _ := v.(string); f != "uri" && f != "uri-reference" && f != "date-time" {
				return fmt.Errorf("%s: format %q is not implemented", path, f)
			}
		}
	}
	return nil
}

func (s *Schema) compileRegex(p string) error {
	if _, ok := s.regex[p]; ok {
		return nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return err
	}
	s.regex[p] = re
	return nil
}

func (s *Schema) resolve(ref string) (map[string]any, error) {
	if ref == "#" {
		return s.root, nil
	}
	name, ok := strings.CutPrefix(ref, "#/definitions/")
	if !ok {
		return nil, fmt.Errorf("$ref %q: only #/definitions/… is supported", ref)
	}
	defs, _ := s.root["definitions"].(map[string]any)
	d, ok := defs[name].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$ref %q: no such definition", ref)
	}
	return d, nil
}

// An Error is one way a document breaks the schema.
type Error struct {
	Path    string // JSON pointer-like path in the document, "/runs/0/tool"
	Message string
}

func (e Error) String() string { return e.Path + ": " + e.Message }

// Validate checks a JSON document and returns every violation found,
// sorted by path; none means the document is valid.
func (s *Schema) Validate(doc []byte) ([]Error, error) {
	d := json.NewDecoder(strings.NewReader(string(doc)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	var errs []Error
	s.validate(s.root, v, "", &errs)
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Path < errs[j].Path })
	return errs, nil
}

func (s *Schema) validate(sch map[string]any, v any, path string, errs *[]Error) {
	fail := func(format string, args ...any) {
		*errs = append(*errs, Error{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if ref, ok := sch["$ref"].(string); ok {
		target, _ := s.resolve(ref)
		s.validate(target, v, path, errs)
		// draft-04: siblings of $ref are ignored.
		return
	}
	if t, ok := sch["type"]; ok && !typeMatches(t, v) {
		fail("type is %s, want %v", typeOf(v), t)
		return
	}
	if e, ok := sch["enum"].([]any); ok {
		found := false
		for _, x := range e {
			found = found || equal(x, v)
		}
		if !found {
			fail("value %v is not one of %v", v, e)
		}
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		list, ok := sch[k].([]any)
		if !ok {
			continue
		}
		n := 0
		var sub []Error
		for _, alt := range list {
			var e []Error
			s.validate(alt.(map[string]any), v, path, &e)
			if len(e) == 0 {
				n++
			}
			sub = append(sub, e...)
		}
		switch {
		case k == "allOf" && n != len(list):
			*errs = append(*errs, sub...)
		case k == "anyOf" && n == 0:
			fail("matches none of anyOf: %v", sub)
		case k == "oneOf" && n != 1:
			fail("matches %d of oneOf, want exactly 1", n)
		}
	}
	if not, ok := sch["not"].(map[string]any); ok {
		var e []Error
		s.validate(not, v, path, &e)
		if len(e) == 0 {
			fail("matches a schema it must not")
		}
	}
	switch x := v.(type) {
	case map[string]any:
		s.validateObject(sch, x, path, errs)
	case []any:
		if min, ok := num(sch["minItems"]); ok && float64(len(x)) < min {
			fail("%d items, want at least %v", len(x), min)
		}
		if max, ok := num(sch["maxItems"]); ok && float64(len(x)) > max {
			fail("%d items, want at most %v", len(x), max)
		}
		if u, _ := sch["uniqueItems"].(bool); u {
			for i := range x {
				for j := i + 1; j < len(x); j++ {
					if equal(x[i], x[j]) {
						fail("items %d and %d are equal; items must be unique", i, j)
					}
				}
			}
		}
		if items, ok := sch["items"].(map[string]any); ok {
			for i, it := range x {
				s.validate(items, it, fmt.Sprintf("%s/%d", path, i), errs)
			}
		}
	case json.Number:
		f, _ := x.Float64()
		if min, ok := num(sch["minimum"]); ok && f < min {
			fail("%v is less than the minimum %v", x, min)
		}
		if max, ok := num(sch["maximum"]); ok && f > max {
			fail("%v is more than the maximum %v", x, max)
		}
	case string:
		if min, ok := num(sch["minLength"]); ok && float64(len([]rune(x))) < min {
			fail("string shorter than %v", min)
		}
		if p, ok := sch["pattern"].(string); ok && !s.regex[p].MatchString(x) {
			fail("%q does not match pattern %s", x, p)
		}
		if f, ok := sch["format"].(string); ok {
			if err := checkFormat(f, x); err != nil {
				fail("%q is not a valid %s: %v", x, f, err)
			}
		}
	}
}

func (s *Schema) validateObject(sch map[string]any, obj map[string]any, path string, errs *[]Error) {
	if req, ok := sch["required"].([]any); ok {
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				*errs = append(*errs, Error{Path: path, Message: fmt.Sprintf("missing required property %q", r)})
			}
		}
	}
	props, _ := sch["properties"].(map[string]any)
	pats, _ := sch["patternProperties"].(map[string]any)
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		val := obj[k]
		p := path + "/" + k
		matched := false
		if ps, ok := props[k].(map[string]any); ok {
			matched = true
			s.validate(ps, val, p, errs)
		}
		for pat, ps := range pats {
			if s.regex[pat].MatchString(k) {
				matched = true
				s.validate(ps.(map[string]any), val, p, errs)
			}
		}
		if matched {
			continue
		}
		switch ap := sch["additionalProperties"].(type) {
		case bool:
			if !ap {
				*errs = append(*errs, Error{Path: p, Message: "property not allowed here"})
			}
		case map[string]any:
			s.validate(ap, val, p, errs)
		}
	}
}

func checkFormat(f, s string) error {
	switch f {
	case "uri":
		u, err := url.Parse(s)
		if err != nil {
			return err
		}
		if u.Scheme == "" {
			return fmt.Errorf("no scheme")
		}
	case "uri-reference":
		if strings.ContainsAny(s, " \t\n\\") {
			return fmt.Errorf("contains a space or backslash")
		}
		for _, r := range s {
			if r > 0x7e {
				return fmt.Errorf("contains %q, which must be percent-encoded", r)
			}
		}
		_, err := url.Parse(s)
		return err
	case "date-time":
		_, err := time.Parse(time.RFC3339, s)
		return err
	}
	return nil
}

func typeMatches(t, v any) bool {
	switch t := t.(type) {
	case string:
		return isType(t, v)
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && isType(s, v) {
				return true
			}
		}
	}
	return false
}

func isType(t string, v any) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "number":
		_, ok := v.(json.Number)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		f, err := n.Float64()
		return err == nil && f == math.Trunc(f)
	}
	return false
}

func typeOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	case json.Number:
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// equal compares decoded JSON values, deeply; numbers compare by value
// (1 equals 1.0).
func equal(a, b any) bool {
	fa, oka := num(a)
	fb, okb := num(b)
	if oka || okb {
		return oka && okb && fa == fb
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}
