package checks

// Names the external tests (package checks_test) reach that the API does
// not export.
var FastPattern = fastPattern

const MaxSentence = maxSentence
