package checks

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// A year "heading" block configures YearHeading (rule year/heading):
//
//	year "heading" {
//	  title     = "报告所写年份与报告年度一致"
//	  severity  = "warning"
//	  parts     = ["achievements", "deficiencies"]  # headings that must name the report year
//	  citations = ["《[^》]{0,40}?(\\d{4})年度?法治政府建设[^》]{0,20}报告》"]
//	  review_verbs = ["审议|通过|报送"] # a citation after these is last year's report
//	  plans     = ["(\\d{4})年度?(工作)?(方案|计划)"]  # in the title
//	}
//
// The patterns of citations and plans capture the year in their first group.
func init() {
	kind.Register(kind.Kind{
		Block: "year", Label: "heading", Rule: "year/heading", Severity: lint.Warning,
		Schema: hcl.BodySchema{Attributes: []hcl.AttributeSchema{
			{Name: "parts"}, {Name: "citations"}, {Name: "review_verbs"}, {Name: "plans"},
		}},
		Decode: func(d kind.Decoder, rule *lint.Rule) lint.Check {
			c := &YearHeading{
				Rule:        rule,
				Parts:       d.Names("parts"),
				Citations:   d.Patterns("citations"),
				ReviewVerbs: d.Patterns("review_verbs"),
				Plans:       d.Patterns("plans"),
			}
			for _, name := range []string{"citations", "plans"} {
				for _, re := range d.Patterns(name) {
					if !re.IsDeferred() && re.NumSubexp() < 1 {
						d.Errorf(name, "Pattern without a year group", "%s 的模式 %q 应以第一个括号组捕获年份,如 \"(\\\\d{4})年\"。", name, re)
					}
				}
			}
			return c
		},
	})
}

// YearHeading checks the years a report names for itself: the headings of
// the parts on the year reported on, the report's citations of its own
// kind of report, and a plan its title announces. A wrong year there is
// mostly last year's report reused.
//
// For a report on 2025 it reports
//
//	一、2024年法治政府建设基本情况                  ← a part on 2025 headed 2024
//	现将《X区2024年度法治政府建设情况报告》报告如下  ← the report citing itself as 2024
//
// and for a report on 2023 the title
//
//	……2023年度法治政府建设情况报告及2023年工作方案  ← a plan for the year reported on
//
// It passes, in a report on 2025, "一、2025年法治政府建设基本情况",
// "一、主要举措和成效" (no year), and
//
//	区政府常务会议审议并通过《X区2024年度法治政府建设情况报告》
//
// because a verb in ReviewVerbs before the citation says it is last year's
// report, reviewed or published during the year reported on: a citation
// of an earlier year's report is the report citing itself only when no
// such verb comes before it.
type YearHeading struct {
	Rule *lint.Rule
	// Parts name the document.PartSpecs whose headings must name the report
	// year, if they name one.
	Parts []string
	// Citations match the report's citations of a report of its kind;
	// their first capturing group is the year ("《[^》]*?(\d{4})年度?法治
	// 政府建设[^》]*报告》").
	Citations []*document.Pattern
	// ReviewVerbs match the words before a citation that make it a report
	// under review ("审议", "通过", "报送").
	ReviewVerbs []*document.Pattern
	// Plans match, in the title, a plan and its year (first capturing
	// group): "(\d{4})年度?(工作)?(方案|计划|安排|要点)".
	Plans []*document.Pattern

	once  sync.Once
	verbs match.Set
	cites []anchoredPattern
}

// anchoredPattern is a pattern tried, anchored, where its literal prefix
// is found; with no prefix, re runs over the whole text.
type anchoredPattern struct {
	prefix string
	re     *match.Regexp // anchored when prefix is set
	may    match.Pattern // the literals a match must contain
}

// maxCitation bounds the bytes a citation can span from its prefix: the
// pattern reads a title of a few dozen characters.
const maxCitation = 3 * 128

func (c *YearHeading) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

// verbReach is how many bytes before a citation a review verb is looked
// for: a dozen characters ("区政府常务会议审议并通过").
const verbReach = 3 * 16

func (c *YearHeading) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	doc := pass.Doc
	if doc.Year == 0 {
		pass.NotApplicable(c.Rule, "报告年度不明")
		return nil
	}
	c.once.Do(func() {
		c.verbs = match.NewSet(c.ReviewVerbs)
		for _, re := range c.Citations {
			p := anchoredPattern{re: re}
			if prefix, _ := re.LiteralPrefix(); prefix != "" {
				if a, _, err := anchorStart(re); err == nil {
					p = anchoredPattern{prefix: prefix, re: a, may: match.New(re)}
				}
			}
			c.cites = append(c.cites, p)
		}
	})
	lo, hi := yearBounds(doc)
	for _, name := range c.Parts {
		m := pass.Parts.Get(name)
		if m == nil {
			return fmt.Errorf("no part %q is declared", name)
		}
		for _, h := range m.Headings {
			c.heading(pass, h, lo, hi)
		}
	}
	c.citations(pass, lo, hi)
	if doc.Title != nil {
		c.plans(pass, doc.Title.Range, lo, hi)
	}
	return nil
}

// heading reports a part's heading whose years are all other than the
// report's.
func (c *YearHeading) heading(pass *lint.Pass, h *document.Heading, lo, hi int) {
	doc := pass.Doc
	years := yearsIn(doc, h.TextRange)
	if len(years) == 0 {
		return
	}
	for _, y := range years {
		if y.year >= lo && y.year <= hi {
			return
		}
	}
	pass.Reportf(c.Rule, c.Rule.Severity, years[0].r, "标题“%s”写的是%d年,%s;这一部分写的是所报告年度的情况,请核对年份。",
		h.Label(), years[0].year, reportYear(doc))
}

// citations reports the report's citations of a report of its kind on
// another year that no review verb introduces. Each pattern is tried where
// its literal prefix (《) is, found by substring search over the whole
// text; matches outside the report's own lines are dropped.
func (c *YearHeading) citations(pass *lint.Pass, lo, hi int) {
	doc := pass.Doc
	text := doc.Norm
	for _, p := range c.cites {
		if p.prefix == "" {
			for _, loc := range p.re.FindAllStringSubmatchIndex(text, -1) {
				c.citation(pass, loc, lo, hi)
			}
			continue
		}
		for i := 0; ; {
			k := strings.Index(text[i:], p.prefix)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(p.prefix)
			window := text[at:min(len(text), at+maxCitation)]
			if !p.may.May(window, ^uint64(0)) {
				continue // most 《…》 cite something else
			}
			loc := p.re.FindStringSubmatchIndex(window)
			if loc == nil {
				continue
			}
			for j := range loc {
				if loc[j] >= 0 {
					loc[j] += at
				}
			}
			c.citation(pass, loc, lo, hi)
			i = loc[1]
		}
	}
}

// citation reports the citation at loc (a match of a Citations pattern,
// its first group the year) unless it is of the report year, outside the
// report's own lines, or last year's report after a review verb.
func (c *YearHeading) citation(pass *lint.Pass, loc []int, lo, hi int) {
	doc := pass.Doc
	text := doc.Norm
	if len(loc) < 4 || loc[2] < 0 {
		return
	}
	y, err := strconv.Atoi(text[loc[2]:loc[3]])
	if err != nil || y >= lo && y <= hi {
		return
	}
	line := doc.LineAt(loc[0])
	if line.Kind != document.BodyLine && line.Kind != document.HeadingLine || loc[1] > line.End {
		return
	}
	before := text[max(line.Start, loc[0]-verbReach):loc[0]]
	if y < lo && c.verbs.Match(before) {
		return // last year's report, reviewed or published
	}
	pass.Reportf(c.Rule, c.Rule.Severity, lint.Range{Start: loc[0], End: loc[1]}, "引用的“%s”写的是%d年,%s;如是本报告自身,请改正年份;如是往年的报告,请写明审议、报送等情况。",
		text[loc[0]:loc[1]], y, reportYear(doc))
}

// plans reports a plan the title announces for the year reported on.
func (c *YearHeading) plans(pass *lint.Pass, t lint.Range, lo, hi int) {
	doc := pass.Doc
	text := doc.Slice(t)
	for _, re := range c.Plans {
		for _, loc := range re.FindAllStringSubmatchIndex(text, -1) {
			if len(loc) < 4 || loc[2] < 0 {
				continue
			}
			y, err := strconv.Atoi(text[loc[2]:loc[3]])
			if err != nil || y > hi || y < lo {
				continue
			}
			r := lint.Range{Start: t.Start + loc[0], End: t.Start + loc[1]}
			pass.Reportf(c.Rule, c.Rule.Severity, r, "标题中的“%s”是%d年的工作安排,%s,下一年度的安排应为%d年;请核对年份。",
				text[loc[0]:loc[1]], y, reportYear(doc), doc.Year+1)
		}
	}
}

// reportYear says which year the report is on, and how that was told.
func reportYear(doc *document.Document) string {
	if doc.YearFrom == "date" {
		return fmt.Sprintf("本报告未写明年度,按报告日期推断为%d年度报告", doc.Year)
	}
	return fmt.Sprintf("本报告是%d年度报告", doc.Year)
}
