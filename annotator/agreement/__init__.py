"""Inter-annotator agreement, alignment, gold pre-merge and reports (Qt-free, stdlib only).

Modules: coefficients (κ, π, S, Fleiss' κ, Krippendorff's α), spans (pairwise span P/R/F1),
align (one-to-one alignment, disagreement classes), charlevel (character κ, with its caveat),
unitizing (αU 2004, uα 2016), gamma (best-alignment disorder), segmentation (WindowDiff, Pk),
ner_eval (SemEval-2013 and BIO conventions), gold (pre-merge, adjudication), report (text/JSON/HTML).
"""

from annotator.agreement.align import (
    ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH, BOUNDARY_MISMATCH, EXACT_MATCH, KINDS,
    LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B, Disagreement, Match, align, align_document,
    classify,
)
from annotator.agreement.charlevel import CharKappa, char_kappa
from annotator.agreement.coefficients import (
    AlphaResult, FleissResult, TwoCoderAgreement, alpha_details, bennett_s, cohen_kappa,
    cohen_kappa_table, contingency_table, expand_table, fleiss_details, fleiss_kappa,
    krippendorff_alpha, percent_agreement, positive_specific_agreement, scott_pi, table_agreement,
)
from annotator.agreement.gold import (
    GOLD_ANNOTATOR, MISSING_IN_SOME, GoldScore, PremergeResult, add, edit, premerge_gold, reject,
    relabel, score_against_gold, take_a, take_b, take_span,
)
from annotator.agreement.gamma import (
    Alignment, GammaUnit, best_alignment, combined_dissimilarity, positional_dissimilarity,
)
from annotator.agreement.ner_eval import SchemeCounts, bio_f1, bio_to_spans, semeval_evaluate
from annotator.agreement.report import render_html, render_json, render_table
from annotator.agreement.segmentation import pk, windowdiff
from annotator.agreement.spans import (
    AgreementResult, Counts, PairDisagreement, PairScores, SectionIndex, Summary, compare,
    span_agreement,
)
from annotator.agreement.unitizing import (
    UAlphaResult, Unit, UnitizingResult, u_alpha, unitizing_alpha_2004, unitizing_distance,
)

_SUBMODULES = {"charlevel", "coefficients", "gamma", "gold", "ner_eval", "report",
               "segmentation", "spans", "unitizing"}
# "align" is the function (it shadows its module of the same name), so it stays public.
__all__ = sorted(n for n in dir() if not n.startswith("_") and n not in _SUBMODULES)
