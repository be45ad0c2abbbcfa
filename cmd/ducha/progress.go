package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// A progress line shows, on a terminal, how far a long run has got: files
// done of the total and the file last finished. It rewrites one line with
// a carriage return and is erased when the run ends.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	done  int
	width int // columns available
}

// newProgress returns a progress line on w for total files, or nil when w
// is not a terminal, quiet is set, or there is only one file.
func newProgress(w io.Writer, total int, quiet bool, getenv func(string) string) *progress {
	if quiet || total < 2 || getenv("TERM") == "dumb" || !isTerminal(w) {
		return nil
	}
	return &progress{w: w, total: total, width: 78}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// fileDone counts a file as done. It is safe for concurrent use, and a
// nil *progress does nothing.
func (p *progress) fileDone(path string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	fmt.Fprint(p.w, "\r"+progressLine(p.done, p.total, path, p.width)+"\x1b[K")
}

// finish erases the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\x1b[K")
}

// progressLine is "已检查 12/300 个文件:path", the path shortened from the
// left with … to fit in cols columns (CJK characters count two).
func progressLine(done, total int, path string, cols int) string {
	head := fmt.Sprintf("已检查 %d/%d 个文件:", done, total)
	room := cols - columns(head)
	if columns(path) <= room {
		return head + path
	}
	// Keep the end of the path: the file's name says most.
	for columns(path) > room-1 && path != "" {
		_, size := utf8.DecodeRuneInString(path)
		path = path[size:]
	}
	return head + "…" + path
}

// columns is the width of s on a terminal.
func columns(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
