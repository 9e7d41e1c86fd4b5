"""The cleaner on synthetic download pages (our own text, other sites' chrome styles)."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.structure.clean import clean, clean_report, load_rules
from annotator.structure.clean_assemble import clean_to_raw
from annotator.structure.clean_rules import ENV_VAR, RulesError

TITLE_A = "在全区安全生产工作会议上的讲话"
PARAS_A = [
    "同志们：",
    "今天我们召开全区安全生产工作会议，主要任务是总结去年工作，分析当前形势，部署今年任务。刚才，区应急管理局通报了"
    "去年全区安全生产情况，几位同志作了交流发言，讲得都很好，请大家认真学习借鉴。",
    "一、正确认识当前安全生产形势",
    "过去一年，全区上下坚持人民至上、生命至上，全年生产安全事故起数和死亡人数实现双下降，没有发生较大以上事故。"
    "但也要清醒看到，部分企业主体责任落实不到位，一些领域隐患排查流于形式，安全监管力量仍然薄弱。",
    "二、突出抓好重点领域专项整治",
    "要聚焦危险化学品、道路交通、建筑施工、城镇燃气等重点行业，深入开展隐患排查整治行动，做到排查不留死角、整改不留"
    "尾巴。对重大隐患要挂牌督办，限期整改到位，坚决防止小隐患演变成大事故。",
    "三、层层压实安全生产责任",
    "各街道、各部门要按照管行业必须管安全、管业务必须管安全、管生产经营必须管安全的要求，把责任落实到岗位、落实到"
    "人头。对工作不力、履职不到位的，要严肃追责问责。",
    "同志们，安全生产责任重于泰山。让我们以更加务实的作风、更加有力的举措，守牢安全底线，为全区高质量发展创造安全"
    "稳定的环境。",
]
TITLE_B = "在全县乡村振兴工作推进会上的讲话"
PARAS_B = [
    TITLE_B,
    "同志们：",
    "下面，我就做好今年的乡村振兴工作讲三点意见，供大家参考：",
    "1、抓好产业发展。要立足本地资源禀赋，培育一批特色种植和农产品加工企业，带动农民增收致富。",
    "2、抓好人居环境整治。要持续开展村庄清洁行动，推进农村厕所改造和生活污水治理，让乡村更加整洁美丽。",
    "3、抓好基层组织建设。要选优配强村级班子，加强党员教育管理，充分发挥基层党组织的战斗堡垒作用。",
    "这里还要强调两件事：",
    "1、加强督查考核，每季度通报一次进展；",
    "2、加强资金保障，确保项目按期完工。",
    "同志们，乡村振兴任重道远，希望大家真抓实干，久久为功。",
]
CHROME_WORDS = ["上传人", "文档编号", "ICP备", "版权所有", "免责声明", "小编", "仅供参考", "温馨提示", "网站客服",
                "此文档", "你可能关注", "Copyright", "相关文章", "第1页", "共3页", "资源描述", "预览"]


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def check_offsets(raw: str, result) -> None:
    """kept + removed tile the raw text exactly, and every kept run is copied unchanged."""
    pieces = sorted([(r.start, r.end) for r in result.removed] + [(k[0], k[1]) for k in result.kept])
    pos = 0
    for start, end in pieces:
        assert start == pos, f"gap or overlap at {pos}"
        pos = end
    assert pos == len(raw)
    clean_pos = 0
    for raw_start, raw_end, clean_start in result.kept:
        assert clean_start == clean_pos
        assert result.text[clean_start : clean_start + raw_end - raw_start] == raw[raw_start:raw_end]
        clean_pos += raw_end - raw_start
    assert clean_pos == len(result.text)
    for region in result.removed:
        assert region.text == raw[region.start : region.end] and region.reason


def assert_no_chrome(text: str) -> None:
    found = [w for w in CHROME_WORDS if w in text]
    assert not found, f"chrome left: {found}"


def wenku_chunked_page(chunk: int = 150) -> tuple[str, str]:
    """A 文库-style preview: metadata, thumbnails, then the speech cut into numbered chunks."""
    speech = TITLE_A + " " + " ".join(PARAS_A)  # previews flatten paragraphs into spaces
    chunks = [speech[i : i + chunk] for i in range(0, len(speech), chunk)]
    header = (
        "收藏 分享(赏)\n\n安全生产会议讲话.docx\n\n"
        "上传人:l***9 文档编号:551203 上传时间:2024-03-02 格式:DOCX 页数:8 大小:21.5KB\n下载 相关 举报\n"
        + "".join(f"安全生产会议讲话.docx_第{i}页\n第{i}页 / 共8页\n" for i in range(1, 4))
        + "亲,该文档总共8页,到这儿已超出免费预览范围,如果喜欢就下载吧!\n资源描述\n\n"
    )
    body = "\n\n".join(f"{n}、{text}" for n, text in enumerate(chunks, 1))
    footer = "\n\n展开阅读全文\n相关资源\n猜你喜欢\n相关搜索\n\n当前位置:首页 > 党政范文 > 讲话\n\n" \
             "copyright@ 2010-2024 example-wenku.com网站版权所有\n\n经营许可证编号:浙ICP备12345678号-1"
    return header + body + footer, speech


def test_chunked_preview_is_rejoined_without_losing_a_character():
    raw, speech = wenku_chunked_page()
    result = clean(raw)
    check_offsets(raw, result)
    assert squeeze(result.text) == squeeze(speech)
    assert_no_chrome(result.text)
    assert result.title == "安全生产会议讲话"
    # every boundary that cut between two CJK characters is joined with nothing in between
    for b in range(150, len(speech), 150):
        if re.match(r"[\u4e00-\u9fff]{2}", speech[b - 1 : b + 1]):
            assert speech[b - 1 : b + 1] in result.text, speech[b - 4 : b + 4]
    assert not re.search(r"(?m)^\d+、", result.text)
    reasons = {r.reason for r in result.removed}
    assert {"page-chunk-join", "page-chunk-number", "header:upload-meta", "footer:icp"} <= reasons


def test_chunk_boundary_between_sentences_keeps_the_paragraph_break():
    sentence = "这是一句完整的话，用来把每个分块填满到足够的长度，保证分块的长度大致相当。"
    chunks = [
        sentence * 3 + "为成功举",
        "办运动会作出贡献。" + sentence * 3 + "各项工",
        "作都要落实。" + sentence * 3,  # ends with 。: the next chunk starts a paragraph
        "后面的内容接着写。" + sentence * 3 + "不断",
        "推进。" + sentence * 3,
    ]
    raw = "\n\n".join(f"{n}、{c}" for n, c in enumerate(chunks, 1))
    text = clean(raw).text
    assert "为成功举办运动会" in text and "各项工作都要落实" in text and "不断推进" in text
    assert "相当。\n\n后面的内容" in text
    assert not re.search(r"(?m)^\d+、", text)
    assert squeeze(text) == squeeze("".join(chunks))


def test_a_speech_list_is_not_mistaken_for_page_chunks():
    raw = "\n".join(PARAS_B)
    result = clean(raw)
    assert result.text == raw
    assert not result.removed
    # long items that end mid-sentence but are evidently a list under headings stay as well
    heads = "\n".join(f"{n}、关于第{n}项工作\n" + "这项工作要抓紧落实，明确责任分工，确保按期完成任务。" * 4 for n in (1, 2, 3, 4))
    assert clean(heads).text == heads


def test_flattened_page_on_one_line():
    body = " ".join([TITLE_A, *PARAS_A])
    raw = (
        "收藏 分享(赏) 安全生产会议讲话.docx 上传人:l***9 文档编号:551203 上传时间:2024-03-02 格式:DOCX 页数:3 "
        "大小:21.5KB 下载 相关 举报 温馨提示: 1. 本文档由用户上传,版权归属用户,本站负责整理代发布。 "
        "2. 下载前请仔细阅读文档内容。 网站客服:4001234567 安全生产 会议 讲话 "
        + body
        + " 第3页 共3页 此文档下载收益归作者所有 下载文档 你可能关注的文档 收起 展开"
    )
    result = clean(raw)
    check_offsets(raw, result)
    assert result.text == body
    assert result.title == "安全生产会议讲话"


def _wrap_like_pdf(text: str, width: int = 27) -> str:
    """A PDF page's text layer pasted onto one line: every wrapped line ends in a space."""
    return " ".join(text[i:i + width] for i in range(0, len(text), width))


@pytest.mark.parametrize("body", [
    # a plan's page: a heading, a sub-heading and an inline 一是/二是 list whose items end in ；
    "三、统筹推进，提升工作质效 （一）健全管理机制 一是夯实基层组织建设，结合上半年调研情况，各单位继续加强"
    "服务中心建设，确保每个部门配齐专职人员不少于2人，扎实推动中心建强建优；二是完善联动机制，二季度发布"
    "《工作评价指南》，为能力提升提供量化依据；",
    # a speech's page without any heading: clauses joined by ，and ；, its 。 beyond the page
    "今年以来，全市上下认真贯彻落实各项决策部署，坚持稳中求进工作总基调，统筹发展和安全；各级各部门主动作为，"
    "狠抓落实，推动经济运行持续回升向好；重点项目建设加快推进，民生保障有力有效，社会大局保持稳定",
], ids=["plan-page", "speech-page"])
def test_flattened_pdf_page_of_short_wrapped_pieces_keeps_every_word(body):
    # No piece reaches 50 characters or holds a 。: the clause marks inside the pieces are what
    # tells speech from chrome.  Before, the whole body went as "header:misc" and the page's
    # repeated watermark was all that was left.
    # The page ends inside a sentence ("4 月启"), then the watermark, the last copy cut off by the
    # page edge ("09:" reads like a line ending in a colon).
    watermark = " 张三 第一分公司 2026-05-19 09:18" * 3 + " 张三 第一分公司 2026-05-19 09:"
    raw = _wrap_like_pdf(body) + " 4 月启" + watermark
    result = clean(raw)
    check_offsets(raw, result)
    kept = re.sub(r"\s", "", result.text)
    assert re.sub(r"\s", "", body) in kept
    assert clean(result.text).text == result.text  # idempotent


def test_fanwen_page_with_editor_intro_outro_and_duplicate_title():
    raw = (
        f"{TITLE_B}\n"
        "乡村振兴是实现共同富裕的必由之路。下面是学习啦小编为大家整理的在全县乡村振兴工作推进会上的讲话，仅供参考。\n"
        + "\n".join(PARAS_B)
        + "\n以上就是小编整理的讲话稿，希望对大家有所帮助。\n相关文章\n乡村振兴表态发言稿\n"
        "© 2024 学习啦 版权所有 备案号:京ICP备10000000号\n"
    )
    result = clean(raw)
    check_offsets(raw, result)
    assert result.text == "\n".join(PARAS_B)  # title once, the speaker's own 供大家参考 kept
    assert result.title == TITLE_B
    reasons = [r.reason for r in result.removed]
    assert "editor:intro-paragraph" in reasons and "title:duplicate" in reasons and "footer:misc" in reasons


def test_editor_sentence_inside_a_speech_paragraph_goes_alone():
    raw = "同志们：今天召开全市工作会议。下面是小编为大家整理的讲话全文，欢迎阅读。我讲三点意见。"
    assert clean(raw).text == "同志们：今天召开全市工作会议。我讲三点意见。"


def test_portal_page_with_source_and_link_footer():
    raw = (
        "某某范文网 导航\n\n" + TITLE_A + "\n\n来源网站:某某范文网 2021-05-06 09:10:11\n经典文章\n\n"
        "点击查看更多:关于安全生产的讲话稿\n\n" + TITLE_A + "\n\n"
        + "\n\n".join("\u3000\u3000" + p for p in PARAS_A)
        + "\n\n点击查看更多:关于安全生产的讲话稿\n\n来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。\n\n"
        f"{TITLE_A}》出自:某某范文网\n链接地址:http://m.example.com/news/1.html 转载请保留,谢谢!\n\n相关文章\n\n"
        "推荐文章\n\n某某范文网 免费论文网 公文素材库 最近更新\n\n© 某某范文网 m.example.com 版权所有 广告合作:ad@example.com"
    )
    result = clean(raw)
    check_offsets(raw, result)
    assert result.text == "\n\n".join([TITLE_A, *PARAS_A])  # indentation gone, title once
    assert result.title == TITLE_A


def test_page_counters_and_whitespace():
    raw = ("\u3000\u3000同志们：\n\n\n\n  今天开会。   \n第 3 页 共 8 页\n- 3 -\n— 12 —\n"
           "\u3000\u3000我们要努力。第2页 共5页继续工作。 第 4 页 / 共 8 页 下一段。\n\n")
    result = clean(raw)
    check_offsets(raw, result)
    assert result.text == "同志们：\n\n今天开会。\n我们要努力。继续工作。 下一段。"
    assert clean_to_raw(result.kept, result.text.index("继续")) == raw.index("继续")


def test_signature_after_the_speech_is_kept_but_footer_lists_go():
    raw = "同志们：\n我们要抓好落实。\n某某市总工会\n2024年3月1日\n相关文章\n关于工会工作的讲话\n版权所有 某某网"
    assert clean(raw).text == "同志们：\n我们要抓好落实。\n某某市总工会\n2024年3月1日"


def test_long_line_is_never_dropped_for_a_chrome_word():
    speech = "我们要依法保护版权所有者的合法权益，" * 15 + "推动文化产业健康发展。"
    assert clean(speech).text == speech
    assert clean(speech + " 版权所有 某某网").text == speech


def test_speech_lines_with_site_like_words_survive():
    raw = "\n".join([
        "同志们：",
        "（三）规范经营许可证管理",
        "全县农民人均所得收入稳步增长。",
        "阅读更多好书，是提升干部素养的有效途径。",
        "有困难可以随时联系我们。",
        "相关部门要各司其职，形成工作合力。",
        "更多的工作请大家关注年度任务清单，逐项抓好落实。",
        "下面，我讲三点意见，供大家参考。",
        "希望大家把今天的会议精神传达到每一位职工。",
    ])
    assert clean(raw).text == raw


def test_baidu_and_gov_styles():
    raw = (
        "文档贡献者: 张**\n文档页数:3页 文档大小:21K\n【字号：大 中 小】\n【打印】 【关闭】\n"
        + "\n".join(PARAS_A)
        + "\n还剩2页未读，继续阅读\n上一篇：关于加强安全生产的通知\n下一篇：全区应急演练方案\n"
        "关于我们 | 联系我们 | 网站地图\n主办单位：某某区人民政府 备案号:沪ICP备00000000号"
    )
    result = clean(raw)
    check_offsets(raw, result)
    assert result.text == "\n".join(PARAS_A)


def test_report_lists_reasons_positions_and_excerpts():
    raw, _ = wenku_chunked_page()
    report = clean_report(clean(raw))
    first = report.splitlines()[0]
    assert first.startswith("removed ") and "title: 安全生产会议讲话" in first
    assert re.search(r"header:upload-meta\s+\[\d+:\d+\]\s+上传人", report)
    assert "page-chunk-join" in report and "⏎" in report


def test_user_rules_extend_and_disable(tmp_path, monkeypatch):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        'disable = ["footer:expand"]\n[[line]]\nid = "mine:ad"\npattern = \'本站招聘编辑.*\'\n',
        encoding="utf-8",
    )
    raw = "同志们：\n本站招聘编辑若干名\n我们要抓好落实。\n展开"
    default = clean(raw)
    assert "本站招聘" in default.text and "展开" not in default.text
    mine = clean(raw, load_rules(extra))
    assert "本站招聘" not in mine.text and mine.text.endswith("展开")
    assert any(r.reason == "mine:ad" for r in mine.removed)
    monkeypatch.setenv(ENV_VAR, str(extra))
    assert "本站招聘" not in clean(raw).text  # the environment variable is honoured too


def test_bad_rules_file_names_the_rule(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[inline]]\nid = "oops"\npattern = \'(unclosed\'\n', encoding="utf-8")
    with pytest.raises(RulesError, match="oops"):
        load_rules(bad)


def test_one_megabyte_is_cleaned_and_stable():
    page, _ = wenku_chunked_page()
    portal = "\n\n".join(PARAS_A + PARAS_B) + "\n第 2 页 共 9 页\n"
    text = ((page + "\n\n" + portal) * 700)[:1_000_000]
    assert len(text) == 1_000_000
    clean(text[:5000])  # compile the rules outside the timing
    # Throughput is the benchmark's business; here: a megabyte of chrome-laden text comes out clean.
    once = clean(text).text
    assert "第 2 页 共 9 页" not in once and "讲得都很好" in once
    assert clean(once).text == once  # a second pass finds nothing more: every copy's chunks went at once


@pytest.mark.parametrize("copies", [2, 3, 7])
def test_cleaning_twice_removes_nothing_more(copies):
    page, _ = wenku_chunked_page()
    portal = "\n\n".join(PARAS_A + PARAS_B) + "\n第 2 页 共 9 页\n"
    once = clean((page + "\n\n" + portal) * copies).text
    again = clean(once)
    assert again.text == once
    assert all(r.reason == "whitespace" for r in again.removed)
    assert not re.search(r"(?m)^\d+、(?!抓好|加强)", once)  # every chunk number went, the real lists stayed


def test_scoring_rule_items_are_not_page_chunks():
    items = [
        f"{n}．{topic}。按照年度目标任务完成情况进行考核，全面完成的得满分，完成80%以上的按比例得分，"
        f"未完成的不得分；工作中出现重大失误、被上级通报批评的，每次扣除相应分值，直至扣完为止。"
        f"（{'牵头考核单位：市审批服务局' if n % 2 else str(3 + n % 4) + '分'}）"
        for n, topic in enumerate(["优化营商环境", "简化审批流程", "推进一网通办", "压缩办理时限", "规范中介服务",
                                   "强化事中事后监管", "提升政务服务满意度", "推进证照分离改革", "深化工程建设项目审批改革",
                                   "加强政务诚信建设", "推进数据共享应用", "完善考核评价机制"], 1)
    ]
    raw = "某市2024年度营商环境考核细则\n\n一、考核内容\n\n" + "\n\n".join(items) + "\n\n二、考核方式\n\n年终集中考核。\n"
    result = clean(raw)
    assert result.text.count("．") == len(items)
    assert not [r for r in result.removed if r.reason.startswith("page-chunk")]


sentences = st.lists(
    st.text(alphabet="的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质",
                  min_size=1, max_size=40).map(lambda s: s + "。"),
    min_size=1, max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(sentences, st.lists(st.sampled_from(["", " ", "\n", "\n\n", "\u3000\u3000", "\n\n\n  "]), min_size=30, max_size=30))
def test_plain_speech_loses_nothing(parts, seps):
    raw = "".join(p + seps[i % len(seps)] for i, p in enumerate(parts))
    result = clean(raw)
    check_offsets(raw, result)
    assert squeeze(result.text) == squeeze(raw)
    assert all(r.reason == "whitespace" for r in result.removed)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="第页共12、。：:\n  \u3000上传人版权所有展开小编资源描述", max_size=120))
def test_offsets_hold_on_arbitrary_text(raw):
    check_offsets(raw, clean(raw))


def test_a_source_line_with_a_time_in_it_goes_in_the_first_pass():
    # "来源：… 发布时间：…": the time is inline chrome; what is left is a source line, which the first
    # pass must see as such (else only a second cleaning removes it: not idempotent).
    raw = ("省司法厅直属机关党建工作会议召开\n"
           "青海司法行政网：http://www.qhsf.gov.cn    来源：厅直属机关党委   供稿：厅直属机关党委  发布时间：2017/3/10 14:41:46\n"
           "　　3月10日上午，省司法厅召开2017年厅直属机关党建工作会议，学习贯彻会议精神，总结去年工作，部署今年任务。\n"
           "　　会议指出，一年来各级党组织认真履行职责，取得了明显成效。会议要求，要抓好落实。\n")
    once = clean(raw).text
    assert "http" not in once and "发布时间" not in once
    assert "3月10日上午" in once and "要抓好落实" in once
    assert clean(once).text == once


def test_cleaning_every_corpus_document_twice_removes_nothing_more():
    from annotator.io.readers import read_file
    from annotator.structure.evaluate import DEFAULT_CORPUS, corpus_documents

    docs = [read_file(doc).text for doc, _gold in corpus_documents(DEFAULT_CORPUS)]
    for text in docs + ["\n\n".join(docs)]:
        once = clean(text).text
        assert clean(once).text == once


# --- markdown emphasis (clean_markup.py) ------------------------------------------------------------

def test_bold_heading_marks_are_removed_and_reported():
    from annotator.structure.clean_markup import REASON

    raw = "正文第一段。\n\n**一、总体要求**\n\n**一是加强领导。**各地要落实责任。\n"
    result = clean(raw)
    assert "**" not in result.text
    assert "一、总体要求" in result.text and "一是加强领导。各地要落实责任。" in result.text
    removed = [r for r in result.removed if r.reason == REASON]
    assert len(removed) == 4 and all(r.text == "**" for r in removed)


def test_bold_headings_reach_the_outline():
    from annotator.structure.outline import parse_outline

    raw = "导语。\n\n**一、背景情况**\n\n说明。\n\n**二、主要做法**\n\n**（一）健全机制**\n\n内容。\n\n**（二）强化保障**\n\n内容。\n"
    text = clean(raw).text
    got = [(s.level, s.marker, s.title) for s in parse_outline(text)]
    assert got == [(1, "一、", "背景情况"), (1, "二、", "主要做法"), (2, "（一）", "健全机制"), (2, "（二）", "强化保障")]


def test_unpaired_or_code_asterisks_stay():
    from annotator.structure.clean_markup import emphasis_regions

    for raw in ("上传人:g****t", "id=1/**/and/**/1=1", "a ** b ** c", "注*：单个星号", "2**10"):
        assert emphasis_regions(raw) == [], raw


def test_glued_bold_runs_between_chinese_are_joined():
    text = clean("导语。\n\n**一、财信****证券的做法**\n\n正文。\n").text
    assert "一、财信证券的做法" in text and "*" not in text


def test_emphasis_removal_is_idempotent():
    raw = "**一、总体要求**\n\n**1.RASP技术原理**\n\n首先，部署。\n"
    once = clean(raw).text
    assert clean(once).text == once


def test_a_list_item_holding_a_web_address_is_kept_and_a_site_address_line_is_not():
    # A notice's item names the site to use (reg_jubao_jiangli, fresh13: the item was cut as footer chrome,
    # one numbered heading lost); a page's "网址：… 备案号：…" line is chrome (07_scraped_party_building).
    body = ("公民、组织可以通过下列方式举报：\n（一）拨打举报受理电话12339；\n"
            "（二）登录国家安全机关互联网举报受理平台网站www.12339.gov.cn；\n（三）向国家安全机关投递信函。\n")
    raw = body + "网址：https://www.example-wenku.com/doc/5827461.html 备案号：京ICP备18032211号-3\n"
    result = clean(raw)
    assert "（二）登录国家安全机关互联网举报受理平台网站www.12339.gov.cn；" in result.text
    assert "备案号" not in result.text and "example-wenku" not in result.text
    assert "请登录www.gov.cn查询。" in clean("请登录www.gov.cn查询。\n" + body).text
