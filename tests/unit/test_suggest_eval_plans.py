"""Plans (实施方案, 工作方案-style 通知, plan items, 活动方案) are reported as their own row inside the reports."""

from annotator.suggest.evaluate import report, score
from annotator.suggest.gold import doc_kind, is_plan, load_gold


def test_plans_are_reports_with_a_row_of_their_own():
    assert is_plan("15_guangzhou_talent_implementation_opinions") and doc_kind("15_x") == "report"
    assert not is_plan("09_1956_plenum_speech") and not is_plan("no_number")
    docs = [d for d in load_gold(part="dev") if d["id"][:2] in ("09", "15", "55")]
    scores = score(docs)
    assert scores["dev:plan"].st_gold == scores["15_guangzhou_talent_implementation_opinions"].st_gold
    assert "of which plans (1)" in report(scores)
