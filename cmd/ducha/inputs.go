package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ducha-dev/ducha/decode"
	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/format"
	"github.com/ducha-dev/ducha/lint"
)

// defaultInclude is what a directory walk picks when neither the flags nor
// the configuration say: every format drafters, OA systems and websites
// produce a report in. Those ducha cannot read (.rtf) are picked too, so
// that each gets a row saying what to do instead of being left out
// silently.
var defaultInclude = []string{"*.txt", "*.docx", "*.doc", "*.wps", "*.odt", "*.rtf", "*.pdf", "*.ofd", "*.html", "*.htm", "*.mht", "*.mhtml"}

// An input is one report to check: a file, or standard input.
type input struct {
	path  string // as shown in the output
	stdin bool
	// err is set when the argument could not even be opened as a report (a
	// path that does not exist, a directory with nothing to check); it is
	// reported like a file that could not be read.
	err error
}

// A walker turns the command's arguments into inputs: "-" is standard
// input, a directory stands for the files under it that match include and
// not exclude, anything else is a file to check (named files are checked
// whatever their name).
type walker struct {
	include, exclude []string
	stdinName        string
}

func (w walker) expand(args []string) ([]input, error) {
	var ins []input
	seen := map[string]bool{}
	add := func(in input) {
		key := filepath.Clean(in.path)
		if in.stdin {
			key = "\x00stdin"
		}
		if !seen[key] {
			seen[key] = true
			ins = append(ins, in)
		}
	}
	stdin := false
	for _, a := range args {
		if a == "-" {
			if stdin {
				return nil, errors.New("标准输入(-)只能给出一次")
			}
			stdin = true
			add(input{path: w.stdinName, stdin: true})
			continue
		}
		st, err := os.Stat(a)
		switch {
		case err != nil:
			add(input{path: a, err: readError(err)})
		case st.IsDir():
			found := w.walk(a, add)
			if found == 0 {
				add(input{path: a, err: fmt.Errorf("目录中没有要检查的文件(%s)", strings.Join(w.include, " "))})
			}
		default:
			add(input{path: a})
		}
	}
	return ins, nil
}

// walk adds the files under root that match, in lexical order, and
// returns how many it added. Hidden files and directories (".git") and
// the lock files Word leaves beside an open document ("~$报告.docx") are
// skipped; an excluded directory is not entered.
func (w walker) walk(root string, add func(input)) int {
	n := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil { // an unreadable directory: report it, walk on
			add(input{path: p, err: readError(err)})
			n++
			return nil
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") || matchAny(w.exclude, rel, true) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			return nil
		}
		if matchAny(w.include, rel, false) && !matchAny(w.exclude, rel, false) {
			add(input{path: p})
			n++
		}
		return nil
	})
	return n
}

// matchAny reports whether the slash-separated path rel (relative to the
// walked directory) matches one of the patterns. A pattern matches the
// last element of the path, or the whole path when it contains a slash;
// a pattern ending in "/" matches directories only. Matching ignores case,
// so *.txt picks REPORT.TXT.
func matchAny(patterns []string, rel string, dir bool) bool {
	rel = strings.ToLower(rel)
	base := path.Base(rel)
	for _, p := range patterns {
		p = strings.ToLower(p)
		dirOnly := strings.HasSuffix(p, "/")
		if dirOnly {
			if !dir {
				continue
			}
			p = strings.TrimSuffix(p, "/")
		}
		target := base
		if strings.Contains(p, "/") {
			target = rel
		}
		if ok, _ := path.Match(p, target); ok {
			return true
		}
	}
	return false
}

// checkGlob reports a malformed file-name pattern.
func checkGlob(p string) error {
	if _, err := path.Match(strings.TrimSuffix(p, "/"), ""); err != nil || p == "" {
		return fmt.Errorf("文件名模式 %q 无效;可用 * ? [...],如 \"*.txt\"、\"草稿*\"、\"old/\"", p)
	}
	return nil
}

// readOptions are what the command knows about every input.
type readOptions struct {
	year      int       // the year reported on, 0 to read it from the text
	maxSize   int64     // 0: decode.DefaultMaxSize
	encoding  string    // --encoding: for text whose encoding cannot be detected
	force     string    // --force-encoding: for text, whatever detection says
	published time.Time // --published or the configuration: the publication date
	stdin     io.Reader
	done      func(path string) // called as each input is checked (the progress line), if not nil
}

// readReport reads one input and checks it (prepareReport, then
// lintReport).
func readReport(ctx context.Context, l *lint.Linter, in input, opt readOptions) format.File {
	f, doc := prepareReport(ctx, in, opt)
	if doc == nil {
		return f
	}
	return lintReport(ctx, l, f, doc)
}

// prepareReport reads, decodes and parses one input: all of checking it
// that needs no rules, so that it can run while they load. It is the only
// place the command reads a report, so whatever the decoder needs to know
// about a file goes through lintOptions below. It does what
// lint.Linter.Check does before linting. When the input cannot be read,
// decoded or parsed, f.Err says why and doc is nil. A panic becomes the
// report's error, so the other reports are still checked.
func prepareReport(ctx context.Context, in input, opt readOptions) (f format.File, doc *document.Document) {
	f.Path = in.path
	defer func() {
		if r := recover(); r != nil {
			f.Err, doc = internalError(r), nil
		}
	}()
	if in.err != nil {
		f.Err = in.err
		return f, nil
	}
	src, err := readInput(in, opt)
	if err != nil {
		f.Err = err
		return f, nil
	}
	lo := lintOptions(in, opt)
	t, err := decode.BytesContext(ctx, src, decode.Options{MaxSize: lo.MaxSize, Name: lo.Name, Encoding: lo.Encoding, ForceEncoding: lo.ForceEncoding, PDF: lo.PDF})
	if err != nil {
		f.Err = err
		return f, nil
	}
	if doc, f.Err = lint.Parse(t, lo); f.Err != nil {
		return f, nil
	}
	return f, doc
}

// lintReport checks a report prepareReport has read; a panic becomes its
// error.
func lintReport(ctx context.Context, l *lint.Linter, prepared format.File, doc *document.Document) (f format.File) {
	f = prepared
	defer func() {
		if r := recover(); r != nil {
			f.Result, f.Err = nil, internalError(r)
		}
	}()
	f.Result, f.Err = l.Lint(ctx, doc)
	return f
}

// internalError is the error of a report whose check panicked.
func internalError(r any) error {
	return fmt.Errorf("内部错误,未能检查这份报告(%v);请把报告文件发给 ducha 的开发者", r)
}

// lintOptions builds the options for checking one input: the file's name
// (its extension breaks ties between formats), --encoding and
// --force-encoding go to the decoder from here, and nowhere else.
func lintOptions(in input, opt readOptions) lint.Options {
	return lint.Options{Year: opt.year, MaxSize: opt.maxSize, Name: in.path, Encoding: opt.encoding, ForceEncoding: opt.force, Published: opt.published}
}

// readInput reads an input's bytes, at most one byte more than the size
// limit, so that a huge file is not read whole to be refused. One byte more
// means too large: the message gives the file's real size (the decoder
// would give limit+1), or only the limit for standard input.
func readInput(in input, opt readOptions) ([]byte, error) {
	limit := opt.maxSize
	if limit <= 0 {
		limit = decode.DefaultMaxSize
	}
	var r io.Reader
	size := int64(-1) // unknown
	if in.stdin {
		if opt.stdin == nil {
			return nil, errors.New("没有标准输入")
		}
		r = opt.stdin
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			return nil, readError(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(b)) > limit {
		if size > limit {
			return nil, fmt.Errorf("文件过大(%d 字节,上限 %d 字节);如确需检查,请调高 --max-size", size, limit)
		}
		return nil, fmt.Errorf("文件过大(超过上限 %d 字节);如确需检查,请调高 --max-size", limit)
	}
	return b, nil
}

// readError says in Chinese why a file could not be read.
func readError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("文件不存在")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("没有读取权限")
	case errors.Is(err, syscall.ENOTDIR):
		return errors.New("路径有误:其中有一段是文件而不是目录")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("无法读取:%v", err)
}

// checkAll checks the inputs with at most jobs at a time, sharing one
// Linter (it is safe for concurrent use), and returns the results in
// input order whatever order they finish in.
func checkAll(ctx context.Context, l *lint.Linter, ins []input, jobs int, opt readOptions) []format.File {
	return startCheck(ctx, ins, jobs, opt).finish(l)
}

// A pending check is the checking of the inputs, begun before the rules
// have loaded (startCheck).
type pending struct {
	// ready is closed when linter is set (finish) or the check is
	// abandoned (linter stays nil).
	ready  chan struct{}
	linter *lint.Linter
	cancel context.CancelFunc
	wg     sync.WaitGroup
	out    []format.File
}

// startCheck begins checking the inputs, at most jobs at a time. Each
// worker reads, decodes and parses a report (prepareReport) and then
// waits for the Linter (finish): the command starts it before loading the
// rules, so that the first reports are read and parsed on the other core
// meanwhile. At most jobs parsed reports wait at a time.
func startCheck(ctx context.Context, ins []input, jobs int, opt readOptions) *pending {
	ctx, cancel := context.WithCancel(ctx)
	p := &pending{ready: make(chan struct{}), cancel: cancel, out: make([]format.File, len(ins))}
	var next atomic.Int64
	for range max(1, min(jobs, len(ins))) {
		p.wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(ins) {
					return
				}
				f, doc := prepareReport(ctx, ins[i], opt)
				<-p.ready
				if p.linter == nil {
					return // abandoned
				}
				if doc != nil {
					f = lintReport(ctx, p.linter, f, doc)
				}
				p.out[i] = f
				if opt.done != nil {
					opt.done(ins[i].path)
				}
			}
		})
	}
	return p
}

// finish checks the reports with l and returns the results in input
// order, whatever order they finish in.
func (p *pending) finish(l *lint.Linter) []format.File {
	p.linter = l
	close(p.ready)
	p.wg.Wait()
	p.cancel()
	return p.out
}

// abandon stops the check (the rules did not load, or the command stops
// for another reason) and waits for the workers to end. A nil *pending
// does nothing.
func (p *pending) abandon() {
	if p == nil {
		return
	}
	p.cancel()
	close(p.ready)
	p.wg.Wait()
}
