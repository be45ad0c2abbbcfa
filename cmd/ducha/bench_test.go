package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	ducharoot "github.com/ducha-dev/ducha"
)

// BenchmarkCheckAll checks 1,000 reports (the seeds, over and over, as
// files in a directory) through the command's worker pool, one worker per
// core, as "ducha check DIR" does: reading, decoding, parsing and checking,
// without printing.
func BenchmarkCheckAll(b *testing.B) {
	l, err := ducharoot.Default()
	if err != nil {
		b.Fatal(err)
	}
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(seeds) == 0 {
		b.Fatal("no seeds")
	}
	dir := b.TempDir()
	var size int64
	for i := range 1000 {
		src, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.txt", i)), src, 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(src))
	}
	ins, err := walker{include: defaultInclude}.expand([]string{dir})
	if err != nil || len(ins) != 1000 {
		b.Fatalf("%d inputs, %v", len(ins), err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range checkAll(context.Background(), l, ins, runtime.GOMAXPROCS(0), readOptions{}) {
			if f.Err != nil {
				b.Fatal(f.Err)
			}
		}
	}
}
