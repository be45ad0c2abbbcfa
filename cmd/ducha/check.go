package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ducha-dev/ducha/dates"
	"github.com/ducha-dev/ducha/decode"
	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
)

const checkUsage = `用法:ducha check [选项] 路径...

检查法治政府建设年度报告。路径可以是文件、目录(检查其中及子目录中的报告:.txt .docx .doc .wps
.odt .pdf .ofd .html .htm .mht .mhtml,.rtf 会列为无法读取并给出转换建议)或 -(从标准输入读
一份报告)。文件格式按内容判断,不看扩展名。多个文件并行检查,结果按给出的顺序输出(目录中按文件名排序)。
无法读取的文件会报告出来,其他文件照常检查。

输出:
  --format 格式        text(默认)每个问题一行“文件:行:列: 级别: 说明 [规则]”,列按字符计
                       json     供其他程序读取的 JSON 文档
                       sarif    SARIF 2.1.0,供 GitHub 代码扫描等使用
                       github   GitHub Actions 的注释命令(::error file=…)
                       checklist 每个文件一张要求清单(Markdown 表格,✓ ⓘ ⚠ ✗ —)
                       html     一个独立的网页报告(一般用 --output 写到文件):正文中标出每个问题,
                                旁边列出问题和要求清单,可按级别、规则筛选;多个文件时先列总表
                       docx     报告的批注副本(须用 --output,只能一份报告):每个问题一条
                                Word 批注,标在问题所在的文字上;.docx 报告的其他内容原样保留,
                                其他格式的报告生成新的 .docx;被检查的报告不会被改写
  --summary 格式       csv 或 markdown:每个文件一行、每条规则一列的汇总表,写到标准输出;
                       不给 --format 时只输出汇总表,给了则先输出 --format 的结果
                       (json、sarif、html 须用 --output 写到文件)
  --output 文件        把 --format 的结果写到文件,而不是标准输出
  --details            text 格式下,在问题下面另起缩进的行,写出建议的改法(“  建议改为“…””)
                       和相关的位置(“  另见 行:列: …”);不给时每个问题只占一行
  --color 何时         auto(默认:标准输出是终端且未设置 NO_COLOR 时着色)、always、never
  --quiet              不显示进度(检查多个文件且标准错误是终端时,显示已检查的文件数)

规则与配置:
  --config 文件        配置文件(默认:当前目录或上级目录中最近的 .ducha.hcl)
  --rules 路径         追加规则文件,或目录中的 *.hcl(可重复)
  --no-builtin         不加载内置规则
  --disable 规则ID     关闭一条规则(可重复)
  --severity ID=级别   改变一条规则的级别为 error、warning 或 info;off 即关闭(可重复)
  --fail-on 级别       有这一级别或更严重的问题时退出码为 1:error(默认)、warning、info

输入:
  --include 模式       目录中要检查的文件(可重复;默认 *.txt *.docx *.doc *.wps *.odt *.rtf
                       *.pdf *.ofd *.html *.htm *.mht *.mhtml)
  --exclude 模式       目录中要跳过的文件;以 / 结尾的只匹配目录,如 old/(可重复)
  --year 年份          所报告的年度,用于所有文件,代替从标题或正文读出的年度
  --published 日期     报告的发布日期(如 2024-03-20),用于所有文件,代替网页上的发布日期
  --stdin-name 名称    标准输入在输出中的名称(默认 <stdin>)
  --max-size 大小      单个文件的大小上限,如 64M、500K、1.5M(默认 64M);单位 K、M、G,
                       也可写 KB、MB、GB 或 KiB、MiB、GiB,均按 1024 进位;不写单位为字节
  --encoding 编码      文本文件的编码,无法自动识别时使用:gb18030、gbk、big5、utf-16le 等
                       (先自动识别:BOM、UTF-8、网页的 charset、UTF-16,都不成时才用它)
  --force-encoding 编码 一律按这个编码读文本文件和网页,不自动识别(只有 BOM 优先)
  --jobs N             同时检查的文件数(默认为 CPU 数)

模式按文件名匹配,含 / 时按相对于所给目录的路径匹配,不分大小写;以 . 开头的文件和目录、
Word 的临时文件(~$*)不检查。直接给出的文件总会检查。命令行选项优先于配置文件。

退出码:0 没有达到 --fail-on 级别的问题;1 有;2 用法错误、有文件无法读取、规则或配置有误。
`

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// ruleFlags are the flags of every command that loads rules.
type ruleFlags struct {
	config    string
	rules     listFlag
	noBuiltin bool
	disable   listFlag
	severity  listFlag

	// lean loads the built-in rules without their documentation and
	// examples (rules.BuiltinLean), for a command that does not show them.
	lean bool
	// cmd is the command's name, for the "ducha NAME:" of its messages.
	cmd string
}

// registerSources registers the flags that say which rules load.
func (r *ruleFlags) registerSources(fs *flag.FlagSet) {
	fs.StringVar(&r.config, "config", "", "配置文件")
	fs.Var(&r.rules, "rules", "追加的规则文件或目录")
	fs.BoolVar(&r.noBuiltin, "no-builtin", false, "不加载内置规则")
}

// register registers those and the flags that adjust the rules.
func (r *ruleFlags) register(fs *flag.FlagSet) {
	r.registerSources(fs)
	fs.Var(&r.disable, "disable", "关闭的规则")
	fs.Var(&r.severity, "severity", "ID=级别")
}

// checkFlags are check's flags as the flag package fills them; parse
// checks their values and converts them into checkOptions.
type checkFlags struct {
	ruleFlags
	format, summary, output, color string
	failOn, stdinName, maxSize     string
	encoding, forceEncoding        string
	published                      string
	year, jobs                     int
	include, exclude               listFlag
	quiet, details                 bool
}

func (c *checkFlags) register(fs *flag.FlagSet) {
	c.ruleFlags.register(fs)
	fs.StringVar(&c.format, "format", "text", "输出格式")
	fs.StringVar(&c.summary, "summary", "", "汇总表格式")
	fs.StringVar(&c.output, "output", "", "输出文件")
	fs.StringVar(&c.color, "color", "auto", "着色")
	fs.StringVar(&c.failOn, "fail-on", "", "失败级别")
	fs.StringVar(&c.stdinName, "stdin-name", "<stdin>", "标准输入的名称")
	fs.StringVar(&c.maxSize, "max-size", "", "文件大小上限")
	fs.StringVar(&c.encoding, "encoding", "", "文本编码")
	fs.StringVar(&c.forceEncoding, "force-encoding", "", "强制的文本编码")
	fs.IntVar(&c.year, "year", 0, "报告年度")
	fs.StringVar(&c.published, "published", "", "发布日期")
	fs.IntVar(&c.jobs, "jobs", runtime.GOMAXPROCS(0), "并行数")
	fs.Var(&c.include, "include", "要检查的文件模式")
	fs.Var(&c.exclude, "exclude", "要跳过的文件模式")
	fs.BoolVar(&c.quiet, "quiet", false, "不显示进度")
	fs.BoolVar(&c.details, "details", false, "写出建议的改法和相关位置")
}

// Report years accepted from flags and configuration.
const minYear, maxYear = 1949, 2100

func (c *cli) check(inv *invocation, cf *checkFlags) int {
	opts, err := cf.parse(inv.args, inv.given)
	if err != nil {
		return inv.usageErr("%v", err)
	}
	cf.lean = cf.format != "sarif" // SARIF shows the rules' documentation
	cf.cmd = inv.name
	cl := c.loadConfig(cf.ruleFlags)
	plan := opts.merge(cl.cfg, c.stdin)
	inputs, inputErr := plan.walk.expand(opts.paths)
	if inputErr == nil && c.exits && smallInputs(inputs) {
		c.collectLess()
	}
	// The reports are read and parsed while the rules load; a mistake in
	// the configuration or the arguments is reported once they have (as
	// it would be without), and the reading abandoned.
	prog := newProgress(c.stderr, len(inputs), opts.quiet, c.getenv)
	plan.read.done = prog.fileDone
	var run *pending
	if inputErr == nil && !cl.diags.HasErrors() && !opts.docx {
		run = startCheck(c.ctx, inputs, opts.jobs, plan.read)
	}
	ld, ok := c.loadRules(cf.ruleFlags, cl)
	if !ok {
		run.abandon()
		return exitTrouble
	}
	if inputErr != nil {
		return inv.usageErr("%v", inputErr)
	}
	if run == nil && !opts.docx {
		run = startCheck(c.ctx, inputs, opts.jobs, plan.read)
	}
	return c.runCheck(inv, opts, plan, ld, inputs, run, prog)
}

// checkOptions are check's flags, checked and converted: what the command
// line asks for, before the configuration is merged in. A zero value means
// "not given" where the configuration may say otherwise.
type checkOptions struct {
	paths []string

	write          writer     // --format; nil for docx
	docx           bool       // --format docx
	summarize      summarizer // --summary; nil for none
	writeFindings  bool       // the --format output is wanted
	output, color  string
	jobs           int
	quiet, details bool

	stdinName        string
	encoding, force  string
	year             int       // 0: not given
	published        time.Time // zero: not given
	maxSize          int64     // 0: decode.DefaultMaxSize
	include, exclude []string  // nil: not given
	failOn           lint.Severity
}

type (
	writer     = func(io.Writer, []format.File, writeEnv) error
	summarizer = func(io.Writer, []format.File, []*lint.Rule) error
)

// parse checks the flags' values, in the order the help lists them, and
// returns the first mistake as a message for the user.
func (cf *checkFlags) parse(paths []string, given map[string]bool) (*checkOptions, error) {
	if len(paths) == 0 {
		return nil, errors.New("请给出要检查的报告文件或目录(- 表示标准输入)")
	}
	o := &checkOptions{paths: paths, output: cf.output, color: cf.color, jobs: cf.jobs, quiet: cf.quiet, details: cf.details,
		stdinName: cf.stdinName, encoding: cf.encoding, force: cf.forceEncoding, include: cf.include, exclude: cf.exclude}
	if err := cf.parseOutputs(o, given); err != nil {
		return nil, err
	}
	if cf.jobs < 1 {
		return nil, errors.New("--jobs 应为正整数")
	}
	if err := cf.parseInputs(o, given); err != nil {
		return nil, err
	}
	if cf.failOn != "" {
		s, err := lint.ParseSeverity(cf.failOn)
		if err != nil {
			return nil, fmt.Errorf("--fail-on 应为 error、warning 或 info,不能是 %q", cf.failOn)
		}
		o.failOn = s
	}
	return o, nil
}

// parseOutputs reads --format, --summary and --color.
func (cf *checkFlags) parseOutputs(o *checkOptions, given map[string]bool) error {
	o.write = writers[cf.format]
	o.docx = cf.format == "docx"
	if o.write == nil && !o.docx {
		return fmt.Errorf("未知的输出格式 %q(可用:text、json、sarif、github、checklist、html、docx)", cf.format)
	}
	if o.docx && cf.summary != "" {
		return errors.New("--format docx 不能与 --summary 同用")
	}
	switch cf.summary {
	case "":
	case "csv":
		o.summarize = format.SummaryCSV
	case "markdown", "md":
		o.summarize = format.SummaryMarkdown
	default:
		return fmt.Errorf("未知的汇总表格式 %q(可用:csv、markdown)", cf.summary)
	}
	o.writeFindings = o.summarize == nil || given["format"] || cf.output != ""
	if o.summarize != nil && o.writeFindings && cf.output == "" && (cf.format == "json" || cf.format == "sarif" || cf.format == "html") {
		return fmt.Errorf("--format %s 与 --summary 不能同时写到标准输出;请用 --output 把 %s 写到文件", cf.format, cf.format)
	}
	if cf.color != "auto" && cf.color != "always" && cf.color != "never" {
		return fmt.Errorf("--color 应为 auto、always 或 never,不能是 %q", cf.color)
	}
	return nil
}

// parseInputs reads the flags that say how to read the reports.
func (cf *checkFlags) parseInputs(o *checkOptions, given map[string]bool) error {
	for _, f := range [][2]string{{"encoding", cf.encoding}, {"force-encoding", cf.forceEncoding}} {
		if f[1] != "" {
			if err := decode.CheckEncoding(f[1]); err != nil {
				return fmt.Errorf("--%s:%v", f[0], err)
			}
		}
	}
	if given["published"] {
		t, err := dates.ParseDate(cf.published)
		if err != nil {
			return fmt.Errorf("--published:%v", err)
		}
		o.published = t
	}
	if given["year"] {
		if cf.year < minYear || cf.year > maxYear {
			return fmt.Errorf("--year 应为 %d 到 %d 之间的年份", minYear, maxYear)
		}
		o.year = cf.year
	}
	if cf.maxSize != "" {
		n, err := parseSize(cf.maxSize)
		if err != nil {
			return fmt.Errorf("--max-size %v", err)
		}
		o.maxSize = n
	}
	for _, g := range append(append([]string(nil), cf.include...), cf.exclude...) {
		if err := checkGlob(g); err != nil {
			return err
		}
	}
	return nil
}

// A checkPlan is the command line merged with the configuration file:
// where a flag is given, it wins.
type checkPlan struct {
	walk   walker
	read   readOptions
	failOn lint.Severity
}

// merge merges the options with the configuration (the zero config when
// there is no file) into what check does.
func (o *checkOptions) merge(cfg *config, stdin io.Reader) checkPlan {
	p := checkPlan{failOn: cmp.Or(o.failOn, cfg.failOn, lint.Error)}
	p.walk = walker{include: defaultInclude, exclude: cfg.exclude, stdinName: o.stdinName}
	if len(cfg.include) > 0 {
		p.walk.include = cfg.include
	}
	if len(o.include) > 0 {
		p.walk.include = o.include
	}
	if len(o.exclude) > 0 {
		p.walk.exclude = o.exclude
	}
	p.read = readOptions{year: cmp.Or(o.year, cfg.year), maxSize: o.maxSize, stdin: stdin,
		encoding: o.encoding, force: o.force, published: cfg.published}
	if !o.published.IsZero() {
		p.read.published = o.published
	}
	return p
}

// runCheck finishes the check of the inputs begun by startCheck (run),
// or checks them now for --format docx (run is nil), and writes the
// results as the options say.
func (c *cli) runCheck(inv *invocation, o *checkOptions, plan checkPlan, ld *loaded, inputs []input, run *pending, prog *progress) int {
	if o.docx {
		return c.writeDocx(c.ctx, ld.linter, inputs, plan.read, o.output, plan.failOn)
	}
	if o.output != "" && overwritesInput(o.output, inputs) {
		run.abandon()
		return inv.usageErr("--output %s 是要检查的文件之一;ducha 不会覆盖被检查的报告,请换一个输出文件", o.output)
	}
	out := c.stdout
	var outFile *os.File
	if o.output != "" && o.writeFindings {
		f, err := os.Create(o.output)
		if err != nil {
			run.abandon()
			return inv.fail("无法创建输出文件:%v", err)
		}
		defer f.Close() // a second Close after the one below is harmless
		out, outFile = f, f
	}
	results := run.finish(ld.linter)
	prog.finish()
	if err := c.ctx.Err(); err != nil {
		return inv.fail("已中断")
	}
	if o.writeFindings {
		env := writeEnv{rules: ld.linter.Rules(), color: c.useColor(o.color, out), details: o.details}
		if err := o.write(out, results, env); err != nil {
			return inv.fail("输出失败:%v", err)
		}
		if outFile != nil {
			if err := outFile.Close(); err != nil {
				return inv.fail("输出失败:%v", err)
			}
		}
	}
	if o.summarize != nil {
		if o.writeFindings && outFile == nil {
			fmt.Fprintln(c.stdout)
		}
		if err := o.summarize(c.stdout, results, ld.linter.Rules()); err != nil {
			return inv.fail("输出失败:%v", err)
		}
	}
	return exitCode(results, plan.failOn)
}

// writeEnv is what some formats need beyond the results.
type writeEnv struct {
	rules   []*lint.Rule
	color   bool
	details bool // text: fixes and related locations on indented lines
}

var writers = map[string]writer{
	"text": func(w io.Writer, fs []format.File, e writeEnv) error {
		return format.Text(w, fs, format.TextOptions{Color: e.color, Details: e.details})
	},
	"json": func(w io.Writer, fs []format.File, _ writeEnv) error { return format.JSON(w, fs) },
	"sarif": func(w io.Writer, fs []format.File, e writeEnv) error {
		bi, _ := debug.ReadBuildInfo()
		return format.SARIF(w, fs, e.rules, format.Tool{Name: "ducha", Version: moduleVersion(bi), InformationURI: "https://github.com/ducha-dev/ducha"})
	},
	"github":    func(w io.Writer, fs []format.File, _ writeEnv) error { return format.GitHub(w, fs) },
	"checklist": func(w io.Writer, fs []format.File, _ writeEnv) error { return format.Checklist(w, fs) },
	"html":      func(w io.Writer, fs []format.File, _ writeEnv) error { return format.HTML(w, fs, format.HTMLOptions{}) },
}

// useColor decides whether to colour the text output: always, never, or
// (auto) when out is a terminal and NO_COLOR is not set.
func (c *cli) useColor(mode string, out io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if c.getenv("NO_COLOR") != "" || c.getenv("TERM") == "dumb" {
		return false
	}
	f, ok := out.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// sizeUnits are the units --max-size accepts, case aside: K, M and G are
// binary (×1024ⁿ) however written, as the help says, since a user who
// writes 1MB or 1MiB means the same limit.
var sizeUnits = []struct {
	suffix string
	mult   float64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30},
	{"b", 1},
}

// sizeNumber is the number of a size: digits, and maybe a decimal part;
// compiled when a size is given, not at every start.
var sizeNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`) })

// maxSizeLimit is the largest size accepted, 1 TiB.
const maxSizeLimit = 1 << 40

// parseSize reads a size in bytes: a number, whole or decimal (1.5M), with
// an optional unit K, M or G (also written KB, MB, GB or KiB, MiB, GiB; all
// ×1024ⁿ) or B.
func parseSize(s string) (int64, error) {
	num, mult := strings.ToLower(strings.TrimSpace(s)), 1.0
	for _, u := range sizeUnits {
		if strings.HasSuffix(num, u.suffix) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if !sizeNumber().MatchString(num) || err != nil || n*mult < 1 || n*mult > maxSizeLimit {
		return 0, fmt.Errorf("应为正的字节数,可加单位 K、M、G(也可写 KB、MB、GB 或 KiB、MiB、GiB,均按 1024 进位),如 64M、500K、1.5M,不能是 %q", s)
	}
	return int64(n * mult), nil
}

// exitCode is exitTrouble when a file could not be checked, exitFindings
// when a finding is at or above failOn, exitOK otherwise.
func exitCode(files []format.File, failOn lint.Severity) int {
	code := exitOK
	for _, f := range files {
		if f.Err != nil {
			return exitTrouble
		}
		for _, fd := range f.Result.Findings {
			if fd.Severity >= failOn {
				code = exitFindings
			}
		}
	}
	return code
}

// overwritesInput reports whether writing to path would replace one of the
// reports being checked: nothing is ever written over a user's input.
func overwritesInput(path string, inputs []input) bool {
	st, err := os.Stat(path)
	if err != nil {
		return false // it does not exist yet
	}
	for _, in := range inputs {
		if in.stdin || in.err != nil {
			continue
		}
		if ist, err := os.Stat(in.path); err == nil && os.SameFile(st, ist) || sameFile(path, in.path) {
			return true
		}
	}
	return false
}
