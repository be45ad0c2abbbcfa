package checks

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/ducha-dev/ducha/document"
	"github.com/ducha-dev/ducha/internal/condition"
	"github.com/ducha-dev/ducha/internal/kind"
	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/lint"
)

// A part block declares one required part of the report, how to recognise
// it and how strict to be, and configures Section for it; its rule id is
// "section/" + its label:
//
//	part "deficiencies" {
//	  title    = "上一年度推进法治政府建设存在的不足和原因"
//	  source   = "《法治政府建设与责任落实督察工作规定》"
//	  since    = 2019
//	  severity = "error"             # neither a heading nor the body evidences it
//	  inline_severity = "warning"    # only the body mentions it
//	  thin_severity   = "error"      # its heading has fewer than min_chars under it
//	  min_chars = 40
//	  headings     = ["不足", "存在.{0,4}问题"]   # regexps on heading words, any level
//	  not_headings = ["安排|打算"]                # vetoes
//	  mentions     = ["存在.{0,6}(问题|不足)"]   # body evidence when no heading
//	  leading = false   # unrecognised leading top-level headings count as this part
//	  not_in  = ["next-year"]  # parts inside which its headings and mentions do not count
//
//	  require "causes" {               # content the part's text must carry
//	    severity = "warning"
//	    min      = 1                   # classes that must be evidenced
//	    message  = "…${found}…"        # optional template
//	    in_body  = true                # the headings' own words do not count
//	    class "原因分析" { cues = ["原因", "由于"] }
//	  }
//	}
//
// The recognition (headings, not_headings, mentions, leading, not_in) is the
// part's document.PartSpec, which the Linter applies before checks run.
func init() {
	kind.Register(kind.Kind{
		Block: "part", Label: "*", Rule: "section/*", Severity: lint.Error,
		Schema: hcl.BodySchema{
			Attributes: []hcl.AttributeSchema{
				{Name: "inline_severity"}, {Name: "thin_severity"}, {Name: "min_chars"},
				{Name: "headings"}, {Name: "not_headings"}, {Name: "mentions"},
				{Name: "leading"}, {Name: "not_in"},
			},
			Blocks: []hcl.BlockHeaderSchema{{Type: "require", LabelNames: []string{"name"}}},
		},
		Decode: decodeSection,
	})
}

var requireSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "severity"}, {Name: "min"}, {Name: "message"}, {Name: "in_body"}},
	Blocks:     []hcl.BlockHeaderSchema{{Type: "class", LabelNames: []string{"name"}}},
}

var classSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "cues", Required: true}},
}

func decodeSection(d kind.Decoder, rule *lint.Rule) lint.Check {
	name := d.Block().Labels[0]
	d.Require("headings")
	spec := document.PartSpec{
		Name:        name,
		Headings:    d.Patterns("headings"),
		NotHeadings: d.Patterns("not_headings"),
		Mentions:    d.Patterns("mentions"),
		Leading:     d.Bool("leading", false),
		NotIn:       d.Names("not_in"),
	}
	c := &Section{
		Rule:     rule,
		Part:     name,
		Missing:  rule.Severity,
		Inline:   d.Severity("inline_severity", lint.Warning),
		Thin:     d.Severity("thin_severity", lint.Error),
		MinChars: d.Int("min_chars", 0, 0, 100000),
	}
	for _, rb := range d.Blocks() {
		r := d.Sub(rb, requireSchema)
		req := Requirement{
			Name:     rb.Labels[0],
			Severity: r.Severity("severity", lint.Warning),
			Min:      r.Int("min", 1, 0, 100),
			Message:  r.Template("message", messageVars),
			InBody:   r.Bool("in_body", false),
		}
		for _, cb := range r.Blocks() {
			req.Classes = append(req.Classes, CueClass{Name: cb.Labels[0], Cues: r.Sub(cb, classSchema).Patterns("cues")})
		}
		if len(req.Classes) < req.Min {
			r.ErrorAt(rb.DefRange, "Requirement cannot be met", "require %q 要求至少 %d 类内容,但只定义了 %d 个 class;请增加 class 或减小 min。", req.Name, req.Min, len(req.Classes))
		}
		c.Requires = append(c.Requires, req)
	}
	d.DeclarePart(spec)
	return c
}

// Section checks that a required part of the report is there as a part of
// its own: a heading (at any level) recognised as the part, with enough
// under it, and the content the part must carry.
//
// For the part "存在的不足和原因" (section/deficiencies) a report fails with
//
//	一、2020年主要工作 … 但也存在不少薄弱环节。一是…
//	二、2021年度推进法治政府建设的主要安排 …
//
// (a warning: the shortcomings are only a closing paragraph of part 一) and
// passes with
//
//	二、存在的不足和原因
//	一是法律人才储备不足,主要是…
//
// What counts as the part's heading or mention is the document.PartSpec of the
// same name; the Linter recognises all parts before checks run.
type Section struct {
	Rule *lint.Rule
	// Part names the document.PartSpec this check reads.
	Part string
	// Missing is the severity when neither a heading nor the body evidences
	// the part; Inline when only the body does; Thin when the heading has
	// fewer than MinChars characters under it.
	Missing, Inline, Thin lint.Severity
	MinChars              int
	// Requires are content requirements on the part's text.
	Requires []Requirement

	once sync.Once
	cues [][]match.Set // per Requires, per Classes: the Cues analysed
}

// A Requirement asks that a part's text (heading included unless InBody) evidence at
// least Min of its Classes, each by any of its cues: the shortcomings must
// name causes, the 第一责任人 part must cover at least two classes of duty.
type Requirement struct {
	Name     string
	Severity lint.Severity
	Min      int
	Classes  []CueClass
	// Message is a template over part, heading, found, missing, count and
	// min; nil for the default wording.
	Message hcl.Expression
	// InBody says that only the text under the part's headings counts, not
	// the headings' own words: "二、存在的不足和原因" names 原因 but gives
	// none, so the causes must be in the body.
	InBody bool
}

// A CueClass is one kind of content and the phrases that evidence it.
type CueClass struct {
	Name string
	Cues []*document.Pattern
}

// messageVars are the variables a Requirement's message template may use.
var messageVars = []string{"part", "heading", "found", "missing", "count", "min"}

func (c *Section) Rules() []*lint.Rule { return []*lint.Rule{c.Rule} }

func (c *Section) Run(pass *lint.Pass) error {
	if !pass.Applies(c.Rule) {
		return nil
	}
	m := pass.Parts.Get(c.Part)
	if m == nil {
		return fmt.Errorf("no part %q is declared", c.Part)
	}
	doc := pass.Doc
	switch {
	case m.Found():
		h := m.Headings[0]
		pass.Evidence(c.Rule, h.Range)
		chars := 0
		for _, g := range m.Headings {
			chars += doc.Chars(g.Body)
		}
		if chars < c.MinChars {
			pass.Reportf(c.Rule, c.Thin, h.Range, "“%s”下内容过少(%d字),不足以说明%s;应至少写%d字的实际情况。",
				h.Label(), chars, c.Rule.Title, c.MinChars)
			return nil
		}
		text := doc.Slice(m.Region())
		c.once.Do(func() {
			c.cues = make([][]match.Set, len(c.Requires))
			for i, req := range c.Requires {
				for _, cl := range req.Classes {
					c.cues[i] = append(c.cues[i], match.NewSet(cl.Cues))
				}
			}
		})
		body := "" // the headings' bodies without their words, when a requirement asks
		for i, req := range c.Requires {
			if !req.InBody {
				c.require(pass, req, c.cues[i], h, text)
				continue
			}
			if body == "" {
				body = bodies(doc, m.Headings)
			}
			c.require(pass, req, c.cues[i], h, body)
		}
	case m.Mentioned():
		pass.Reportf(c.Rule, c.Inline, m.Mention, "“%s”没有单列为报告的一部分,只在正文中提及(“%s”);应以标题单列,写明具体情况。",
			c.Rule.Title, excerpt(doc, m.Mention))
	default:
		pass.Reportf(c.Rule, c.Missing, doc.Top(), "缺少“%s”部分:未找到相应标题,正文中也没有相关内容;年度报告应当写明此项内容。", c.Rule.Title)
	}
	return nil
}

// cues are req.Classes' Cues, analysed.
func (c *Section) require(pass *lint.Pass, req Requirement, cues []match.Set, h *document.Heading, text string) {
	var found, missing []string
	for i, cl := range req.Classes {
		hit := cues[i].Match(text) // never the empty text
		if text == "" {
			hit = slices.ContainsFunc(cl.Cues, func(re *match.Regexp) bool { return re.MatchString(text) })
		}
		if hit {
			found = append(found, cl.Name)
		} else {
			missing = append(missing, cl.Name)
		}
	}
	if len(found) >= req.Min {
		return
	}
	foundText := "无"
	if len(found) > 0 {
		foundText = strings.Join(found, "、")
	}
	def := fmt.Sprintf("“%s”部分的内容不全:涉及%d类(%s),应至少涵盖%d类;尚未涉及:%s。",
		c.Rule.Title, len(found), foundText, req.Min, strings.Join(missing, "、"))
	msg := condition.Message(req.Message, def, map[string]cty.Value{
		"part":    cty.StringVal(c.Rule.Title),
		"heading": cty.StringVal(h.Label()),
		"found":   cty.StringVal(foundText),
		"missing": cty.StringVal(strings.Join(missing, "、")),
		"count":   cty.NumberIntVal(int64(len(found))),
		"min":     cty.NumberIntVal(int64(req.Min)),
	})
	pass.Report(c.Rule, req.Severity, h.Range, msg)
}

// excerpt returns the sentence around r, shortened for a message.
func excerpt(doc *document.Document, r lint.Range) string {
	for _, s := range doc.Sentences {
		if s.Start <= r.Start && r.Start < s.End {
			return shorten(doc.Slice(s), 40)
		}
	}
	return shorten(doc.Slice(r), 40)
}

// shorten cuts s to at most n characters, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// bodies returns the text under the headings, without the headings' own
// words, one body a line.
func bodies(doc *document.Document, hs []*document.Heading) string {
	var b strings.Builder
	for _, g := range hs {
		b.WriteString(doc.Slice(g.Body))
		b.WriteByte('\n')
	}
	return b.String()
}
