# Relations between the statistics reports carry: which count is the total,
# which the part, which rate follows from which counts. Each relation looks
# within one sentence (and, with topic, only at sentences on its subject);
# its asserts report under the numeric rules of 75-numeric.hcl. An assert
# runs only when the sentence states every capture it refers to (optional
# captures may be absent: a comparison about one is left out), and is
# reported only when no reading of the sentence satisfies it: when several
# quantities fit a capture, every way of binding them is tried, and
# approximate numbers ("200余件") are ranges.
#
# This file comes before 75-numeric.hcl so that where a relation and a
# generic check catch the same mistake, the relation's message (which knows
# which statistic is which) is the one reported.

relation "mediation" {
  doc    = "人民调解:调解成功数不超过受理(调解)的纠纷数,调解成功率由二者算出。"
  topic  = "调解|纠纷"
  not_in = ["next-year"]

  count "total" {
    label     = "(受理|调解|调处|接收|排查)(各类)?.{0,8}(纠纷|案件)$"
    not_label = "成功"
    unit      = ["件", "起"]
  }
  count "success" {
    label = "(调解|化解|调处)成功|成功(调解|化解|调处)"
    unit  = ["件", "起"]
  }
  rate "rate" {
    label    = "(调解|化解)?成功率$"
    optional = true
  }

  assert "numeric/part-exceeds-total" {
    condition = success <= total
    message   = "调解成功${text.success}多于受理(调解)的纠纷${text.total}:成功数是受理数的一部分,不能超过它;请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = rate == pct(success, total)
    message   = "调解成功率${text.rate}与调解成功${text.success}÷受理${text.total}=${round(pct(success, total), 2)}%不符(按所写位数四舍五入或截尾);请核对。"
  }
}

relation "reconsideration-intake" {
  doc    = "行政复议:受理数不超过收到的申请数,审结数不超过受理数。"
  topic  = "复议"
  not_in = ["next-year"]

  count "received" {
    label    = "(收到|接收|新收)(各类)?(行政复议)?(申请|案件)$"
    unit     = ["件"]
    optional = true
  }
  count "accepted" {
    label     = "受理(各类)?(行政复议)?(申请|案件)?$"
    not_label = "审结|办结"
    unit      = ["件"]
  }
  count "closed" {
    label     = "(审结|办结)(案件)?$"
    not_label = "未审结|未办结"
    unit      = ["件"]
    optional  = true
  }

  assert "numeric/part-exceeds-total" {
    condition = accepted <= received
    message   = "受理行政复议案件${text.accepted}多于收到的申请${text.received}:受理数不能超过收到的申请数;请核对。"
  }
  assert "numeric/part-exceeds-total" {
    condition = closed <= accepted
    message   = "审结${text.closed}多于受理的${text.accepted}:如含上年结转的案件请写明,否则请核对。"
    severity  = "warning"
  }
}

relation "reconsideration-decisions" {
  doc    = <<-EOT
    行政复议:维持、驳回、撤销(确认违法、责令履行、变更)、终止等决定之和不超过审结数;
    纠错数不超过审结数;纠错率由纠错数和审结数(或受理数、收到的申请数)算出。
  EOT
  topic  = "复议"
  not_in = ["next-year"]

  count "closed" {
    label     = "(审结|办结)(案件)?$"
    not_label = "未审结|未办结"
    unit      = ["件"]
  }
  count "accepted" {
    label     = "受理(各类)?(行政复议)?(申请|案件)?$"
    not_label = "审结|办结"
    unit      = ["件"]
    optional  = true
  }
  count "received" {
    label    = "(收到|接收|新收)(各类)?(行政复议)?(申请|案件)$"
    unit     = ["件"]
    optional = true
  }
  count "upheld" {
    label    = "维持"
    unit     = ["件"]
    optional = true
  }
  count "dismissed" {
    label    = "^驳回"
    unit     = ["件"]
    optional = true
  }
  count "revoked" {
    label    = "撤销|确认(违法|无效)|责令(履行|重作|重新)|变更"
    unit     = ["件"]
    optional = true
  }
  count "terminated" {
    label    = "终止"
    unit     = ["件"]
    optional = true
  }
  count "corrected" {
    label    = "纠错(案件)?$"
    unit     = ["件"]
    optional = true
  }
  rate "correction_rate" {
    label    = "纠错率$"
    optional = true
  }

  assert "numeric/sum-mismatch" {
    condition = sum(upheld, dismissed, revoked, terminated) <= closed
    at        = "closed"
    message   = "维持、驳回、撤销、终止等决定之和${sum(upheld, dismissed, revoked, terminated)}件大于审结数${text.closed}:各类决定之和不能超过审结数;请核对。"
  }
  assert "numeric/part-exceeds-total" {
    condition = corrected <= closed
    message   = "纠错${text.corrected}多于审结的${text.closed}:纠错案件是审结案件的一部分;请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = correction_rate == pct(corrected, closed) || correction_rate == pct(corrected, accepted) || correction_rate == pct(corrected, received)
    message   = "纠错率${text.correction_rate}与纠错${text.corrected}除以审结、受理或收到的案件数都不符;请核对。"
  }
}

relation "litigation" {
  doc    = "行政诉讼:败诉数不超过结案数;败诉率由败诉数和结案(审结)数或收案数算出。"
  topic  = "诉讼|应诉|一审|败诉"
  not_in = ["next-year"]

  count "received" {
    label    = "(新收|收案|受理)(各类)?(一审)?(行政)?(诉讼|应诉)?案件(数)?$"
    unit     = ["件"]
    optional = true
  }
  count "closed" {
    label    = "(结案|审结)(案件)?(数)?$"
    unit     = ["件"]
    optional = true
  }
  count "lost" {
    label     = "败诉(案件)?$"
    not_label = "风险"
    unit      = ["件"]
  }
  rate "rate" {
    label     = "败诉率$"
    optional  = true
  }

  assert "numeric/part-exceeds-total" {
    condition = lost <= closed
    message   = "败诉${text.lost}多于结案的${text.closed}:败诉案件是结案案件的一部分;请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = rate == pct(lost, closed) || rate == pct(lost, received)
    message   = "败诉率${text.rate}与${lost}/${closed}=${round(pct(lost, closed), 2)}%不符(按所写位数四舍五入或截尾);请核对败诉率或案件数。"
  }
}

relation "court-appearance" {
  doc    = "行政机关负责人出庭应诉:出庭次数不超过应出庭次数;出庭(应诉)率由二者算出。"
  topic  = "出庭"
  not_in = ["next-year"]

  count "required" {
    label = "应出庭|需出庭|开庭(审理)?(案件)?$"
    unit  = ["次", "件", "人次"]
  }
  count "appeared" {
    label     = "出庭(应诉)?(案件)?$"
    not_label = "应出庭|需出庭"
    unit      = ["次", "件", "人次"]
  }
  rate "rate" {
    label    = "出庭(应诉)?率$"
    optional = true
  }

  assert "numeric/part-exceeds-total" {
    condition = appeared <= required
    message   = "负责人出庭${text.appeared}多于应出庭的${text.required};请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = rate == pct(appeared, required)
    message   = "出庭应诉率${text.rate}与${appeared}/${required}=${round(pct(appeared, required), 2)}%不符;请核对。"
  }
}

relation "law-exam" {
  doc    = "学法用法考试:参考人数不超过应考人数;参考率由二者算出。"
  topic  = "考试|测试|考核"
  not_in = ["next-year"]

  count "expected" {
    label = "应(考|参考|参加考试|参试)(人员|人数)?$"
    after = "^应(考|参考|参试)"
    unit  = ["人", "名", "人次"]
  }
  count "took" {
    label = "(参考|参试|实考|参加考试)(人员|人数)?$"
    after = "^(参考|参试|参加.{0,20}(考试|测试))"
    unit  = ["人", "名", "人次"]
  }
  rate "took_rate" {
    label    = "(参考|参学|参试)率$"
    optional = true
  }

  assert "numeric/part-exceeds-total" {
    condition = took <= expected
    message   = "参考${text.took}多于应考的${text.expected};请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = took_rate == pct(took, expected)
    message   = "参考率${text.took_rate}与${took}/${expected}=${round(pct(took, expected), 2)}%不符;请核对。"
  }
}

relation "law-exam-pass" {
  doc    = "学法用法考试:通过人数不超过参考人数;通过率由通过人数和参考(或应考)人数算出。"
  topic  = "考试|测试|考核"
  not_in = ["next-year"]

  count "passed" {
    label = "(通过|合格|及格)(人员|人数)?$"
    after = "^(通过|合格|及格)"
    unit  = ["人", "名", "人次"]
  }
  count "took" {
    label    = "(参考|参试|实考|参加考试)(人员|人数)?$"
    after    = "^(参考|参试|参加.{0,20}(考试|测试))"
    unit     = ["人", "名", "人次"]
    optional = true
  }
  count "expected" {
    label    = "应(考|参考|参加考试|参试)(人员|人数)?$"
    after    = "^应(考|参考|参试)"
    unit     = ["人", "名", "人次"]
    optional = true
  }
  rate "pass_rate" {
    label    = "(通过|合格|及格)率$"
    optional = true
  }

  assert "numeric/part-exceeds-total" {
    condition = passed <= took
    message   = "通过${text.passed}多于参考的${text.took};请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = pass_rate == pct(passed, took) || pass_rate == pct(passed, expected)
    message   = "通过率${text.pass_rate}与通过${text.passed}除以参考或应考人数都不符;请核对。"
  }
}

relation "case-review" {
  doc    = "行政执法案卷评查:优秀、一类、二类、三类、不合格等各等次案卷之和不超过评查总数。(一类以上案件率见 numeric \"rate-mismatch\" 的 composite。)"
  topic  = "评查|案卷|卷宗"
  not_in = ["next-year"]

  count "total" {
    label = "(评查|抽查|检查|抽取)(检查)?.{0,4}(案卷|卷宗|案件)$"
    unit  = ["件", "本", "宗", "份"]
  }
  count "excellent" {
    label    = "^优秀"
    optional = true
  }
  count "first" {
    label    = "^一类"
    optional = true
  }
  count "second" {
    label    = "^二类"
    optional = true
  }
  count "third" {
    label    = "^三类"
    optional = true
  }
  count "failed" {
    label    = "^不合格"
    optional = true
  }

  assert "numeric/sum-mismatch" {
    condition = sum(excellent, first, second, third, failed) <= total
    at        = "total"
    message   = "各等次案卷之和为${sum(excellent, first, second, third, failed)},大于评查总数${text.total};请核对。"
  }
}

relation "case-sample" {
  doc    = "案卷抽查:评查的案件是从抽取(抽查)的案件中来的,同一句中评查数不超过抽取数;超过的给出警告(可能两数不是同一批案件,应分开写明)。"
  topic  = "抽取|抽查|抽选"
  not_in = ["next-year"]

  count "sample" {
    label = "(随机)?(抽取|抽查|抽选)(了)?.{0,8}$"
    after = "^(份|件|宗|本)?(行政执法)?(案卷|卷宗|案件)"
    unit  = ["件", "本", "宗", "份"]
  }
  count "reviewed" {
    label     = "(评查|评审)(了)?(行政执法)?(案卷|卷宗|案件)$"
    not_label = "抽取|抽查|抽选"
    unit      = ["件", "本", "宗", "份"]
  }

  assert "numeric/part-exceeds-total" {
    condition = reviewed <= sample
    severity  = "warning"
    at        = "reviewed"
    message   = "评查案件${text.reviewed}多于抽取的案件${text.sample}:评查的是抽取出来的样本(${text.sample}),评查数不应超过抽取数;如两者不是同一批案件,请分开写明。"
  }
}

relation "normative-documents" {
  doc    = "规范性文件清理:继续有效、废止(失效、停止执行)、修改的件数之和不超过清理总数;三项都写明时应等于总数。"
  topic  = "清理"
  not_in = ["next-year"]

  count "total" {
    label = "清理.{0,10}(文件|规章)$"
    after = "^(行政)?规范性文件.{0,8}清理"
    unit  = ["件", "份"]
  }
  count "kept" {
    label    = "(继续)?有效|保留"
    after    = "(继续)?有效$"
    unit     = ["件", "份"]
    optional = true
  }
  count "repealed" {
    label    = "废止|失效|停止执行"
    after    = "(废止|失效)$"
    unit     = ["件", "份"]
    optional = true
  }
  count "amended" {
    label    = "修改|修订"
    unit     = ["件", "份"]
    optional = true
  }

  assert "numeric/sum-mismatch" {
    condition = sum(kept, repealed, amended) <= total
    at        = "total"
    message   = "继续有效、废止、修改的件数之和${sum(kept, repealed, amended)}件大于清理总数${text.total};请核对。"
  }
  assert "numeric/sum-mismatch" {
    condition = kept + repealed + amended == total
    at        = "total"
    severity  = "warning"
    message   = "继续有效${text.kept}、废止${text.repealed}、修改${text.amended}之和${sum(kept, repealed, amended)}件与清理总数${text.total}不符;如有其他处理结果请写明,否则请核对。"
  }
}

relation "legal-aid" {
  doc    = "法律援助:受理(批准、指派)的案件数不超过申请数;办结率由办结数和受理数算出。"
  topic  = "法律援助"
  not_in = ["next-year"]

  count "accepted" {
    label     = "(受理|批准|指派|承办)(各类)?(法律援助)?(案件)?$"
    not_label = "申请"
    unit      = ["件"]
  }
  count "applied" {
    label    = "(收到|接到|受理)?(法律援助)?申请$"
    unit     = ["件"]
    optional = true
  }
  count "closed" {
    label    = "(办结|结案)(案件)?$"
    unit     = ["件"]
    optional = true
  }
  rate "rate" {
    label    = "(办结|结案)率$"
    optional = true
  }

  assert "numeric/part-exceeds-total" {
    condition = accepted <= applied
    message   = "受理法律援助案件${text.accepted}多于收到的申请${text.applied};请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = rate == pct(closed, accepted)
    message   = "办结率${text.rate}与${closed}/${accepted}=${round(pct(closed, accepted), 2)}%不符;请核对。"
  }
}

relation "petition" {
  doc    = "信访:按期办结(化解)的信访事项不超过受理数;办结率、化解率由二者算出。"
  topic  = "信访"
  not_in = ["next-year"]

  count "accepted" {
    label = "(受理|登记|接收|交办)(各类)?(信访|来信来访|来访)?(事项|件|案件)?$"
    unit  = ["件", "批"]
  }
  count "closed" {
    label = "(按期|及时)(办结|化解|答复)(率)?(事项|件|案件)?$|^(办结|化解)(事项|件|案件)?$"
    unit  = ["件", "批"]
  }
  rate "rate" {
    label    = "(按期|及时)?(办结|化解|答复)率$"
    optional = true
  }

  assert "numeric/part-exceeds-total" {
    condition = closed <= accepted
    message   = "办结(化解)的信访事项${text.closed}多于受理的${text.accepted};请核对。"
  }
  assert "numeric/rate-mismatch" {
    condition = rate == pct(closed, accepted)
    message   = "${label.rate}${text.rate}与${closed}/${accepted}=${round(pct(closed, accepted), 2)}%不符;请核对。"
  }
}
