package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// A command is one entry of the command table. What every subcommand
// shares — its flag set, its usage, --help, the "ducha NAME:" prefix of its
// messages — is done once, by invoke; a command's own code starts with its
// flags parsed.
//
// The flags are the standard library's flag package: ducha has few flags,
// and its help and errors are in Chinese, written by hand (a CLI module's
// generated English help and messages would have to be replaced anyway).
type command struct {
	name  string // as typed after "ducha": "check", "rules list"
	usage string
	// flags registers the command's flags on fs and returns the function
	// that runs the command once they are parsed.
	flags func(fs *flag.FlagSet) func(*cli, *invocation) int
	// interrupt is set for a command that stops cleanly on an interrupt
	// (Ctrl-C cancels c.ctx). The others leave the signal alone: watching
	// for it starts a goroutine and, on it, a thread, which cost
	// "ducha version" a tenth of its time.
	interrupt bool
}

// commands are ducha's subcommands ("ducha help" and the "ducha rules"
// group are handled by run).
var commands = []command{
	{"check", checkUsage, func(fs *flag.FlagSet) func(*cli, *invocation) int {
		cf := new(checkFlags)
		cf.register(fs)
		return func(c *cli, inv *invocation) int { return c.check(inv, cf) }
	}, true},
	{"rules list", rulesListUsage, func(fs *flag.FlagSet) func(*cli, *invocation) int {
		rf := new(ruleFlags)
		rf.register(fs)
		return func(c *cli, inv *invocation) int { return c.rulesList(inv, rf) }
	}, false},
	{"rules explain", rulesExplainUsage, func(fs *flag.FlagSet) func(*cli, *invocation) int {
		rf := new(ruleFlags)
		rf.registerSources(fs)
		return func(c *cli, inv *invocation) int { return c.rulesExplain(inv, rf) }
	}, true},
	{"rules validate", rulesValidateUsage, func(fs *flag.FlagSet) func(*cli, *invocation) int {
		noBuiltin := fs.Bool("no-builtin", false, "不与内置规则一起加载")
		return func(c *cli, inv *invocation) int { return c.rulesValidate(inv, *noBuiltin) }
	}, true},
	{"serve", serveUsage, func(fs *flag.FlagSet) func(*cli, *invocation) int {
		sf := new(serveFlags)
		sf.register(fs)
		return func(c *cli, inv *invocation) int { return c.serve(inv, sf) }
	}, true},
	{"version", versionUsage, func(*flag.FlagSet) func(*cli, *invocation) int {
		return (*cli).version
	}, false},
}

// lookup finds the command args start with ("rules list …") and returns
// it with the arguments after its name.
func lookup(args []string) (command, []string, bool) {
	for _, cmd := range commands {
		name := strings.Fields(cmd.name)
		if len(args) >= len(name) && slices.Equal(args[:len(name)], name) {
			return cmd, args[len(name):], true
		}
	}
	return command{}, nil, false
}

// An invocation is one run of a command, its flags parsed.
type invocation struct {
	name   string          // the command's name, as in "ducha NAME:"
	args   []string        // the arguments that are not flags
	given  map[string]bool // the flags given on the command line
	stderr io.Writer
}

// fail prints "ducha NAME: " and the message, and returns exitTrouble.
func (inv *invocation) fail(format string, args ...any) int {
	fmt.Fprintf(inv.stderr, "ducha "+inv.name+": "+format+"\n", args...)
	return exitTrouble
}

// usageErr is fail for a mistake in the command line: it adds where to
// read the usage.
func (inv *invocation) usageErr(format string, args ...any) int {
	return inv.fail(format+"\n运行 \"ducha %s --help\" 查看用法。", append(args, inv.name)...)
}

// invoke runs cmd with its arguments: it parses the flags (printing the
// usage for --help, a Chinese error for a bad flag) and calls the command.
func (c *cli) invoke(cmd command, args []string) int {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	run := cmd.flags(fs)
	rest, code, ok := c.parseFlags(fs, args, cmd.usage)
	if !ok {
		return code
	}
	if cmd.interrupt && c.exits {
		ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt)
		defer stop()
		c.ctx = ctx
	}
	return run(c, &invocation{name: cmd.name, args: rest, given: setFlags(fs), stderr: c.stderr})
}

// parseFlags parses a command's flags, which may come before, between or
// after its other arguments, as users type them ("--" ends the flags).
// It prints the usage to stdout for --help and returns ok=false with the
// exit status when the command should stop.
func (c *cli) parseFlags(fs *flag.FlagSet, args []string, usage string) (rest []string, code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	all := args
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(c.stdout, usage)
			return nil, exitOK, false
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "ducha %s: %s\n运行 \"ducha %s --help\" 查看用法。\n", fs.Name(), flagError(err, all), fs.Name())
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

// flagErrors translate the flag package's messages; ${flag} is the flag's
// name as the user typed it. They compile when a flag is wrong, not at
// every start.
var flagErrors = sync.OnceValue(func() []flagTranslation {
	return []flagTranslation{
		{regexp.MustCompile(`^flag provided but not defined: -(.+)$`), "没有选项 ${flag}"},
		{regexp.MustCompile(`^flag needs an argument: -(.+)$`), "选项 ${flag} 需要一个值"},
		{regexp.MustCompile(`^invalid value (".*") for flag -(\S+): .*$`), "选项 ${flag} 的值 $1 无效"},
		{regexp.MustCompile(`^invalid boolean value (".*") for -(\S+): .*$`), "选项 ${flag} 的值 $1 无效:应为 true 或 false"},
	}
})

type flagTranslation struct {
	re   *regexp.Regexp
	repl string
}

// flagError says in Chinese what is wrong with a flag, naming it as it was
// typed in args (--year or -year; the flag package says -year).
func flagError(err error, args []string) string {
	msg := err.Error()
	for _, fe := range flagErrors() {
		m := fe.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		name := m[len(m)-1]
		typed := "--" + name
		for _, a := range args {
			if a == "--" {
				break
			}
			if d := strings.TrimSuffix(a, strings.TrimLeft(a, "-")); (d == "-" || d == "--") &&
				(a[len(d):] == name || strings.HasPrefix(a[len(d):], name+"=")) {
				typed = d + name
				break
			}
		}
		repl := strings.ReplaceAll(fe.repl, "${flag}", typed)
		return fe.re.ReplaceAllString(msg, repl)
	}
	return "选项有误:" + msg
}

// setFlags returns the names of the flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
