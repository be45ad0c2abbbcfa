# The report's wording: no template leftovers.
#
# Patterns are Go regular expressions on the normalised text (full-width ASCII
# reads half-width: "ＸＸ" is "XX", "＊" is "*", "（" is "("). Each must start
# with a definite character or a small class ("X", "[Xx×]", "某", "〔"): the
# check looks for those characters and tries the patterns only there. A
# pattern with a capturing group reports what the group matched: the X of
# "召开会议X次", not "X次".

text "placeholder" {
  title    = "没有未替换的模板内容"
  source   = "《法治政府建设与责任落实督察工作规定》(厅字〔2019〕28号) 年度报告向社会公开"
  doc      = <<-EOT
    年度报告要向社会公开,不能留有模板里的占位内容:“XX”“××”“XXXX年”“召开会议X次”
    “*次”“某某”、空的“〔〕”、“[填写…]”“(此处…)”“____”。这是错误:报告不能带着它们
    发出。引号里的“某某”是引语(“某某说了算”),不报告;紧跟在姓氏后面的“某某”“××”
    是隐去的人名(“王某某”),也不报告。“3+X”这样的字母组合不是占位符。
  EOT
  severity = "error"
  patterns = [
    "[Xx×]{2,}",
    "([Xx×*])(?:次|个|件|名|项|人|家|场|份|天|年|月|日|万|亿|元|%|位|条|起|批|期|所|座|处|篇|例|宗|笔|户|套)",
    "([X×*])(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|社区|局|委|办|厅|科|股|公司|单位|部门|同志)",
    "\\*{2,}",
    "〔\\s*〕",
    "[\\[【](?:填写|请填|填入|待填|此处|在此)[^\\]】]{0,30}[\\]】]",
    "\\((?:此处|在此|填写|请填)[^)]{0,30}\\)",
    "_{3,}",
  ]
  unquoted = ["某某"]
  quotes   = ["“”", "‘’", "「」", "『』", "\"\""]
  surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
  example_fail = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区全年集体学法X次,××镇率先完成综合执法改革。
    2024年3月20日
  EOT
  example_pass = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    2023年,我区全年集体学法6次,查处王某某非法占地案,整治“某某说了算”现象。
    2024年3月20日
  EOT
}
