disable   = ["section/others"]
severity  = { "title/year" = "fatal" }
fail_on   = "sometimes"
colour    = true
published = "2024-02-30"
include   = ["[txt"]
rules     = ["nothere.hcl"]
