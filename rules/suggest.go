package rules

import (
	"strings"

	"github.com/ducha-dev/ducha/lint"
)

// Suggest names the rule ids of rs that look like id (a typo, a missing
// prefix), as "(是不是 x?)", or returns "": for messages about an unknown
// rule id, in rule files and in configurations alike.
func Suggest(id string, rs []*lint.Rule) string {
	var near []string
	tail := id[strings.LastIndex(id, "/")+1:]
	for _, r := range rs {
		rtail := r.ID[strings.LastIndex(r.ID, "/")+1:]
		if distance(id, r.ID) <= 2 || (tail != "" && (tail == rtail || distance(tail, rtail) <= 1 && len(tail) > 3)) {
			near = append(near, r.ID)
		}
	}
	if len(near) == 0 {
		return ""
	}
	return "(是不是 " + strings.Join(near, "、") + "?)"
}

// distance is the Levenshtein distance between a and b, in bytes (rule
// ids are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
