package document

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/ducha-dev/ducha/internal/match"
	"github.com/ducha-dev/ducha/internal/utf8x"
)

// A PartSpec says how to recognise one required part of the report (the
// five parts of 第二十五条): by its heading, at any level, or failing that by
// a mention in the body. Rule packs declare them; the Linter recognises all
// parts once per document, before any check runs, because the parts compete
// for headings and several checks need to know where each part is.
type PartSpec struct {
	// Name is the part's name, the suffix of its rule id ("deficiencies").
	Name string
	// Headings match the words of a heading that opens the part.
	Headings []*Pattern
	// NotHeadings veto a heading that Headings matched ("安排" keeps a plan
	// heading from counting as achievements).
	NotHeadings []*Pattern
	// Mentions match body text that evidences the part when no heading does.
	Mentions []*Pattern
	// Leading makes the top-level headings that precede every other
	// recognised part count as this part when no heading names it: reports
	// often set out their achievements under several thematic headings.
	Leading bool
	// NotIn names the parts inside which neither a heading nor a mention
	// counts for this part: "履行第一责任人职责" under next year's plan is a
	// plan, not evidence of this year's work; under the shortcomings it is a
	// shortcoming. Elsewhere (as a sub-heading of the achievements, say) it
	// counts.
	NotIn []string
}

// PartMatch is where a part was found.
type PartMatch struct {
	Spec *PartSpec
	// Headings are the headings recognised as the part: usually one, several
	// when Leading gathered them; none when the part has no heading.
	Headings []*Heading
	// Mention is where the body mentions the part, when no heading opens it;
	// empty otherwise.
	Mention Range
}

// Found reports whether the part has a heading of its own.
func (m *PartMatch) Found() bool { return len(m.Headings) > 0 }

// Mentioned reports whether the part is evidenced only in the body.
func (m *PartMatch) Mentioned() bool { return len(m.Headings) == 0 && m.Mention.Len() > 0 }

// Region is the text of the part: from its first heading to the end of the
// last heading's body. It is empty when the part has no heading.
func (m *PartMatch) Region() Range {
	if len(m.Headings) == 0 {
		return Range{}
	}
	return Range{m.Headings[0].Range.Start, m.Headings[len(m.Headings)-1].Body.End}
}

// Parts is the result of recognising the required parts of one document.
type Parts struct {
	doc     *Document
	matches []*PartMatch // in spec order
	byName  map[string]*PartMatch
	heading []*PartMatch // per Outline index
}

// Get returns the match for the named part, or nil when no spec has that
// name.
func (p *Parts) Get(name string) *PartMatch { return p.byName[name] }

// All returns the matches in the order the specs were declared.
func (p *Parts) All() []*PartMatch { return p.matches }

// OfHeading returns the name of the part the heading at index i of the
// outline was recognised as, or "".
func (p *Parts) OfHeading(i int) string {
	if i < 0 || i >= len(p.heading) || p.heading[i] == nil {
		return ""
	}
	return p.heading[i].Spec.Name
}

// At returns the name of the innermost part whose region contains offset n,
// or "".
func (p *Parts) At(n int) string {
	name, level := "", 0
	for i, m := range p.heading {
		if m == nil {
			continue
		}
		h := p.doc.Outline[i]
		if n >= h.Range.Start && n < h.Body.End && h.Level > level {
			name, level = m.Spec.Name, h.Level
		}
	}
	return name
}

// A PartFinder finds in a report the parts that PartSpecs describe. Build
// it once per rule set: it analyses the specs' patterns when it first
// finds, and serves any number of reports at once.
type PartFinder struct {
	specs []PartSpec
	once  sync.Once
	pats  []partPatterns
}

// NewPartFinder returns a PartFinder for specs.
func NewPartFinder(specs []PartSpec) *PartFinder {
	return &PartFinder{specs: specs}
}

// Find finds the parts in d.
//
// A heading is recognised as the part whose Headings match its words (and
// whose NotHeadings do not); when several parts match, the longest match
// wins, then the first spec. Each part takes the shallowest, earliest
// heading recognised as it, skipping headings inside the parts its NotIn
// names. Parts left without a heading are then looked for in the body,
// again outside the parts NotIn names.
func (f *PartFinder) Find(d *Document) *Parts {
	f.once.Do(func() { f.pats = compileParts(f.specs) })
	return recognizeParts(d, f.specs, f.pats)
}

// partPatterns are a PartSpec's regexps, analysed for matching (package
// match): a heading or sentence that lacks every literal a pattern's
// matches contain is not run through the pattern.
type partPatterns struct {
	headings, notHeadings, mentions []match.Pattern
}

// compileParts analyses the specs' patterns; a PartFinder does it once.
func compileParts(specs []PartSpec) []partPatterns {
	out := make([]partPatterns, len(specs))
	for i, sp := range specs {
		out[i] = partPatterns{
			headings:    match.NewSet(sp.Headings),
			notHeadings: match.NewSet(sp.NotHeadings),
			mentions:    match.NewSet(sp.Mentions),
		}
	}
	return out
}

func recognizeParts(d *Document, specs []PartSpec, pats []partPatterns) *Parts {
	p := &Parts{doc: d, byName: make(map[string]*PartMatch, len(specs)), heading: make([]*PartMatch, len(d.Outline))}
	for i := range specs {
		m := &PartMatch{Spec: &specs[i]}
		p.matches = append(p.matches, m)
		p.byName[specs[i].Name] = m
	}
	// candidate part of each heading
	cand := make([]*PartMatch, len(d.Outline))
	for i, h := range d.Outline {
		if isItemSentence(h) {
			continue
		}
		best, bestLen := (*PartMatch)(nil), 0
		mask := match.RuneMask(h.Text)
		for j, m := range p.matches {
			if n := matchLen(&pats[j], h.Text, mask); n > bestLen {
				best, bestLen = m, n
			}
		}
		cand[i] = best
	}
	// assign, shallowest level first, then text order
	for level := 1; level <= 4; level++ {
		for i, h := range d.Outline {
			if h.Level != level || cand[i] == nil || len(cand[i].Headings) > 0 {
				continue
			}
			if p.inside(p.doc.Outline[i].Parent, cand[i].Spec.NotIn) {
				continue
			}
			cand[i].Headings = append(cand[i].Headings, h)
			p.heading[i] = cand[i]
		}
	}
	p.gatherLeading()
	for j, m := range p.matches {
		if !m.Found() {
			m.Mention = p.mention(m.Spec, pats[j].mentions)
		}
	}
	return p
}

// isItemSentence reports whether a heading's words are a long sentence of
// an item rather than the name of a part: "1.将……纳入2023年党组理论学习
// 中心组学习计划,制定了……,全年共组织开展法治专题学习5次。" names 计划 and a
// year, but states past work. Part headings are short (the longest the
// 规定 words is 37 characters); an item's first sentence is not.
func isItemSentence(h *Heading) bool {
	n := runeLen(h.Text)
	return n > 50 || h.Level >= 3 && n > 30 && strings.Contains(h.Text, ",")
}

// matchLen returns the length of the longest heading match of spec in text
// (whose match.RuneMask is mask), or 0 when spec does not recognise text.
func matchLen(pats *partPatterns, text string, mask uint64) int {
	best := 0
	for i := range pats.headings {
		if loc := pats.headings[i].FindIndex(text, mask); loc != nil && loc[1]-loc[0] >= best {
			best = max(loc[1]-loc[0], 1)
		}
	}
	if best == 0 {
		return 0
	}
	for i := range pats.notHeadings {
		if pats.notHeadings[i].MatchMask(text, mask) {
			return 0
		}
	}
	return best
}

// inside reports whether heading a or one of its ancestors was recognised
// as one of the named parts.
func (p *Parts) inside(a int, names []string) bool {
	for ; a >= 0; a = p.doc.Outline[a].Parent {
		if m := p.heading[a]; m != nil && slices.Contains(names, m.Spec.Name) {
			return true
		}
	}
	return false
}

// gatherLeading gives a Leading part without a heading the top-level
// headings that come before every other recognised top-level part.
func (p *Parts) gatherLeading() {
	top := 0
	for _, h := range p.doc.Outline {
		if top == 0 || h.Level < top {
			top = h.Level
		}
	}
	for _, m := range p.matches {
		if !m.Spec.Leading || m.Found() {
			continue
		}
		for i, h := range p.doc.Outline {
			if h.Level != top {
				continue
			}
			if p.heading[i] != nil {
				break
			}
			m.Headings = append(m.Headings, h)
			p.heading[i] = m
		}
	}
}

// mention finds the first body sentence that evidences spec, outside the
// regions of the parts spec.NotIn names (a plan to do something next year
// is no evidence that it was done).
func (p *Parts) mention(spec *PartSpec, pats []match.Pattern) Range {
	if len(spec.Mentions) == 0 {
		return Range{}
	}
	sents := p.doc.Sentences
	cand := p.candidates(pats)
	excluded := p.regions(spec.NotIn)
	for i, s := range sents {
		if cand != nil && !cand[i] || excluded.contains(s.Start) {
			continue
		}
		text := p.doc.Slice(s)
		for j := range pats {
			if loc := pats[j].FindIndex(text, ^uint64(0)); loc != nil {
				return Range{s.Start + loc[0], s.Start + loc[1]}
			}
		}
	}
	return Range{}
}

// candidates marks the sentences that contain a literal of one of pats
// (see match.Pattern.Literals): no other sentence can match them. It
// searches the whole text for each literal rather than each sentence for
// every one. It returns nil when a pattern has no literals to go by.
func (p *Parts) candidates(pats []match.Pattern) []bool {
	sents := p.doc.Sentences
	var cand []bool
	for j := range pats {
		lits := pats[j].Literals()
		if lits == nil {
			return nil
		}
		for _, l := range lits {
			if l == "" {
				return nil
			}
			if cand == nil {
				cand = make([]bool, len(sents))
			}
			s := p.doc.Norm
			for at := 0; ; {
				k := utf8x.Index(s[at:], l)
				if k < 0 {
					break
				}
				o := at + k
				// the sentence that starts at or before o
				i := sort.Search(len(sents), func(i int) bool { return sents[i].Start > o }) - 1
				if i >= 0 && o+len(l) <= sents[i].End {
					cand[i] = true
				}
				at = o + 1
			}
		}
	}
	return cand
}

// spans is a set of offsets, as sorted, disjoint, non-adjacent ranges.
type spans []Range

// contains reports whether offset n lies in one of the ranges.
func (sp spans) contains(n int) bool {
	i := sort.Search(len(sp), func(i int) bool { return sp[i].End > n })
	return i < len(sp) && sp[i].Start <= n
}

// regions returns the offsets that lie in the region (text and body) of a
// heading recognised as one of the named parts.
func (p *Parts) regions(names []string) spans {
	var rs []Range
	for i, m := range p.heading {
		if m == nil || !slices.Contains(names, m.Spec.Name) {
			continue
		}
		h := p.doc.Outline[i]
		if h.Range.Start < h.Body.End {
			rs = append(rs, Range{h.Range.Start, h.Body.End})
		}
	}
	slices.SortFunc(rs, func(a, b Range) int { return a.Start - b.Start })
	var out spans
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}
