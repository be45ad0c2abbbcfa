package lint

import "strings"

// topLayer drops the findings that a check of a higher layer reported too
// (Config.Layers): of the findings reported with ReportOnce (a figure that
// several checks may judge), those of the same rule at the same range, or
// of a rule of the same family ("numeric" of numeric/rate-mismatch) at
// exactly the same range, keep only the highest layer's. A
// province's relation that reports 调解成功率 under its own rule id and the
// built-in numeric/rate-mismatch on the same figure is one mistake: the
// reader sees the province's finding. Findings of one layer are left as
// they are.
func topLayer(fs []pending) []pending {
	first, mixed := -1, false
	for _, f := range fs {
		if f.once {
			mixed = mixed || first >= 0 && f.layer != first
			if first < 0 {
				first = f.layer
			}
		}
	}
	if !mixed {
		return fs
	}
	type key struct {
		family string
		r      Range
	}
	top := make(map[key]int, len(fs))
	for _, f := range fs {
		if !f.once {
			continue
		}
		k := key{family(f.rule.ID), f.r}
		if l, ok := top[k]; !ok || f.layer > l {
			top[k] = f.layer
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if !f.once || f.layer >= top[key{family(f.rule.ID), f.r}] {
			out = append(out, f)
		}
	}
	return out
}

// family is the part of a rule id before its slash.
func family(id string) string {
	f, _, _ := strings.Cut(id, "/")
	return f
}
