"""The clause-level frame of a directive cue (annotator.suggest.modality), on paraphrased sentences — never
the held-out gold's own wording."""

from annotator.suggest import modality
from annotator.suggest.directives import suggest_directives


def _spans(text):
    return [text[s.start:s.end] for s in suggest_directives(text)]


def test_volitive_yao_xiang_is_a_condition_not_an_order():
    # 要想 + an aim, judged impossible or hard: "if one wants…" (kind of 21, 33, 45).
    assert _spans("群众要想改变自己的处境，离开组织是办不到的。") == []
    assert _spans("要想工作一帆风顺，不下苦功夫是不可能的。") == []
    # 要想办法 / 要想尽一切办法 still order.
    assert _spans("各单位要想办法解决职工的住房问题。")


def test_epistemic_should_be_possible_orders_nothing():
    assert _spans("再有一年，完成这个计划，应当是可能的。") == []
    assert _spans("他的意思是，这样做应该是可以的。") == []
    # Gold convention (SOURCES.md, eighth batch): 应当是/应该是 + a noun phrase defines what something ought to be
    # (世界现代化应该是和平发展的现代化, 42), it tasks no one; an adjective or a verb after the modal still orders.
    assert _spans("上下级之间应当是一种平等的关系。") == []
    assert _spans("全球治理应该是开放包容的治理、共商共建的治理。") == []
    assert _spans("部门之间的关系应当融洽，应当是一种协作的关系。")
    assert _spans("老师跟学生的关系也应当是融洽的。")


def test_want_after_a_condition_and_a_reason_before_so_order_nothing():
    assert _spans("如果要全部安排，人数就要增加到好几百。") == []
    assert _spans("有人说，如果要和他们合作，我们就不参加了。") == []
    spans = _spans("农民要摆脱贫困，所以必须发展生产。")
    assert spans and not any("摆脱贫困" in s for s in spans)  # the reason is no order, what follows 所以 is
    assert _spans("各地要加强监管，确保安全。")  # an order with no condition or reason still orders


def test_a_documents_preamble_and_a_narrated_decision_of_the_centre_order_nothing():
    assert _spans("为落实市委部署，鼓励各区先行先试，持续改善营商环境，制定本方案。") == []
    assert _spans("为推动政务公开工作，经市政府同意，现提出如下意见：") == []
    assert _spans("中央明确了今后五年的主要目标，鼓励各地因地制宜、各展所长。") == []
    assert _spans("鼓励各地发挥比较优势，支持企业加大研发投入。")  # the document's own encouragement


def test_an_adverbial_cue_after_a_declared_intent_continues_it():
    text = "我们将持续加强自身建设。树立正确政绩观，坚决反对形式主义、官僚主义。"
    assert _spans(text) == []
    # a modal, or a named actor, still makes its own directive after the declaration
    assert _spans("我们将持续加强自身建设。各级政府要坚决反对形式主义。")
    assert _spans("我们将持续加强自身建设。\n树立正确政绩观，坚决反对形式主义。")  # a new paragraph


def test_a_call_reported_from_an_institution_or_a_third_party_is_not_the_speakers_order():
    assert _spans("相反，上级总是叫我们多做调查研究，而不要主观臆断。") == []
    assert _spans("老一辈革命家反复告诫我们，要保持艰苦奋斗的作风。") == []
    assert _spans("中央在三年以前作过一个关于干部问题的决定，要大胆提拔年轻干部。") == []
    # The speaker's own call keeps its cue, and so does a reporting verb without a reporter.
    assert _spans("我们要针对这个问题开展一次普遍的教育。")
    assert _spans("这就叫做实事求是，我们要学会这种方法。")
    assert _spans("我告诫你们，要保持清醒的头脑。")


def test_confidence_is_lower_for_third_parties_hypotheses_questions_and_states():
    high = suggest_directives("同志们要认真学习文件，把精神落到实处。")[0]
    third = suggest_directives("他们要坚持那条错误的路线，那是他们的事。")
    question = suggest_directives("难道我们要放弃这个原则吗？")
    assert high.attributes["confidence"] == high.score and not high.attributes.get("low_confidence")
    for found in (third, question):
        assert all(s.score < high.score for s in found)
    state = modality.confidence("队伍就要整齐。", 0, 3, 0.85)
    action = modality.confidence("队伍就要整顿。", 0, 3, 0.85)
    assert state < action


def test_frame_and_subject_readings():
    text = "如果明天下雨，我们就要推迟出发。"
    at = text.index("要")
    assert modality.frame(text, 0, at) == "hypothesis"
    assert modality.subject(text, text.index("我们"), at) == "speaker"
    text = "你们各级干部要带头执行。"
    assert modality.subject(text, 0, text.index("要")) == "addressee"
    assert modality.reading("要的是实干", 0) == "volitive"
    assert modality.reading("要抓紧落实", 0) == "deontic"


def test_soft_cues_and_yao_before_having_or_depending_are_low_confidence():
    for text in ("鼓励有条件的企业先行先试，形成可推广的经验。", "这件事要靠大家，明天再定。"):  # 这件事要看…: it depends (no directive, test_suggest_classes13)
        found = suggest_directives(text)
        assert found and all(s.attributes.get("low_confidence") for s in found), text
    firm = suggest_directives("各县区要在年底前完成排查整改。")[0]
    assert not firm.attributes.get("low_confidence")


def test_a_declaration_by_the_chinese_side_orders_nothing():
    # 中方将/中方愿… is intent, like 中国将… (paraphrase of the kind seen in keynotes).
    assert _spans("中方将设立专项资金，支持伙伴国培训青年技术人员。") == []
    assert _spans("中方愿同各方一道，推动合作提质升级。") == []


def test_a_numbered_heading_that_orders_opens_no_review_section():
    # 成效 is a review word, but a heading with its own modal cue is an instruction (kinds of 30 and 41).
    text = ("1、要把工作成效作为检验干部的根本标准，真正做到以实绩论英雄，不断提高干部的本领、担当、作风。\n"
            "2、要把群众满意作为衡量工作的尺度。\n")
    from annotator.structure.outline import parse_outline

    found = suggest_directives(text, parse_outline(text))
    assert any(text[s.start:s.end].startswith("要把工作成效") for s in found)


def test_after_a_third_party_yao_wants_but_yinggai_prescribes():
    # Paraphrased: 要 after 他们/有人 is their wish or their future; 应该/必须 after them still prescribe.
    assert _spans("有些人还要再观望一阵子，看看风向。") == []
    found = suggest_directives("他们应该懂得一个道理，就是脱离群众什么事也办不成。")
    assert found and found[0].attributes.get("low_confidence")  # proposed, but shown apart
