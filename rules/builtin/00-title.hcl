# The title: a report says what it is and which year it reports on.
#
# Each rule's example_fail is a short report with the defect the rule looks
# for (its parts are one line each, too short for the part rules: only this
# rule's findings count); example_pass is the complete report in
# 90-examples.hcl.

title "missing" {
  title    = "报告有标题,并写明是法治政府建设年度报告"
  source   = "GB/T 9704-2012《党政机关公文格式》"
  doc      = <<-EOT
    报告正文前应有标题,写明发文机关、年度和“法治政府建设”,如“××区人民政府关于
    2023年度法治政府建设情况的报告”。网页转存的文本常把标题留在网页的标题栏里,
    所以没有标题只给警告;标题写的是别的事(如“政府工作报告”)同样给出警告。
  EOT
  severity = "warning"
  subject  = ["法治政府", "法治.{0,6}建设", "依法行政"]
  example_fail = <<-EOT
    2023年,我区扎实推进法治政府建设。现将有关情况报告如下:
    一、推进法治政府建设的主要举措和成效
    全面落实行政执法“三项制度”,执法质量稳步提高。
    二、存在的不足和原因
    基层执法力量不足,主要是专业人才缺乏。
    三、党政主要负责人履行推进法治建设第一责任人职责情况
    区长主持召开常务会议专题研究法治政府建设,带头学法。
    四、下一年度推进法治政府建设的主要安排
    全面提升行政执法质量。
    五、其他需要报告的情况
    无其他需要报告的情况。
  EOT
  example_pass = example.complete
}

title "year" {
  title    = "标题写明所报告的年度,且与正文一致"
  source   = "《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) 年度报告"
  doc      = <<-EOT
    标题应写明所报告的年度(“2023年度”),并与正文开头所述年度一致:2023年度的报告
    标题写成“2024年度”是错误;标题不写年度给出警告。
  EOT
  severity         = "error"
  undated_severity = "warning"
  example_fail = <<-EOT
    青山区人民政府关于2024年度法治政府建设情况的报告
    2023年,我区扎实推进法治政府建设。现将有关情况报告如下:
    一、推进法治政府建设的主要举措和成效
    全面落实行政执法“三项制度”,执法质量稳步提高。
    二、存在的不足和原因
    基层执法力量不足,主要是专业人才缺乏。
    三、党政主要负责人履行推进法治建设第一责任人职责情况
    区长主持召开常务会议专题研究法治政府建设,带头学法。
    四、下一年度推进法治政府建设的主要安排
    全面提升行政执法质量。
    五、其他需要报告的情况
    无其他需要报告的情况。
  EOT
  example_pass = example.complete
}
