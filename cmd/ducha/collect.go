package main

import (
	"os"
	"runtime/debug"
)

// smallTotal is the size of input, in bytes, up to which ducha check runs
// without the garbage collector (collectLess). Checking allocates about
// seven bytes per byte of report (a 10 MB report: 89 MB resident without
// the collector, 68 MB with it), so a run this small holds at most a few
// tens of megabytes more without it; with it, the one collection a 30 KB
// report gets (of the rules' syntax trees, once they have loaded) cost
// more than a millisecond and 150 page faults, and freed nothing the run
// needed.
const smallTotal = 4 << 20

// collectLimit bounds the memory of a run without the collector: should an
// input need that much, the collector runs when the heap reaches it.
const collectLimit = 256 << 20

// smallInputs reports whether the inputs are files whose sizes add up to
// at most smallTotal. Standard input's size is not known beforehand.
func smallInputs(ins []input) bool {
	var total int64
	for _, in := range ins {
		if in.stdin {
			return false
		}
		if in.err != nil {
			continue
		}
		st, err := os.Stat(in.path)
		if err != nil {
			continue // reported when it is read
		}
		if total += st.Size(); total > smallTotal {
			return false
		}
	}
	return true
}

// collectLess turns the garbage collector off for the rest of the process,
// up to collectLimit, unless the user has set GOGC or GOMEMLIMIT: for a
// short run, collecting costs more than the memory it frees (ducha check
// of one report ends within milliseconds, and the operating system takes
// its memory back at exit). Only main's run may call it, since the
// setting outlives the command.
func (c *cli) collectLess() {
	if c.getenv("GOGC") != "" || c.getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(collectLimit)
}
