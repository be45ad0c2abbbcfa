package dates

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The scanners skip to the next digit (and 年) instead of stepping through
// every character; these are the loops they replaced, as references.

func referenceFind(s string) []Date {
	var out []Date
	last := 0 // end of the last date found: the Han lookback must not cross it
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isDigit(c):
			j := digitEnd(s, i)
			if d, ok := arabicAt(s, i, j); ok {
				d.Key = keyBefore(s, d.Start)
				out = append(out, d)
				i, last = d.End, d.End
				continue
			}
			i = j
		case c == 0xE5 && strings.HasPrefix(s[i:], "年"):
			if d, ok := hanNumeralAt(s, i, last); ok {
				d.Key = keyBefore(s, d.Start)
				out = append(out, d)
				i, last = d.End, d.End
				continue
			}
			i += len("年")
		case c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3 // a whole Han character (most of the text): no digit inside
		default:
			i++
		}
	}
	return out
}

func referenceFindGlued(s string) []Glue {
	var out []Glue
	var mentions [200]uint8 // "YYYY年" seen, for 1900..2099 (saturating)
	yearGlues := 0
	for i := 0; i < len(s); {
		if c := s[i]; !isDigit(c) {
			if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				i += 3 // a whole Han character: no digit inside
			} else {
				i++
			}
			continue
		}
		j := digitEnd(s, i)
		if j-i == 4 && strings.HasPrefix(s[j:], "年") {
			if y := atoi(s[i:j]); y >= 1900 && y <= 2099 && mentions[y-1900] < 255 {
				mentions[y-1900]++
			}
		}
		if g, ok := glueAt(s, i, j); ok && (len(out) == 0 || g.Start >= out[len(out)-1].End) {
			out = append(out, g)
			if g.Kind == YearGlue {
				yearGlues++
			}
			i = g.End
			continue
		}
		i = j
	}
	if yearGlues == 0 {
		return out
	}
	kept := out[:0]
	for _, g := range out {
		if g.Kind != YearGlue || mentions[atoi(g.Text[:4])-1900] >= minYearMentions {
			kept = append(kept, g)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

func FuzzFindReference(f *testing.F) {
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(string(b[:min(len(b), 2000)]))
	}
	f.Add("2019111日至2020101日,\xe4\xb82021年3月5日,二〇二一年三月,厅字〔201928")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Find(s), referenceFind(s); !reflect.DeepEqual(got, want) {
			t.Errorf("Find(%q) = %v, want %v", s, got, want)
		}
		if got, want := FindGlued(s), referenceFindGlued(s); !reflect.DeepEqual(got, want) {
			t.Errorf("FindGlued(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestFindReferenceSeeds(t *testing.T) {
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		s := strings.ReplaceAll(string(b), "\r", "")
		if got, want := Find(s), referenceFind(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Find differs from the reference", file)
		}
		if got, want := FindGlued(s), referenceFindGlued(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: FindGlued differs from the reference", file)
		}
	}
}
