# Example reports the built-in rules share (example_pass = example.complete).
# "complete" is a short report that meets every built-in requirement: the
# five parts under their standard headings, each long enough, the 第一责任人
# part covering several duties, the shortcomings with their causes, and a
# signing date before the deadline.
# rules/examples_test.go checks that no built-in rule reports it.

example "complete" {
  text = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区深入学习贯彻习近平法治思想,扎实推进法治政府建设。现将有关情况报告如下:
    一、推进法治政府建设的主要举措和成效
    (一)深化“放管服”改革。全面推行证明事项告知承诺制,公布行政许可事项清单,压减办理时限,群众和企业办事更加便利。
    (二)严格规范公正文明执法。全面落实行政执法“三项制度”,开展行政执法案卷评查,执法质量稳步提高。
    (三)依法化解矛盾纠纷。健全矛盾纠纷多元化解机制,加强行政复议和行政应诉工作,维护群众合法权益。
    (四)加强规范性文件监督管理。严格落实合法性审核和备案审查制度,开展规范性文件专项清理,及时向社会公布清理结果。
    二、存在的不足和原因
    一是部分工作人员运用法治思维的能力不强,主要是学习培训不够系统。二是基层执法力量不足,原因在于专业人才缺乏。
    三、党政主要负责人履行推进法治建设第一责任人职责情况
    区长认真履行第一责任人职责,主持召开常务会议专题研究法治政府建设;带头学法,全年集体学法6次;在年终述职中专题述法,并出庭应诉行政诉讼案件2次。
    四、下一年度推进法治政府建设的主要安排
    一是深入学习贯彻习近平法治思想。二是全面提升行政执法质量。三是完善矛盾纠纷多元化解机制,推进法治社会建设。
    五、其他需要报告的情况
    无其他需要报告的情况。
    2024年3月20日
  EOT
}
