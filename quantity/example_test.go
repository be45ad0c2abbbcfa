package quantity_test

import (
	"fmt"

	"github.com/ducha-dev/ducha/quantity"
)

func ExampleExtract() {
	s := "全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率99.13%,涉及金额20381.1万元"
	for _, q := range quantity.Extract(s) {
		fmt.Printf("%s %s %s %s (%s)\n", q.Label, q.Value.FloatString(q.Decimals), q.Unit, q.Kind, q.Text)
	}
	// Output:
	// 全年调解各类矛盾纠纷 4489 件 Count (4489件)
	// 调解成功 4450 件 Count (4450件)
	// 调解成功率 99.13 % Percent (99.13%)
	// 涉及金额 203811000.0 元 Amount (20381.1万元)
}

func ExampleQuantity_Bounds() {
	for _, q := range quantity.Extract("调解成功率99.13%,审查相关文件260余件,全盟累计投入近2亿元,培训约200人") {
		lo, hi := q.Bounds()
		h := "∞"
		if hi != nil {
			h = hi.FloatString(3)
		}
		fmt.Printf("%s: %v [%s, %s]\n", q.Text, q.Approx, lo.FloatString(3), h)
	}
	// Output:
	// 99.13%: Exact [99.125, 99.135]
	// 260余件: AtLeast [260.000, ∞]
	// 近2亿元: AtMost [0.000, 200000000.000]
	// 约200人: About [180.000, 220.000]
}
