"""Directive spans: cues, actors, strength, past-tense demotion, headings, units."""

import pytest

from annotator.domain.model import Section
from annotator.suggest.directives import suggest_directives


def _spans(text, **kw):
    return [(text[s.start:s.end], s.attributes) for s in suggest_directives(text, **kw)]


def test_cue_governs_the_following_clauses_up_to_the_semicolon():
    text = "要广泛凝聚共识，组织动员广大职工持续深入学习，切实增强责任感；大力宣传先进典型。"
    spans = _spans(text)
    assert [s for s, _ in spans] == ["要广泛凝聚共识，组织动员广大职工持续深入学习，切实增强责任感", "大力宣传先进典型"]


@pytest.mark.parametrize("text, actor, strength", [
    ("全市各级工会组织要紧紧围绕中心工作。", "全市各级工会组织", "normal"),
    ("各级党委和政府必须坚持人民至上。", "各级党委和政府", "strong"),
    ("我们要切实建立健全预警机制。", "我们", "normal"),
    ("严禁借慰问之名滥发钱物。", None, "strong"),
    ("工会经费不得用于与职工服务无关的支出。", None, "strong"),
    ("希望大家认真抓好贯彻落实。", None, "soft"),
    ("确保年内建成标准厂房。", None, "normal"),
])
def test_actor_and_strength(text, actor, strength):
    ((span, attrs),) = _spans(text)
    assert attrs.get("actor") == actor
    assert attrs["strength"] == strength
    assert attrs["action"]


def test_action_drops_adverbs_of_manner():
    ((_, attrs),) = _spans("各级工会要进一步切实加强组织领导。")
    assert attrs["action"].startswith("加强组织领导")


@pytest.mark.parametrize("text", [
    "工会工作是党的群众工作的重要组成部分。",
    "会议的主要任务是总结去年工作。",
    "这些问题需要我们高度重视。",
    "上级提出了新的要求。",
    "只要我们坚定信心，就一定能够完成任务。",
    "经济发展的要素保障不足。",
    "去年，我们坚持问题导向，切实加强基层党组织建设，取得了明显成效。",
    "一年来，县总工会团结带领基层工会组织，全面开展竞赛活动。",
    "我们也要看到，城乡发展还不够均衡。",
    "做好今年工会工作责任重大。",
    "在机关党建工作推进会上的讲话",
])
def test_non_directives(text):
    assert _spans(text) == []


def test_modal_cues_survive_past_tense_words():
    ((span, _),) = _spans("要巩固已经取得的成效，推动工作再上新台阶。")
    assert span.startswith("要巩固")


def test_review_section_demotes_plain_verbs_but_not_its_heading_neighbours():
    text = ("一、2023年工作回顾\n乡村振兴扎实推进。坚持把三农工作作为重中之重。\n"
            "二、2024年重点任务\n（一）着力扩大有效投资\n坚持项目为王，力争新开工项目30个。\n")
    spans = [s for s, _ in _spans(text)]
    assert spans == ["着力扩大有效投资", "坚持项目为王，力争新开工项目30个"]


def test_inline_markers_are_left_out_of_the_span():
    text = "一是要积极推进和谐劳动关系建设。二要强化统筹协调。第三，加快建设教师队伍。"
    spans = [s for s, _ in _spans(text)]
    assert spans == ["要积极推进和谐劳动关系建设", "要强化统筹协调", "加快建设教师队伍"]


def test_sections_mark_titles_as_headings():
    text = "夯实基础、真抓实干 为贯彻落实会议精神，全县各级工会要加强组织领导。"
    title_end = text.index(" ")
    section = Section(level=1, marker="四、", title=text[:title_end], start=0, end=len(text),
                      title_start=0, title_end=title_end)
    spans = [s for s, _ in _spans(text, sections=[section])]
    assert spans[0] == "夯实基础、真抓实干"
    assert spans[1].startswith("全县各级工会要加强组织领导")


def test_sentence_unit_takes_the_whole_sentence():
    text = "特殊时期，要有特殊的精神状态；同时保持定力。"
    assert [s for s, _ in _spans(text, unit="sentence")] == ["特殊时期，要有特殊的精神状态；同时保持定力"]
    assert [s for s, _ in _spans(text)] == ["要有特殊的精神状态", "同时保持定力"]
    with pytest.raises(ValueError):
        suggest_directives(text, unit="paragraph")


def test_seed_speeches_yield_directives(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = suggest_directives(text)
        assert found, path.name
        for s in found:
            assert s.end - s.start >= 4
            assert text[s.start] not in "，；。" and text[s.end - 1] not in "，；。"
