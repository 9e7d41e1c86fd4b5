"""Dump what cleaning and the outline make of every corpus text, to check a speed change left them alone.

``python benchmarks/structure_dump.py OUT.json`` before and after the change, then compare the two files
(``cmp``; or run with ``--diff OLD.json`` to list the texts that differ). Texts: tests/data/outline_corpus
(txt, md, html), the seeds (/work/shared/seeds or $ANNOTATOR_SEEDS), the suggestion gold texts
(tests/data/suggest_gold/src and probes), the generated benchmark corpus (200 documents) and hostile
shapes (one line of ASCII words, of markers only, of digits, of spaced words). For each: the raw text's
SHA-256, the clean text, the title, the removed regions and every outline section's fields.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.io.readers import read_file  # noqa: E402
from annotator.structure.clean import clean  # noqa: E402
from annotator.structure.outline import parse_outline  # noqa: E402


def _hostile() -> dict[str, str]:
    words = "The quick brown fox jumps over the lazy dog. "
    return {"ascii_words": (words * 6000)[:250_000],
            "ascii_words_question": (words * 3000)[:120_000] + "Why? " + (words * 3000)[:120_000],
            "markers_only": ("一、二、三、（一）1.2.①" * 8000)[:120_000],
            "digits": ("1234567890." * 10000)[:100_000],
            "spaced_words": ("各地区 各部门 要统一 思想认识 压实 工作责任 " * 6000)[:200_000],
            "spaced_chrome": ("首页 新闻 | 返回顶部 打印本页 关闭窗口 " * 5000)[:150_000] + "各地区各部门要统一思想认识。",
            "flattened_page": "首页 > 新闻中心 > 领导讲话 来源：市政府办公室 发布时间：2024-01-02 " + " ".join(
                "在全市工作会议上的讲话 同志们： 一、统一思想 各地区各部门要统一思想认识，压实工作责任。 二是 抓落实"
                for _ in range(3000)) + " 版权所有 © 市政府 返回顶部 打印本页 关闭窗口",
            "chrome_lines": "\n".join(["首页", "新闻中心", "返回顶部"] * 20000 + ["各地区各部门要统一思想认识。"]
                                       + ["打印本页", "关闭窗口"] * 20000)}


def _files() -> list[Path]:
    seeds = Path(os.environ.get("ANNOTATOR_SEEDS", "/work/shared/seeds"))
    found = [p for p in sorted((ROOT / "tests/data/outline_corpus").iterdir()) if p.suffix in (".txt", ".md", ".html")]
    found += sorted(seeds.glob("*.txt"))
    for sub in ("src", "probes"):
        found += sorted((ROOT / "tests/data/suggest_gold" / sub).glob("*.txt"))
    return found


def _dump(text: str) -> dict:
    cleaned = clean(text)
    sections = parse_outline(cleaned.text)
    return {"raw_sha": hashlib.sha256(text.encode("utf-8")).hexdigest(), "clean": cleaned.text,
            "title": cleaned.title, "removed": [astuple(r) for r in cleaned.removed],
            "sections": [astuple(s) for s in sections]}


def main(argv: list[str]) -> int:
    out = {}
    for path in _files():
        out[str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name)] = _dump(read_file(path).text)
    from annotator.bench import corpus  # noqa: PLC0415

    for i, text in enumerate(corpus.make_corpus(200)):
        out[f"bench/{i}"] = _dump(text)
    for name, text in _hostile().items():
        out[f"hostile/{name}"] = _dump(text)
    if "--diff" in argv:
        old = json.loads(Path(argv[argv.index("--diff") + 1]).read_text(encoding="utf-8"))
        new = json.loads(json.dumps(out, ensure_ascii=False))
        bad = [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
        print(f"{len(new)} texts; {len(bad)} differ" + "".join(f"\n  {k}" for k in bad))
        return 1 if bad else 0
    Path(argv[0]).write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(out)} texts dumped to {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
