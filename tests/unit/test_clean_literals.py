"""clean_literals.required_literals lets the cleaner skip a rule whose text cannot match (issue 19).
What is checked: every match of every pattern contains one of its literals (on real texts, the test
corpus and generated strings), unsafe constructs give None, and the rules' scans find exactly what
they find without the shortcut."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from annotator.io.readers import read_file
from annotator.structure.clean_literals import required_literals
from annotator.structure.clean_rules import default_rules

ROOT = Path(__file__).resolve().parents[1] / "data"


def _texts(seeds: Path) -> list[str]:
    paths = sorted(seeds.glob("*.txt"))
    for folder in ("outline_corpus", "not_speech", "suggest_gold/src"):
        paths += sorted(p for p in (ROOT / folder).rglob("*") if p.suffix in (".txt", ".md", ".html"))
    texts = [read_file(p).text for p in paths]
    return texts + [t.replace("\n", " ") for t in texts[:40]]  # flattened pages too


@pytest.mark.parametrize("pattern, expected", [
    ("ICP[备证]", {"ICP备", "ICP证"}),
    ("[京津]ICP备", {"京ICP备", "津ICP备"}),
    ("(?:甲|乙丙)丁?", {"甲", "乙丙"}),
    ("(?:ab)+x", {"ab"}),
    ("[-—－](?<=\\s[-—－])\\d", {"-", "—", "－"}),
])
def test_literals_named(pattern, expected):
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", ["(?i)abc", "(?i:abc)", "a?", "\\d+", "[^a]b?", "(?:a|\\d)", "x*", "(?x) a b",
                                     "(", ".", ""])
def test_nothing_certain_gives_none(pattern):
    assert required_literals(pattern) is None


def test_every_match_holds_a_literal():
    rng = random.Random(19)
    pieces = ["a", "b", "ab", "[ab]", "[^a]", "\\d", "(?:a|b)", "(?:ab|c)", "a?", "b*", "(?:ab)+", "\\s", ".", "甲",
              "[甲乙]", "(?=a)", "(?<=b)", "(?i:a)", "x{2}", "(?:a|)"]
    alphabet = "abcx甲乙 1"
    strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(300)]
    for _ in range(400):
        pattern = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        literals = required_literals(pattern)
        if literals is None:
            continue
        regex = re.compile(pattern)
        for s in strings:
            for m in regex.finditer(s):
                if m.end() > m.start() or m.group():
                    assert any(lit in m.group() for lit in literals), (pattern, s, m.group(), literals)


def test_rule_scans_find_the_same_with_and_without_the_shortcut(seeds_dir):
    rules = default_rules()
    texts = _texts(seeds_dir)
    for kind in ("line", "zone", "inline", "cut", "editor"):
        combined = getattr(rules, "line_contains" if kind == "line" else kind)
        for text in texts:
            expected = []
            if combined.fast is not None:
                expected += [(m.start(), m.end(), combined.ids[int(m.lastgroup[1:])])
                             for m in combined.fast.finditer(text) if m.end() > m.start()]
            for i, regex, _ in combined.singles:
                expected += [(m.start(), m.end(), combined.ids[i]) for m in regex.finditer(text) if m.end() > m.start()]
            assert list(combined.finditer(text)) == sorted(expected)
    # and the shipped rules' literals hold on every match in every text
    for combined in (rules.inline, rules.line_contains, rules.editor, rules.cut, rules.zone, rules.line):
        for i, pattern in combined._indexed:
            literals = required_literals(pattern)
            if literals is None:
                continue
            regex = re.compile(pattern, re.MULTILINE)
            for text in texts:
                for m in regex.finditer(text):
                    if m.group():
                        assert any(lit in m.group() for lit in literals), (pattern, m.group())
