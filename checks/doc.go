// Package checks implements the kinds of check a rule pack configures: one
// file per kind, each documented with what it reports and an example. The
// rules package builds them from HCL; a Go program may also build them
// directly and hand them to lint.New, making their patterns with
// document.CompilePattern (see the example). Each check is a
// lint.Check; its exported fields are its configuration, set before the
// first Run and only read after, so one check serves any number of
// reports at once.
//
// Each kind also declares, in its own file, the HCL block that configures
// it, registered with internal/kind in an init function: package rules
// reads the registry and knows nothing of the kinds. CONTRIBUTING.md says
// how to add a kind.
//
// Kinds:
//
//   - Section (section.go): a required part of the report is present as a part
//     of its own, with enough under its heading and the content it must
//     have. Rule ids section/achievements, section/deficiencies,
//     section/responsible-person, section/next-year, section/other.
//   - TitleMissing, TitleYear (title.go): the report has a title naming its
//     subject, and the title's year is the year the body reports on. Rule ids
//     title/missing, title/year.
//   - DateMissing, DateDeadline, DatePeriod, DateMalformed (date.go): the
//     report carries a publication or signing date, it was published before
//     the deadline, not before the year it reports on ended, and its dates
//     can exist. Rule ids date/missing, date/deadline, date/period,
//     date/malformed.
//   - NextYear (nextyear.go): the plan part is about the year after the one
//     reported on. Rule id year/next-year.
//   - Numbering (numbering.go): headings and inline lists are numbered in
//     sequence. Rule id structure/numbering.
//   - DocNumber (docnumber.go): document numbers follow GB/T 9704 7.2.5.
//     Rule id format/doc-number.
//   - YearHeading (yearheading.go): the report names the year it reports
//     on where it names itself. Rule id year/heading.
//   - Placeholder (placeholder.go): no template leftovers. Rule id
//     text/placeholder.
//   - Term (term.go): official formulas written as they are, and no
//     watermarks of 范文 sites; one literal matcher built at load. Rule ids
//     text/term, text/watermark.
//   - Brackets (brackets.go): paired marks balanced within a paragraph.
//     Rule id text/brackets.
//   - SumMismatch (summismatch.go), PartExceedsTotal (partexceeds.go),
//     RateMismatch (ratemismatch.go), PercentRange (percentrange.go),
//     Conflict (conflict.go): the statistics a report states hold together.
//     Rule ids numeric/sum-mismatch, numeric/part-exceeds-total,
//     numeric/rate-mismatch, numeric/percent-range, numeric/conflict.
//   - Relation (relation.go): a rule pack's relation between statistics it
//     names, with assert conditions (internal/condition) evaluated over the
//     ranges the stated numbers stand for (internal/interval); it reports
//     under the rule ids its asserts name.
package checks
