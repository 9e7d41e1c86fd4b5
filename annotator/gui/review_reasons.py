"""Why a span was flagged for review after a re-import, in the annotator's language.

storage/reanchor.py stores the reason in the span's provenance as an English sentence (what the CLI and
the exports carry) of four fixed shapes. The GUI recognises each shape and says it in the UI language
with the figures it holds; anything else is shown as stored (better in English than not at all).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

# (pattern of the stored sentence, source text of the catalogue with {0}… for the groups)
_SHAPES = (
    (re.compile(r"its text was changed"), "its text was changed"),
    (re.compile(r"its text was deleted"), "its text was deleted"),
    (re.compile(r"its offsets \[(\d+), (\d+)\) do not fit the old text"), "its offsets [{0}, {1}) do not fit the old text"),
    (re.compile(r"ambiguous: “(.*)” and its surroundings occur (\d+) times in the old text and (\d+) in the new one",
                re.DOTALL),
     "ambiguous: “{0}” and its surroundings occur {1} times in the old text and {2} in the new one"),
)


def review_reason_text(reason: str) -> str:
    for pattern, source in _SHAPES:
        match = pattern.fullmatch(reason or "")
        if match:
            return QCoreApplication.translate("ReviewReason", source).format(*match.groups())
    return reason

