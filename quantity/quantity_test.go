package quantity

import (
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ratEq compares *big.Rat values by value.
var ratEq = cmp.Comparer(func(a, b *big.Rat) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(b) == 0
})

// w is a compact expected Quantity. Offsets are found in the input: text
// after the previous quantity, num inside text, label as the last match
// before text, after as the first match after it. value defaults to num,
// unitText to unit.
type w struct {
	text, num    string
	value        string
	dec, scale   int
	approx       Approx
	unit, utext  string
	kind         Kind
	label, after string
	clause       int
	part, growth bool
	neg          bool
}

// resolve turns the expectations into Quantities located in in.
func resolve(t *testing.T, in string, ws []w) []Quantity {
	t.Helper()
	var qs []Quantity
	from := 0
	for _, x := range ws {
		start := strings.Index(in[from:], x.text)
		if start < 0 {
			t.Fatalf("bad test: %q not in %q after %d", x.text, in, from)
		}
		start += from
		end := start + len(x.text)
		num := x.num
		if num == "" {
			num = x.text
		}
		ns := strings.LastIndex(x.text, num)
		if ns < 0 {
			t.Fatalf("bad test: %q not in %q", num, x.text)
		}
		v := x.value
		if v == "" {
			v = strings.ReplaceAll(num, ",", "")
		}
		val, ok := new(big.Rat).SetString(v)
		if !ok {
			t.Fatalf("bad test: value %q", v)
		}
		ut := x.utext
		if ut == "" {
			ut = x.unit
		}
		q := Quantity{
			Start: start, End: end,
			NumStart: start + ns, NumEnd: start + ns + len(num),
			Text:     x.text,
			Value:    val,
			Decimals: x.dec, Scale: x.scale,
			Approx: x.approx,
			Unit:   x.unit, UnitText: ut, Kind: x.kind,
			Label: x.label, After: x.after,
			Clause: x.clause, Part: x.part, Growth: x.growth, Negative: x.neg,
			LabelStart: start, LabelEnd: start,
			AfterStart: end, AfterEnd: end,
		}
		if x.label != "" {
			k := strings.LastIndex(in[:start], x.label)
			if k < 0 {
				t.Fatalf("bad test: label %q not before %q", x.label, x.text)
			}
			q.LabelStart, q.LabelEnd = k, k+len(x.label)
		}
		if x.after != "" {
			k := strings.Index(in[end:], x.after)
			if k < 0 {
				t.Fatalf("bad test: after %q not after %q", x.after, x.text)
			}
			q.AfterStart, q.AfterEnd = end+k, end+k+len(x.after)
		}
		qs = append(qs, q)
		from = end
	}
	return qs
}

// Cases from the seed reports (testdata/seeds), verbatim, and crafted ones
// for forms the seeds lack.
var extractTests = []struct {
	in   string
	want []w
}{
	// 002: the mediation sentence the rate checks are built around.
	{"全年调解各类矛盾纠纷4489件,调解成功4450件,调解成功率99.13%", []w{
		{text: "4489件", num: "4489", unit: "件", kind: Count, label: "全年调解各类矛盾纠纷"},
		{text: "4450件", num: "4450", unit: "件", kind: Count, label: "调解成功", clause: 1},
		{text: "99.13%", num: "99.13", dec: 2, unit: "%", kind: Percent, label: "调解成功率", clause: 2},
	}},
	// 004: a change is not a proportion.
	{"受理审结160件,同期下降8.6%", []w{
		{text: "160件", num: "160", unit: "件", kind: Count, label: "受理审结"},
		{text: "8.6%", num: "8.6", dec: 1, unit: "%", kind: Percent, label: "同期下降", clause: 1, growth: true},
	}},
	{"调撤率达到70.7%,同比上升24.2个百分点", []w{
		{text: "70.7%", num: "70.7", dec: 1, unit: "%", kind: Percent, label: "调撤率"},
		{text: "24.2个百分点", num: "24.2", dec: 1, unit: "个百分点", kind: Points, label: "同比上升", clause: 1, growth: true},
	}},
	{"2022年全区累计收到行政复议申请350件,同期增长75%", []w{
		{text: "350件", num: "350", unit: "件", kind: Count, label: "2022年全区累计收到行政复议申请"},
		{text: "75%", num: "75", unit: "%", kind: Percent, label: "同期增长", clause: 1, growth: true},
	}},
	{"一审结案200件,败诉2件,败诉率1%,同比下降6.5个百分点", []w{
		{text: "200件", num: "200", unit: "件", kind: Count, label: "一审结案"},
		{text: "2件", num: "2", unit: "件", kind: Count, label: "败诉", clause: 1},
		{text: "1%", num: "1", unit: "%", kind: Percent, label: "败诉率", clause: 2},
		{text: "6.5个百分点", num: "6.5", dec: 1, unit: "个百分点", kind: Points, label: "同比下降", clause: 3, growth: true},
	}},
	// 002: the hotline number is not a quantity; 其中 makes parts.
	{"12348热线平台接听蒙汉语电话8266个,其中蒙语1119个,部门沟通118次", []w{
		{text: "8266个", num: "8266", unit: "个", kind: Count, label: "12348热线平台接听蒙汉语电话"},
		{text: "1119个", num: "1119", unit: "个", kind: Count, label: "蒙语", clause: 1, part: true},
		{text: "118次", num: "118", unit: "次", kind: Count, label: "部门沟通", clause: 2, part: true},
	}},
	// 000: a missing full stop; the words after each number are its own.
	{"13件规范性文件继续有效53件行政规范性文件已废止或失效", []w{
		{text: "13件", num: "13", unit: "件", kind: Count, after: "规范性文件继续有效"},
		{text: "53件", num: "53", unit: "件", kind: Count, after: "行政规范性文件已废止或失效"},
	}},
	{"共制发政规范性文件66件,其中13件规范性文件继续有效53件行政规范性文件已废止或失效。", []w{
		{text: "66件", num: "66", unit: "件", kind: Count, label: "共制发政规范性文件"},
		{text: "13件", num: "13", unit: "件", kind: Count, after: "规范性文件继续有效", clause: 1, part: true},
		{text: "53件", num: "53", unit: "件", kind: Count, after: "行政规范性文件已废止或失效", clause: 1, part: true},
	}},
	// 000: 名 dropped; the number is kept, its kind unknown.
	{"8258名党员干部投身战最前线,8641衡阳群众志愿者参与防疫宣传活动", []w{
		{text: "8258名", num: "8258", unit: "名", kind: Count, after: "党员干部投身战最前线"},
		{text: "8641", kind: Bare, after: "衡阳群众志愿者参与防疫宣传活动", clause: 1},
	}},
	// 001.
	{"2020年我镇参与行政复议、诉讼案件共计35件,其中行政复议5件,行政诉讼30件;全面落实行政负责人出庭制度,负责人出庭15次", []w{
		{text: "35件", num: "35", unit: "件", kind: Count, label: "诉讼案件", clause: 1},
		{text: "5件", num: "5", unit: "件", kind: Count, label: "行政复议", clause: 2, part: true},
		{text: "30件", num: "30", unit: "件", kind: Count, label: "行政诉讼", clause: 3, part: true},
		{text: "15次", num: "15", unit: "次", kind: Count, label: "负责人出庭", clause: 5},
	}},
	// 003.
	{"法院共推送行政争议案件13件,成功化解11件,未化解成功转立案2件,化解成功率为84.61%", []w{
		{text: "13件", num: "13", unit: "件", kind: Count, label: "法院共推送行政争议案件"},
		{text: "11件", num: "11", unit: "件", kind: Count, label: "成功化解", clause: 1},
		{text: "2件", num: "2", unit: "件", kind: Count, label: "未化解成功转立案", clause: 2},
		{text: "84.61%", num: "84.61", dec: 2, unit: "%", kind: Percent, label: "化解成功率", clause: 3},
	}},
	{"评查案件82件,其中优秀案件15件,一类案件59件,二类案件8件,一类以上案件率90.24%。", []w{
		{text: "82件", num: "82", unit: "件", kind: Count, label: "评查案件"},
		{text: "15件", num: "15", unit: "件", kind: Count, label: "优秀案件", clause: 1, part: true},
		{text: "59件", num: "59", unit: "件", kind: Count, label: "一类案件", clause: 2, part: true},
		{text: "8件", num: "8", unit: "件", kind: Count, label: "二类案件", clause: 3, part: true},
		{text: "90.24%", num: "90.24", dec: 2, unit: "%", kind: Percent, label: "一类以上案件率", clause: 4, part: true},
	}},
	{"组织7764名国家工作人员参加法宣在线线上学习及学法用法考试,参考率和及格率均为100%", []w{
		{text: "7764名", num: "7764", unit: "名", kind: Count, label: "组织", after: "国家工作人员参加法宣在线线上学习及学法用法考试"},
		{text: "100%", num: "100", unit: "%", kind: Percent, label: "参考率和及格率", clause: 1},
	}},
	// 002: a space before the unit.
	{"立案515 件,给予处分629人", []w{
		{text: "515 件", num: "515", unit: "件", kind: Count, label: "立案"},
		{text: "629人", num: "629", unit: "人", kind: Count, label: "给予处分", clause: 1},
	}},
	// Multipliers.
	{"网络在线学法覆盖全盟1991家单位和5.5万名公职人员", []w{
		{text: "1991家", num: "1991", unit: "家", kind: Count, label: "网络在线学法覆盖全盟", after: "单位"},
		{text: "5.5万名", num: "5.5", value: "55000", dec: 1, scale: 4, unit: "名", utext: "万名", kind: Count, label: "单位", after: "公职人员"},
	}},
	{"全年网上办件4.35万件、电话咨询1.89万人次", []w{
		{text: "4.35万件", num: "4.35", value: "43500", dec: 2, scale: 4, unit: "件", utext: "万件", kind: Count, label: "全年网上办件"},
		{text: "1.89万人次", num: "1.89", value: "18900", dec: 2, scale: 4, unit: "人次", utext: "万人次", kind: Count, label: "电话咨询", clause: 1},
	}},
	{"调解成功率99.13%,涉及金额20381.1万元", []w{
		{text: "99.13%", num: "99.13", dec: 2, unit: "%", kind: Percent, label: "调解成功率"},
		{text: "20381.1万元", num: "20381.1", value: "203811000", dec: 1, scale: 4, unit: "元", utext: "万元", kind: Amount, label: "涉及金额", clause: 1},
	}},
	{"全盟累计投入近2亿元,建成盟、旗县市(区)", []w{
		{text: "近2亿元", num: "2", value: "200000000", scale: 8, approx: AtMost, unit: "元", utext: "亿元", kind: Amount, label: "全盟累计投入"},
	}},
	{"各种法治宣传资料1万余份", []w{
		{text: "1万余份", num: "1", value: "10000", scale: 4, approx: AtLeast, unit: "份", utext: "万份", kind: Count, label: "各种法治宣传资料"},
	}},
	{"截至目前办理乡村政务服务业务2.7万余件,帮办代办指导办业务15万余件", []w{
		{text: "2.7万余件", num: "2.7", value: "27000", dec: 1, scale: 4, approx: AtLeast, unit: "件", utext: "万件", kind: Count, label: "截至目前办理乡村政务服务业务"},
		{text: "15万余件", num: "15", value: "150000", scale: 4, approx: AtLeast, unit: "件", utext: "万件", kind: Count, label: "帮办代办指导办业务", clause: 1},
	}},
	{"累计发放各类普法宣传资料11万余份", []w{
		{text: "11万余份", num: "11", value: "110000", scale: 4, approx: AtLeast, unit: "份", utext: "万份", kind: Count, label: "累计发放各类普法宣传资料"},
	}},
	{"开展司法救助12件12人,共发放司法救助金23.6万元", []w{
		{text: "12件", num: "12", unit: "件", kind: Count, label: "开展司法救助"},
		{text: "12人", num: "12", unit: "人", kind: Count},
		{text: "23.6万元", num: "23.6", value: "236000", dec: 1, scale: 4, unit: "元", utext: "万元", kind: Amount, label: "共发放司法救助金", clause: 1},
	}},
	{"将全区8.84万个市场主体划分为422个法律服务网格", []w{
		{text: "8.84万个", num: "8.84", value: "88400", dec: 2, scale: 4, unit: "个", utext: "万个", kind: Count, label: "将全区", after: "市场主体划分为"},
		{text: "422个", num: "422", unit: "个", kind: Count, label: "市场主体划分", after: "法律服务网格"},
	}},
	{"年产值3.2亿元", []w{
		{text: "3.2亿元", num: "3.2", value: "320000000", dec: 1, scale: 8, unit: "元", utext: "亿元", kind: Amount, label: "年产值"},
	}},
	{"投入资金5千余元", []w{
		{text: "5千余元", num: "5", value: "5000", scale: 3, approx: AtLeast, unit: "元", utext: "千元", kind: Amount, label: "投入资金"},
	}},
	// Thousands separators.
	{"办理案件4,489件", []w{
		{text: "4,489件", num: "4,489", unit: "件", kind: Count, label: "办理案件"},
	}},
	{"惠及群众1,234,567人", []w{
		{text: "1,234,567人", num: "1,234,567", unit: "人", kind: Count, label: "惠及群众"},
	}},
	// Units as written.
	{"审核新增执法人员2171人、审核换发执法证2067人次", []w{
		{text: "2171人", num: "2171", unit: "人", kind: Count, label: "审核新增执法人员"},
		{text: "2067人次", num: "2067", unit: "人次", kind: Count, label: "审核换发执法证", clause: 1},
	}},
	{"随机委派执法人员1141人(次),录入公开抽查结果3395条", []w{
		{text: "1141人(次)", num: "1141", unit: "人次", utext: "人(次)", kind: Count, label: "随机委派执法人员"},
		{text: "3395条", num: "3395", unit: "条", kind: Count, label: "录入公开抽查结果", clause: 1},
	}},
	{"开展法治宣传480场(次),开展法治讲座76场次", []w{
		{text: "480场(次)", num: "480", unit: "场次", utext: "场(次)", kind: Count, label: "开展法治宣传"},
		{text: "76场次", num: "76", unit: "场次", kind: Count, label: "开展法治讲座", clause: 1},
	}},
	{"检查经营户85户次,立案查处侵权商标案件9件", []w{
		{text: "85户次", num: "85", unit: "户次", kind: Count, label: "检查经营户"},
		{text: "9件", num: "9", unit: "件", kind: Count, label: "立案查处侵权商标案件", clause: 1},
	}},
	{"审查合同件180份次", []w{
		{text: "180份次", num: "180", unit: "份次", kind: Count, label: "审查合同件"},
	}},
	{"办理处理事项10件次", []w{
		{text: "10件次", num: "10", unit: "件次", kind: Count, label: "办理处理事项"},
	}},
	{"共接访597批2914人次", []w{
		{text: "597批", num: "597", unit: "批", kind: Count, label: "共接访"},
		{text: "2914人次", num: "2914", unit: "人次", kind: Count},
	}},
	{"已建立消防救援大队1支30人", []w{
		{text: "1支", num: "1", unit: "支", kind: Count, label: "已建立消防救援大队"},
		{text: "30人", num: "30", unit: "人", kind: Count},
	}},
	{"88个单位2314名应考人员完成了2020年度学法考试,参学率100%,通过率100%", []w{
		{text: "88个", num: "88", unit: "个", kind: Count, after: "单位"},
		{text: "2314名", num: "2314", unit: "名", kind: Count, after: "应考人员完成了2020年度学法考试"},
		{text: "100%", num: "100", unit: "%", kind: Percent, label: "参学率", clause: 1},
		{text: "100%", num: "100", unit: "%", kind: Percent, label: "通过率", clause: 2},
	}},
	{"调处矛盾纠纷339起,调解成功率100%", []w{
		{text: "339起", num: "339", unit: "起", kind: Count, label: "调处矛盾纠纷"},
		{text: "100%", num: "100", unit: "%", kind: Percent, label: "调解成功率", clause: 1},
	}},
	{"为全区3559家企业进行法治体检", []w{
		{text: "3559家", num: "3559", unit: "家", kind: Count, label: "为全区", after: "企业进行法治体检"},
	}},
	{"目前全区行政执法单位持有有效执法证件2525本,持证率为95.6%", []w{
		{text: "2525本", num: "2525", unit: "本", kind: Count, label: "目前全区行政执法单位持有有效执法证件"},
		{text: "95.6%", num: "95.6", dec: 1, unit: "%", kind: Percent, label: "持证率", clause: 1},
	}},
	{"对19个部门单位进行3轮法治巡察,共发现问题16处", []w{
		{text: "19个", num: "19", unit: "个", kind: Count, label: "对", after: "部门单位进行"},
		{text: "3轮", num: "3", unit: "轮", kind: Count, label: "部门单位进行", after: "法治巡察"},
		{text: "16处", num: "16", unit: "处", kind: Count, label: "共发现问题", clause: 1},
	}},
	{"1所省级法治文化示范创建学校", []w{
		{text: "1所", num: "1", unit: "所", kind: Count, after: "省级法治文化示范创建学校"},
	}},
	{"在公共场所张贴、悬挂宪法宣传标语500余幅", []w{
		{text: "500余幅", num: "500", approx: AtLeast, unit: "幅", kind: Count, label: "悬挂宪法宣传标语", clause: 1},
	}},
	{"参演人员10000余人", []w{
		{text: "10000余人", num: "10000", approx: AtLeast, unit: "人", kind: Count, label: "参演人员"},
	}},
	{"审核村(居)规民约48个", []w{
		{text: "48个", num: "48", unit: "个", kind: Count, label: "审核村(居)规民约"},
	}},
	// Measures.
	{"举办为期2天的法律知识培训班", []w{
		{text: "2天", num: "2", unit: "天", kind: Measure, label: "举办为期", after: "法律知识培训班"},
	}},
	{"实现24小时监督全覆盖", []w{
		{text: "24小时", num: "24", unit: "小时", kind: Measure, label: "实现", after: "监督全覆盖"},
	}},
	{"全市首个占地面积1000㎡的综合执法办案中心投入使用", []w{
		{text: "1000㎡", num: "1000", unit: "平方米", utext: "㎡", kind: Measure, label: "全市首个占地面积", after: "综合执法办案中心投入使用"},
	}},
	{"7个工作日内办结", []w{
		{text: "7个工作日", num: "7", unit: "工作日", utext: "个工作日", kind: Measure, after: "内办结"},
	}},
	{"整改期限3个多月", []w{
		{text: "3个多月", num: "3", approx: AtLeast, unit: "个月", kind: Measure, label: "整改期限"},
	}},
	{"近3年共办理案件300件", []w{
		{text: "3年", num: "3", unit: "年", kind: Measure, label: "近", after: "共办理案件"},
		{text: "300件", num: "300", unit: "件", kind: Count, label: "共办理案件"},
	}},
	{"收案数低于前两年平均值", []w{
		{text: "两年", num: "两", value: "2", unit: "年", kind: Measure, label: "收案数低于前", after: "平均值"},
	}},
	{"效率提高2倍", []w{
		{text: "2倍", num: "2", unit: "倍", kind: Measure, label: "效率提高", growth: true},
	}},
	// Negative percentages: a minus sign after a word, not after a number.
	{"行政复议纠错率-5%,调解成功率为−12.5%,群众满意率负3%", []w{
		{text: "-5%", num: "5", unit: "%", kind: Percent, label: "行政复议纠错率", neg: true},
		{text: "−12.5%", num: "12.5", dec: 1, unit: "%", kind: Percent, label: "调解成功率", clause: 1, neg: true},
		{text: "负3%", num: "3", unit: "%", kind: Percent, label: "群众满意率", clause: 2, neg: true},
	}},
	{"合格率85%-90%,误差正负3%,编号A-5%", []w{
		{text: "85%", num: "85", unit: "%", kind: Percent, label: "合格率", after: "-90%"},
		{text: "3%", num: "3", unit: "%", kind: Percent, label: "误差正负", clause: 1},
	}},
	{"办理时限-5天,编号为-12", nil},
	{"比赛胜负3场", []w{{text: "3场", num: "3", unit: "场", kind: Count, label: "比赛胜负"}}},
	// Growth and levels.
	{"申报材料平均减少70%以上,办理环节压缩80%以上", []w{
		{text: "70%以上", num: "70", approx: AtLeast, unit: "%", kind: Percent, label: "申报材料平均减少", growth: true},
		{text: "80%以上", num: "80", approx: AtLeast, unit: "%", kind: Percent, label: "办理环节压缩", clause: 1, growth: true},
	}},
	{"盟本级行政权力事项由6327项压减到5938项,取消下放522项,行政许可时限压缩41%", []w{
		{text: "6327项", num: "6327", unit: "项", kind: Count, label: "盟本级行政权力事项由", after: "压减到"},
		{text: "5938项", num: "5938", unit: "项", kind: Count, label: "压减到"},
		{text: "522项", num: "522", unit: "项", kind: Count, label: "取消下放", clause: 1},
		{text: "41%", num: "41", unit: "%", kind: Percent, label: "行政许可时限压缩", clause: 2, growth: true},
	}},
	{"部门和事项占比分别达到85%和74%", []w{
		{text: "85%", num: "85", unit: "%", kind: Percent, label: "部门和事项占比"},
		{text: "74%", num: "74", unit: "%", kind: Percent},
	}},
	{"同比分别增长10%和20%", []w{
		{text: "10%", num: "10", unit: "%", kind: Percent, label: "同比分别增长", growth: true},
		{text: "20%", num: "20", unit: "%", kind: Percent, growth: true},
	}},
	{"实现数据共享734项,较2021年增加543项", []w{
		{text: "734项", num: "734", unit: "项", kind: Count, label: "实现数据共享"},
		{text: "543项", num: "543", unit: "项", kind: Count, label: "较2021年增加", clause: 1, growth: true},
	}},
	{"同比增长150%", []w{
		{text: "150%", num: "150", unit: "%", kind: Percent, label: "同比增长", growth: true},
	}},
	{"结案率提高到95%", []w{
		{text: "95%", num: "95", unit: "%", kind: Percent, label: "结案率提高到"},
	}},
	{"认真开展国务院提升行政执法质量三年行动", []w{
		{text: "三年", num: "三", value: "3", unit: "年", kind: Measure, label: "认真开展国务院提升行政执法质量", after: "行动"},
	}},
	// Approximation markers.
	{"一审败诉率控制在5%以下、协调撤诉率保持45%以上", []w{
		{text: "5%以下", num: "5", approx: AtMost, unit: "%", kind: Percent, label: "一审败诉率控制在"},
		{text: "45%以上", num: "45", approx: AtLeast, unit: "%", kind: Percent, label: "协调撤诉率保持", clause: 1},
	}},
	{"在每个村(居)选取5名以上具有一定法治素养和学习能力的人员", []w{
		{text: "5名以上", num: "5", approx: AtLeast, unit: "名", kind: Count, label: "在每个村(居)选取", after: "具有一定法治素养和学习能力的人员"},
	}},
	{"培训约200人", []w{
		{text: "约200人", num: "200", approx: About, unit: "人", kind: Count, label: "培训"},
	}},
	{"参加人数超过300人", []w{
		{text: "超过300人", num: "300", approx: AtLeast, unit: "人", kind: Count, label: "参加人数"},
	}},
	{"受理不足10件", []w{
		{text: "不足10件", num: "10", approx: AtMost, unit: "件", kind: Count, label: "受理"},
	}},
	{"不超过5件", []w{
		{text: "不超过5件", num: "5", approx: AtMost, unit: "件", kind: Count},
	}},
	{"逾千人参加,培训逾300人", []w{
		{text: "逾300人", num: "300", approx: AtLeast, unit: "人", kind: Count, label: "培训", clause: 1},
	}},
	{"组织30多人参加,耗时24小时左右", []w{
		{text: "30多人", num: "30", approx: AtLeast, unit: "人", kind: Count, label: "组织", after: "参加"},
		{text: "24小时左右", num: "24", approx: About, unit: "小时", kind: Measure, label: "耗时", clause: 1},
	}},
	{"约为5%", []w{
		{text: "约为5%", num: "5", approx: About, unit: "%", kind: Percent},
	}},
	{"多达200余人", []w{
		{text: "多达200余人", num: "200", approx: AtLeast, unit: "人", kind: Count},
	}},
	{"培训二十人以上", []w{
		{text: "二十人以上", num: "二十", value: "20", approx: AtLeast, unit: "人", kind: Count, label: "培训"},
	}},
	{"约200余人", []w{
		{text: "约200余人", num: "200", approx: About, unit: "人", kind: Count},
	}},
	// Chinese numerals.
	{"培训三十五人", []w{
		{text: "三十五人", num: "三十五", value: "35", unit: "人", kind: Count, label: "培训"},
	}},
	{"收到来信两千零八件", []w{
		{text: "两千零八件", num: "两千零八", value: "2008", unit: "件", kind: Count, label: "收到来信"},
	}},
	{"办理一百零五件", []w{
		{text: "一百零五件", num: "一百零五", value: "105", unit: "件", kind: Count, label: "办理"},
	}},
	{"召开会议十二次", []w{
		{text: "十二次", num: "十二", value: "12", unit: "次", kind: Count, label: "召开会议"},
	}},
	{"2023年全县共办理十三批次执法证,办理执法证113张", []w{
		{text: "十三批次", num: "十三", value: "13", unit: "批次", kind: Count, label: "2023年全县共办理", after: "执法证"},
		{text: "113张", num: "113", unit: "张", kind: Count, label: "办理执法证", clause: 1},
	}},
	{"将花梨、米坪、龙水三个派出所整合为“花梨中心派出所”", []w{
		{text: "三个", num: "三", value: "3", unit: "个", kind: Count, label: "龙水", after: "派出所整合为“花梨中心派出所”", clause: 2},
	}},
	{"对《绍兴市市容和环境卫生管理规定》《绍兴市柴油动力移动源排气污染防治办法》两个地方性法规落实情况开展专项督查", []w{
		{text: "两个", num: "两", value: "2", unit: "个", kind: Count, label: "对《绍兴市市容和环境卫生管理规定》《绍兴市柴油动力移动源排气污染防治办法》", after: "地方性法规落实情况开展专项督查"},
	}},
	{"培训二十余人", []w{
		{text: "二十余人", num: "二十", value: "20", approx: AtLeast, unit: "人", kind: Count, label: "培训"},
	}},
	{"发放资料一万余份", []w{
		{text: "一万余份", num: "一", value: "10000", scale: 4, approx: AtLeast, unit: "份", utext: "万份", kind: Count, label: "发放资料"},
	}},
	{"惠及三万人", []w{
		{text: "三万人", num: "三", value: "30000", scale: 4, unit: "人", utext: "万人", kind: Count, label: "惠及"},
	}},
	// Percentages in words.
	{"参学率达百分之九十", []w{
		{text: "百分之九十", num: "九十", value: "90", unit: "%", utext: "百分之", kind: Percent, label: "参学率"},
	}},
	{"成功率为百分之九十九点一三", []w{
		{text: "百分之九十九点一三", num: "九十九点一三", value: "99.13", dec: 2, unit: "%", utext: "百分之", kind: Percent, label: "成功率"},
	}},
	{"办结率百分之百", []w{
		{text: "百分之百", num: "百", value: "100", unit: "%", utext: "百分之", kind: Percent, label: "办结率"},
	}},
	{"覆盖率超过百分之八十", []w{
		{text: "超过百分之八十", num: "八十", value: "80", approx: AtLeast, unit: "%", utext: "百分之", kind: Percent, label: "覆盖率"},
	}},
	{"发案率0.3‰", []w{
		{text: "0.3‰", num: "0.3", value: "0.03", dec: 1, scale: -1, unit: "%", utext: "‰", kind: Percent, label: "发案率"},
	}},
	// Bare numbers.
	{"其中0.5为新增", []w{
		{text: "0.5", dec: 1, kind: Bare, after: "为新增", part: true},
	}},
	{"已成功组建100人的专业巡逻队和62红袖章义务巡逻队", []w{
		{text: "100人", num: "100", unit: "人", kind: Count, label: "已成功组建", after: "专业巡逻队"},
		{text: "62", kind: Bare, label: "专业巡逻队", after: "红袖章义务巡逻队"},
	}},
	{"群众1万余", []w{
		{text: "1万余", num: "1", value: "10000", scale: 4, approx: AtLeast, utext: "万", kind: Bare, label: "群众"},
	}},
	// Headings and lists around quantities.
	{"1.深化“放管服”改革。共办理30件", []w{
		{text: "30件", num: "30", unit: "件", kind: Count, label: "共办理", clause: 1},
	}},
	{"(1)办理案件5件", []w{
		{text: "5件", num: "5", unit: "件", kind: Count, label: "办理案件"},
	}},
	{"调整窗口至25个(综合受理窗口15个、行业综合窗口7个和公共企业窗口3个)", []w{
		{text: "25个", num: "25", unit: "个", kind: Count, label: "调整窗口至", after: "综合受理窗口"},
		{text: "15个", num: "15", unit: "个", kind: Count, label: "综合受理窗口"},
		{text: "7个", num: "7", unit: "个", kind: Count, label: "行业综合窗口", after: "公共企业窗口", clause: 1},
		{text: "3个", num: "3", unit: "个", kind: Count, label: "公共企业窗口", clause: 1},
	}},
	// Dates and codes next to quantities.
	{"2023年7月,开阳县获得命名;截至8月底,已完成整改12项", []w{
		{text: "12项", num: "12", unit: "项", kind: Count, label: "已完成整改", clause: 3},
	}},
	{"启动自然灾害Ⅳ应急响应4次,Ⅲ级应急响应1次", []w{
		{text: "4次", num: "4", unit: "次", kind: Count, label: "启动自然灾害Ⅳ应急响应"},
		{text: "1次", num: "1", unit: "次", kind: Count, label: "Ⅲ级应急响应", clause: 1},
	}},
	{"清理确认第1批执法主体47个并公布", []w{
		{text: "47个", num: "47", unit: "个", kind: Count, label: "清理确认第1批执法主体", after: "并公布"},
	}},
	{"开展“双随机、一公开”抽查次数455次", []w{
		{text: "455次", num: "455", unit: "次", kind: Count, label: "开展“双随机、一公开”抽查次数"},
	}},
	{"2022共召开法律论证会22场", []w{
		{text: "22场", num: "22", unit: "场", kind: Count, label: "2022共召开法律论证会"},
	}},
	{"运用12348如法网实现网上援务公开全覆盖,审核村(居)规民约48个", []w{
		{text: "48个", num: "48", unit: "个", kind: Count, label: "审核村(居)规民约", clause: 1},
	}},
}

// Fixed phrases, dates, codes and ordinals that hold no quantity.
var noQuantity = []string{
	"一是强化思想引领", "二是", "全面推行三项制度", "行政执法“三项制度”", "行政执法3项制度",
	"十四五规划", "“十四五”时期", "全面启动八五普法", "“八五”普法", "七五普法",
	"履行推进法治建设第一责任人职责", "党的二十大精神", "十九届五中全会", "十九届二中、三中、四中、五中全会",
	"12348热线", "运用12348如法网", "拨打12345", "110报警", "12315平台",
	"2020年", "2020年度", "2021年3月31日", "4月10日", "2023年7月", "截至8月底", "12月25日",
	"二〇二一年三月三十一日", "2024年2月28日", "日期:2021-03-31 14:27", "2021.3.31", "2021/3/31",
	"厅字〔2019〕28号", "办字〔2020〕14号", "厅字〔201928)要求", "厅字[2019]28号",
	"第一批", "第三次会议", "第1批", "第二届", "第八批", "第四中学", "第三方",
	"一网通办", "一窗受理", "“一件事一次办”", "一件事一次办", "双随机、一公开", "“32证合一”", "推行32证合一改革",
	"“1+N”标准化", "1+N", "3+X常态化", "服务2.0版", "《依法治盟委员会2020年工作要点》",
	"《法治政府建设实施纲要(2015—2020年)》", "Ⅳ级", "Ⅲ级应急响应", "三级综治中心", "三级调委会", "四级机构联动",
	"“两降一保”", "两降一保工作", "“四治融合”", "四治融合", "“五个率先”", "实现五个率先",
	"2015—2020年", "2021-2025", "(2023—2025年)", "(2000-2019年)", "2022年3月-2022年12月",
	"三至五年", "3-5人", "3至5人", "两到三个", "O2O模式", "5G网络", "GB/T 9704-2012",
	"1.深化“放管服”改革", "2、完善制度", "(1)加强领导", "\n3.全面优化", "进一步", "统一编号", "唯一入选",
	"零输入、零蔓延、零输出", "确诊病例为零", "一类案件", "二类案件", "数十人", "几百人", "每一名",
	"一个目录、一套台帐、一个责任主体", "一村一辅警", "一中心一张网十联户", "“一圈两场三改”",
	"八项规定", "两个维护", "四个意识", "五位一体", "两个确立", "一年来", "一对一", "千家万户",
	"百所联百会", "上万条", "十分重要", "2019111日至2020101日", "3级", "2022年", "v2.0", "A4纸",
	"两学一做", "三会一课", "二级培训", "双下降", "八大机制", "五大机制", "“六有”和“三有”",
	"得分95分", "3点意见", "整改期限3个半月", "三个半小时", "三四个", "十几人", "零件", "登记了2020", "“15分钟政务生活圈”",
}

func TestExtract(t *testing.T) {
	for _, tc := range extractTests {
		want := resolve(t, tc.in, tc.want)
		got := Extract(tc.in)
		if diff := cmp.Diff(want, got, ratEq); diff != "" {
			t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestNoQuantity(t *testing.T) {
	for _, in := range noQuantity {
		if got := Extract(in); len(got) != 0 {
			t.Errorf("Extract(%q) = %d quantities, want none; first %q", in, len(got), got[0].Text)
		}
	}
}

// TestStops checks that the characters run steps over without looking are
// those its switch ignores.
func TestStops(t *testing.T) {
	for r := rune(0x1000); r <= 0xFFFF; r++ {
		matters := r == '、' || r == '。' || r == '“' || r == '《' || isZhStart(r)
		if got := stops()[r>>6]&(1<<(r&63)) != 0; got != matters {
			t.Errorf("%U: in stops %v, matters %v", r, got, matters)
		}
	}
}

// TestExtractorAppend checks that an Extractor reading the lines of the
// seeds one after another finds what Extract finds in each line alone.
func TestExtractorAppend(t *testing.T) {
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Fatal("no seeds in testdata/seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ex Extractor
		var got, want []Quantity
		base := 0
		for _, line := range strings.SplitAfter(string(b), "\n") {
			got = ex.Append(got, line, base)
			for _, q := range Extract(line) {
				q.Start += base
				q.End += base
				q.NumStart += base
				q.NumEnd += base
				q.LabelStart += base
				q.LabelEnd += base
				q.AfterStart += base
				q.AfterEnd += base
				want = append(want, q)
			}
			base += len(line)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d quantities, want %d", f, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s: quantity %d = %+v, want %+v", f, i, got[i], want[i])
			}
		}
	}
}

// TestWordStarts checks that scanWords steps over no character that
// starts a growth word or 其中.
func TestWordStarts(t *testing.T) {
	for r := rune(0x4e00); r <= 0xFFFF; r++ {
		s := string(r) + "中长加幅速高升涨降滑少低缩减短比番了"
		matters := growthWord(s, r) > 0 || r == '其'
		for _, w := range []string{"增长", "增加", "增幅", "增速", "提高", "提升", "上升", "上涨", "下降", "下滑", "减少", "减幅", "降低", "降幅", "涨幅", "压缩", "压减", "缩短", "缩减", "同比", "环比", "翻番", "翻了"} {
			if first := []rune(w)[0]; first == r {
				matters = true
			}
		}
		if got := wordStarts()[r>>6]&(1<<(r&63)) != 0; got != matters {
			t.Errorf("%c: in wordStarts %v, starts a word %v", r, got, matters)
		}
	}
}
