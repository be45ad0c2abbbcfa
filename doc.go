// Package ducha checks a Chinese government's annual report on rule-of-law
// government construction (法治政府建设年度报告) against the requirements that
// govern it — 《法治政府建设与责任落实督察工作规定》 and the standards around it —
// and returns structured findings and a compliance checklist.
//
// # What it checks
//
// The built-in rules (package rules, files rules/builtin/*.hcl) check that the
// report has a title naming its subject and year (title/missing, title/year)
// and the five contents the 规定 requires, each as a part of its own:
// achievements (section/achievements), shortcomings and their causes
// (section/deficiencies), how the Party and government heads fulfilled their
// duty as first responsible persons (section/responsible-person), next year's
// plan (section/next-year) and other matters (section/other). A part with no
// heading and no mention is an error; a part only mentioned in passing, a
// warning; a heading with nothing under it, an error; shortcomings without
// causes and a 第一责任人 part that covers fewer than two classes of duty,
// warnings.
//
// They check the report's dates: that it has one (date/missing), that it
// went public before 1 April of the following year (date/deadline), that it
// is not dated inside the year it reports on (date/period), that no date is
// impossible or lost its 年 and 月 in extraction (date/malformed); that the
// plan names the right year (year/next-year) and the report names its own
// year where it names itself (year/heading); that headings and 一是…二是…
// lists are numbered in order (structure/numbering); that 发文字号 follow
// GB/T 9704 (format/doc-number); that no template placeholder is left
// (text/placeholder), no official formula is misquoted (text/term), no
// 范文 site's watermark is pasted in (text/watermark) and paired marks are
// balanced (text/brackets); and that the statistics hold together: parts that
// exceed their total, a breakdown that does not add up, a rate that does not
// follow from its counts, a proportion outside 0–100%, one figure stated
// twice with two values (numeric/*), with relations a rule pack can add in
// HCL. The README's rule table says what each rule accepts.
//
// # Using it
//
// Check runs the built-in rules on one report:
//
//	res, err := ducha.Check(ctx, src)
//	for _, f := range res.Findings {
//		fmt.Printf("%d:%d %s %s [%s]\n", f.Span.Start.Line, f.Span.Start.Column, f.Severity, f.Message, f.Rule)
//	}
//
// Load adds a province's own rule files to the built-in ones and returns a
// lint.Linter: build it once, then check any number of reports, from any
// number of goroutines.
//
// # How it works
//
// A report goes through four stages: decode (package decode: the bytes of a
// text file, .docx, .doc/.wps, .odt, PDF, .ofd, web page or .mht to UTF-8
// text, told by content), parse (package document: the document model — page
// furniture set aside, title, report year, outline, sentences, quantities,
// dates), check (package checks, configured by package rules from HCL) and
// format (package format: text, JSON, SARIF, GitHub annotations, checklists,
// summary tables, an HTML report, a copy of a .docx with Word comments;
// package serve puts the HTML report on a local web page). Matching runs on a
// normalised view of the text (full-width ASCII folded to half-width, so
// "（一）" reads "(一)"; Traditional characters folded to Simplified; mirror
// sites' pinyin glosses dropped); every position reported is in the original
// text: line and column (1-based, columns counted in characters) and byte
// offset. A finding may carry a suggested fix and related locations.
//
// # Positions, severities, exit status
//
// Findings carry a rule id (stable: filter on it), a severity (error,
// warning, info), a message in Chinese that says what is wrong and what is
// expected, the requirement's source, and a span. The command ducha (in
// cmd/ducha) exits 0 when no finding is at or above the failing severity
// (--fail-on, default error), 1 when one is, and 2 for a usage mistake, a
// file that could not be read (the other files are still checked) or
// invalid rules or configuration. This is Vale's convention (golangci-lint
// uses 3 for failures, TFLint swaps 1 and 2).
package ducha
