package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

const versionUsage = `用法:ducha version

显示 ducha 的版本(模块版本,源码构建时为 devel 及提交号)和构建所用的 Go 版本。
`

func (c *cli) version(inv *invocation) int {
	if len(inv.args) > 0 {
		return inv.fail("多余的参数 %q", inv.args)
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintf(c.stdout, "ducha %s%s %s %s/%s\n", moduleVersion(bi), revision(bi), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

// moduleVersion is the version of the ducha module the binary was built
// from ("v0.4.0" when installed with go install …@v0.4.0), or "devel"; bi
// is debug.ReadBuildInfo's (nil when it has none).
func moduleVersion(bi *debug.BuildInfo) string {
	if bi == nil || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return "devel"
	}
	return bi.Main.Version
}

// revision is " (commit abc1234, modified)" when the binary was built from
// a version-control checkout, else "".
func revision(bi *debug.BuildInfo) string {
	if bi == nil {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", 有未提交的修改"
			}
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return " (提交 " + rev + modified + ")"
}
