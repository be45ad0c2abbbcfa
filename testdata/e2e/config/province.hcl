part "statistics" {
  title    = "主要数据统计"
  source   = "某省法治政府建设年度报告工作指引"
  doc      = "工作指引要求年度报告单列一部分,列出主要统计数据。"
  severity = "warning"
  headings = ["主要数据|数据统计"]
  mentions = ["统计数据"]
}
