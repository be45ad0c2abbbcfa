package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/ducha-dev/ducha/lint"
	"github.com/ducha-dev/ducha/rules"
)

// configName is the configuration file ducha looks for in the working
// directory and its parents.
const configName = ".ducha.hcl"

// A config is a .ducha.hcl file, decoded:
//
//	rules     = ["province.hcl", "rules/"]   # extra rule packs, relative to this file
//	builtin   = true                         # load the built-in rules (default true)
//	disable   = ["section/other"]
//	severity  = { "section/deficiencies" = "error", "section/other" = "off" }
//	fail_on   = "warning"                    # error (default), warning or info
//	year      = 2023                         # the year reported on, for every file
//	published = "2024-03-20"                 # publication date, for every file
//	include   = ["*.txt", "*.docx"]          # what a directory walk picks
//	exclude   = ["草稿*", "old/"]
//
// Flags given on the command line win over it.
type config struct {
	path string // "" when there is no configuration file
	file *hcl.File

	rules    []string // resolved against the file's directory
	builtin  bool
	disable  []idRef
	severity []severityRef
	failOn   lint.Severity // 0: not set
	year     int
	// published is the date the reports were published, when the user
	// states it: it wins over the publication dates of the pages
	// (date/deadline, date/period). --published wins over it.
	published        time.Time
	include, exclude []string
}

// An idRef is a rule id written in the configuration, with its position,
// checked against the rules once they have loaded.
type idRef struct {
	id  string
	rng hcl.Range
}

type severityRef struct {
	idRef
	severity lint.Severity
	off      bool // "off": the rule is disabled, as in disable
}

var configSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "rules"}, {Name: "builtin"}, {Name: "disable"}, {Name: "severity"}, {Name: "fail_on"},
	{Name: "year"}, {Name: "published"}, {Name: "include"}, {Name: "exclude"},
}, Blocks: []hcl.BlockHeaderSchema{{Type: "override", LabelNames: []string{"rule"}}}} // read by rules.Load

// findConfig returns the configuration file for dir: the nearest
// .ducha.hcl in dir or a parent, or "" when there is none.
func findConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, configName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// loadConfig reads and decodes the configuration file at path. Every
// mistake is a diagnostic with the file, line and column; the returned
// parser holds the file for printing them.
func loadConfig(path string) (*config, *hclparse.Parser, hcl.Diagnostics) {
	cfg := &config{path: path, builtin: true}
	p := hclparse.NewParser()
	src, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "文件不存在"
		}
		return cfg, p, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Cannot read configuration",
			Detail: fmt.Sprintf("无法读取配置文件 %s:%s。", path, msg)}}
	}
	f, diags := p.ParseHCL(src, path)
	if diags.HasErrors() {
		return cfg, p, diags
	}
	cfg.file = f
	content, d := f.Body.Content(configSchema)
	diags = append(diags, d...)
	dc := configDecoder{diags: &diags}
	a := content.Attributes
	dir := filepath.Dir(path)
	for _, e := range dc.elements(a["rules"]) {
		r := e.id
		if !filepath.IsAbs(r) {
			r = filepath.Join(dir, r)
		}
		if msg := missingRules(r); msg != "" {
			dc.errorf(e.rng, "Rule file not found", "%s(路径相对于配置文件所在的目录 %s)。", msg, dir)
			continue
		}
		cfg.rules = append(cfg.rules, r)
	}
	if v, ok := dc.value(a["builtin"], cty.Bool); ok {
		cfg.builtin = v.True()
	}
	cfg.disable = dc.elements(a["disable"])
	cfg.severity = dc.severities(a["severity"])
	if at := a["fail_on"]; at != nil {
		if v, ok := dc.value(at, cty.String); ok {
			s, err := lint.ParseSeverity(v.AsString())
			if err != nil {
				dc.errorf(at.Expr.Range(), "Invalid fail_on", "fail_on 应为 \"error\"、\"warning\" 或 \"info\",不能是 %q。", v.AsString())
			}
			cfg.failOn = s
		}
	}
	if at := a["year"]; at != nil {
		if v, ok := dc.value(at, cty.Number); ok {
			n, acc := v.AsBigFloat().Int64()
			if !v.AsBigFloat().IsInt() || acc != 0 || n < minYear || n > maxYear {
				dc.errorf(at.Expr.Range(), "Invalid year", "year 应为 %d 到 %d 之间的年份,如 2023(所报告的年度)。", minYear, maxYear)
			} else {
				cfg.year = int(n)
			}
		}
	}
	if at := a["published"]; at != nil {
		if v, ok := dc.value(at, cty.String); ok {
			t, err := time.Parse(time.DateOnly, v.AsString())
			if err != nil {
				dc.errorf(at.Expr.Range(), "Invalid date", "published 应为 YYYY-MM-DD 形式的有效日期,如 \"2024-03-20\",不能是 %q。", v.AsString())
			}
			cfg.published = t
		}
	}
	cfg.include = dc.globs(a["include"])
	cfg.exclude = dc.globs(a["exclude"])
	return cfg, p, diags
}

// checkIDs diagnoses rule ids in disable and severity that the loaded
// rules do not have.
func (c *config) checkIDs(set *rules.Set) hcl.Diagnostics {
	var diags hcl.Diagnostics
	refs := append([]idRef(nil), c.disable...)
	for _, s := range c.severity {
		refs = append(refs, s.idRef)
	}
	for _, r := range refs {
		if _, ok := set.DeclRange(r.id); ok {
			continue
		}
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown rule",
			Detail: fmt.Sprintf("没有 id 为 %q 的规则%s;运行 ducha rules list 查看所有规则。", r.id, rules.Suggest(r.id, set.Rules())), Subject: r.rng.Ptr()})
	}
	return diags
}

// configDecoder reads attribute values, recording a diagnostic with the
// value's range for every mistake.
type configDecoder struct{ diags *hcl.Diagnostics }

func (d configDecoder) errorf(rng hcl.Range, summary, detail string, args ...any) {
	*d.diags = append(*d.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary,
		Detail: fmt.Sprintf(detail, args...), Subject: rng.Ptr()})
}

func (d configDecoder) value(a *hcl.Attribute, want cty.Type) (cty.Value, bool) {
	if a == nil {
		return cty.NilVal, false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		*d.diags = append(*d.diags, diags...)
		return cty.NilVal, false
	}
	cv, err := convert.Convert(v, want)
	if err != nil || cv.IsNull() || !cv.IsWhollyKnown() {
		d.errorf(a.Expr.Range(), "Invalid value for "+a.Name, "%s 应为%s。", a.Name, typeName(want))
		return cty.NilVal, false
	}
	return cv, true
}

func typeName(t cty.Type) string {
	switch t {
	case cty.String:
		return "字符串,如 \"…\""
	case cty.Number:
		return "整数"
	case cty.Bool:
		return "true 或 false"
	}
	return t.FriendlyName()
}

// elements reads a list of strings, each with its own range.
func (d configDecoder) elements(a *hcl.Attribute) []idRef {
	if a == nil {
		return nil
	}
	exprs, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		d.errorf(a.Expr.Range(), "Invalid value for "+a.Name, "%s 应为字符串列表,如 [\"…\", \"…\"]。", a.Name)
		return nil
	}
	var out []idRef
	for _, e := range exprs {
		v, diags := e.Value(nil)
		if diags.HasErrors() {
			*d.diags = append(*d.diags, diags...)
			continue
		}
		if v.IsNull() || v.Type() != cty.String {
			d.errorf(e.Range(), "Invalid value for "+a.Name, "%s 的每一项都应是字符串,如 \"section/other\"。", a.Name)
			continue
		}
		out = append(out, idRef{id: v.AsString(), rng: e.Range()})
	}
	return out
}

// globs reads a list of file-name patterns, diagnosing bad ones.
func (d configDecoder) globs(a *hcl.Attribute) []string {
	var out []string
	for _, e := range d.elements(a) {
		if err := checkGlob(e.id); err != nil {
			d.errorf(e.rng, "Invalid pattern", "%v。", err)
			continue
		}
		out = append(out, e.id)
	}
	return out
}

// severities reads { "rule/id" = "warning", … }.
func (d configDecoder) severities(a *hcl.Attribute) []severityRef {
	if a == nil {
		return nil
	}
	pairs, diags := hcl.ExprMap(a.Expr)
	if diags.HasErrors() {
		d.errorf(a.Expr.Range(), "Invalid value for severity", "severity 应为规则 id 到级别的映射,如 { \"section/other\" = \"warning\" }。")
		return nil
	}
	var out []severityRef
	for _, p := range pairs {
		k, diags := p.Key.Value(nil)
		if diags.HasErrors() || k.IsNull() || k.Type() != cty.String {
			d.errorf(p.Key.Range(), "Invalid rule id", "规则 id 要加引号,如 \"section/other\" = \"warning\"。")
			continue
		}
		v, diags := p.Value.Value(nil)
		if diags.HasErrors() || v.IsNull() || v.Type() != cty.String {
			d.errorf(p.Value.Range(), "Invalid severity", "级别应为 \"error\"、\"warning\"、\"info\" 或 \"off\"(关闭该规则)。")
			continue
		}
		ref := severityRef{idRef: idRef{id: k.AsString(), rng: p.Key.Range()}, off: strings.EqualFold(v.AsString(), "off")}
		if !ref.off {
			s, err := lint.ParseSeverity(v.AsString())
			if err != nil {
				d.errorf(p.Value.Range(), "Invalid severity", "级别应为 \"error\"、\"warning\"、\"info\" 或 \"off\"(关闭该规则),不能是 %q。", v.AsString())
				continue
			}
			ref.severity = s
		}
		out = append(out, ref)
	}
	return out
}

// missingRules says what is wrong with a rule path that cannot be loaded
// (missing, or a directory with no .hcl file in it), or "" when it can.
// Checked before loading, so that every bad path is reported at once.
func missingRules(path string) string {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("找不到规则文件或目录 %s", path)
	case err != nil:
		return fmt.Sprintf("无法读取规则路径 %s:%v", path, err)
	case st.IsDir():
		if m, _ := filepath.Glob(filepath.Join(path, "*.hcl")); len(m) == 0 {
			return fmt.Sprintf("规则目录 %s 中没有 .hcl 文件", path)
		}
	}
	return ""
}
