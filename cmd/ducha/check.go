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

检查法治政府建设年度报告。路径可以是文件、目录(检查其中及子目录中的 .txt .docx .html .htm
文件)或 -(从标准输入读一份报告)。多个文件并行检查,结果按给出的顺序输出(目录中按文件名排序)。
无法读取的文件会报告出来,其他文件照常检查。

输出:
  --format 格式        text(默认)每个问题一行“文件:行:列: 级别: 说明 [规则]”,列按字符计
                       json     供其他程序读取的 JSON 文档
                       sarif    SARIF 2.1.0,供 GitHub 代码扫描等使用
                       github   GitHub Actions 的注释命令(::error file=…)
                       checklist 每个文件一张要求清单(Markdown 表格,✓ ⚠ ✗ —)
                       html     一个独立的网页报告(一般用 --output 写到文件):正文中标出每个问题,
                                旁边列出问题和要求清单,可按级别、规则筛选;多个文件时先列总表
                       docx     报告的批注副本(须用 --output,只能一份报告):每个问题一条
                                Word 批注,标在问题所在的文字上;.docx 报告的其他内容原样保留,
                                .txt、.html 报告生成新的 .docx;被检查的报告不会被改写
  --summary 格式       csv 或 markdown:每个文件一行、每条规则一列的汇总表,写到标准输出;
                       不给 --format 时只输出汇总表,给了则先输出 --format 的结果
                       (json、sarif、html 须用 --output 写到文件)
  --output 文件        把 --format 的结果写到文件,而不是标准输出
  --color 何时         auto(默认:标准输出是终端且未设置 NO_COLOR 时着色)、always、never
  --quiet              不显示进度(检查多个文件且标准错误是终端时,显示已检查的文件数)

规则与配置:
  --config 文件        配置文件(默认:当前目录或上级目录中最近的 .ducha.hcl)
  --rules 路径         追加规则文件,或目录中的 *.hcl(可重复)
  --no-builtin         不加载内置规则
  --disable 规则ID     关闭一条规则(可重复)
  --severity ID=级别   改变一条规则的级别为 error、warning 或 info(可重复)
  --fail-on 级别       有这一级别或更严重的问题时退出码为 1:error(默认)、warning、info

输入:
  --include 模式       目录中要检查的文件(可重复;默认 *.txt *.docx *.doc *.wps *.odt *.rtf
                       *.pdf *.ofd *.html *.htm *.mht *.mhtml)
  --exclude 模式       目录中要跳过的文件;以 / 结尾的只匹配目录,如 old/(可重复)
  --year 年份          所报告的年度,用于所有文件,代替从标题或正文读出的年度
  --published 日期     报告的发布日期(如 2024-03-20),用于所有文件,代替网页上的发布日期
  --stdin-name 名称    标准输入在输出中的名称(默认 <stdin>)
  --max-size 大小      单个文件的大小上限,如 64M、500K(默认 64M)
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

type checkFlags struct {
	ruleFlags
	format, summary, output, color string
	failOn, stdinName, maxSize     string
	encoding, forceEncoding        string
	published                      string
	year, jobs                     int
	include, exclude               listFlag
	quiet                          bool
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
}

// Report years accepted from flags and configuration.
const minYear, maxYear = 1949, 2100

// parseFlags parses a command's flags, which may come before, between or
// after its other arguments, as users type them ("--" ends the flags).
// It prints the usage to stdout for --help and returns ok=false with the
// exit status when the command should stop.
func (c *cli) parseFlags(fs *flag.FlagSet, args []string, usage string) (rest []string, code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(c.stdout, usage)
			return nil, exitOK, false
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "ducha %s: %s\n运行 \"ducha %s --help\" 查看用法。\n", fs.Name(), flagError(err), fs.Name())
			return nil, exitTrouble, false
		}
		left := fs.Args()
		if len(left) == 0 {
			return rest, exitOK, true
		}
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			return append(rest, left...), exitOK, true
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// flagErrors translate the flag package's messages; they compile when a
// flag is wrong, not at every start.
var flagErrors = sync.OnceValue(func() []flagTranslation {
	return []flagTranslation{
		{regexp.MustCompile(`^flag provided but not defined: (.+)$`), "没有选项 $1"},
		{regexp.MustCompile(`^flag needs an argument: (.+)$`), "选项 $1 需要一个值"},
		{regexp.MustCompile(`^invalid value (".*") for flag (\S+): .*$`), "选项 $2 的值 $1 无效"},
		{regexp.MustCompile(`^invalid boolean value (".*") for -(\S+): .*$`), "选项 -$2 的值 $1 无效:应为 true 或 false"},
	}
})

type flagTranslation struct {
	re   *regexp.Regexp
	repl string
}

func flagError(err error) string {
	msg := err.Error()
	for _, fe := range flagErrors() {
		if fe.re.MatchString(msg) {
			return fe.re.ReplaceAllString(msg, fe.repl)
		}
	}
	return "选项有误:" + msg
}

// setFlags returns the names of the flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

func (c *cli) check(args []string) int {
	var cf checkFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	cf.register(fs)
	paths, code, ok := c.parseFlags(fs, args, checkUsage)
	if !ok {
		return code
	}
	given := setFlags(fs)
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(c.stderr, "ducha check: "+format+"\n运行 \"ducha check --help\" 查看用法。\n", args...)
		return exitTrouble
	}
	if len(paths) == 0 {
		return usageErr("请给出要检查的报告文件或目录(- 表示标准输入)")
	}
	write, ok := writers[cf.format]
	if !ok && cf.format != "docx" {
		return usageErr("未知的输出格式 %q(可用:text、json、sarif、github、checklist、html、docx)", cf.format)
	}
	if cf.format == "docx" && cf.summary != "" {
		return usageErr("--format docx 不能与 --summary 同用")
	}
	var summarize func(io.Writer, []format.File, []*lint.Rule) error
	switch cf.summary {
	case "":
	case "csv":
		summarize = format.SummaryCSV
	case "markdown", "md":
		summarize = format.SummaryMarkdown
	default:
		return usageErr("未知的汇总表格式 %q(可用:csv、markdown)", cf.summary)
	}
	writeFindings := summarize == nil || given["format"] || cf.output != ""
	if summarize != nil && writeFindings && cf.output == "" && (cf.format == "json" || cf.format == "sarif" || cf.format == "html") {
		return usageErr("--format %s 与 --summary 不能同时写到标准输出;请用 --output 把 %s 写到文件", cf.format, cf.format)
	}
	if cf.color != "auto" && cf.color != "always" && cf.color != "never" {
		return usageErr("--color 应为 auto、always 或 never,不能是 %q", cf.color)
	}
	if cf.jobs < 1 {
		return usageErr("--jobs 应为正整数")
	}
	for _, f := range [][2]string{{"encoding", cf.encoding}, {"force-encoding", cf.forceEncoding}} {
		if f[1] != "" {
			if err := decode.CheckEncoding(f[1]); err != nil {
				return usageErr("--%s:%v", f[0], err)
			}
		}
	}
	var published time.Time
	if given["published"] {
		t, err := dates.ParseDate(cf.published)
		if err != nil {
			return usageErr("--published:%v", err)
		}
		published = t
	}
	if given["year"] && (cf.year < minYear || cf.year > maxYear) {
		return usageErr("--year 应为 %d 到 %d 之间的年份", minYear, maxYear)
	}
	var maxSize int64
	if cf.maxSize != "" {
		n, err := parseSize(cf.maxSize)
		if err != nil {
			return usageErr("--max-size %v", err)
		}
		maxSize = n
	}
	for _, g := range append(append([]string(nil), cf.include...), cf.exclude...) {
		if err := checkGlob(g); err != nil {
			return usageErr("%v", err)
		}
	}

	var flagFailOn lint.Severity
	if cf.failOn != "" {
		s, err := lint.ParseSeverity(cf.failOn)
		if err != nil {
			return usageErr("--fail-on 应为 error、warning 或 info,不能是 %q", cf.failOn)
		}
		flagFailOn = s
	}

	cf.lean = cf.format != "sarif" // SARIF shows the rules' documentation
	ld, ok := c.load(cf.ruleFlags)
	if !ok {
		return exitTrouble
	}
	failOn := cmp.Or(flagFailOn, ld.cfg.failOn, lint.Error)
	w := walker{include: defaultInclude, exclude: ld.cfg.exclude, stdinName: cf.stdinName}
	if len(ld.cfg.include) > 0 {
		w.include = ld.cfg.include
	}
	if len(cf.include) > 0 {
		w.include = cf.include
	}
	if len(cf.exclude) > 0 {
		w.exclude = cf.exclude
	}
	inputs, err := w.expand(paths)
	if err != nil {
		return usageErr("%v", err)
	}
	opt := readOptions{year: ld.cfg.year, maxSize: maxSize, stdin: c.stdin, encoding: cf.encoding, force: cf.forceEncoding}
	if given["year"] {
		opt.year = cf.year
	}
	opt.published = ld.cfg.published
	if given["published"] {
		opt.published = published
	}

	if cf.format == "docx" {
		return c.writeDocx(c.ctx, ld.linter, inputs, opt, cf.output, failOn)
	}
	if cf.output != "" && overwritesInput(cf.output, inputs) {
		return usageErr("--output %s 是要检查的文件之一;ducha 不会覆盖被检查的报告,请换一个输出文件", cf.output)
	}
	out := c.stdout
	var outFile *os.File
	if cf.output != "" && writeFindings {
		f, err := os.Create(cf.output)
		if err != nil {
			fmt.Fprintf(c.stderr, "ducha check: 无法创建输出文件:%v\n", err)
			return exitTrouble
		}
		defer f.Close() // a second Close after the one below is harmless
		out, outFile = f, f
	}
	prog := newProgress(c.stderr, len(inputs), cf.quiet, c.getenv)
	opt.done = prog.fileDone
	results := checkAll(c.ctx, ld.linter, inputs, cf.jobs, opt)
	prog.finish()
	if err := c.ctx.Err(); err != nil {
		fmt.Fprintln(c.stderr, "ducha check: 已中断")
		return exitTrouble
	}
	env := writeEnv{rules: ld.linter.Rules(), color: c.useColor(cf.color, out)}
	if writeFindings {
		if err := write(out, results, env); err != nil {
			fmt.Fprintf(c.stderr, "ducha check: 输出失败:%v\n", err)
			return exitTrouble
		}
		if outFile != nil {
			if err := outFile.Close(); err != nil {
				fmt.Fprintf(c.stderr, "ducha check: 输出失败:%v\n", err)
				return exitTrouble
			}
		}
	}
	if summarize != nil {
		if writeFindings && outFile == nil {
			fmt.Fprintln(c.stdout)
		}
		if err := summarize(c.stdout, results, ld.linter.Rules()); err != nil {
			fmt.Fprintf(c.stderr, "ducha check: 输出失败:%v\n", err)
			return exitTrouble
		}
	}
	return exitCode(results, failOn)
}

// writeEnv is what some formats need beyond the results.
type writeEnv struct {
	rules []*lint.Rule
	color bool
}

var writers = map[string]func(io.Writer, []format.File, writeEnv) error{
	"text": func(w io.Writer, fs []format.File, e writeEnv) error {
		return format.Text(w, fs, format.TextOptions{Color: e.color})
	},
	"json": func(w io.Writer, fs []format.File, _ writeEnv) error { return format.JSON(w, fs) },
	"sarif": func(w io.Writer, fs []format.File, e writeEnv) error {
		return format.SARIF(w, fs, e.rules, format.Tool{Name: "ducha", Version: moduleVersion(), InformationURI: "https://github.com/ducha-dev/ducha"})
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

// parseSize reads a size in bytes, with an optional K, M or G (×1024ⁿ).
func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch strings.ToUpper(s[len(s)-1:]) {
	case "K":
		mult = 1 << 10
	case "M":
		mult = 1 << 20
	case "G":
		mult = 1 << 30
	}
	if mult > 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("应为正整数字节数,可加 K、M、G,如 64M")
	}
	return n * mult, nil
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
