"""One test per error class fixed in session 10 (issue 17, suggest15) from batch 13 (77–81), dev since its first scoring.
Each rule reads the clause (who speaks, what a modal governs, a condition, a cleft, a question), and each class was also
seen in another dev document or in public texts of the search index (SOURCES.md, the session-10 paragraph). The sentences
are written in the same phrasing, not copied, and never from a held-out document."""

import pytest

from annotator.structure.outline import parse_outline
from annotator.suggest import suggest


def _spans(text, label="directive"):
    return [text[s.start:s.end] for s in suggest(text, parse_outline(text)) if s.label == label
            and s.attributes.get("cue") != "implicit"]


def _values(text):
    return [s.attributes.get("value_text", "") for s in suggest(text, parse_outline(text)) if s.label == "statistic"]


def _stat(text):
    return [s.attributes for s in suggest(text, parse_outline(text)) if s.label == "statistic"]


@pytest.mark.parametrize("text, span", [
    ("党要领导工业和农业。", "党要领导工业和农业"),  # 要领 is a noun, 要领导 the modal and a verb
    ("我们允许他讲话，而且讲错了也不要处罚。", "而且讲错了也不要处罚"),  # 他讲话 reports no words
    ("过去不民主，那也不要紧，就请大家批评吧。", "就请大家批评吧"),  # 请 after 就/都 with the addressed after it
    ("白天晚上都请你们批评。", "白天晚上都请你们批评"),
    ("如果有人认为不够，请他提出来，如果说得对，我就接受。", "请他提出来，如果说得对，我就接受"),
    ("如果他愿意改正错误，我们就要欢迎他，帮助他。", "我们就要欢迎他，帮助他"),  # the speaker's side in a consequent
    ("各地一定要认识到这一点，把它作为头等大事来抓。", "各地一定要认识到这一点，把它作为头等大事来抓"),
    ("我们提倡不打棍子，目的就是要使人敢于讲话。", "我们提倡不打棍子，目的就是要使人敢于讲话"),
])
def test_directives_read_from_the_clause(text, span):
    assert span in _spans(text)


@pytest.mark.parametrize("text", [
    "这些人是我们要改造的。",  # a cleft describing 这些人
    "这是过去任何一个时代都不能比拟的。",
    "对于当时的问题应当怎么办，政策应当怎么定，这些问题后来都解决了。",  # an embedded question
    "比起过去那支军队来，这支军队要更强些。",  # a comparison
    "对于规律的认识，必须有一个过程。",  # it takes a process
    "要建设起强大的工业，我估计要花一百多年。",  # a purpose and what it takes
    "要赶上先进国家，没有几十年的时间，我看是不行的。",
    "这当然不应当是长久之计。",  # 应当是 + a noun phrase
    "在这种情形下，干部还得不到一整套的教材。",  # 得不到: cannot get
    "人总会要犯一点错误的。",  # 会要: will
])
def test_statements_are_no_directives(text):
    assert _spans(text) == []


def test_a_bare_tichang_or_a_narrated_one_asks_nothing():
    assert _spans("一九六一年我们又重新提倡，现在情况已经有所改变。") == []
    assert _spans("第一条是不提倡。") == []


@pytest.mark.parametrize("text, value, number", [
    ("日均新设企业由5千多户增加到1万6千多户。", "1万6千多户", 16000),
    ("贫困人口减少到1亿3千多万。", "1亿3千多万", 130_000_000),
    ("共减轻企业负担3万多亿元。", "3万多亿元", 3_000_000_000_000),
    ("全县有8百人参加。", "8百人", 800),
])
def test_arabic_digits_with_chinese_magnitudes_are_one_number(text, value, number):
    found = [a for a in _stat(text) if a["value_text"] == value]
    assert found and found[0]["number"] == number


def test_magnitude_units_keep_their_first_character():
    assert _values("新建变电站容量500千伏安。") == ["500千伏安"]


def test_a_spoken_list_of_percents_goes_on_to_de():
    found = [a for a in _stat("站在占总人口百分之四、五的少数人一边。") if a["value_text"] == "百分之四、五"]
    assert found and (found[0]["number"], found[0]["number_max"]) == (4, 5)


def test_a_bare_repeat_of_a_share_is_measured_but_a_demonstrative_names_it():
    text = "占人口总数的百分之九十以上的人民大众是拥护的。总而言之，百分之九十以上的人是拥护的。"
    assert _values(text).count("百分之九十以上") == 2
    text = "过去有三十万人的军队。现在比起过去那个三十万人的军队来，要更强些。"
    assert _values(text) == ["三十万人"]


def test_rule_sets_named_by_their_count_are_no_statistics():
    assert _values("例如农村公社六十条，工业企业七十条，这些条例草案正在试行。") == []
    assert _values("共修订条款七十条。") == ["七十条"]


@pytest.mark.parametrize("text, span", [
    ("这就要求我们不能永远搞封闭的培训。", "这就要求我们不能永远搞封闭的培训"),
    ("我们一方面要求教师作奉献，另一方面也应该让教师实现自己的价值。",
     "我们一方面要求教师作奉献，另一方面也应该让教师实现自己的价值"),
])
def test_the_speakers_requirement_is_a_directive(text, span):
    assert span in _spans(text)


def test_a_thing_that_requires_states_a_need():
    assert _spans("现代化教育要求教师有开阔的眼界。") == []


def test_our_stance_with_jue_bu_declares_but_jue_bu_neng_forbids():
    assert _spans("我们是站在大多数人一边的，绝不站在少数人那一边。") == []
    assert _spans("我们是站在大多数人一边的，绝不能站到少数人那一边去。") != []


@pytest.mark.parametrize("text, value, number", [
    ("工资2万3元。", "2万3元", 23000),  # the last digit counts the next lower magnitude, as 一万三
    ("有1百2十人参加。", "1百2十人", 120),
    ("10万5千人参加。", "10万5千人", 105000),
])
def test_mixed_numerals_are_read_as_spoken(text, value, number):
    found = [a for a in _stat(text) if a["value_text"] == value]
    assert found and found[0]["number"] == number
