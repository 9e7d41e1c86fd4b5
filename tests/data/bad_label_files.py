"""Generators of hostile and oversized label files (Label Studio JSON, JSON Lines), written at test time.

Nothing here is committed as data: a big Label Studio export is written task by task (never held in
memory), so a test or a measurement can make one of any size cheaply.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

# Real speech sentences in the shapes the tagger meets (a directive, a statistic, an outline marker).
SENTENCES = ("一是要加强基层组织建设，", "二是要提高服务群众的能力。", "全年经济增长5.2%，", "𠮷祥如意😀。\n")


def task(number: int, *, chars: int = 2_000, regions: int = 10, label: str = "directive") -> dict:
    """One Label Studio task of about ``chars`` characters with ``regions`` labelled regions (UTF-16
    offsets, as Label Studio writes them); the number makes every text distinct."""
    body = "".join(SENTENCES) * (chars // 40 + 1)
    text = f"第{number}号文件。" + body[:chars]
    u16 = lambda i: len(text[:i].encode("utf-16-le")) // 2  # noqa: E731
    results = []
    step = max(1, len(text) // (regions + 1))
    for r in range(regions):
        start, end = r * step, r * step + min(6, step)
        results.append({"id": f"r{number}-{r}", "from_name": "label", "to_name": "text", "type": "labels",
                        "value": {"start": u16(start), "end": u16(end), "text": text[start:end], "labels": [label]}})
    return {"id": number, "data": {"text": text}, "annotations": [{"completed_by": 1, "result": results}]}


def write_tasks(path: Path, tasks: Iterator[dict]) -> int:
    """A JSON array of ``tasks`` written one at a time; returns the number of tasks."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        for count, item in enumerate(tasks, start=1):
            out.write(",\n" if count > 1 else "\n")
            out.write(json.dumps(item, ensure_ascii=False))
        out.write("\n]\n")
    return count


def big_labelstudio(path: Path, size_bytes: int, *, chars: int = 2_000, regions: int = 10) -> int:
    """A Label Studio export of at least ``size_bytes`` bytes; returns its number of tasks."""
    one = len(json.dumps(task(1, chars=chars, regions=regions), ensure_ascii=False).encode())
    return write_tasks(path, (task(n, chars=chars, regions=regions) for n in range(1, size_bytes // one + 2)))


def label_flood(number_of_labels: int, *, per_task: int = 1) -> Iterator[dict]:
    """Tasks that each bring ``per_task`` labels nobody defined (a file of machine-made label names)."""
    made = 0
    n = 0
    while made < number_of_labels:
        n += 1
        item = task(n, chars=200, regions=per_task)
        for r, region in enumerate(item["annotations"][0]["result"]):
            region["value"]["labels"] = [f"标签{made + r:07d}"]
        made += per_task
        yield item


if __name__ == "__main__":  # python tests/data/bad_label_files.py OUT.json SIZE_MB
    import sys

    print(big_labelstudio(Path(sys.argv[1]), int(sys.argv[2]) * 2**20), "tasks")
