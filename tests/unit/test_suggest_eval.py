"""The suggesters meet their targets on the gold set (tests/data/suggest_gold), dev and held-out apart."""

import json

import pytest

from annotator.suggest import suggest
from annotator.suggest.evaluate import GOLD_FILE, Score, bench, build_gold, load_gold, parse_markup, report, score, value_core
from annotator.suggest.gold import held_out_batch, is_held_out


@pytest.fixture(scope="module")
def scores():
    return score(load_gold())


def test_gold_file_is_built_from_the_sources():
    with open(GOLD_FILE, encoding="utf-8") as f:
        stored = [json.loads(line) for line in f]
    assert stored == build_gold(), "run: python -m annotator.suggest.evaluate --build"


def test_gold_set_size_and_split():
    docs = load_gold()
    labels = [s["label"] for d in docs for s in d["spans"]]
    assert len(docs) >= 69
    assert labels.count("statistic") >= 300 and labels.count("directive") >= 240
    held = [d["id"] for d in docs if is_held_out(d["id"])]
    # batch 14 on (82–) is added by another round: held out, checked below by its number only
    assert [d for d in held if int(d[:2]) < 82] == ["08_heldout_ecology_health", "10_1955_agricultural_cooperation_report",
                    "12_beijing_2024_municipal_report", "14_1957_third_plenum_speech",
                    "16_1957_jinan_nanjing_cadre_speeches", "18_henan_2022_business_environment_implementation_plan",
                    "20_1955_national_party_conference_opening_speech", "22_2018_2019_leadership_speech_excerpts",
                    "23_sichuan_2026_provincial_report", "24_henan_2026_provincial_report",
                    "25_national_2023_work_report_digest", "26_1955_seventh_cc_sixth_plenum_conclusion",
                    "27_2025_victory_anniversary_speech", "28_guangdong_2026_report_15th_plan_section",
                    "29_state_council_2018_new_media_opinions_plan", "30_2009_huangshan_secretary_study_meeting_speech",
                    "31_shandong_2026_provincial_report", "32_hubei_2026_provincial_report",
                    "33_1941_shaanganning_assembly_speech", "34_2019_bank_university_closing_speech",
                    "35_1945_chongqing_negotiations_cadre_report", "36_1996_state_council_earthquake_notice",
                    "37_1966_cc_notice_on_printing_a_speech", "38_daqing_2014_rural_economy_statistical_analysis",
                    "39_shanghai_2023_business_environment_action_items",
                    "40_2018_state_council_cultural_enterprise_notice", "41_2014_2018_education_speech_excerpts",
                    "42_2023_belt_and_road_forum_keynote", "43_2023_china_central_asia_summit_keynote",
                    "44_daqing_2016_first_half_economy_analysis", "45_1942_party_school_opening_speech",
                    "46_2018_boao_forum_keynote_opening", "48_2004_state_council_letter_on_sichuan_requests",
                    "50_2018_regulation_further_supporting_cultural_enterprises",
                    "52_1950_cppcc_closing_speech_complete_revolutionary", "54_1957_shanghai_cadre_meeting_speech",
                    "56_jiangsu_2026_provincial_report", "61_2022_hong_kong_25th_anniversary_speech",
                    "62_fujian_2026_provincial_report", "63_2015_may_day_model_workers_speech_opening",
                    "64_jiangxi_2026_provincial_report", "65_1945_labour_heroes_economic_work_speech",
                    "66_1945_seventh_congress_closing_speech", "67_1944_zhang_side_memorial_speech",
                    "68_shaanxi_2026_provincial_report", "69_shanghai_2018_education_commission_notice_with_plan",
                    "70_1971_liaoning_foreign_trade_work_conference_speech", "71_1999_ipd_mobilisation_meeting_speech",
                    "72_2014_sichuan_provincial_notice_on_policy_self_inspection",
                    "73_2008_emt_meeting_business_plan_talk", "74_2014_regional_presidents_meeting_speech",
                    "75_2019_state_council_kindergarten_rectification_notice_proofreading_copy",
                    "76_2023_kangbao_shangyi_county_meeting_handbook_profiles"]
    assert all(is_held_out(d["id"]) for d in docs if int(d["id"][:2]) >= 82)
    assert load_gold(part="heldout") == [d for d in docs if d["id"] in held]
    assert [held_out_batch(d) for d in held if int(d[:2]) < 82] == (["heldout-1"] * 4 + ["heldout-2"] * 4 + ["heldout-3"] * 6
                                                 + ["heldout-4"] * 5 + ["heldout-5"] * 7 + ["heldout-6"] * 6 + ["heldout-7"] * 3
                                                 + ["heldout-8"] * 2 + ["heldout-10"] * 4
                                                 + ["heldout-11"] * 5 + ["heldout-12"] * 7)
    # from 47 on the split is every second document again: odd numbers are dev, even ones held out
    assert held_out_batch("47_any_later_document") == "" and held_out_batch("53_any_later_document") == ""
    assert held_out_batch("52_any_later_document") == "heldout-7"
    assert held_out_batch("54_any_later_document") == "heldout-8" and held_out_batch("55_any_later_document") == ""
    assert held_out_batch("17_1957_propaganda_work_conference_speech") == ""
    # batch 9 (57–60) is all dev, batch 10 (61 on) all held out
    assert [held_out_batch(f"{n}_doc") for n in (57, 58, 59, 60, 61, 62, 64)] == [""] * 4 + ["heldout-10"] * 3
    # batch 11 (65 on) is all held out too, reported apart
    assert [held_out_batch(f"{n}_doc") for n in (65, 69)] == ["heldout-11"] * 2
    # batch 12 (70 on) is all held out too, reported apart
    assert [held_out_batch(f"{n}_doc") for n in (70, 73, 76)] == ["heldout-12"] * 3
    # batch 13 (77–81) was held out until its first scoring and is dev since session 10; 82 on are held out again
    assert [held_out_batch(f"{n}_doc") for n in (77, 81)] == [""] * 2 and not is_held_out("79_doc")
    assert [held_out_batch(f"{n}_doc") for n in (82, 90)] == ["heldout-14"] * 2


def test_report_separates_the_held_out_batches_and_hides_their_examples(scores):
    text = report(scores, show_errors=True)
    assert "== HELDOUT-1 (4 documents)" in text and "== HELDOUT-2 (4 documents)" in text
    assert "== HELDOUT-3 (6 documents)" in text and "== HELDOUT-4 (5 documents)" in text
    assert "== HELDOUT-5 (7 documents)" in text and "== HELDOUT-6 (6 documents)" in text
    assert "== HELDOUT-7 (3 documents)" in text and "== HELDOUT-8 (2 documents)" in text
    assert "== HELDOUT-10 (4 documents)" in text and "== HELDOUT-11 (5 documents)" in text
    assert "== HELDOUT-12 (7 documents)" in text and "== DEV-13 (5 documents" in text and "== DEV-OLD (23 documents)" in text
    assert not [line for line in text.splitlines() if line.startswith("heldout ")]
    assert scores["heldout"].d_gold == sum(scores[f"heldout-{i}"].d_gold for i in (1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14))
    assert scores["dev"].d_gold == scores["dev-old"].d_gold + scores["dev-13"].d_gold


def test_held_out_total_only_shows_no_document_batch_or_class(scores):
    text = report(scores, show_errors=True, heldout_total_only=True)
    assert "== HELDOUT (" in text and "== HELDOUT-1 " not in text and "-- error classes, heldout" not in text
    assert not [line for line in text.splitlines() if line[:2] in ("08", "10", "23", "70")]


def _shown(sc, part, kind):
    """Errors to show on failure: dev examples, but only counts for held-out (never tune on them)."""
    found = [e for e in sc.errors if kind in e[0]]
    return found if part == "dev" else f"{len(found)} held-out errors of kind {kind!r}"


def _part(scores, part):
    """"dev-old" (dev before session 10), "dev-13" (batch 13, dev since session 10), "older" (held-out batches 1–8,
    all read by earlier rounds), "heldout-10" (batch 10, scored twice by the previous round, its errors never read),
    "heldout-11" (batch 11, its errors never read) or "heldout-12" (batch 12, scored once by the round that added it);
    "older" leaves 10–12 (and any later held-out batch) out."""
    if part != "older":
        return scores[part]
    out = Score().add(scores["heldout"]).add(_negated(scores["heldout-10"])).add(_negated(scores["heldout-11"]))
    return out.add(_negated(scores["heldout-12"])).add(_negated(scores["heldout-14"]))


def _negated(sc):
    out = Score()
    for name in Score.__dataclass_fields__:
        if name != "errors":
            setattr(out, name, -getattr(sc, name))
    return out


# Floors, not targets (issue 17: 0.97 / 0.95 / 3 % and 0.95 / 0.95). Measured at the end of this round (suggest7,
# SOURCES.md): older held-out batches 1–8 (37 documents) stand at statistic 0.969 / 0.965 / 2.3 % (0.963 / 0.960 /
# 2.8 % before the round's rules), explicit directives 0.952 / 0.931 (0.952 / 0.922); batch 10, whose errors were never
# read, at 0.988 / 0.988 / 4.1 % and 0.889 / 0.833 (first scoring: 0.988 / 0.988 / 4.9 %, 0.889 / 0.833); dev at
# 0.996 / 0.991 / 1.2 %, 0.970 / 0.979.
_FLOORS = {  # part: (statistic recall, exact, false numerals ≤, directive recall, precision)
    "dev-old": (0.97, 0.95, 0.02, 0.95, 0.95),
    "older": (0.96, 0.96, 0.025, 0.95, 0.93),
    "heldout-10": (0.98, 0.98, 0.045, 0.88, 0.83),
    # batch 11 (65–69), scored once untouched at the start of session 7: 0.892 / 0.892 / 4.6 %, 0.846 / 0.785
    "heldout-11": (0.89, 0.89, 0.047, 0.84, 0.78),
    # batch 12 (70–76), scored once untouched at the start of session 8 (code of main 6ddf686): 0.782 / 0.736 / 8.3 %,
    # 0.810 / 0.912
    "heldout-12": (0.78, 0.73, 0.084, 0.81, 0.91),
    # batch 13 (77–81), scored once untouched at the start of session 9 (code of main 46919e1): 0.916 / 0.905 / 3.1 %,
    # 0.874 / 0.845 (exact 0.895 with the original mark of 78's 上亿人, corrected after the scoring: SOURCES.md); dev
    # since session 10, its rules written from its errors (floors raised with them: 0.979 / 0.979 / 0.9 %, 0.941 / 0.922)
    "dev-13": (0.97, 0.97, 0.012, 0.93, 0.91),
    # batch 14 (82–91), scored once untouched at the end of session 10 on the merged code: 0.912 / 0.886 / 4.8 %,
    # 0.874 / 0.820 (the code before the session's rules: 0.908 / 0.883, directive recall 0.874 — the round moved it
    # by one statistic and one false directive)
    "heldout-14": (0.91, 0.88, 0.049, 0.87, 0.82),
}


@pytest.mark.parametrize("part", list(_FLOORS))
def test_statistics(scores, part):
    sc = _part(scores, part)
    recall, exact, false = sc.st_recall, sc.st_exact_rate, sc.false_numerals
    floor = _FLOORS[part]
    assert recall >= floor[0], _shown(sc, part, "statistic miss")
    assert exact >= floor[1], _shown(sc, part, "statistic boundary")
    assert false <= floor[2], _shown(sc, part, "statistic false")


@pytest.mark.parametrize("part", list(_FLOORS))
def test_explicit_directives(scores, part):
    sc = _part(scores, part)
    recall, precision = sc.d_recall, sc.d_precision
    floor = _FLOORS[part]
    assert recall >= floor[3], _shown(sc, part, "directive miss")
    assert precision >= floor[4], _shown(sc, part, "directive false")


def test_markup_offsets():
    doc = parse_markup("甲，[[D!:{各级工会}必须确保[[S:会员<2万人>]]]]。[[I:发展海洋经济]]。")
    text = doc["text"]
    d, i, s = sorted(doc["spans"], key=lambda x: (x["label"], x["start"]))
    assert text[d["start"]:d["end"]] == "各级工会必须确保会员2万人"
    assert d["attributes"] == {"strength": "strong", "actor": "各级工会"}
    assert text[i["start"]:i["end"]] == "发展海洋经济" and i["attributes"] == {"cue": "implicit"}
    assert text[s["start"]:s["end"]] == "会员2万人" and s["attributes"]["value_text"] == "2万人"


def test_unclosed_mark_is_reported():
    with pytest.raises(ValueError, match="unclosed"):
        parse_markup("[[S:会员<2万人>")


def test_value_core_drops_bound_words():
    assert value_core("约4.4万亿元") == "4.4万亿元" and value_core("90%以上") == "90%"


def test_engine_output_is_sorted_and_unique():
    text = load_gold()[0]["text"]
    found = suggest(text)
    keys = [(s.start, s.end, s.label) for s in found]
    assert len(keys) == len(set(keys))
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)


def test_bench_runs_on_a_30000_character_speech():
    # The 300 ms budget lives in annotator.bench (ratios, same run); a test only checks it runs.
    chars, ms = bench(repeat=1)
    assert chars >= 30_000
    assert ms > 0
