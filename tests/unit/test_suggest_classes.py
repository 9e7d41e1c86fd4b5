"""One test per error class fixed in the fifth round (issue 17): each class was seen in two or more gold documents
of different batches; the sentences here are written in the same phrasing, not copied from held-out gold."""

import pytest

from annotator.structure.outline import parse_outline
from annotator.suggest import suggest


def _spans(text, label="directive"):
    return [text[s.start:s.end] for s in suggest(text, parse_outline(text)) if s.label == label]


def _values(text):
    return [s.attributes.get("value_text") for s in suggest(text, parse_outline(text)) if s.label == "statistic"]


@pytest.mark.parametrize("text", [
    # 要 stating an aim or a definition after 目的/主张/宗旨/企图…
    "敌人的企图，是要把我们赶出根据地。",
    "这个组织的主张就是要联合一切可以联合的力量，要同各方面合作。",
    # 要 opening a purpose that a later clause completes
    "要把这个计划变成现实，还要经过艰苦的努力。",
    "要建成现代化的工业国，并不是轻而易举的事情。",
    "要在二十年内实现工业化，并且要完成农业的改造，这是一件艰巨的任务。",
    "这样的事情决不会再发生了。",
    # 要 as "will": a time before it, or going somewhere now
    "这个办法过两年还要再修订。",
    "将来要做到全部机械化，现在还做不到。",
    "许多青年干部现在也要到边疆去。",
    # 要 after 当然/总是/终归: bound to happen
    "这样的大变动当然要反映到文艺作品中来。",
    "落后的东西总是要被淘汰的，这个趋势谁也挡不住。",
    # a target proposed to the meeting, a prediction, a benefit or purpose phrase
    "建议今年全县发展的主要预期目标为：地区生产总值增长6%左右。",
    "全县上下必将战胜各种困难，力争实现全年目标。",
    "这样安排有利于确保粮食生产稳定。",
    "为确保工程按期完工，县财政可安排一笔周转资金。",
    # not a prohibition: 不要紧, 不得其所, a rumour reported
    "同志们说错了也不要紧，改了就好。",
    "他们到处散布共产党不要和平的谣言。",
    # 要有 + a right or a condition; 不要求 is "does not demand"
    "每个公民都要有受教育的权利。",
    "办成这件事，还要有各方面条件的配合。",
    "现阶段我们并不要求实行完全的公有制。",
    # a cue inside a short quotation names or cites something
    "那种“坚决后退”的主张，是在慌乱中提出来的。",
    "老百姓常说“有理也要让三分”。",
])
def test_no_directive(text):
    assert _spans(text) == []


@pytest.mark.parametrize("text, expected", [
    # a fronted topic before 都要 opens the directive
    ("外国的先进技术，我们都要认真学习。", "外国的先进技术，我们都要认真学习"),
    ("群众提的每一条意见，都要认真研究，不能搁置。", "群众提的每一条意见，都要认真研究，不能搁置"),
    # an addressee list with 特别是…所在地
    ("各地、各部门，特别是灾区所在地，要抓紧做好救灾物资的发放工作。",
     "各地、各部门，特别是灾区所在地，要抓紧做好救灾物资的发放工作"),
    # 就得 and 都不能 order
    ("发现了问题就得马上解决，不能拖。", "发现了问题就得马上解决，不能拖"),
    ("在任何情况下都不能动摇。", "在任何情况下都不能动摇"),
    # 要紧密, 规律性, …时期 are no longer read as 要紧 / a regularity / a span of time
    ("各族人民要紧密团结在一起。", "各族人民要紧密团结在一起"),
    ("要加强规律性研究，增强工作的预见性。", "要加强规律性研究，增强工作的预见性"),
    ("我们要保持战争时期的那股干劲。", "我们要保持战争时期的那股干劲"),
    # the counterparts of the rules above still order
    ("干部要到群众中去，同群众打成一片。", "干部要到群众中去，同群众打成一片"),
    ("以后要注意节约。", "以后要注意节约"),
    ("我建议各县认真研究这个问题。", "我建议各县认真研究这个问题"),
    # the formula 应X尽X orders even when quoted
    ("落实困难群众救助政策，做到“应保尽保”。", "落实困难群众救助政策，做到“应保尽保”"),
])
def test_directive(text, expected):
    assert expected in _spans(text)


@pytest.mark.parametrize("text, value", [
    ("全省旅游收入超万亿元，同比增长8%。", "超万亿元"),
    ("两国贸易额首次突破千亿美元。", "突破千亿美元"),
    ("有的乡已经是亩产千斤了。", "千斤"),
    ("敌人先后调来五个师进攻我们。", "五个师"),
    ("全年完成重点项目86项。", "86项"),
    ("专业合作社由过去的不足百个发展到八百多个。", "不足百个"),
    # percents in words: a whole, and a range written out at both ends
    ("受灾群众百分百得到安置。", "百分百"),
    ("争取百分之六十到百分之七十的农户参加合作社。", "百分之六十到百分之七十"),
])
def test_statistic(text, value):
    assert value in _values(text)


@pytest.mark.parametrize("text", [
    "今年扎实推进20项民生工程。",
    "着力办好年初确定的12件大事。",
    "县里有三个师范学校。",
    "人类社会已经有几十万年的历史。",
    "他开头总以为自己是百分之百的正确。",
    "我们对完成任务有百分百的信心。",
])
def test_no_statistic(text):
    assert _values(text) == []
