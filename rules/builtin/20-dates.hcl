# Dates: when the report was published and signed, against the deadline of
# 《法治政府建设与责任落实督察工作规定》 (厅字〔2019〕28号): 每年4月1日之前向社会公开.
# The public-disclosure article (第二十四条) is seen in restatements [S], so it is cited.
#
# The parser reads the dates once: the publication date of the page's metadata
# (日期:, 发布日期, 发布时间, 公开日期, 更新时间) or given by the caller, the signing date
# under the text (落款) or after 成文日期, and the dates in the text.
#
# example_fail is a short complete report the rule reports; example_pass the
# same report corrected (rules tests run both).

date "missing" {
  title    = "报告写明发布日期或成文日期"
  source   = "《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) 第二十四条;GB/T 9704-2012《党政机关公文格式》成文日期"
  doc      = <<-EOT
    报告应有可核对的日期:网页上的发布日期(“日期:”“发布日期”“公开日期”等),或正文末尾的
    成文日期(落款,如“2024年3月20日”),也可以在检查时给出发布日期。没有日期就无法核对
    是否在次年4月1日之前公开。网页转存的文本常丢掉页面上的日期,报告本身未必有错,
    所以只给警告;落款只写到月(“2024年2月”)同样给出警告,成文日期应年、月、日齐全。
  EOT
  severity = "warning"
  example_fail = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。
  EOT
  example_pass = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。
    2024年3月20日
  EOT
}

date "deadline" {
  title    = "报告在次年4月1日之前公开"
  source   = "《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) 第二十四条"
  since    = 2019
  doc      = <<-EOT
    每年4月1日之前,地方各级政府和县级以上政府部门的法治政府建设年度报告应当通过报刊、
    网站等向社会公开。发布日期(网页上的“日期:”“发布日期”“公开日期”,或检查时给出的
    日期)晚于次年4月1日是错误;恰在4月1日给出警告(“之前”是否含当天有争议,应提前);
    不知道发布日期时看落款,落款晚于4月1日说明至少成文已晚,给出警告。检查时给出的
    发布日期优先于网页上的日期。规定2019年4月施行,之前的年度报告按《法治政府建设实施
    纲要(2015—2020年)》在第一季度公开,不适用本规则。
  EOT
  deadline             = "04-01"
  severity             = "error"
  on_deadline_severity = "warning"
  signed_severity      = "warning"
  example_fail = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    发布日期:2024-04-10
    2023年,我区扎实推进法治政府建设。
  EOT
  example_pass = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    发布日期:2024-03-28
    2023年,我区扎实推进法治政府建设。
  EOT
}

date "period" {
  title    = "发布、成文日期不早于所报告年度的结束"
  source   = "《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) 年度报告"
  doc      = <<-EOT
    年度报告报告的是一整年,应在这一年结束之后成文、公开:2023年度报告的落款或发布日期
    早于2023年12月31日,多半是年份写错(把“2024年1月15日”写成“2023年1月15日”),
    或报告年度写错。有的地方要求年底前报送总结,所以只给警告。
  EOT
  severity = "warning"
  example_fail = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。
    2023年1月15日
  EOT
  example_pass = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。
    2024年1月15日
  EOT
}

date "malformed" {
  title    = "日期真实有效"
  source   = "GB/T 9704-2012《党政机关公文格式》(日期用阿拉伯数字将年、月、日标全)"
  doc      = <<-EOT
    报告中的日期应当真实存在:“2020年13月”“2月30日”“2023年2月29日”(2023年不是闰年)
    都是错误。网页转存时常丢字,使日期的数字连在一起:“2019111日至2020101日”应为
    “2019年11月1日至2020年10月1日”,“202035名同志”疑为“2020年35名同志”,“2022共召开”
    “区交通局2021法治政府”疑为“2022年共召开”“2021年法治政府”(年份在正文中至少另写过
    两次“××××年”时才这样读),“(20212025年)”疑为“(2021—2025年)”;这类问题
    往往出在转存的文本而不是报告本身,所以只给警告,并给出最可能的原文。
  EOT
  severity       = "error"
  glued_severity = "warning"
  example_fail = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。
    2024年2月30日
  EOT
  example_pass = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。
    2024年2月29日
  EOT
}
