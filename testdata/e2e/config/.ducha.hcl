# A province's reviewers: their own rule pack, no 其他 part required, the
# 第一责任人 part strictly required, warnings fail the check.
rules     = ["province.hcl"]
disable   = ["section/other"]
severity  = { "section/responsible-person" = "error" }
fail_on   = "warning"
year      = 2023
published = "2024-03-20"
exclude   = ["草稿*"]
