# A province whose reports are due by 1 March: the built-in deadline rule,
# adjusted in place (an override block sets only what it changes).
override "date/deadline" {
  title    = "报告在次年3月1日之前公开"
  deadline = "03-01"
}
