"""The units and counters a statistic can carry, from authoritative lists rather than from documents.

Sources of the tables (each table says which):
  * the legal units of measurement of the PRC (国务院《关于在我国统一实行法定计量单位的命令》, 1984, with its
    table 中华人民共和国法定计量单位; GB 3100-1993 / GB 3101-1993 / GB 3102): the SI base and derived units with
    their Chinese names and symbols, the SI prefixes 千 兆 吉 太 毫 微 纳 厘, and the non-SI units kept for
    national use (分 时 天, 吨, 升, 公顷, 海里, 节, 千瓦时, 分贝, 电子伏);
  * the 市制 units still written in speeches and rural reports (斤, 担, 亩, 市斤, 华里…);
  * currency names (ISO 4217 currencies as Chinese texts name them, plus 美金, 块钱 of oral speech);
  * individual counters (个体量词) of a Chinese grammar reference (吕叔湘《现代汉语八百词》, 量词表), limited
    to those that count things a report measures (例 cases, 宗 plots, 笔 loans, 盏 lamps, 羽/尾 poultry and fish);
  * compound units: any unit over a denominator written with "/" or "每" (米/秒, 微克/立方米, 元/人/月, 吨/年,
    人每平方公里).
A unit character that also starts common words carries a guard (克 not in 克服, 升 not in 升至): the longest
unit is tried first and the guard is a lookahead, so "14亿人口" still reads 人 as no unit (nonstat.unit_starts_word).
"""

from __future__ import annotations

import re

# (unit, guard): the guard is a lookahead the text after the unit must NOT match.
_LEGAL = [
    # length, area, volume (GB 3102.1/.3 names, with the 平方/立方 forms)
    ("千米", ""), ("公里", ""), ("米", ""), ("厘米", ""), ("毫米", ""), ("微米", ""), ("纳米", ""), ("海里", ""),
    ("平方千米", ""), ("平方公里", ""), ("平方米", ""), ("平方厘米", ""), ("公顷", ""), ("立方千米", ""),
    ("立方米", ""), ("立方厘米", ""), ("升", "[至到为级高格值温级起降华迁学职]"), ("毫升", ""), ("千升", ""),
    # mass
    ("吨", ""), ("千克", ""), ("公斤", ""), ("克", "[服制隆拉里罗什勤难敌己扣]"), ("毫克", ""), ("微克", ""), ("纳克", ""),
    # time (durations: nonstat decides when they measure)
    ("个小时", ""), ("小时", ""), ("个钟头", ""), ("钟头", ""), ("分钟", ""), ("秒钟", ""), ("秒", "[杀表针懂]"),
    ("个工作日", ""), ("工作日", ""), ("个星期", ""), ("星期", "[一二三四五六日天]"), ("周岁", ""),
    ("周", "[年岁边围期末转到全密详知刊报]"),
    # energy, power, electricity, pressure, frequency, sound, radiation, temperature
    ("千瓦时", ""), ("兆瓦时", ""), ("吉瓦时", ""), ("瓦时", ""), ("千瓦", ""), ("兆瓦", ""), ("吉瓦", ""),
    ("瓦特", ""), ("瓦", "[解片房斯特砾罐]"), ("焦耳", ""), ("千焦", ""), ("兆焦", ""), ("千卡", ""), ("大卡", ""),
    ("千伏安", ""), ("兆伏安", ""), ("千伏", ""), ("伏特", ""), ("毫安时", ""), ("安培", ""), ("毫安", ""),
    ("兆帕", ""), ("千帕", ""), ("帕斯卡", ""), ("赫兹", ""), ("千赫", ""), ("兆赫", ""), ("吉赫", ""), ("分贝", ""),
    ("毫希沃特", ""), ("希沃特", ""), ("贝可", ""), ("摄氏度", ""), ("华氏度", ""), ("℃", ""), ("℉", ""),
    ("马力", ""), ("吨标准煤", ""), ("吨标煤", ""), ("吨公里", ""), ("人公里", ""), ("标准箱", ""), ("标箱", ""),
]
_TRADITIONAL = [("市斤", ""), ("斤", ""), ("担", "[任当负子心保忧]"), ("市亩", ""), ("亩", ""), ("华里", ""),
                ("市尺", ""), ("学时", ""), ("课时", ""), ("学分", ""), ("工日", "")]
# 人民币 after 元 is not part of the value (…亿元人民币 → …亿元); alone it is the currency (100亿人民币).
_CURRENCIES = [("人民币", ""), ("美元", ""), ("美金", ""), ("欧元", ""), ("日元", ""), ("英镑", ""),
               ("港元", ""), ("港币", ""), ("澳门元", ""), ("澳元", ""), ("加元", ""), ("韩元", ""), ("卢布", ""),
               ("法郎", ""), ("新台币", ""), ("台币", ""), ("银元", ""), ("银圆", ""), ("块钱", ""), ("元钱", ""),
               ("毛钱", ""), ("元", "")]
# Share words: 个百分点 before 个, ‰ and % as written.
_SHARES = [("个百分点", ""), ("百分点", ""), ("个基点", ""), ("基点", ""), ("%", ""), ("‰", "")]
# Counters (个体量词 and collective ones) of things a report counts.
_COUNTERS = [
    ("人次", ""), ("户次", ""), ("架次", ""), ("车次", ""), ("班次", ""), ("场次", ""), ("批次", ""), ("台次", ""),
    ("件次", ""), ("号人", ""), ("个月", ""), ("个师", ""), ("个军", ""), ("个旅", ""), ("台套", ""),
    ("人", ""), ("户", ""), ("个", ""), ("家", ""), ("项", ""), ("所", ""), ("件", ""), ("场", ""), ("次", ""),
    ("名", ""), ("位", ""), ("座", ""), ("条", ""), ("台", ""), ("辆", ""), ("艘", ""), ("架", ""), ("套", ""),
    ("册", ""), ("篇", ""), ("部", ""), ("厂", ""), ("类", ""), ("种", ""), ("支", ""), ("批", ""), ("天", ""),
    ("份", ""), ("张", ""), ("处", ""), ("间", ""), ("栋", ""), ("幢", ""), ("层", ""), ("株", ""), ("棵", ""),
    ("头", ""), ("只", ""), ("匹", ""), ("起", ""), ("期", ""), ("岁", ""), ("倍", ""), ("剂", ""),
    ("例", "[如外子行会证句]"), ("宗", "[旨教族师派]"), ("笔", "[记者墨试]"), ("枚", ""), ("颗", ""), ("盏", ""),
    ("粒", "[子度径]"), ("羽", "[毛绒翼]"), ("尾", "[巴声款部数气]"), ("本", "[年月次届市县区省地人身单着来质领土科色能位部账]"),
    ("首", "[都先次位批个届府长脑创发款台家要季席]"), ("幅", "[度员]"), ("块", "[地钱状头儿牌]"),
    ("门", "[口户类槛诊票面店前外下生峡]"), ("番", "[话景天心工风味号]"), ("床", "[位铺上头]"), ("口", "[气号径岸子碑语味才吻音罩袋述头之]"),
]
# Units written with ASCII symbols after Arabic digits (GB 3100 symbols and the storage/display ones of IT texts).
_SYMBOLS = ("km²", "km2", "m²", "m³", "km", "cm", "mm", "m", "μm", "µm", "nm", "kg", "mg", "μg", "µg", "kW·h", "kWh",
            "MWh", "GWh", "TWh", "kW", "MW", "GW", "kV", "kVA", "MVA", "kPa", "MPa", "Pa", "kHz", "MHz", "GHz", "Hz",
            "dB", "mL", "ml", "ha", "°C", "°F", "dpi", "ppi", "fps", "KB", "MB", "GB", "TB", "PB", "Kbps", "Mbps",
            "Gbps", "mAh", "kcal", "TEU")
# Denominators of a compound unit (米/秒, 微克/立方米, 元/人/月, 人每平方公里).
_DENOMINATORS = ("平方公里", "平方千米", "平方米", "立方米", "千瓦时", "采暖季", "学期", "小时", "分钟", "公顷",
                 "公斤", "千克", "毫升", "人次", "季度", "年", "月", "日", "天", "时", "秒", "周", "季", "次", "人",
                 "户", "头", "只", "亩", "升", "吨", "斤", "个", "件", "台", "床", "度", "公里", "千米", "米",
                 "km²", "m²", "m³", "km", "kWh", "h", "s", "L", "d")
# 7镇8乡, 辖5区3县: administrative divisions counted in a run (see quantities: only before another count or
# after a governing verb).
ADMIN = ("街道", "社区", "苏木", "镇", "乡", "村", "县", "市", "区", "旗", "盟", "州")
ADMIN_LEAD_RE = re.compile(r"(?:辖|下辖|管辖|设|设有|共有|包括|含|划分为|分为|共)")
# A plain C or 度 is a temperature only with a temperature word in its clause (年平均气温12.5C); 度电 is a kWh.
TEMPERATURE_WORD_RE = re.compile(r"气温|温度|积温|水温|地温|体温|高温|低温|零下|零上|摄氏|最高|最低|降温|升温")
TEMPERATURE_UNITS = frozenset({"℃", "℉", "°C", "°F", "摄氏度", "华氏度", "度", "C"})


def _alternation(units: list[tuple[str, str]]) -> str:
    ordered = sorted(units, key=lambda u: -len(u[0]))
    return "|".join(re.escape(u) + (f"(?!{g})" if g else "") for u, g in ordered)


_DENOM = "|".join(re.escape(d) for d in sorted(_DENOMINATORS, key=len, reverse=True))
_SYMBOL = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
# A word unit, optionally over one or two denominators; a symbol unit (after digits only) likewise.
WORD_UNIT = (rf"(?:{_alternation(_SHARES + _LEGAL + _TRADITIONAL + _CURRENCIES + _COUNTERS)})"
             rf"(?:(?:/|每)(?:{_DENOM})){{0,2}}")
SYMBOL_UNIT = rf"(?<=[\d\s万亿])(?:{_SYMBOL})(?:/(?:{_DENOM})){{0,2}}(?![A-Za-z0-9])"
# 720P, 1080P: a video resolution is a measured quota; plain C (temperature) and 度 are checked in context.
CONTEXT_UNIT = (r"(?<=\d{3})[Pp](?![A-Za-z0-9])|(?<=\d)C(?![A-Za-z0-9])"
                r"|度(?![假过量日身数化汛])")
ADMIN_UNIT = rf"(?:{'|'.join(ADMIN)})(?=\s*(?:\d|[一二两三四五六七八九十])|[，。；、,;）)]|和|及|$)"
UNIT = f"{WORD_UNIT}|{SYMBOL_UNIT}|{CONTEXT_UNIT}|{ADMIN_UNIT}"


def is_admin(unit: str) -> bool:
    return unit in ADMIN
