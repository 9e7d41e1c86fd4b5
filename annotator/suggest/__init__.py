"""Suggesters: rule-based proposals of statistic and directive spans (Qt-free, no jieba needed)."""

from annotator.suggest.engine import suggest

__all__ = ["suggest"]
