"""One test per error class fixed in the eleventh round (issue 17, session 7, suggest8). The classes were found on
unmarked probe speeches (1943 劳动英雄大会, 1945 延安干部会议: tests/data/suggest_gold/probes/PROBES.md) and checked
against the dev documents; the sentences here are written in the same phrasing, not copied from any gold document,
and never from the held-out batch 11 (65–69)."""

import pytest

from annotator.structure.outline import parse_outline
from annotator.suggest import suggest


def _spans(text, label="directive"):
    return [text[s.start:s.end] for s in suggest(text, parse_outline(text)) if s.label == label]


def _values(text):
    return [s.attributes.get("value_text") for s in suggest(text, parse_outline(text)) if s.label == "statistic"]


@pytest.mark.parametrize("text", [
    "对手现在要进城了。",  # 要…了: about to
    "雨季要来临了，大坝要开闸放水了。",  # 要…了 in two clauses
    "反对这个办法的只是少数人，愿意不要补贴的只有几户。",  # …的只是 / …的只有: who holds a stance
    "最该出力的应该是我们自己。",  # X的应该是Y: an equation
    "如果双方都不要谈判，会议就开不成。",  # a conditional antecedent, its consequent after it
    "假如对方一定要挑起争端，我们就只好奉陪。",  # 一定要 inside the antecedent
    "他说，这块地归我管，我不准你们种。",  # the sentence gives someone else the word
    "有人说，干部不要下乡，下乡没有用处。",  # the 说…不要 class
    "那位记者说：“你们要听一听我们的意见。”",  # an open quotation after 说：
    "我们是不要打仗的。",  # 是不要…的: a stance
    "我们的办法同他们的办法决不相同。",  # 决不相同 compares
    "这些合作社还要经过若干发展阶段，才会变成集体农庄。",  # 还要经过…阶段: what it takes
    "办法好不好？这要看群众是不是拥护。",  # 这要看…: it depends on
    "这个国家将来一定要走向工业化。",  # 将来一定要: a prediction
    "这类税收将来一定不要。",  # 将来一定不要
])
def test_no_directive(text):
    assert _spans(text) == []


@pytest.mark.parametrize("text", [
    "我们要通过调整税收改善关系，不要搞得太紧张了。",  # 不要…太…了 still forbids
    "如果发现问题，就要立即整改。",  # the cue stands in the consequent
    "只要是群众自愿的，我们都要支持。",  # 只要 is no antecedent of this kind
    "各级干部必须亲自抓，决不能推给别人。",  # 决不能 still forbids
    "我说，你们要把工作做得更好。",  # the speaker's own words, not a quotation
    "大家要注意节约，这一点决不可忽视。",  # a plain order
])
def test_still_a_directive(text):
    assert _spans(text)


def test_not_even_one_idioms_and_doubled_use_are_no_statistics():
    assert _values("他一担水也不挑，一点力气也不出。") == []
    assert _values("独裁、内战和卖国三位一体，我们来自五湖四海。") == []
    assert _values("这支队伍要当两支用，一分钱要当两分钱花。") == []
    assert _values("农村合作社还有三种形式，城里有两种样式。") == []
    # …but counts still count
    assert _values("全县有三个师驻防，粮食产量二十六万担。") == ["三个师", "二十六万担"]


def test_a_score_on_a_scale_is_a_statistic_without_a_unit():
    assert _values("群众安全感满意度从91.2提升至95.6，营商环境评分达到88.4。") == ["91.2", "95.6", "88.4"]
    assert _values("会议于2025年召开，编号为3.12的文件已印发。") == []


def test_a_count_naming_the_items_just_listed_is_no_statistic():
    assert _values("课题选在煤炭、电力和化工三个行业，做到人员、经费两个到位。") == []
    assert _values("新建小学和幼儿园三所，培训教师四百人。") == ["三所", "四百人"]


def test_zhineng_restricting_an_entitlement_is_a_directive_elsewhere_a_possibility():
    assert _spans("每个家庭只能领取一份补贴。") == ["每个家庭只能领取一份补贴"]
    assert _spans("革命的人民还基本上只能占领乡村。") == []
