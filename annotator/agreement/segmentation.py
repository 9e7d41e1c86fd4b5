"""Segmentation agreement for outlines: WindowDiff and Pk over boundary strings.

A boundary string has one character per position, ``boundary`` ("1") where a segment ends. These
compare two outlines' section breaks with near-miss tolerance, which span F1 cannot express.
Definitions follow Pevzner & Hearst (2002) and Beeferman et al. (1999) as implemented by nltk.
"""

from __future__ import annotations

from typing import Sequence


def windowdiff(reference: Sequence, hypothesis: Sequence, k: int, *, boundary="1",
               weighted: bool = False) -> float:
    """Share of the len − k + 1 windows of size k whose boundary counts differ."""
    if len(reference) != len(hypothesis):
        raise ValueError("segmentations must have the same length")
    if not 0 < k <= len(reference):
        raise ValueError("window size must be between 1 and the length of the segmentation")
    windows = len(reference) - k + 1
    errors = 0
    for i in range(windows):
        diff = abs(list(reference[i:i + k]).count(boundary) - list(hypothesis[i:i + k]).count(boundary))
        errors += diff if weighted else min(1, diff)
    return errors / windows


def pk(reference: Sequence, hypothesis: Sequence, k: int | None = None, *, boundary="1") -> float:
    """Probability that a window of size k is judged differently (boundary inside or not).

    k defaults to half the mean reference segment length, rounded (Beeferman et al.).
    """
    if len(reference) != len(hypothesis):
        raise ValueError("segmentations must have the same length")
    if k is None:
        count = list(reference).count(boundary)
        if count == 0:
            raise ValueError("reference has no boundary; give k explicitly")
        k = int(round(len(reference) / (count * 2.0)))
    if not 0 < k <= len(reference):
        raise ValueError("window size must be between 1 and the length of the segmentation")
    windows = len(reference) - k + 1
    errors = sum(
        (boundary in reference[i:i + k]) != (boundary in hypothesis[i:i + k]) for i in range(windows))
    return errors / windows
