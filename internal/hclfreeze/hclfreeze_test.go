package hclfreeze

import (
	"fmt"
	"go/parser"
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

const sample = `# a comment
rule "one" "two" {
  title   = "标题,全角：字"
  doc     = <<-EOT
    documentation
    EOT
  n       = 3.25
  neg     = -2
  yes     = true
  no      = false
  list    = ["a", "b\n", 1, [true]]
  empty   = []
  message = "共 ${count} 项,${x.y.z}"
  wrap    = "${count}"
  when    = (a + b) * 2 >= max(c, 1) && !(d < 3) || e != 0
  ref     = example.complete
  index   = l[0]
  object  = { k = "v" }
  cond    = a > 1 ? "x" : "y"

  inner {
    deep = "x"
  }
  inner {}
}

example "e" {
  text = "blanked"
}
`

var ctx = &hcl.EvalContext{
	Variables: map[string]cty.Value{
		"count": cty.NumberIntVal(7), "a": cty.NumberIntVal(2), "l": cty.ListVal([]cty.Value{cty.NumberIntVal(2)}), "b": cty.NumberIntVal(3), "c": cty.NumberIntVal(4),
		"d": cty.NumberIntVal(5), "e": cty.NumberIntVal(0),
		"x":       cty.ObjectVal(map[string]cty.Value{"y": cty.ObjectVal(map[string]cty.Value{"z": cty.StringVal("Z")})}),
		"example": cty.ObjectVal(map[string]cty.Value{"complete": cty.StringVal("C")}),
	},
	Functions: map[string]function.Function{"max": stdlib.MaxFunc},
}

func blank(path []string, attr string) bool {
	return attr == "doc" || attr == "text" && len(path) == 1 && path[0] == "example"
}

// freezeSample parses the sample and freezes it, blanking blank.
func freezeSample(t *testing.T) (src []byte, f *hcl.File, ff File) {
	t.Helper()
	src = []byte(sample)
	f, d := hclsyntax.ParseConfig(src, "s.hcl", hcl.InitialPos)
	if d.HasErrors() {
		t.Fatal(d)
	}
	ff, err := Freeze("s.hcl", src, f.Body.(*hclsyntax.Body), Options{Blank: blank})
	if err != nil {
		t.Fatal(err)
	}
	return src, f, ff
}

// TestRoundTrip freezes a file with every kind of expression, checks that
// the Go source written is valid Go, and that the thawed syntax has the
// blocks, labels, ranges and attributes of the parsed one, each attribute
// with the same value (under a context that defines every variable), the
// same variables and the same range; blanked attributes are "".
func TestRoundTrip(t *testing.T) {
	src, f, ff := freezeSample(t)
	gosrc, err := Write("p", "files", "a test", []File{ff})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "x.go", gosrc, 0); err != nil {
		t.Fatalf("Write gives invalid Go: %v", err)
	}
	kinds := map[uint8]bool{}
	var collect func(e Expr)
	collect = func(e Expr) {
		kinds[e.Kind] = true
		for _, el := range e.Elems {
			collect(el)
		}
	}
	for _, a := range ff.Body.Blocks[0].Body.Attrs {
		collect(a.Expr)
	}
	for k := range kindNames {
		if !kinds[uint8(k)] {
			t.Errorf("the sample has no expression of kind %s", kindNames[k])
		}
	}

	g, d := Thaw(&ff, src)
	if d.HasErrors() {
		t.Fatal(d)
	}
	if string(g.Bytes) != sample {
		t.Error("Thaw does not keep the source")
	}
	compareBodies(t, f.Body.(*hclsyntax.Body), g.Body.(*hclsyntax.Body), nil)
}

func compareBodies(t *testing.T, want, got *hclsyntax.Body, path []string) {
	t.Helper()
	if want.SrcRange != got.SrcRange || want.EndRange != got.EndRange {
		t.Errorf("%v: body at %v–%v, thawed %v–%v", path, want.SrcRange, want.EndRange, got.SrcRange, got.EndRange)
	}
	if len(want.Attributes) != len(got.Attributes) {
		t.Errorf("%v: %d attributes, thawed %d", path, len(want.Attributes), len(got.Attributes))
	}
	for name, wa := range want.Attributes {
		ga, ok := got.Attributes[name]
		if !ok {
			t.Errorf("%v: no attribute %s thawed", path, name)
			continue
		}
		if wa.SrcRange != ga.SrcRange || wa.NameRange != ga.NameRange || wa.EqualsRange != ga.EqualsRange || wa.Expr.Range() != ga.Expr.Range() {
			t.Errorf("%v %s: ranges differ", path, name)
		}
		// a string's StartRange is the whole string's, not its first part's
		if _, str := ga.Expr.(*Literal); !str && wa.Expr.StartRange() != ga.Expr.StartRange() {
			t.Errorf("%v %s: start ranges differ", path, name)
		}
		wv, wd := wa.Expr.Value(ctx)
		gv, gd := ga.Expr.Value(ctx)
		if wd.HasErrors() || gd.HasErrors() {
			t.Errorf("%v %s: %v / %v", path, name, wd, gd)
			continue
		}
		if blank(path, name) {
			wv = cty.StringVal("")
		}
		if s, ok := Text(ga.Expr); ok && !wv.RawEquals(cty.StringVal(s)) {
			t.Errorf("%v %s: Text %q, want %#v", path, name, s, wv)
		}
		if ss, ok := Texts(ga.Expr); ok {
			want, _ := wa.Expr.Value(ctx)
			var ws []string
			for _, v := range want.AsValueSlice() {
				ws = append(ws, v.AsString())
			}
			if fmt.Sprintf("%q", ss) != fmt.Sprintf("%q", ws) {
				t.Errorf("%v %s: Texts %q, want %q", path, name, ss, ws)
			}
		}
		if !wv.RawEquals(gv) {
			t.Errorf("%v %s = %#v, thawed %#v", path, name, wv, gv)
		}
		if w, g := vars(wa.Expr), vars(ga.Expr); w != g {
			t.Errorf("%v %s: variables %s, thawed %s", path, name, w, g)
		}
	}
	if len(want.Blocks) != len(got.Blocks) {
		t.Fatalf("%v: %d blocks, thawed %d", path, len(want.Blocks), len(got.Blocks))
	}
	for i, wb := range want.Blocks {
		gb := got.Blocks[i]
		if wb.Type != gb.Type || !cmp.Equal(wb.Labels, gb.Labels) || !cmp.Equal(wb.LabelRanges, gb.LabelRanges) ||
			wb.TypeRange != gb.TypeRange || wb.OpenBraceRange != gb.OpenBraceRange || wb.CloseBraceRange != gb.CloseBraceRange || wb.DefRange() != gb.DefRange() {
			t.Errorf("%v: block %d differs: %#v, thawed %#v", path, i, wb, gb)
		}
		compareBodies(t, wb.Body, gb.Body, append(path[:len(path):len(path)], wb.Type))
	}
}

// FuzzRoundTrip checks the round trip on any file HCL parses.
func FuzzRoundTrip(f *testing.F) {
	f.Add(sample)
	f.Add(`a = "${b}${c}"` + "\n")
	f.Add("x {\n y = [1, 2.5e3, -0]\n}\n")
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		file, d := hclsyntax.ParseConfig(src, "f.hcl", hcl.InitialPos)
		if d.HasErrors() {
			return
		}
		ff, err := Freeze("f.hcl", src, file.Body.(*hclsyntax.Body), Options{})
		if err != nil {
			return // an expression that does not parse on its own
		}
		g, d := Thaw(&ff, src)
		if d.HasErrors() {
			t.Fatalf("thaw: %v", d)
		}
		compareFuzz(t, file.Body.(*hclsyntax.Body), g.Body.(*hclsyntax.Body))
	})
}

// compareFuzz compares what can be compared without a context: ranges,
// variables, and the values of the attributes that have none.
func compareFuzz(t *testing.T, want, got *hclsyntax.Body) {
	for name, wa := range want.Attributes {
		ga := got.Attributes[name]
		if ga == nil || wa.Expr.Range() != ga.Expr.Range() || vars(wa.Expr) != vars(ga.Expr) {
			t.Fatalf("%s differs", name)
		}
		wv, wd := wa.Expr.Value(nil)
		gv, gd := ga.Expr.Value(nil)
		if wd.HasErrors() != gd.HasErrors() || !wd.HasErrors() && !wv.RawEquals(gv) {
			t.Fatalf("%s = %#v (%v), thawed %#v (%v)", name, wv, wd, gv, gd)
		}
	}
	if len(want.Blocks) != len(got.Blocks) {
		t.Fatal("blocks differ")
	}
	for i := range want.Blocks {
		compareFuzz(t, want.Blocks[i].Body, got.Blocks[i].Body)
	}
}

// vars prints the variables an expression refers to, with their ranges.
func vars(e hcl.Expression) string {
	var out []string
	for _, tr := range e.Variables() {
		for _, st := range tr {
			switch st := st.(type) {
			case hcl.TraverseRoot:
				out = append(out, fmt.Sprintf("%s@%v", st.Name, st.SrcRange))
			case hcl.TraverseAttr:
				out = append(out, fmt.Sprintf(".%s@%v", st.Name, st.SrcRange))
			case hcl.TraverseIndex:
				out = append(out, fmt.Sprintf("[%s]@%v", st.Key.GoString(), st.SrcRange))
			default:
				out = append(out, fmt.Sprintf("%T@%v", st, st.SourceRange()))
			}
		}
		out = append(out, ";")
	}
	return fmt.Sprint(out)
}

// TestFrozen checks which thawed attributes say they are frozen: strings
// and templates, not what the parser built.
func TestFrozen(t *testing.T) {
	src, f, ff := freezeSample(t)
	g, _ := Thaw(&ff, src)
	thawed := g.Body.(*hclsyntax.Body).Blocks[0].Body.Attributes
	parsed := f.Body.(*hclsyntax.Body).Blocks[0].Body.Attributes
	for name, want := range map[string]bool{"title": true, "message": true, "n": false, "wrap": false, "when": false, "list": false} {
		if got := Frozen(thawed[name].Expr); got != want {
			t.Errorf("%s: Frozen %v, want %v", name, got, want)
		}
		if Frozen(parsed[name].Expr) {
			t.Errorf("%s: the parsed expression says it is frozen", name)
		}
	}
}
