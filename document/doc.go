// Package document is the model of a report and its parser: Parse reads a
// report's decoded text (package decode hands it over; the linter glues the
// two, see lint.Parse) and builds a Document — the text's normalised view,
// its lines and what each is (page furniture, metadata, title, heading,
// body, signature), the report year, the outline of numbered headings, the
// inline enumerations, the sentences, the dates and their kinds, the
// document numbers and the quantities the body states. A PartFinder then
// says which heading is which required part (Parts), as PartSpecs describe
// them.
//
// Everything a check looks at is here, computed once per report; a
// Document is only read after Parse, so checks on many goroutines share it.
// Ranges index the normalised view (Document.Norm); Position and Span turn
// them into lines, columns and byte offsets of the original text.
//
// The package knows nothing of rules or findings (package lint) nor of
// file formats (package decode).
package document
