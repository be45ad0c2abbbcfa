# The failing example has the very heading the rule looks for, so the rule
# cannot report it: ducha rules validate says so.
part "statistics" {
  title    = "主要数据统计"
  headings = ["主要数据统计"]
  example_fail = <<-EOT
    青山区人民政府关于2023年度法治政府建设情况的报告
    一、主要数据统计
    全年办理行政复议案件12件,行政诉讼案件8件。
  EOT
}
