part "statistics" {
  title    = "主要数据统计"
  headings = ["主要数据", "(数据统计"]
  severity = "fatal"
}
