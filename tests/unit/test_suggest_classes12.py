"""One test per error class fixed in the twelfth round (issue 17, session 8, suggest10). The classes were found on
unmarked probe speeches read for this round (1944 文化工作中的统一战线 and 学习和时局, 1953 青年团的工作要照顾青年的
特点: repository weiyinfu/MaoZeDongAnthology, commit 152b10a6b6314c3cda51b991fa963e8be3b50da4, src/078, src/075, src/187)
and checked against the dev documents; the sentences here are written in the same phrasing, not copied, and never from a
held-out document."""

import pytest

from annotator.structure.outline import parse_outline
from annotator.suggest import suggest


def _spans(text, label="directive"):
    return [text[s.start:s.end] for s in suggest(text, parse_outline(text)) if s.label == label]


@pytest.mark.parametrize("text", [
    "要不然，这个厂就会停工。",  # 要不然: otherwise
    "要么继续谈判，要么停止谈判。",  # 要么…要么: either…or
    "要说缺点，当然也是有的。",  # 要说 X，…: as for
    "要知道，这是一场长期的斗争。",  # 要知道，: discourse
    "铁路沿线和交通要道都被封锁了。",  # 要道: a key road
    "如果我们不争取交通要道上的工人，军队就会遇到困难。",  # 要道 inside a condition
    "重工业的增长要比轻工业快得多。",  # 要比…得多: a comparison
    "新办法比旧办法要好。",  # 比…要 + adjective
    "建成一个工业国要几十年。",  # 要 + a duration: what it takes
    "这件事要三年才能办完。",
    "这些条文要全部实行，也还得几年。",  # a purpose, then how long it takes
    "要彻底改变面貌至少要三个五年计划。",  # …within its own clause
    "没有这种准备，我们就不能把敌人赶出去。",  # 没有…，就不能: cannot, a necessary condition
    "如果不团结，就不能把工作做好。",
    "这样就可以保证这次学习一定得到成功。",  # 一定得到: obtain, not 一定得 (must)
    "现在的斗争比过去的斗争还要深刻。",  # 比…还要: a comparison, whatever follows
    "这是要把旧制度彻底埋葬的一场革命。",  # 这是要…的一场X: the noun described
    "今天我要讲三个问题。",  # 我要讲: the speaker announces the talk
    "下面我要向大家报告一下情况。",
    "要不要办合作社，这是一个问题。",  # 要不要: whether
    "合作社还要不要办下去，大家可以讨论。",
    "群众要我们去开会。",  # someone's request of us, reported
    "一个是领导者，一个是还要谋一部分私利者。",  # 是…要…者: who someone is
    "你的架子摆得越大，越要卖弄这一套，群众就越不理你。",  # 越要…越: the more one wants
    "有些同志把问题弄颠倒了，说什么一切应该从感情出发。",  # 说什么…: a claim dismissed
    "农民们，他们学会了记账，就要订报纸、买书。",  # 他们…，就要…: what they do then
    "民族主义，就是要打倒帝国主义。",  # an -ism's aim defined (33's class) still is no order
    "他是一个顽固地要走那条老路的人。",  # a person described by a 要 clause
])
def test_no_directive(text):
    assert _spans(text) == []


@pytest.mark.parametrize("text, span", [
    ("我们要说服那些不赞成的同志。", "我们要说服那些不赞成的同志"),  # 要说服 still orders
    ("凡是出了这类事，第一要说是好事。", "第一要说是好事"),  # 要说是: must say
    ("要知道群众需要什么。", "要知道群众需要什么"),  # 要知道 + an object orders
    ("我们的工作要比过去做得更好。", "我们的工作要比过去做得更好"),  # 要比…更好 with no degree word asks
    ("要一年一个样，三年大变样。", "要一年一个样，三年大变样"),  # a goal per year, not a duration
    ("我们一定得把这件事办好。", "我们一定得把这件事办好"),  # 一定得 + a verb: must
    ("对这种人，我们就不能放松。", "我们就不能放松"),  # 就不能 with no condition: must not
    ("必须注意大城市和交通要道的工作。", "必须注意大城市和交通要道的工作"),  # a cue before 要道 still orders
    ("我要你们马上出发。", "我要你们马上出发"),  # the speaker's own request orders
    ("我们一定要大家都来参加。", "我们一定要大家都来参加"),
    ("不要搞得太紧张了。", "不要搞得太紧张了"),  # 不要 itself is untouched by 要不要
    ("因此可以和应当说服工人。", "应当说服工人"),  # 应当说服 is no 应当说 (it must be said)
    ("稳步前进，不能太急。", "不能太急"),  # 不能太…: not too much
    ("我们要把工作向前推进，就要使这两者结合起来。", "就要使这两者结合起来"),  # 就要 after our own aim orders
    ("克服主观主义，就是要团结那些犯过错误的人。", "就是要团结那些犯过错误的人"),  # 克服…主义: an object, no aim
])
def test_still_a_directive(text, span):
    assert any(span in found for found in _spans(text))


@pytest.mark.parametrize("text, span", [
    ("干部不能脱离群众。", "干部不能脱离群众"),  # 不能 + a fault: must not
    ("为了进行这个斗争，不能不有广泛的统一战线。", "不能不有广泛的统一战线"),  # 不能不: must
])
def test_prohibitions_and_necessities_found(text, span):
    assert any(span in found for found in _spans(text))


def test_cannot_but_say_is_no_order():
    assert _spans("这件事不能不说是一个教训。") == []  # 不能不说是: a judgement


@pytest.mark.parametrize("text, span", [
    ("这个名额究竟妥当不妥当，究竟多少为好，请同志们考虑。", "这个名额究竟妥当不妥当，究竟多少为好，请同志们考虑"),
    ("以上意见当否，请批示。", "以上意见当否，请批示"),  # the question put to the reader opens the request
    ("会议开得很好，请大家回去传达。", "请大家回去传达"),  # a plain clause before 请 stays out
])
def test_a_request_includes_the_question_it_puts(text, span):
    assert _spans(text) == [span]


@pytest.mark.parametrize("text, span", [
    ("同志们：\n一要看，二要帮。这是对犯错误同志的态度。\n", "要看，二要帮"),
    ("同志们：\n对犯错误的同志，一要看，二要帮，不能一棍子打死。\n", "对犯错误的同志，一要看，二要帮，不能一棍子打死"),
])
def test_points_the_outline_made_titles_are_one_directive(text, span):
    """The issue's 一要看，二要帮: the outline keeps 要 in the markers and makes 看 and 帮 titles; the directive is the
    sentence, proposed once."""
    assert _spans(text) == [span]


# Classes read on unmarked speeches of tests/data/outline_corpus (mao_md_064_dangbagu 1942, mao_090_shiju 1945,
# speech_hongse_ziyuan_2021): outline gold, never suggestion gold.
@pytest.mark.parametrize("text", [
    "要做好这种清理工作，是不容易的。",  # 要…，是不容易的: a purpose and how hard it is
    "他们要马上打大仗也有许多困难。",  # …要…也有许多困难: what the aim meets
    "商店里货物琳琅满目，应有尽有。",  # 应有尽有: an idiom
    "我不是说这些字不能用，而是说那种方法不对。",  # 不是说…: a claim denied
    "守住人心，就是要告诫全体干部，脱离群众最危险。",  # 就是要告诫: what a saying meant
    "为什么一定要写得那么长呢？",  # a rhetorical question
    "我们决心要把这个厂办好。",  # 决心要/打算要/计划要/决定要: an intent declared or a decision narrated
    "我们打算要在明年开工。",
    "中央决定要召开一次会议。",
    "去年查处大案要案十五起。",  # 要案: a major case
    "各国政要出席了开幕式。",  # 政要: dignitaries
    "国民党要人纷纷发表谈话。",
])
def test_no_directive_in_speech_frames(text):
    assert _spans(text) == []


@pytest.mark.parametrize("text, span", [
    ("这不是说不要速，而是说不要犯盲动主义。", "而是说不要犯盲动主义"),  # 而是说: the speaker's own point
    ("我们一定要把文章写短。", "我们一定要把文章写短"),
    ("要把它做好，就要下功夫。", "就要下功夫"),
    ("我们要下决心把工作做好。", "我们要下决心把工作做好"),  # 要下决心 still orders
])
def test_speech_frames_keep_the_speakers_own_orders(text, span):
    assert any(span in found for found in _spans(text))


@pytest.mark.parametrize("text", [
    "这个问题不能一刀切。", "工作不能操之过急。", "群众运动不能一哄而起。",  # 不能 + a way of working ruled out
    "切不可骄傲自满。", "我们万不可忘记过去。", "不可一概而论。",  # 切不可/万不可 + anything; 不可 + a fault
])
def test_prohibitions_of_ways_of_working(text):
    assert _spans(text) == [text.rstrip("。")]


def test_cannot_is_still_no_prohibition():
    assert _spans("这不可能实现。") == [] and _spans("我们不能够解决这个问题。") == []


@pytest.mark.parametrize("text, span", [
    ("现将方案印发给你们，望遵照执行。", "望遵照执行"),  # 望 opening a clause: a superior's request
    ("以上各项，望各地认真贯彻执行。", "望各地认真贯彻执行"),
])
def test_wang_requests(text, span):
    assert _spans(text) == [span]


def test_wang_inside_words_is_no_request():
    assert _spans("志存高远方能登高望远。") == [] and _spans("他去看望了老同志。") == []
