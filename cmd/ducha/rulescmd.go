package main

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"

	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/rules"
)

const rulesUsage = `用法:
  ducha rules list [选项]               列出规则:ID、级别、要求、依据
  ducha rules explain [选项] 规则ID     说明一条规则:查什么、为什么,不合格和合格的例子
  ducha rules validate [选项] 路径...   检查规则文件,有错误时逐条列出(文件:行:列)

运行 "ducha rules 子命令 --help" 查看选项。
`

const rulesListUsage = `用法:ducha rules list [选项]

列出规则,每条一行:规则 ID、级别(按配置调整后;关闭的显示 off)、要求、依据。

选项:
  --config 文件        配置文件(默认:当前目录或上级目录中最近的 .ducha.hcl)
  --rules 路径         追加规则文件,或目录中的 *.hcl(可重复)
  --no-builtin         不加载内置规则
  --disable 规则ID     关闭一条规则(可重复)
  --severity ID=级别   改变一条规则的级别为 error、warning 或 info;off 即关闭(可重复)
`

const rulesExplainUsage = `用法:ducha rules explain [选项] 规则ID

说明一条规则:要求、级别、依据、适用年度、定义在哪个文件,查什么、为什么,
一个不合格的例子(及 ducha 对它的检查结果)和一个合格的例子。

选项:
  --config 文件        配置文件(默认:当前目录或上级目录中最近的 .ducha.hcl)
  --rules 路径         追加规则文件,或目录中的 *.hcl(可重复)
  --no-builtin         不加载内置规则
`

const rulesValidateUsage = `用法:ducha rules validate [选项] 路径...

检查规则文件(或目录中的 *.hcl):语法、属性、正则表达式、级别、重复的规则 ID、
对 part 的引用,并用每条规则的 example_fail 和 example_pass 试运行:不合格的例子
必须触发本规则,合格的例子不能触发。与内置规则一起加载,因此也会发现与内置规则重名的 ID。
有错误时逐条列出“文件:行:列: error: 说明”,退出码为 2;没有错误时退出码为 0。

选项:
  --no-builtin         不与内置规则一起加载
`

// loaded is the rules as configured: the set, the configuration, and the
// Linter with rules disabled and severities changed.
type loaded struct {
	cfg      *config
	set      *rules.Set
	linter   *lint.Linter
	disabled map[string]bool
	severity map[string]lint.Severity
}

// load reads the configuration (--config, or the nearest .ducha.hcl) and
// the rules, and builds the Linter. It prints every mistake, with its
// file, line and column, and reports whether all went well.
func (c *cli) load(rf ruleFlags) (*loaded, bool) {
	return c.loadRules(rf, c.loadConfig(rf))
}

// A configLoad is the configuration file read, before the rules: its
// mistakes are printed with those of the rules, by loadRules.
type configLoad struct {
	cfg   *config // the zero configuration when there is no file
	files map[string]*hcl.File
	diags hcl.Diagnostics
}

// loadConfig reads the configuration: --config, or the nearest .ducha.hcl.
// A configuration with mistakes still loads the rules it names (loadRules),
// so that unknown rule ids are reported with the other mistakes.
func (c *cli) loadConfig(rf ruleFlags) *configLoad {
	cl := &configLoad{cfg: &config{builtin: true}}
	path := rf.config
	if path == "" {
		path = findConfig(c.workDir())
	}
	if path != "" {
		var p *hclparse.Parser
		cl.cfg, p, cl.diags = loadConfig(path)
		cl.files = p.Files()
	}
	return cl
}

// loadRules loads the rules the flags and the configuration name, and
// builds the Linter. It prints every mistake, the configuration's
// included, with its file, line and column, and reports whether all went
// well.
func (c *cli) loadRules(rf ruleFlags, cl *configLoad) (*loaded, bool) {
	prefix := "ducha: "
	if rf.cmd != "" {
		prefix = "ducha " + rf.cmd + ": "
	}
	// Loading rules allocates a few megabytes, most of it garbage by the
	// end (the rule files' syntax trees): collecting it while loading
	// costs a short-lived command more than it frees.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	ld := &loaded{cfg: cl.cfg, disabled: map[string]bool{}, severity: map[string]lint.Severity{}}
	cfgFiles, cfgDiags := cl.files, cl.diags
	builtin := ld.cfg.builtin && !rf.noBuiltin
	var srcs []rules.Source
	switch {
	case builtin && rf.lean:
		srcs = rules.BuiltinLean()
	case builtin:
		srcs = rules.Builtin() // each call copies the 175 KB of rule files
	}
	var missing []string
	for _, r := range rf.rules {
		if msg := missingRules(r); msg != "" {
			missing = append(missing, prefix+"--rules "+r+":"+msg+"。")
		}
	}
	if len(missing) > 0 {
		_ = rules.WriteDiagnostics(c.stderr, cfgFiles, cfgDiags)
		fmt.Fprintln(c.stderr, strings.Join(missing, "\n"))
		return nil, false
	}
	extra, err := rules.ReadFiles(append(append([]string(nil), ld.cfg.rules...), rf.rules...)...)
	if err != nil {
		_ = rules.WriteDiagnostics(c.stderr, cfgFiles, cfgDiags)
		fmt.Fprintf(c.stderr, "%s%v\n", prefix, err)
		return nil, false
	}
	if ld.cfg.file != nil {
		// its override blocks adjust the rules, as a rule pack's do
		extra = append(extra, rules.Source{Name: ld.cfg.path, Data: ld.cfg.file.Bytes, Config: true})
	}
	set, diags := rules.Load(append(srcs, extra...)...)
	if diags.HasErrors() && builtin && rf.lean {
		// The mistakes are in the other files; show them with the
		// built-in files as they are, should a message quote one.
		set, diags = rules.Load(append(rules.Builtin(), extra...)...)
	}
	if diags.HasErrors() {
		_ = rules.WriteDiagnostics(c.stderr, cfgFiles, cfgDiags)
		sortDiags(diags)
		_ = set.WriteDiagnostics(c.stderr, diags)
		return nil, false
	}
	ld.set = set
	cfgDiags = append(cfgDiags, ld.cfg.checkIDs(set)...)
	sortDiags(cfgDiags)
	if cfgDiags.HasErrors() {
		_ = rules.WriteDiagnostics(c.stderr, cfgFiles, cfgDiags)
		return nil, false
	}
	if err := ld.adjust(rf); err != nil {
		fmt.Fprintf(c.stderr, "%s%v\n", prefix, err)
		return nil, false
	}
	var opts []lint.Option
	for id := range ld.disabled {
		opts = append(opts, lint.Disable(id))
	}
	for id, s := range ld.severity {
		opts = append(opts, lint.SetSeverity(id, s))
	}
	l, err := set.Linter(opts...)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s%v\n", prefix, err)
		return nil, false
	}
	ld.linter = l
	return ld, true
}

// adjust merges which rules are off and their severities: the
// configuration's, then the flags' (--disable, --severity), which win.
func (ld *loaded) adjust(rf ruleFlags) error {
	for _, d := range ld.cfg.disable {
		ld.disabled[d.id] = true
	}
	for _, s := range ld.cfg.severity {
		if s.off {
			ld.disabled[s.id] = true // as disable
			continue
		}
		ld.severity[s.id] = s.severity
	}
	unknown := func(flag, id string) error {
		return fmt.Errorf("%s:没有 id 为 %q 的规则%s;运行 ducha rules list 查看所有规则。", flag, id, rules.Suggest(id, ld.set.Rules()))
	}
	for _, id := range rf.disable {
		if _, ok := ld.set.DeclRange(id); !ok {
			return unknown("--disable", id)
		}
		ld.disabled[id] = true
	}
	for _, kv := range rf.severity {
		id, level, found := strings.Cut(kv, "=")
		s, err := lint.ParseSeverity(level)
		off := strings.EqualFold(level, "off")
		if !found || err != nil && !off {
			return fmt.Errorf("--severity %q:应写成 规则ID=级别,级别为 error、warning、info 或 off(关闭),如 section/other=warning。", kv)
		}
		if _, ok := ld.set.DeclRange(id); !ok {
			return unknown("--severity", id)
		}
		if off {
			ld.disabled[id] = true // as --disable
			continue
		}
		ld.severity[id] = s
	}
	return nil
}

func (c *cli) workDir() string {
	if c.dir != "" {
		return c.dir
	}
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}

func (c *cli) rulesList(inv *invocation, rf *ruleFlags) int {
	if len(inv.args) > 0 {
		return inv.usageErr("多余的参数 %q", inv.args)
	}
	rf.lean, rf.cmd = true, inv.name // the list shows no documentation
	ld, ok := c.load(*rf)
	if !ok {
		return exitTrouble
	}
	width := 0
	for _, r := range ld.set.Rules() {
		width = max(width, len(r.ID))
	}
	var b strings.Builder
	for _, r := range ld.set.Rules() {
		sev := r.Severity.String()
		if s, ok := ld.severity[r.ID]; ok {
			sev = s.String()
		}
		if ld.disabled[r.ID] {
			sev = "off"
		}
		fmt.Fprintf(&b, "%-*s  %-7s  %s", width, r.ID, sev, r.Title)
		if r.Source != "" {
			fmt.Fprintf(&b, "  (依据:%s)", r.Source)
		}
		for _, o := range ld.set.Overrides(r.ID) {
			fmt.Fprintf(&b, "  (已由 %s:%d 调整)", o.Filename, o.Start.Line)
		}
		b.WriteString("\n")
	}
	fmt.Fprint(c.stdout, b.String())
	return exitOK
}

func (c *cli) rulesExplain(inv *invocation, rf *ruleFlags) int {
	if len(inv.args) != 1 {
		return inv.fail("请给出一个规则 ID,如 ducha rules explain section/deficiencies\n运行 \"ducha rules list\" 查看所有规则。")
	}
	id := inv.args[0]
	rf.cmd = inv.name
	ld, ok := c.load(*rf)
	if !ok {
		return exitTrouble
	}
	var r *lint.Rule
	for _, x := range ld.set.Rules() {
		if x.ID == id {
			r = x
		}
	}
	if r == nil {
		return inv.fail("没有 id 为 %q 的规则%s;运行 ducha rules list 查看所有规则。", id, rules.Suggest(id, ld.set.Rules()))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "级别:%s(%s)", r.Severity, r.Severity.Chinese())
	if s, ok := ld.severity[r.ID]; ok && s != r.Severity {
		fmt.Fprintf(&b, ";按配置改为 %s", s)
	}
	if ld.disabled[r.ID] {
		b.WriteString(";已按配置关闭")
	}
	b.WriteString("\n")
	if r.Source != "" {
		fmt.Fprintf(&b, "依据:%s\n", r.Source)
	}
	if r.Since != 0 || r.Until != 0 {
		fmt.Fprintf(&b, "适用:%s\n", yearSpan(r))
	}
	if rng, ok := ld.set.DeclRange(r.ID); ok {
		where := fmt.Sprintf("%s:%d", filepath.ToSlash(rng.Filename), rng.Start.Line)
		if strings.HasPrefix(rng.Filename, "builtin/") {
			where = "内置规则 " + where
		}
		fmt.Fprintf(&b, "定义:%s\n", where)
	}
	if r.Doc != "" {
		fmt.Fprintf(&b, "\n查什么、为什么:\n%s\n", indent(r.Doc, "  "))
	}
	// The examples run through all the rules, unconfigured, so that the
	// output shows what the rule itself reports.
	l, err := ld.set.Linter()
	if err != nil {
		return inv.fail("%v", err)
	}
	for _, ex := range []struct{ label, text string }{{"不合格的例子", r.ExampleFail}, {"合格的例子", r.ExamplePass}} {
		if ex.text == "" {
			continue
		}
		fmt.Fprintf(&b, "\n%s:\n%s\n  检查结果:", ex.label, indent(ex.text, "    "))
		res, err := l.Check(c.ctx, []byte(ex.text), lint.Options{})
		if err != nil {
			fmt.Fprintf(&b, "无法检查:%v\n", err)
			continue
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule == r.ID {
				fmt.Fprintf(&b, "\n    %d:%d: %s: %s [%s]", f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Message, f.Rule)
				n++
			}
		}
		if n == 0 {
			b.WriteString("本规则没有发现问题。")
		}
		b.WriteString("\n")
	}
	if r.ExampleFail == "" && r.ExamplePass == "" {
		b.WriteString("\n(规则文件没有给出 example_fail 和 example_pass。)\n")
	}
	fmt.Fprint(c.stdout, b.String())
	return exitOK
}

func (c *cli) rulesValidate(inv *invocation, noBuiltin bool) int {
	if len(inv.args) == 0 {
		return inv.usageErr("请给出要检查的规则文件或目录")
	}
	srcs, err := rules.ReadFiles(inv.args...)
	if err != nil {
		return inv.fail("%v", err)
	}
	all := srcs
	if !noBuiltin {
		all = append(rules.Builtin(), srcs...)
	}
	set, diags := rules.Load(all...)
	if !diags.HasErrors() {
		diags = append(diags, set.TestExamples(c.ctx)...)
	}
	if diags.HasErrors() {
		sortDiags(diags)
		_ = set.WriteDiagnostics(c.stderr, diags)
		return exitTrouble
	}
	own := 0
	names := map[string]bool{}
	for _, s := range srcs {
		names[s.Name] = true
	}
	for _, r := range set.Rules() {
		if rng, ok := set.DeclRange(r.ID); ok && names[rng.Filename] {
			own++
		}
	}
	fmt.Fprintf(c.stdout, "规则文件没有问题:%d 个文件,%d 条规则。\n", len(srcs), own)
	return exitOK
}

// indent prefixes every line of s.
func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// yearSpan says which report years a rule applies to.
func yearSpan(r *lint.Rule) string {
	switch {
	case r.Since != 0 && r.Until != 0:
		return fmt.Sprintf("%d—%d年度的报告", r.Since, r.Until)
	case r.Since != 0:
		return fmt.Sprintf("%d年度及以后的报告", r.Since)
	}
	return fmt.Sprintf("%d年度及以前的报告", r.Until)
}

// sortDiags orders diagnostics by file and position, as the reader reads
// the file.
func sortDiags(diags hcl.Diagnostics) {
	slices.SortStableFunc(diags, func(a, b *hcl.Diagnostic) int {
		if a.Subject == nil || b.Subject == nil { // those without a position first
			return cmp.Compare(bool2int(a.Subject != nil), bool2int(b.Subject != nil))
		}
		return cmp.Or(
			cmp.Compare(a.Subject.Filename, b.Subject.Filename),
			cmp.Compare(a.Subject.Start.Byte, b.Subject.Start.Byte),
		)
	})
}

func bool2int(b bool) int {
	if b {
		return 1
	}
	return 0
}
