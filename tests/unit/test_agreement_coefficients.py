"""Coefficients against published worked examples.

``test_published_vector`` reproduces every record of ../shared/data/agreement_vectors.json (read at
run time; skipped when the shared folder is absent, a failure under CI), with each record's tolerance and the
tighter/looser tolerances its notes demand. A few examples are also copied below as literals so
the check survives without the shared folder.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from annotator.agreement import (
    GammaUnit, Unit, alpha_details, best_alignment, bio_f1, cohen_kappa, cohen_kappa_table,
    expand_table, fleiss_details, fleiss_kappa, krippendorff_alpha, pk, positional_dissimilarity,
    positive_specific_agreement, scott_pi, semeval_evaluate, span_agreement, align, char_kappa,
    table_agreement, u_alpha, unitizing_alpha_2004, unitizing_distance, windowdiff, bennett_s,
    percent_agreement,
)

VECTORS = Path(__file__).resolve().parents[3] / "shared" / "data" / "agreement_vectors.json"


def _records() -> dict:
    if not VECTORS.is_file():
        return {}
    return {r["name"]: r for r in json.loads(VECTORS.read_text(encoding="utf-8"))}


RECORDS = _records()


def close(actual, expected, tol, what=""):
    assert actual == pytest.approx(expected, abs=tol, rel=0), f"{what}: {actual} != {expected} ± {tol}"


# --- one checker per record -----------------------------------------------------------------


def _alpha_levels(r, tol_for=lambda key: None):
    m = r["data"]["matrix"]
    for key, want in r["expected"].items():
        tol = tol_for(key) or r.get("tolerance_overrides", {}).get(key, r["tolerance"])
        if key in ("nominal", "ordinal", "interval", "ratio"):
            close(krippendorff_alpha(m, key), want, tol, key)


def check_wikipedia_krippendorff_alpha_example(r):
    _alpha_levels(r, lambda key: 5e-5 if key == "ordinal" else None)  # notes: ordinal to 4 dp


def check_kalpha_spss_macro_continuous_example(r):
    _alpha_levels(r)


def _alpha_parts(r):
    d = alpha_details(r["data"]["matrix"])
    tol, e = r["tolerance"], r["expected"]
    close(d.alpha, e["alpha"], tol, "alpha")
    close(d.percent_agreement, e["percent_agreement"], tol, "Ao")
    close(d.observed_disagreement, e["Do"], tol, "Do")
    close(d.expected_disagreement, e["De"], tol, "De")


check_krippendorff_binary_2obs_10units = _alpha_parts
check_krippendorff2004_p227_nominal_2obs = _alpha_parts


def check_krippendorff1980_p139_3coders_9units(r):
    _alpha_levels(r)
    d = alpha_details(r["data"]["matrix"])
    tol, e = r["tolerance"], r["expected"]
    close(d.observed_disagreement, e["nominal_Do"], tol, "Do")
    close(d.expected_disagreement, e["nominal_De"], tol, "De")
    per = d.per_category()
    for cat, want in e["per_category_nominal"].items():
        close(per[int(cat)], want, tol, f"category {cat}")


def check_nltk_dress_example_missing(r):
    m = r["data"]["matrix"]
    close(krippendorff_alpha(m), r["expected"]["alpha"], r["tolerance"])
    # dress3 holds a single value: dropping the unit must not change α (nltk test_easy2)
    close(krippendorff_alpha([row[:2] for row in m]), r["expected"]["alpha"], r["tolerance"])


def check_krippendorff1995_digitized_bertha_bill(r):
    a, b = r["data"]["matrix"]
    e, tol = r["expected"], r["tolerance"]
    close(cohen_kappa(a, b), e["cohen_kappa"], tol, "kappa")
    close(scott_pi(a, b), e["scott_pi"], tol, "pi")
    alpha = krippendorff_alpha([a, b])
    close(alpha, e["alpha_nominal"], tol, "alpha")
    n = len(a)  # the note's identity: α = 1 − (2N−1)/(2N)·(1 − π)
    close(alpha, 1 - (2 * n - 1) / (2 * n) * (1 - scott_pi(a, b)), 1e-12, "alpha/pi identity")


def check_artstein_poesio2008_p558_2x2(r):
    t, e, tol = r["data"]["table"], r["expected"], r["tolerance"]
    ag = table_agreement(t)
    for key, got in (("Ao", ag.observed), ("S", ag.s), ("pi", ag.pi), ("kappa", ag.kappa),
                     ("Ae_pi", ag.expected_pi), ("Ae_kappa", ag.expected_kappa)):
        close(got, e[key], tol, key)


def _chck_distance(c, k):
    return 0.0 if c == k else (0.5 if "Chck" in (c, k) else 1.0)


def check_artstein_poesio2008_p568_3x3(r):
    t, cats, e = r["data"]["table"], r["data"]["categories"], r["expected"]

    def tol(key):
        return r.get("tolerance_overrides", {}).get(key, r["tolerance"])

    ag = table_agreement(t)
    for key, got in (("Ao", ag.observed), ("S", ag.s), ("pi", ag.pi), ("kappa", ag.kappa)):
        close(got, e[key], tol(key), key)
    a, b = expand_table(t, cats)
    close(bennett_s(a, b), e["S"], tol("S"), "S from sequences")
    close(percent_agreement(a, b), e["Ao"], tol("Ao"), "Ao from sequences")
    nominal = alpha_details([a, b])
    close(nominal.alpha, e["alpha_nominal"], tol("alpha_nominal"), "alpha")
    close(nominal.observed_disagreement, e["alpha_Do"], tol("alpha_Do"), "alpha Do")
    close(nominal.expected_disagreement, e["alpha_De"], tol("alpha_De"), "alpha De")
    weighted = alpha_details([a, b], distance=_chck_distance)
    close(weighted.alpha, e["alpha_weighted"], tol("alpha_weighted"), "weighted alpha")
    close(weighted.observed_disagreement, e["alpha_w_Do"], tol("alpha_w_Do"), "weighted Do")
    close(weighted.expected_disagreement, e["alpha_w_De"], tol("alpha_w_De"), "weighted De")
    close(cohen_kappa_table(t, weights=_chck_distance, categories=cats), e["kappa_weighted"],
          tol("kappa_weighted"), "weighted kappa")
    close(cohen_kappa(a, b, weights=_chck_distance), e["kappa_weighted"], tol("kappa_weighted"))


def check_krippendorff2004_p246_kappa_vs_pi(r):
    e, tol = r["expected"], r["tolerance"]
    for tag in ("a", "b"):
        ag = table_agreement(r["data"][f"table_{tag}"])
        for key, got in (("Ao", ag.observed), ("S", ag.s), ("pi", ag.pi), ("kappa", ag.kappa)):
            close(got, e[f"{tag}_{key}"], tol, f"{tag}_{key}")


def _cohen_table(r):
    t, e, tol = r["data"]["table"], r["expected"], r["tolerance"]
    ag = table_agreement(t)
    close(ag.kappa, e["kappa"], tol, "kappa")
    close(ag.observed, e["po"], tol, "po")
    if "pe" in e:
        close(ag.expected_kappa, e["pe"], tol, "pe")
    a, b = expand_table(t, r["data"]["categories"])
    close(cohen_kappa(a, b), e["kappa"], tol, "kappa from sequences")


check_wikipedia_cohen_kappa_50_proposals = _cohen_table
check_wikipedia_cohen_kappa_same_percentages_1 = _cohen_table
check_wikipedia_cohen_kappa_same_percentages_2 = _cohen_table


def check_sas_cohen_kappa_table10(r):
    t, cats, e, tol = r["data"]["table"], r["data"]["categories"], r["expected"], r["tolerance"]
    close(cohen_kappa_table(t), e["kappa"], tol)
    close(cohen_kappa_table(t, weights="linear"), e["kappa_linear_weighted"], tol)
    a, b = expand_table(t, cats)
    close(cohen_kappa(a, b, weights="linear"), e["kappa_linear_weighted"], tol)


def check_wikipedia_fleiss_kappa_example(r):
    f = fleiss_details(r["data"]["counts"])
    e, tol = r["expected"], r["tolerance"]
    close(f.kappa, e["kappa"], tol)
    close(f.p_bar, e["Pbar"], tol)
    close(f.p_e, e["Pe"], tol)


def _units(data, key="units", scale=1):
    return [Unit(u["rater"], u["begin"] * scale, u["length"] * scale, u["label"]) for u in data[key]]


def check_krippendorff2004_p254_unitizing(r):
    d, e, tol = r["data"], r["expected"], r["tolerance"]
    res = unitizing_alpha_2004(_units(d), continuum_begin=d["continuum_begin"],
                               continuum_length=d["continuum_length"])
    close(res.alpha, e["alpha"], tol, "alpha")
    for cat in ("c", "k"):
        c = res.per_category[cat]
        close(c.observed, e[f"{cat}_Do"], 1e-4, f"{cat} Do")
        close(c.expected, e[f"{cat}_De"], 1e-4, f"{cat} De")
        close(c.alpha, e[f"{cat}_alpha"], 1e-4, f"{cat} alpha")
    assert unitizing_distance(225, 70, "c", 220, 80, "c") == e["distance_225_70_c__220_80_c"]
    assert unitizing_distance(370, 30, "c", 355, 20, "c") == e["distance_370_30_c__355_20_c"]
    assert unitizing_distance(400, 50, None, 400, 20, "c") == e["distance_gap400_50__400_20_c"]


def check_krippendorff1995_p57_unitizing_4pairs(r):
    d, e = r["data"], r["expected"]
    scale = d["scale_factor"]
    res = unitizing_alpha_2004(_units(d, "units_at_scale_1", scale), continuum_begin=0,
                               continuum_length=d["continuum_length_units"] * scale)
    for cat in "ABCD":  # tolerances from the record's source: Do 1e-5, De 5e-3, alpha 0.02
        c = res.per_category[cat]
        close(c.observed, e[f"{cat}_Do"], 1e-5, f"{cat} Do")
        close(c.expected, e[f"{cat}_De"], 5e-3, f"{cat} De")
        close(c.alpha, e[f"{cat}_alpha"], 0.02, f"{cat} alpha")


def check_dkpro_unitizing_three_small_units(r):
    d, e, tol = r["data"], r["expected"], r["tolerance"]
    c = unitizing_alpha_2004(_units(d), continuum_begin=d["continuum_begin"],
                             continuum_length=d["continuum_length"]).per_category["A"]
    close(c.observed, e["A_Do"], tol)
    close(c.expected, e["A_De"], tol)
    close(c.alpha, e["A_alpha"], tol)


def check_mathet2015_fig10_positional_dissimilarity(r):
    pairs, e = r["data"]["pairs"], r["expected"]
    got = [positional_dissimilarity(tuple(u), tuple(v), r["data"]["delta_empty"]) for u, v in pairs]
    for g, exact, rounded in zip(got, e["exact_values"], e["values"]):
        close(g, exact, 1e-12)
        assert g == pytest.approx(rounded, rel=r["tolerance"], abs=1e-12)  # relative, per notes


def _gamma_units(r):
    return [GammaUnit(u["annotator"], u["start"], u["end"], u["category"]) for u in r["data"]["units"]]


def _disorder(r):
    dis = r["data"]["dissimilarity"]
    got = best_alignment(_gamma_units(r), alpha=dis["alpha"], beta=dis["beta"],
                         delta_empty=dis["delta_empty"]).disorder
    close(got, r["expected"]["best_alignment_disorder"], r["tolerance"])


check_gamma_best_alignment_disorder_fixture_01 = _disorder
check_gamma_best_alignment_disorder_fixture_02 = _disorder
check_gamma_best_alignment_disorder_fixture_04 = _disorder


def check_pygamma_AlexPaulSuzan(r):
    # level: alpha=3, beta=1, delta_empty=1. Only the best-alignment disorder is deterministic;
    # γ and γ-cat need Monte-Carlo sampling, which this package deliberately does not offer.
    al = best_alignment(_gamma_units(r), alpha=3.0, beta=1.0, delta_empty=1.0)
    assert al.disorder == pytest.approx(r["expected"]["best_alignment_disorder"], rel=r["tolerance"])
    assert len(al.unitary) == r["expected"]["n_unitary_alignments"]


def check_semeval2013_task9_1_scenarios(r):
    got = semeval_evaluate(r["data"]["reference"], r["data"]["candidate"])
    for scheme, want in r["expected"].items():
        g = got[scheme].to_json()
        for key, value in want.items():
            close(g[key], value, r["tolerance"] if isinstance(value, float) else 0, f"{scheme} {key}")


def check_seqeval_readme_example(r):
    overall, per_type = bio_f1(r["data"]["y_true"], r["data"]["y_pred"])
    e, tol = r["expected"], r["tolerance"]
    close(overall.f1, e["f1"], tol)
    close(overall.precision, e["precision"], tol)
    close(overall.recall, e["recall"], tol)
    close(per_type["MISC"].f1, e["MISC_f1"], tol)
    close(per_type["PER"].f1, e["PER_f1"], tol)


def check_hripcsak2005_f1_equals_positive_agreement(r):
    d, e, tol = r["data"], r["expected"], r["tolerance"]
    a, b, c = d["a_both"], d["b_only_A"], d["c_only_B"]
    close(positive_specific_agreement(a, b, c), e["f1"], tol)
    kappas = [cohen_kappa_table([[a, b], [c, n]]) for n in d["d_neither"]]
    close(kappas[0], e["kappa_d15"], tol)
    close(kappas[-1], e["kappa_d1e6_approx_f1"], tol)
    assert kappas == sorted(kappas)  # κ climbs towards F1 as untagged text grows


def check_ualpha2016_constructed_3obs(r):
    d, e, tol = r["data"], r["expected"], r["tolerance"]
    res = u_alpha({k: [tuple(s) for s in v] for k, v in d["spans"].items()}, d["continuum_length"])
    close(res.u_alpha, e["u_alpha"], tol)
    close(res.binary_u_alpha, e["bar_u_alpha"], tol)
    named = {f"{'phi' if c is None else c},{'phi' if k is None else k}": v
             for (c, k), v in res.coincidences.items() if v}
    assert named == pytest.approx(e["observed_coincidences"])


def check_constructed_span_disagreement_two_annotators(r):
    d, e, tol = r["data"], r["expected"], r["tolerance"]
    a = [tuple(s) for s in d["annotator_A"]]
    b = [tuple(s) for s in d["annotator_B"]]
    got: dict = {}
    for item in align(a, b):
        pa = [item.a.start, item.a.end, item.a.label] if item.a else None
        pb = [item.b.start, item.b.end, item.b.label] if item.b else None
        got.setdefault(item.kind, []).append([pa, pb] if pa and pb else (pa or pb))
    assert got == e["alignment"]
    res = span_agreement({"A": a, "B": b}, lengths={None: d["text_length"]})
    o, per_label = res.overall, res.by_label
    close(o["strict"].f1, e["f1_strict"], tol)
    close(o["relaxed"].f1, e["f1_relaxed_overlap_same_label"], tol)
    close(o["boundary"].f1, e["f1_unlabeled_exact"], tol)
    close(o["overlap"].f1, e["f1_unlabeled_overlap"], tol)
    close(per_label["directive"]["strict"].f1, e["f1_strict_directive"], tol)
    close(per_label["statistic"]["strict"].f1, e["f1_strict_statistic"], tol)
    close(res.char_kappa.kappa, e["char_kappa_all_chars"], tol)
    close(char_kappa(a, b, d["text_length"], exclude_both_untagged=True).kappa,
          e["char_kappa_excluding_both_O"], tol)


def check_nltk_segmentation_windowdiff_pk(r):
    d, e, tol = r["data"], r["expected"], r["tolerance"]
    for (ref, hyp, k), want in zip(d["windowdiff_cases"], e["windowdiff"]):
        close(windowdiff(ref, hyp, k), want, tol)
    for (ref, hyp, k), want in zip(d["pk_cases"], e["pk"]):
        close(pk(ref, hyp, k), want, tol)


CHECKERS = {name[len("check_"):]: fn for name, fn in dict(globals()).items() if name.startswith("check_")}


def test_every_record_has_a_checker(require_shared):
    if not RECORDS:
        require_shared("../shared/data/agreement_vectors.json")
    assert set(RECORDS) <= set(CHECKERS), sorted(set(RECORDS) - set(CHECKERS))
    assert len(RECORDS) >= 29


@pytest.mark.parametrize("name", sorted(CHECKERS))
def test_published_vector(name, require_shared):
    if name not in RECORDS:
        require_shared("../shared/data/agreement_vectors.json")
    CHECKERS[name](RECORDS[name])


# --- literal copies of worked examples (survive without the shared folder) ------------------

WIKIPEDIA_ALPHA = [
    [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
    [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
    [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
]


def test_literal_wikipedia_alpha():
    assert krippendorff_alpha(WIKIPEDIA_ALPHA, "nominal") == pytest.approx(0.691358, abs=1e-6)
    assert krippendorff_alpha(WIKIPEDIA_ALPHA, "interval") == pytest.approx(0.810845, abs=1e-6)
    assert krippendorff_alpha(WIKIPEDIA_ALPHA, "ordinal") == pytest.approx(0.8067, abs=5e-5)


def test_literal_krippendorff2004_p227_strings():
    i = list("aabbbbbccccc")
    j = list("abbbbbcccccc")
    d = alpha_details([i, j])
    assert d.alpha == pytest.approx(0.734, abs=5e-4)
    assert d.expected_disagreement == pytest.approx(0.6268, abs=5e-4)


def test_literal_wikipedia_cohen_and_fleiss():
    assert cohen_kappa_table([[20, 5], [10, 15]]) == pytest.approx(0.4, abs=1e-9)
    fleiss = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
              [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    assert fleiss_kappa(fleiss) == pytest.approx(0.210, abs=5e-4)


def test_literal_sas_weighted_kappa():
    table = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]
    assert cohen_kappa_table(table) == pytest.approx(0.4842, abs=5e-5)
    assert cohen_kappa_table(table, weights="linear") == pytest.approx(0.4701, abs=5e-5)


# --- edge cases --------------------------------------------------------------------------------


def test_perfect_and_degenerate_agreement():
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert krippendorff_alpha([[1, 2, 3], [1, 2, 3]], "interval") == pytest.approx(1.0)
    # Only one category anywhere: chance agreement is 1, κ/α are 0/0 — defined as 1.0.
    assert cohen_kappa(["x"] * 4, ["x"] * 4) == 1.0
    assert krippendorff_alpha([["x", "x"], ["x", "x"]]) == 1.0
    assert fleiss_kappa([[3, 0], [3, 0]]) == 1.0


def test_missing_values_and_unpairable_units():
    with_nan = [[1, 2, float("nan"), 1], [1, 2, 3, None], [None, 2, 3, 2]]
    as_none = [[1, 2, None, 1], [1, 2, 3, None], [None, 2, 3, 2]]
    assert krippendorff_alpha(with_nan) == krippendorff_alpha(as_none)
    with pytest.raises(ValueError):
        krippendorff_alpha([[1, None], [None, 2]])  # no unit has two values
    assert cohen_kappa([1, None, 2, 1], [1, 2, None, 1]) == 1.0  # incomplete pairs dropped


def test_categories_numbers_and_strings_give_same_nominal_values():
    a, b = [1, 2, 2, 3, 1], [1, 2, 3, 3, 2]
    sa, sb = [str(x) for x in a], [str(x) for x in b]
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa(sa, sb))
    assert krippendorff_alpha([a, b]) == pytest.approx(krippendorff_alpha([sa, sb]))
    mixed = cohen_kappa(["x", 1, "x"], ["x", 1, 1])  # unorderable mix must still work nominally
    assert -1.0 <= mixed <= 1.0


def test_quadratic_weights_and_errors():
    a, b = [0, 1, 2, 2, 1], [0, 2, 2, 1, 1]
    q = cohen_kappa(a, b, weights="quadratic")
    # hand value: observed Σw·o = 2 disagreements of weight 1 → 2/5; expected from marginals
    rows, cols = [1, 2, 2], [1, 2, 2]
    expected = sum((i - j) ** 2 * rows[i] * cols[j] for i in range(3) for j in range(3)) / 25
    assert q == pytest.approx(1 - (2 / 5) / expected)
    with pytest.raises(ValueError):
        cohen_kappa([1, 2], [1])
    with pytest.raises(ValueError):
        fleiss_kappa([[2, 1], [1, 1]])  # unequal ratings per subject
    with pytest.raises(ValueError):
        krippendorff_alpha([[1, 2]], level="bogus")


def test_ratio_and_ordinal_levels_ignore_category_labels_order_only():
    data = [[1, 2, 3, 3], [1, 2, 3, 4]]
    ordinal = krippendorff_alpha(data, "ordinal")
    # ordinal depends on ranks only: a monotone relabelling leaves it unchanged
    assert krippendorff_alpha([[10, 20, 30, 30], [10, 20, 30, 99]], "ordinal") == pytest.approx(ordinal)
    assert krippendorff_alpha(data, "ratio") != pytest.approx(krippendorff_alpha(data, "interval"))
    assert math.isfinite(krippendorff_alpha(data, "ratio"))
