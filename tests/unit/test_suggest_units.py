"""One test per error class of the statistics extractor fixed in session 8 (issue 17, suggest11).

The classes were reported for an unseen batch (oral speeches, county profiles) as descriptions only; the
sentences here are written for the tests, in the phrasing of the class, and come from no gold document. Each
test failed before the change (units from the legal-unit tables of annotator/suggest/units.py, numbers with a
space or a sign, runs of administrative counts, and the non-measurement families of nonmeasure.py)."""

import pytest

from annotator.suggest.quantities import find_quantities
from annotator.suggest.statistics import suggest_statistics


def _values(text):
    return [q.value_text for q in find_quantities(text)]


def _one(text):
    found = find_quantities(text)
    assert len(found) == 1, [q.value_text for q in found]
    return found[0]


def _attrs(text):
    return [s.attributes for s in suggest_statistics(text)]


# --- units and counters missing before --------------------------------------------------------------

def test_bare_yi_after_a_counter_is_a_scale():
    q = _one("去年全县招商引资九个亿。")
    assert (q.value_text, q.number(), q.scale, q.unit) == ("九个亿", 900_000_000, "亿", "")
    q = _one("一年能省下三个多亿。")
    assert (q.number(), q.post) == (300_000_000, "多")
    # …but 个 counting size-class industries keeps its own count: no "3个万亿"
    assert _values("培育3个万亿级产业集群。") == ["3个"]


@pytest.mark.parametrize("text, value, unit", [
    ("出口额两千万美金。", "两千万美金", "美金"),
    ("引进外资3.2亿欧元。", "3.2亿欧元", "欧元"),
    ("对外投资120亿人民币。", "120亿人民币", "人民币"),
    ("每人发五块钱。", "五块钱", "块钱"),
    ("吸引港资8亿港元。", "8亿港元", "港元"),
])
def test_currency_words(text, value, unit):
    q = _one(text)
    assert (q.value_text, q.unit) == (value, unit)


def test_yuan_renminbi_keeps_the_value_at_yuan():
    assert _values("总投资50亿元人民币。") == ["50亿元"]


@pytest.mark.parametrize("text, value, unit", [
    ("年平均风速3.2米/秒。", "3.2米/秒", "米/秒"),
    ("细颗粒物平均浓度为28微克/立方米。", "28微克/立方米", "微克/立方米"),
    ("设计时速350公里/小时。", "350公里/小时", "公里/小时"),
    ("产能提高到30万吨/年。", "30万吨/年", "吨/年"),
    ("人口密度为420人/平方公里。", "420人/平方公里", "人/平方公里"),
    ("补贴标准100元每人每月。", "100元每人每月", "元每人每月"),
    ("化学需氧量低于50mg/L。", "低于50mg/L", "mg/L"),
])
def test_compound_units(text, value, unit):
    q = _one(text)
    assert (q.value_text, q.unit) == (value, unit)


@pytest.mark.parametrize("text, value", [
    ("全县装机容量达到120千瓦。", "120千瓦"),
    ("新建变电站容量500千伏安。", "500千伏安"),
    ("噪声控制在55分贝以下。", "55分贝以下"),
    ("全年完成运输量3000吨公里。", "3000吨公里"),
    ("新建光伏电站装机20MW。", "20MW"),
    ("全年培训不少于40学时。", "不少于40学时"),
    ("全年确诊病例12例。", "12例"),
    ("全县新增机井300口，路灯1200盏。", None),
])
def test_legal_units_and_counters(text, value):
    if value is None:
        assert _values(text) == ["300口", "1200盏"]
    else:
        assert _values(text) == [value]


def test_hours_and_period_lengths_measured():
    assert _values("年日照时数2500小时。") == ["2500小时"]
    assert _values("全县无霜期180天左右。") == ["180天左右"]
    # a procedural period stated exactly and a task's duration still measure nothing
    assert _values("公示期为7天。") == []
    assert _values("干部们奋战三个小时。") == []


def test_space_inside_a_number():
    q = _one("全年实现税收14.71 亿元。")
    assert (q.value_text, q.number(), q.unit) == ("14.71 亿元", 1_471_000_000, "元")
    assert _values("增长5.2 %。") == ["5.2 %"]
    assert _values("第 3 条") == []


def test_percentile_phrases_are_shares():
    assert _values("成绩排名前25%的学生。") == ["25%"]
    assert _values("收入最高的这5%的人。") == ["5%"]
    assert _values("前四年") == []  # an ordinal stays one


def test_temperature_with_a_plain_c_a_sign_and_a_range():
    q = _one("年平均气温12.5C。")
    assert (q.value, q.unit) == (12.5, "C")
    q = _one("极端最低气温-18℃。")
    assert (q.value_text, q.value) == ("-18℃", -18)
    q = _one("气温零下5℃到35℃。")
    assert (q.value, q.value_max, q.unit) == (-5, 35, "℃")
    assert _values("型号为5C的电池。") == []  # a C without a temperature word is no unit
    assert _values("每户每月用电200度电。") == ["200度"]


def test_ph_ranges():
    q = _one("出水pH值6.5～8.5。")
    assert (q.value, q.value_max, q.unit) == (6.5, 8.5, "pH")


def test_resolution_and_storage_quotas_but_not_file_sizes():
    assert _values("视频分辨率不低于720P，大小不小于1MB。") == ["不低于720P", "不小于1MB"]
    assert _values("附件大小：36.5KB") == []


def test_a_run_of_adjacent_counts_is_split():
    assert _values("全县辖7镇8乡326个行政村。") == ["7镇", "8乡", "326个"]
    attrs = _attrs("全县辖7镇8乡326个行政村。")
    assert [a["number"] for a in attrs] == [7, 8, 326]
    # a name built on division words is no count
    assert _values("实施“三区三州”脱贫攻坚。") == []


# --- proposals that are not statistics --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "如果每亩增产一百斤，全国就能多打不少粮食。",  # the antecedent's figure
    "要是一个人一年吃三百斤粮，那就够了。",
    "假如每户养两头猪，那么全村就有四百头。",  # antecedent and consequent
    "我们如果每年增长百分之二十，那是很快的。",
])
def test_hypothetical_amounts(text):
    assert _values(text) == []


def test_accounting_basis_is_no_hypothesis():
    assert _values("如果按可比价格计算，增长8.5%。") == ["8.5%"]
    assert _values("如果剔除价格因素，实际增长6.1%。") == ["6.1%"]


@pytest.mark.parametrize("text", [
    "来他几十万也不怕。",  # a concession
    "开一个会，动辄几千人。",  # a generic marker
    "从几千人、几万人发展起来。",  # a rising series
])
def test_illustrative_vague_counts(text):
    assert _values(text) == []


def test_vague_counts_that_measure_still_count():
    assert _values("全县干部有几十万。") == ["几十万"]
    assert _values("一年只搞到几万吨。") == ["几万吨"]


def test_counts_of_a_plans_own_tasks():
    assert _values("本方案提出19项重点任务，细化为60项具体举措。") == []
    assert _values("方案明确重点任务共19项，具体举措60条。") == []
    # counts of what was done stay statistics
    assert _values("取消行政审批事项123项，减少证明材料50项。") == ["123项", "50项"]


def test_names_with_numbers():
    assert _values("他填了一首《十六字令三首》。") == []
    assert _values("晚会上有二人台和二人转。") == []
    assert _values("游览五台山，考察四台遗址。") == []


def test_classes_and_frequencies():
    assert _values("属于二类地区，达到三类水质。") == []
    assert _values("每年开会两次，一年检查一次。") == []
    assert _values("每学期家访不少于2次。") == ["不少于2次"]  # a requirement with a bound counts


def test_figurative_counts():
    assert _values("我们一百个放心，十二分的满意，差了十万八千里。") == []


def test_bound_words_of_requirements():
    attrs = _attrs("文件大小不小于1MB，时长不大于10分钟。")
    assert [a["bound"] for a in attrs] == ["不少于", "不超过"]


def test_lai_approximation_and_hao_ren():
    q = _one("那时候亩产三百来斤。")
    assert (q.value_text, q.value, q.unit, q.post) == ("三百来斤", 300, "斤", "来")
    assert _attrs("厂里有两千来号人。")[0]["bound"] == "约"
    assert _values("10年来增长了5%。") == ["5%"]  # 年来 is no approximation


def test_antecedent_ending_in_de_hua_and_a_rates_denominator():
    assert _values("大小城市联成一片，有了三四块的话，局面就不同了。") == []
    assert _values("过去一亩地打三百来斤。") == ["三百来斤"]  # 一亩 is the rate's denominator
    assert _values("全乡人均一亩地。") == ["一亩"]  # …but an average of one unit is measured


def test_natural_periods_and_ranges_of_days():
    assert _values("无霜期110天，年日照时数2800小时。") == ["110天", "2800小时"]
    q = _one("无霜期90天—110天。")
    assert (q.value, q.value_max, q.unit) == (90, 110, "天")
    assert _values("谈判历时三个月，公示期为5个工作日。") == []
    q = _one("年平均风速3.5m/s以上。")
    assert (q.unit, q.value) == ("m/s", 3.5)


def test_spoken_list_of_digits_is_one_loose_value():
    q = _one("大小三、四、五、六块。")
    assert (q.value_text, q.value, q.value_max) == ("三、四、五、六块", 3, 6)
    assert _values("国家一、二级保护动物，第一、二季度。") == []


def test_attributes_of_the_new_units():
    attrs = _attrs("年平均气温-2.5℃，去年财政收入九个亿，PM2.5平均浓度为35微克/立方米。")
    assert [(a["indicator"], a["number"], a.get("unit", ""), a.get("scale", "")) for a in attrs] == [
        ("年平均气温", -2.5, "℃", ""), ("财政收入", 900_000_000, "", "亿"), ("PM2.5平均浓度", 35, "微克/立方米", "")]
    assert attrs[1]["period"] == "去年"
    attrs = _attrs("产能达到30万吨/年，比上年增长12%。")
    assert (attrs[0]["number"], attrs[0]["unit"], attrs[0]["scale"]) == (300_000, "吨/年", "万")
    assert (attrs[1]["comparison"], attrs[1]["direction"]) == ("比上年", "增长")


def test_guards_found_on_the_outline_corpus():
    assert _values("新增全球前1‰学科1个。") == ["1个"]  # a percentile naming a class counted next
    assert _values("每年至少主持召开2次。") == ["2次"]  # a frequency with a requirement still counts
    assert _values("按照送达地址在五个工作日内送达。") == []  # 送达 is no measuring 达
    assert _values("3-6周岁儿童入园率达到98%。") == ["98%"]  # an age range qualifying a noun
    assert _values("一国际，二国内，三边区，四本部。") == []  # 本部 is a word
    q = _one("每人每日一斤至一斤半。")
    assert q.value == 1  # a range starting at 一 is no rate's denominator


def test_oral_approximations_with_ba_and_doubling_with_fan():
    q = _one("厂里有千把人。")
    assert (q.value_text, q.number(), q.post) == ("千把人", 1000, "把")
    assert _attrs("一年挣万把块钱。")[0]["bound"] == "约"
    assert _values("千万把好质量关。") == []  # 千万 = "by all means", 把 the preposition
    assert _values("工农业总产值翻两番，他说了一番话，三番五次。") == ["两番"]


def test_vague_spans_of_time_are_figures_of_speech():
    assert _values("审批时间缩短了十天半个月，三年五载也难说。") == []  # 缩短 made 十天 a measured duration


def test_wan_yi_inside_a_numeral_opens_no_hypothesis():
    assert _values("职工从一万一千人增加到两万人。") == ["一万一千人", "两万人"]
    assert _values("万一来了两万人，就要转移五千人。") == []


def test_a_vague_count_before_another_clause_is_no_series():
    assert _values("全国有几百万个合作社，百分之八十的农户入了社。") == ["几百万个", "百分之八十"]


def test_frequency_and_name_rules_leave_counts_alone():
    assert _values("比上一年增加3次，新开了三家店。") == ["3次", "三家"]


def test_counter_guards_for_set_phrases_and_names():
    assert _values("三口之家，两块牌子，两本账，途经三门峡。") == []
    assert _values("新打机井20口，购置图书300本。") == ["20口", "300本"]


def test_fractions_of_speech():
    attrs = _attrs("全省一大半的干部，十分之七八的人口，三分之一强，四分之一弱。")
    assert [(a["value_text"], a["number"], a.get("number_max"), a.get("bound", "")) for a in attrs] == [
        ("一大半", 0.5, None, "超过"), ("十分之七八", 0.7, 0.8, ""), ("三分之一强", 0.333333, None, "超过"),
        ("四分之一弱", 0.25, None, "不到")]
