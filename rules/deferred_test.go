package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// TestLeanCompilesOnUse checks that loading the lean built-in rules, and
// building their Linter, compiles none of their patterns, and that
// checking a seed compiles only some: those whose literals the text has.
// The per-seed counts are logged (go test -v -run TestLeanCompilesOnUse).
func TestLeanCompilesOnUse(t *testing.T) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(seeds) == 0 {
		t.Fatal("no seeds")
	}
	for _, f := range seeds {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		set, diags := Load(BuiltinLean()...)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		l, err := set.Linter()
		if err != nil {
			t.Fatal(err)
		}
		all := setPatterns(set)
		if len(all) < 100 {
			t.Fatalf("found %d patterns in the built-in rules: the walk misses some", len(all))
		}
		for _, re := range all {
			if re.Compiled() || !re.IsDeferred() {
				t.Fatalf("pattern %q compiled at load (deferred %v)", re, re.IsDeferred())
			}
		}
		if _, err := l.Check(t.Context(), src, lint.Options{}); err != nil {
			t.Fatal(err)
		}
		after := setPatterns(set) // and the anchored forms made on first use
		n := 0
		for _, re := range after {
			if re.Compiled() {
				n++
			}
		}
		t.Logf("%s: %d of %d patterns compiled (the rules hold %d after loading, none compiled; checking anchors some)", filepath.Base(f), n, len(after), len(all))
		if n == 0 || n > len(after)/2 {
			t.Errorf("%s: checking compiled %d of %d patterns", filepath.Base(f), n, len(after))
		}
	}
}

// setPatterns returns the distinct match.Regexps the set's part specs and
// checks hold, in exported fields or not.
func setPatterns(s *Set) []*match.Regexp {
	w := walker{seen: map[uintptr]bool{}}
	w.walk(reflect.ValueOf(&s.parts).Elem())
	w.walk(reflect.ValueOf(&s.checks).Elem())
	return w.found
}

type walker struct {
	seen  map[uintptr]bool
	found []*match.Regexp
}

var regexpType = reflect.TypeFor[*match.Regexp]()

// walk visits v, which is addressable, and what it points to within the
// module's own types.
func (w *walker) walk(v reflect.Value) {
	if v.Type() == regexpType {
		if re := *(**match.Regexp)(unsafe.Pointer(v.UnsafeAddr())); re != nil && !w.seen[uintptr(unsafe.Pointer(re))] {
			w.seen[uintptr(unsafe.Pointer(re))] = true
			w.found = append(w.found, re)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || !ours(v.Type().Elem()) || w.seen[v.Pointer()] {
			return
		}
		w.seen[v.Pointer()] = true
		w.walk(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			e := v.Elem()
			if e.Kind() == reflect.Pointer && ours(e.Type().Elem()) && !w.seen[e.Pointer()] {
				w.seen[e.Pointer()] = true
				w.walk(e.Elem())
			}
		}
	case reflect.Struct:
		if ours(v.Type()) {
			for i := range v.NumField() {
				w.walk(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if holds(v.Type().Elem()) {
			for i := range v.Len() {
				w.walk(v.Index(i))
			}
		}
	}
}

// ours reports whether t is one of the module's types.
func ours(t reflect.Type) bool {
	return strings.HasPrefix(t.PkgPath(), "github.com/ducha-dev/ducha")
}

// holds reports whether values of t can lead to a match.Regexp.
func holds(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Array:
		return true
	case reflect.Struct:
		return ours(t)
	}
	return false
}
