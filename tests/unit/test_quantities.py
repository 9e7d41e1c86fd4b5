"""Quantity recognition: what counts as a measured number, and how it is read."""

import pytest

from annotator.suggest.quantities import find_quantities, parse_number


def _one(text):
    found = find_quantities(text)
    assert len(found) == 1, [q.value_text for q in found]
    return found[0]


@pytest.mark.parametrize("text, value, unit, scale", [
    ("生产总值60.6亿元", 60.6, "元", "亿"),
    ("职工1,244人", 1244, "人", ""),
    ("职工１２３４人", 1234, "人", ""),
    ("百分之七十的企业", 70, "%", ""),
    ("接待游客十二万人次", 12, "人次", "万"),
    ("投入三千五百万元", 3500, "元", "万"),
    ("提高2.5个百分点", 2.5, "个百分点", ""),
    ("是上年的3倍", 3, "倍", ""),
    ("八成以上的企业", 8, "成", ""),
    ("婴儿死亡率降至2.9‰", 2.9, "‰", ""),
    ("浓度为每立方米31微克", 31, "微克", ""),
    ("覆盖中小学60所以上", 60, "所", ""),
])
def test_values_units_and_scales(text, value, unit, scale):
    q = _one(text)
    assert (q.value, q.unit, q.scale) == (value, unit, scale)
    assert text[q.start:q.end] == q.value_text


@pytest.mark.parametrize("text, value_text", [
    ("近3000人参加", "近3000人"),
    ("达到80%以上", "80%以上"),
    ("约1.2万余人次", "约1.2万余人次"),
    ("增长6%左右", "6%左右"),
    ("不少于2次", "不少于2次"),
    ("200余家企业", "200余家"),
])
def test_bounds_and_approximations_belong_to_the_value(text, value_text):
    assert _one(text).value_text == value_text


@pytest.mark.parametrize("text, low", [("增长5%—6%", 5), ("增长5%-6%", 5), ("3至5倍", 3), ("2家至3家", 2)])
def test_ranges_are_one_quantity_valued_at_their_low_end(text, low):
    q = _one(text)
    assert q.value == low and q.value_text in text


@pytest.mark.parametrize("text, unit", [("实现x亿元", "元"), ("增长x%", "%"), ("XX个项目", "个"), ("×个", "个"),
                                        ("缩短x个月", "个月"), ("完成××亿元", "元")])
def test_template_placeholders_are_quantities_without_value(text, unit):
    q = _one(text)
    assert q.placeholder and q.value is None and q.unit == unit


@pytest.mark.parametrize("text", [
    "2023年", "二〇二三年", "4月15日", "第一", "一是", "第十届", "第3页 / 共12页", "增强“四个意识”",
    "做到“两个维护”", "落实八项规定精神", "“十四五”规划", "三农", "一带一路", "双循环", "六大纪律",
    "五中全会", "党的十九大", "十四届七次全会", "市总工会x届x次全委会议", "成立90周年", "一年来", "一系列",
    "一批项目", "一线职工", "两手抓、两手硬", "作为一项战略任务", "讲7个方面的问题", "统筹发展和安全两件大事",
    "电话：0356-8823417", "文档编号：5827461", "大小：36.5KB", "https://www.wenku88.com/doc/5827461.html",
    "service2022@wenku88.com", "20xx年", "两位数的增长", "推进两个普遍、加强组织建设", "十分重要",
    "65岁以上老人", "千方百计", "万众一心",
])
def test_names_dates_ordinals_and_chrome_are_not_quantities(text):
    assert find_quantities(text) == []


def test_parse_number_handles_both_scripts():
    assert parse_number("1,244") == 1244
    assert parse_number("60.6") == 60.6
    assert parse_number("三点五") == 3.5
    assert parse_number("二十五") == 25
    assert parse_number("x") is None


@pytest.mark.parametrize("text, value_text, low, high", [
    ("全国有几亿人", "几亿人", 2, 9),
    ("上千万家庭受益", "上千万", 1, None),
    ("已经有九十几个", "九十几个", 92, 99),
    ("每社有的七八十户", "七八十户", 70, 80),
    ("现有的几十万个合作社", "几十万个", 20, 90),
    ("每社平均只有二十几户", "二十几户", 22, 29),
    ("数以亿计的群众", "数以亿计", 1, None),
    ("粮食增产两百多亿斤", "两百多亿斤", 200, None),
])
def test_vague_amounts_are_quantities_with_a_range(text, value_text, low, high):
    q = _one(text)
    assert q.value_text == value_text and q.value == low and q.value_max == high


@pytest.mark.parametrize("text, value_text, value", [
    ("三分之二的企业", "三分之二", round(2 / 3, 6)),
    ("预算有不到十分之一不可靠", "不到十分之一", 0.1),
    ("占全国近一半", "近一半", 0.5),
    ("即只增加半倍多一点", "半倍多", 0.5),
    ("即只准备增加一倍半", "一倍半", 1.5),
])
def test_fractions_in_words(text, value_text, value):
    q = _one(text)
    assert q.value_text == value_text and q.value == value


@pytest.mark.parametrize("text, value_text, unit", [
    ("全国14亿人口", "14亿", ""), ("约有一亿六千万人口", "约有一亿六千万", ""), ("四千万人民受灾", "四千万", ""),
    ("产量1.39万亿斤", "1.39万亿斤", "斤"), ("拍摄电影12部", "12部", "部"), ("新建工厂3厂", "3厂", "厂"),
    ("比重高于40%", "高于40%", "%"),
])
def test_counters_and_boundaries(text, value_text, unit):
    q = _one(text)
    assert (q.value_text, q.unit) == (value_text, unit)


@pytest.mark.parametrize("text", [
    "我讲四个问题", "指出两条缺点", "调动两个积极性", "这是三个条件之一", "一万年以后还有革命", "再加几十只手",
    "奋战三个月", "经过近5个月的努力", "搞了几十个五年计划", "实施八项行动", "用好两个市场两种资源",
    "生产力就是两项：劳动者和工具", "开三次会", "不是两个脚同时走", "为创造这三个条件而努力", "十三个半月内",
    "严格执行24小时值班",
])
def test_discourse_figures_durations_and_names_are_not_quantities(text):
    assert find_quantities(text) == []


def test_colon_ratios_after_a_ratio_word_are_one_value_times_and_scores_are_not():
    from annotator.suggest.statistics import suggest_statistics

    def values(text):
        return [s.attributes["value_text"] for s in suggest_statistics(text)]

    # Paraphrased: a two-part and a three-part ratio after 比/比为 (kinds of 38 and 44).
    assert values("城镇与农村收入之比从2010年的4：1降到3.1：1。") == ["4：1", "3.1：1"]
    assert values("一二三产业结构比为5.2：40.1：54.7，结构继续优化。") == ["5.2：40.1：54.7"]
    assert values("大会于9:30开幕，比分定格在2:1。") == []


def test_per_head_prices_and_doses_are_counted_units():
    from annotator.suggest.statistics import suggest_statistics

    found = suggest_statistics("育肥猪出栏价格升到1800元，仔猪达到450元/头，全年接种疫苗1.2亿剂。")
    assert [s.attributes["value_text"] for s in found] == ["1800元", "450元/头", "1.2亿剂"]
