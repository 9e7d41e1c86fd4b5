"""One test per error class fixed in the seventh round (issue 17, session 5): each class was seen in two or more gold
documents of different batches (numbers in annotator/suggest/cues.py, nonstat.py); the sentences here are written in
the same phrasing, not copied from held-out gold."""

import pytest

from annotator.structure.outline import parse_outline
from annotator.suggest import suggest


def _spans(text, label="directive"):
    return [text[s.start:s.end] for s in suggest(text, parse_outline(text)) if s.label == label]


def _values(text):
    return [s.attributes.get("value_text") for s in suggest(text, parse_outline(text)) if s.label == "statistic"]


@pytest.mark.parametrize("text", [
    # 不要 + a person: "not want someone"
    "他担心哪一天大家不要他了，自己再想出力也没有门路。",
    "那户人家不愿意入社，也就不要他入，那末他现在不来也可以。",
    # 建议 as a noun: a modifier or the subject of 将
    "这次会议在目前还只是咨询性的、建议性质的会议。",
    "这份章程修改建议将这一条写进总则。",
    # a third party's wish, or the addressed province's own request reported back to it
    "他们总是片面强调本部门的工作，总希望全局去迁就他们的局部。",
    "你省近期又编制了一批项目，希望国家将其列入规划，并给予资金支持。",
    # 应该的 judges, 决不是 asserts
    "群众提意见是完全应该的，没有群众的监督，工作就做不好。",
    "这项工作决不是一朝一夕所能完成的。",
    # the theme or main line of a meeting names it
    "大会的主题是：坚持改革开放，坚决打赢脱贫攻坚战，奋力开创新局面。",
    # 就要 after a time ahead: what will begin then
    "明年春季，我们就要在全省开始这项改革。",
])
def test_no_directive(text):
    assert _spans(text) == []


@pytest.mark.parametrize("text, expected", [
    # a topic ending in 情况 opens the directive
    ("发现的各种隐患情况，要及时上报。", "发现的各种隐患情况，要及时上报"),
    # a 对…的 topic before a pronoun subject and its modal
    ("对这些还可以争取的人，我们也要争取。", "对这些还可以争取的人，我们也要争取"),
    # 要想…办法 orders, as 想办法 does
    ("这件事虽然难办，但是我们总要想各种办法来解决。", "我们总要想各种办法来解决"),
    # 不要 before 你们 still forbids
    ("你们不要着急。", "你们不要着急"),
    # a wish of the speaker still asks
    ("我希望各地也采用这种办法。", "我希望各地也采用这种办法"),
])
def test_directive(text, expected):
    assert any(expected in span for span in _spans(text)), _spans(text)


@pytest.mark.parametrize("text, value", [
    ("补贴标准为600元/户/采暖季，由市县两级财政承担。", "600元/户/采暖季"),
    ("月补助标准300元/人/月。", "300元/人/月"),
])
def test_statistic(text, value):
    assert value in _values(text)


@pytest.mark.parametrize("text", [
    "这里的矛盾有两种，一种是敌我之间的，一种是人民内部的。",
    "这次会议有三个议程：第一，讨论计划；第二，选举；第三，通过决议。",
    "这是考验每一个人的两个“关”。",
])
def test_no_statistic(text):
    assert _values(text) == []


@pytest.mark.parametrize("text", [
    # 之要 is a noun, "the key"; 没有法子禁止 says what could not be done; a refuted belief opening mid-sentence
    "科技创新是发展之要，只有抓住它，才能赢得主动。",
    "这类问题过去是没有法子禁止的，只有经过辩论，才能改过来。",
    "教育工作很重要，如果认为改造只是要改造别人，不要改造自己，那就错误了。",
])
def test_no_directive_second_group(text):
    assert _spans(text) == []


def test_an_idiom_is_no_statistic():
    assert _values("沿海地区的开放水平更上一层楼。") == []


@pytest.mark.parametrize("text, expected", [
    ("我国已加入《禁止化学武器公约》。", []),
    ("日本政府已允诺履行关于禁止化学武器国际公约规定的义务。", []),
    # a cue outside the title still orders, before or after it
    ("各地要认真贯彻《关于严禁公款吃喝的规定》。", ["各地要认真贯彻《关于严禁公款吃喝的规定》"]),
    ("《关于严禁公款吃喝的规定》要认真执行。", ["《关于严禁公款吃喝的规定》要认真执行"]),
])
def test_a_cue_inside_a_title_names_it(text, expected):
    assert _spans(text) == expected


@pytest.mark.parametrize("text", [
    # a group's stance reported with 坚决; 倡导 inside an attributive
    "如果一个小组里只有一部分人坚决不愿意干，那就让这一部分人退出去。",
    "这样的战争，全世界的工人和人民都坚决反对。",
    "在各方倡导建立的合作机制下，两国贸易大幅增长。",
])
def test_no_directive_third_group(text):
    assert not [s for s in _spans(text) if "坚决" in s or "倡导" in s]


def test_a_stance_of_the_addressed_still_orders():
    assert _spans("全体党员要坚决反对形式主义。") == ["全体党员要坚决反对形式主义"]


@pytest.mark.parametrize("text, expected", [
    # a headless relative clause names whom the rule binds, and opens the directive
    ("不符合补贴条件的，应当退回已领取的资金。", "不符合补贴条件的，应当退回已领取的资金"),
    ("主办单位发生变化的，应及时注销账号。", "主办单位发生变化的，应及时注销账号"),
    # …but a purpose does not
    ("要达到团结的目的，必须采取批评的方法。", "必须采取批评的方法"),
])
def test_whoever_a_rule_binds_opens_it(text, expected):
    assert _spans(text) == [expected]
