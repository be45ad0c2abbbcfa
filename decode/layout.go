package decode

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A Page is one page of a fixed-layout document (PDF, OFD) as lines of
// text with their boxes, in reading order. Coordinates grow rightwards and
// downwards, in any unit, the same for the page and its lines.
type Page struct {
	Width, Height float64
	Lines         []Line
}

// A Line is one line of text on a page, with its bounding box.
type Line struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// pageNumber matches the page numbers put in headers and footers: "3",
// "- 3 -", "—3—", "第3页", "第 3 页 共 12 页", "3/12", "Page 3".
var pageNumber = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[-—–－\s]*[0-9]+[-—–－\s]*|第\s*[0-9一二三四五六七八九十百]+\s*页(?:\s*[,，/]?\s*共\s*[0-9]+\s*页)?|[0-9]+\s*/\s*[0-9]+|(?i:page)\s*[0-9]+(?:\s*(?i:of)\s*[0-9]+)?)$`)
})

// headingStart matches a line that opens a heading or an enumeration: a
// line that must not be joined to the line before it when that one ends a
// sentence. Both compile on first use.
var headingStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节部分])`)
})

// layoutText turns the lines of pages into the running text, one line per
// paragraph: what a fixed layout broke for the page width is joined again.
//
//   - Page numbers, and running headers and footers (a first or last line
//     that repeats on other pages, digits aside), are dropped.
//   - A line continues the one before it when that one reaches the right
//     margin (within half a line's height, or within three when this one
//     starts with a number or Latin word, which did not fit) and this one
//     is not indented, or both are centred (a title over two lines); but
//     not when the line before ends a sentence and this one opens a
//     heading ("二、", "(三)").
//   - Joined lines meet without a space where either side is Chinese, with
//     one between Latin words.
func layoutText(pages []Page) string {
	pages = dropFurniture(pages)
	var all []Line
	for _, pg := range pages {
		all = append(all, pg.Lines...)
	}
	// The margins of the whole document: a page with a few lines has
	// too few to tell.
	left, right := margins(all)
	var b strings.Builder
	var prev *Line
	for _, pg := range pages {
		for i := range pg.Lines {
			ln := &pg.Lines[i]
			text := strings.TrimSpace(ln.Text)
			if text == "" {
				continue
			}
			if prev != nil {
				if continues(prev, right, ln, left) {
					if needsSpace(strings.TrimSpace(prev.Text), text) {
						b.WriteByte(' ')
					}
				} else {
					b.WriteByte('\n')
				}
			}
			b.WriteString(text)
			prev = ln
		}
	}
	if prev != nil {
		b.WriteByte('\n')
	}
	return b.String()
}

// margins returns the left and right edges of a page's text: the left
// edge most lines share (to the nearest unit), and the right edge most of
// the longest lines share, so that a centred title, a short last line or a
// full stop hung in the margin does not move them.
func margins(lines []Line) (left, right float64) {
	var far, h float64
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" && l.XMax > far {
			far, h = l.XMax, l.YMax-l.YMin
		}
	}
	var long []Line
	for _, l := range lines {
		if l.XMax >= far-3*h {
			long = append(long, l)
		}
	}
	return mostCommon(lines, func(l Line) float64 { return l.XMin }), mostCommon(long, func(l Line) float64 { return l.XMax })
}

// mostCommon returns the value of f most non-blank lines have, rounded,
// and the largest such when there is a tie.
func mostCommon(lines []Line, f func(Line) float64) float64 {
	count := map[float64]int{}
	best, n := 0.0, 0
	for _, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		v := math.Round(f(l))
		count[v]++
		if c := count[v]; c > n || c == n && v > best {
			best, n = v, c
		}
	}
	return best
}

// continues reports whether cur carries on the paragraph of prev (see
// layoutText).
func continues(prev *Line, right float64, cur *Line, left float64) bool {
	h := prev.YMax - prev.YMin
	if h <= 0 || math.Abs(cur.YMax-cur.YMin-h) > 0.2*h {
		return false // another font size: a title over the text
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(cur.Text))
	word := first < utf8.RuneSelf && (unicode.IsLetter(first) || unicode.IsDigit(first))
	if prev.XMax < right-0.5*h && (!word || prev.XMax < right-3*h) {
		return false
	}
	if cur.XMin > left+0.5*h {
		// Indented: a new paragraph, unless both are centred (a title
		// over two lines).
		full := prev.XMin <= left+0.5*h
		centred := math.Abs((cur.XMin-left)-(right-cur.XMax)) < h && right-cur.XMax > 0.5*h
		if !full || !centred {
			return false
		}
	}
	p := strings.TrimSpace(prev.Text)
	last, _ := utf8.DecodeLastRuneInString(p)
	if strings.ContainsRune("。!?;:！？；：", last) && headingStart().MatchString(strings.TrimSpace(cur.Text)) {
		return false
	}
	return true
}

// needsSpace reports whether joining a and b needs a space: only between
// two Latin letters or digits.
func needsSpace(a, b string) bool {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	return x < utf8.RuneSelf && y < utf8.RuneSelf && (unicode.IsLetter(x) || unicode.IsDigit(x)) && (unicode.IsLetter(y) || unicode.IsDigit(y))
}

// dropFurniture removes page numbers and running headers and footers. Only
// a page's first and last lines in its margins are candidates: that is
// where they are.
func dropFurniture(pages []Page) []Page {
	repeats := map[string]int{}
	for _, pg := range pages {
		for _, i := range edgeLines(pg) {
			repeats[furnitureKey(pg.Lines[i].Text)]++
		}
	}
	out := make([]Page, len(pages))
	for n, pg := range pages {
		drop := map[int]bool{}
		for _, i := range edgeLines(pg) {
			t := strings.TrimSpace(pg.Lines[i].Text)
			if !inMargin(pg, pg.Lines[i]) {
				continue // the title, or the last line of the text
			}
			if pageNumber().MatchString(t) || len(pages) >= 2 && repeats[furnitureKey(t)] >= max(2, (len(pages)+1)/2) {
				drop[i] = true
			}
		}
		out[n] = Page{Width: pg.Width, Height: pg.Height}
		for i, l := range pg.Lines {
			if !drop[i] {
				out[n].Lines = append(out[n].Lines, l)
			}
		}
	}
	return out
}

// inMargin reports whether l lies in the top or bottom eighth of its page,
// where headers and footers are, above and below the text (公文 have a
// 37 mm top margin on 297): a running header that repeats the title does
// not take the title on the first page with it. Without the page's height
// every line may be.
func inMargin(pg Page, l Line) bool {
	return pg.Height <= 0 || l.YMax <= 0.125*pg.Height || l.YMin >= 0.875*pg.Height
}

// edgeLines returns the indexes of a page's first and last non-blank lines.
func edgeLines(pg Page) []int {
	var idx []int
	for i, l := range pg.Lines {
		if strings.TrimSpace(l.Text) != "" {
			idx = append(idx, i)
			break
		}
	}
	for i := len(pg.Lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(pg.Lines[i].Text) != "" {
			if len(idx) == 0 || idx[0] != i {
				idx = append(idx, i)
			}
			break
		}
	}
	return idx
}

// furnitureKey is a line's text with its digits and spaces taken out: a
// running footer "第 3 页" and "第 4 页" are the same line.
func furnitureKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// A glyphRun is a piece of text placed at a point, as OFD's TextCode is.
type glyphRun struct {
	text       string
	x, y, size float64 // baseline start and font size
	width      float64
}

// linesOf groups runs into lines by their baselines (within half a font
// size), orders the lines top to bottom and each line's runs left to
// right, and joins the runs of a line: without a space, unless a gap of
// more than a quarter of the font size separates them (OFD writers leave
// a space out as a gap).
func linesOf(runs []glyphRun) []Line {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].y < runs[j].y })
	var lines []Line
	for start := 0; start < len(runs); {
		end := start + 1
		for end < len(runs) && runs[end].y-runs[start].y <= 0.5*max(runs[start].size, 0.01) {
			end++
		}
		row := runs[start:end]
		sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
		var b strings.Builder
		var last string // the text of the run before
		ln := Line{XMin: row[0].x, YMin: row[0].y - row[0].size, XMax: row[0].x + row[0].width, YMax: row[0].y + 0.2*row[0].size}
		for i, r := range row {
			if i > 0 {
				gap := r.x - (row[i-1].x + row[i-1].width)
				if gap > 0.25*r.size && last != "" {
					b.WriteByte(' ')
				}
			}
			b.WriteString(r.text)
			if r.text != "" {
				last = r.text
			}
			ln.XMin = min(ln.XMin, r.x)
			ln.XMax = max(ln.XMax, r.x+r.width)
			ln.YMin = min(ln.YMin, r.y-r.size)
			ln.YMax = max(ln.YMax, r.y+0.2*r.size)
		}
		ln.Text = b.String()
		lines = append(lines, ln)
		start = end
	}
	return lines
}
