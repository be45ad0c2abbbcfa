package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	_ "github.com/ducha-dev/ducha/checks" // the kinds of check register in its init functions
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/hclfreeze"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/lint"
)

// A Source is one rule file's name (used in diagnostics) and contents.
type Source struct {
	Name string
	Data []byte
	// Config marks a configuration file (.ducha.hcl): Load reads only its
	// override blocks, and leaves its other settings to the caller.
	Config bool

	builtin bool // one of Builtin's: its checks are layer 0
	// frozen is the file's syntax compiled into the program (BuiltinLean),
	// which Load thaws instead of parsing Data.
	frozen *hclfreeze.File
}

// MaxFileSize is the largest rule file Load accepts. Rule packs are small;
// anything larger is a mistake (a report passed as rules, say).
const MaxFileSize = 1 << 20

//go:embed builtin/*.hcl
var builtinFS embed.FS

// Builtin returns the built-in rule set's sources: the requirements of
// 《法治政府建设与责任落实督察工作规定》 and the standards around it.
func Builtin() []Source {
	names, _ := fs.Glob(builtinFS, "builtin/*.hcl")
	sort.Strings(names)
	srcs := make([]Source, 0, len(names))
	for _, n := range names {
		b, _ := builtinFS.ReadFile(n)
		srcs = append(srcs, Source{Name: n, Data: b, builtin: true})
	}
	return srcs
}

// ReadFiles reads rule files. A directory stands for the *.hcl files in it.
func ReadFiles(paths ...string) ([]Source, error) {
	var srcs []Source
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("读取规则文件失败:%w", err)
		}
		files := []string{p}
		if st.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*.hcl"))
			if len(files) == 0 {
				return nil, fmt.Errorf("规则目录 %s 中没有 .hcl 文件", p)
			}
			sort.Strings(files)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("读取规则文件失败:%w", err)
			}
			srcs = append(srcs, Source{Name: f, Data: b})
		}
	}
	return srcs, nil
}

// A Set is a loaded rule pack: the rules, the part specs and the checks
// compiled from them, ready to build a Linter. Everything that can be done
// before a report is seen (patterns and templates checked) is done; the
// patterns themselves are compiled when a check first needs them (a rule
// pack's are compiled once here, to be checked).
type Set struct {
	rules  []*lint.Rule
	parts  []document.PartSpec
	checks []lint.Check
	decl   map[string]hcl.Range
	// examples locates each rule's example_fail and example_pass, for
	// TestExamples' diagnostics.
	examples map[string][2]hcl.Range
	// shared are the example blocks, by name; exRefs the rules' references
	// to them, resolved once every file has loaded.
	shared map[string]sharedExample
	exRefs []exampleRef
	refs   []partRef // to resolve once every file has loaded
	parser *hclparse.Parser

	// what the registered kinds' blocks left to do once every file has
	// loaded (kinds.go), and the store their blocks share
	hooks      []func(kind.Resolver)
	unchecked  []uncheckedRule
	kindShared map[string]any

	// layers[i] is the layer of checks[i]: 0 for the built-in files, n for
	// the nth other file (see lint.Config.Layers); layer is the current
	// file's, while it decodes.
	layers []int
	layer  int

	// override blocks by rule id, the ids in the order first met, and
	// where each overridden rule's overrides are (override.go)
	overrides     map[string][]*hcl.Block
	overrideOrder []string
	overridden    map[string][]hcl.Range
}

// Rules returns the rules in declaration order.
func (s *Set) Rules() []*lint.Rule { return s.rules }

// DeclRange returns where rule id is declared (its block's header), and
// whether the set has it.
func (s *Set) DeclRange(id string) (hcl.Range, bool) {
	r, ok := s.decl[id]
	return r, ok
}

// Files returns the parsed rule files by name, for printing diagnostics
// with source excerpts (hcl.NewDiagnosticTextWriter).
func (s *Set) Files() map[string]*hcl.File { return s.parser.Files() }

// Config returns the set as a Linter configuration.
func (s *Set) Config() lint.Config {
	return lint.Config{Rules: s.rules, Parts: s.parts, Checks: s.checks, Layers: s.layers}
}

// Linter builds a Linter from the set.
func (s *Set) Linter(opts ...lint.Option) (*lint.Linter, error) {
	return lint.New(s.Config(), opts...)
}

// topSchema is the blocks a rule file may hold: override and example
// blocks, and the block types of the registered kinds of check (package
// internal/kind), built on first use (the kinds register in init
// functions).
var topSchema = sync.OnceValue(func() *hcl.BodySchema {
	s := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{overrideHeader, {Type: "example", LabelNames: []string{"name"}}}}
	var types []string
	for _, k := range kind.All() {
		if !slices.Contains(types, k.Block) {
			types = append(types, k.Block)
		}
	}
	sort.Strings(types)
	for _, t := range types {
		s.Blocks = append(s.Blocks, hcl.BlockHeaderSchema{Type: t, LabelNames: []string{"name"}})
	}
	return s
})

// validName reports whether a rule name is lower-case letters, digits and
// hyphens, not starting with a hyphen (^[a-z0-9][a-z0-9-]*$).
func validName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return name != ""
}

// Load parses and compiles rule files. The set is returned even when there
// are errors, so Files can show their source; use it only when
// !diags.HasErrors(). Every mistake is a diagnostic with the file, line and
// column: syntax errors, unknown blocks or attributes, values of the wrong
// type, bad regular expressions, unknown severities, duplicate rule ids.
// Diagnostics are in Chinese, HCL's own ones translated (translate.go).
func Load(srcs ...Source) (*Set, hcl.Diagnostics) {
	s := &Set{decl: map[string]hcl.Range{}, examples: map[string][2]hcl.Range{}, shared: map[string]sharedExample{}, parser: hclparse.NewParser(), kindShared: map[string]any{},
		overrides: map[string][]*hcl.Block{}, overridden: map[string][]hcl.Range{}}
	var diags hcl.Diagnostics
	if len(srcs) == 0 {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "No rule files", Detail: "没有给出任何规则文件。"})
	}
	parsed := parseAll(srcs)
	// First every file's blocks, so that the overrides are known before
	// the rules they change decode, whatever the files' order.
	contents := make([]*hcl.BodyContent, len(srcs))
	for i, src := range srcs {
		start := hcl.Range{Filename: src.Name, Start: hcl.InitialPos, End: hcl.InitialPos}
		if len(src.Data) > MaxFileSize {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Rule file too large",
				Detail: fmt.Sprintf("规则文件有 %d 字节,超过上限 %d 字节;请确认给出的是 .hcl 规则文件而不是报告。", len(src.Data), MaxFileSize), Subject: &start})
			continue
		}
		// as hclparse.Parser.ParseHCL: a name seen before gets the file
		// parsed first, and no diagnostics
		f, d := s.parser.Files()[src.Name], hcl.Diagnostics(nil)
		if f == nil {
			f, d = parsed[i].file, parsed[i].diags
			s.parser.AddFile(src.Name, f)
		}
		diags = append(diags, d...)
		if f == nil || d.HasErrors() {
			continue
		}
		if src.Config {
			c, _, d := f.Body.PartialContent(configSchema)
			diags = append(diags, d...)
			s.collectOverrides(c.Blocks, &diags)
			continue
		}
		c, d := bodyContent(f.Body, topSchema())
		diags = append(diags, d...)
		if len(c.Blocks) == 0 && !d.HasErrors() {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Empty rule file",
				Detail: "规则文件中没有任何规则;请写 part、title、numeric、relation 等规则块,或不要加载此文件。", Subject: &start})
		}
		s.collectOverrides(c.Blocks, &diags)
		contents[i] = c
	}
	packs := 0
	for i, c := range contents {
		if c == nil {
			continue
		}
		s.layer = 0
		if !srcs[i].builtin {
			packs++
			s.layer = packs
		}
		for _, b := range c.Blocks {
			if b.Type == "override" {
				continue
			}
			if name := b.Labels[0]; !validName(name) {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid rule name",
					Detail:  fmt.Sprintf("规则名 %q 无效:只能用小写英文字母、数字和连字符,如 \"responsible-person\"。", name),
					Subject: b.LabelRanges[0].Ptr()})
				continue
			}
			switch k, ok := kind.Lookup(b.Type, b.Labels[0]); {
			case ok:
				decodeKind(k, s.applyOverrides(b), s, &diags)
			case b.Type == "example":
				decodeExample(b, s, &diags) // examples.go
			default:
				unknownLabel(b, &diags)
			}
		}
	}
	s.unusedOverrides(&diags)
	s.resolveRefs(&diags)
	s.resolveExamples(&diags)
	s.resolveKinds(&diags)
	translate(diags)
	return s, diags
}

// parsedFile is a rule file's syntax and diagnostics.
type parsedFile struct {
	file  *hcl.File
	diags hcl.Diagnostics
}

// parseAll parses the sources that Load will parse (not too large, the
// first of each name), on as many cores as there are: parsing is most of
// loading, and each file parses on its own.
func parseAll(srcs []Source) []parsedFile {
	out := make([]parsedFile, len(srcs))
	var todo []int
	seen := map[string]bool{}
	for i, src := range srcs {
		if len(src.Data) <= MaxFileSize && !seen[src.Name] {
			seen[src.Name] = true
			todo = append(todo, i)
		}
	}
	parse := func(i int) {
		f, d := hclsyntax.ParseConfig(srcs[i].Data, srcs[i].Name, hcl.InitialPos)
		out[i] = parsedFile{f, d}
	}
	// frozen files thaw in microseconds: no need for other cores
	k := 0
	for _, i := range todo {
		if fz := srcs[i].frozen; fz != nil {
			f, d := hclfreeze.Thaw(fz, srcs[i].Data)
			out[i] = parsedFile{f, d}
			continue
		}
		todo[k] = i
		k++
	}
	todo = todo[:k]
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	if workers <= 1 {
		for _, i := range todo {
			parse(i)
		}
		return out
	}
	// largest first, so the big files do not come last
	slices.SortStableFunc(todo, func(a, b int) int { return len(srcs[b].Data) - len(srcs[a].Data) })
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				parse(i)
			}
		})
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// resolveRefs diagnoses references to parts no file declares.
func (s *Set) resolveRefs(diags *hcl.Diagnostics) {
	declared := map[string]bool{}
	var names []string
	for _, p := range s.parts {
		declared[p.Name] = true
		names = append(names, p.Name)
	}
	for _, r := range s.refs {
		for _, n := range r.names {
			if !declared[n] {
				*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown part",
					Detail:  fmt.Sprintf("没有名为 %q 的 part;已声明的 part 有:%s。", n, strings.Join(names, "、")),
					Subject: r.rng.Ptr()})
			}
		}
	}
}

// add registers a rule and its check (nil for a rule that only relations
// report under), diagnosing a duplicate id; it reports whether the rule was
// added.
func (s *Set) add(rule *lint.Rule, bd *body, diags *hcl.Diagnostics, c lint.Check) bool {
	b := bd.block
	if prev, ok := s.decl[rule.ID]; ok {
		*diags = append(*diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Duplicate rule id",
			Detail:  fmt.Sprintf("规则 %s 已在 %s 定义过;每个规则 id 只能定义一次。要调整已有的规则,请写 override %q { … },只写要改的属性;要另加一条规则,请改用别的名字。", rule.ID, prev, rule.ID),
			Subject: b.DefRange.Ptr()})
		return false
	}
	s.decl[rule.ID] = b.DefRange
	s.examples[rule.ID] = exampleRanges(b)
	s.exRefs = append(s.exRefs, bd.exRefs...)
	s.rules = append(s.rules, rule)
	if c != nil {
		s.addCheck(c)
	}
	return true
}

// addCheck adds a check of the file being decoded.
func (s *Set) addCheck(c lint.Check) {
	s.checks = append(s.checks, c)
	s.layers = append(s.layers, s.layer)
}

// rule reads the attributes every rule has.
func (b *body) rule(id string, def lint.Severity) *lint.Rule {
	r := &lint.Rule{
		ID:       id,
		Title:    b.str("title", ""),
		Source:   b.str("source", ""),
		Doc:      strings.TrimSpace(b.str("doc", "")),
		Severity: b.severity("severity", def),
		Since:    b.integer("since", 0, 1949, 2100),
		Until:    b.integer("until", 0, 1949, 2100),
	}
	r.ExampleFail = b.example("example_fail", r)
	r.ExamplePass = b.example("example_pass", r)
	if r.Since != 0 && r.Until != 0 && r.Until < r.Since {
		b.errorf(b.attrs["until"].Expr.Range(), "Invalid year range", "until(%d)早于 since(%d)。", r.Until, r.Since)
	}
	return r
}
