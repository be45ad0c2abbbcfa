package hclfreeze

// The blank import makes this package's test binary accept -update, so that
// "go test ./... -update" runs everywhere: the flag is defined once, in
// internal/golden, and this package's tests rewrite no files.
import _ "github.com/ducha-dev/ducha/internal/golden"
