"""Review and adjudication: annotators' spans side by side in one view, per-section agreement as heat,
disagreements resolved by keyboard into the gold layer (each resolution an undo command)."""

from annotator.gui.review.review_window import ReviewWindow

__all__ = ["ReviewWindow"]
