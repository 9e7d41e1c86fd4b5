"""A child process importing documents, for the two-process test.

    python importer_proc.py PROJECT COUNT SEED PAUSE

Waits for a line on stdin, then stores COUNT generated speeches (each with an outline) through
documents.add_document, the function the import pipeline ends in, printing "saved {id, sha256}" after
each returns, with a random pause of up to PAUSE seconds between them so the imports spread over the
taggers' whole run. Big texts on purpose (every tenth ~10x bigger): the FTS trigram index makes each
import a long write transaction, which is what the taggers have to queue behind.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.domain.model import Section  # noqa: E402
from annotator.storage import documents, open_project  # noqa: E402

SENTENCES = [
    "各级党委和政府要切实加强组织领导。", "全年地区生产总值增长5.5%左右。", "要坚持稳中求进工作总基调。",
    "城镇新增就业1.2万人。", "𠮷安村要带头示范😀。", "坚决守住不发生规模性返贫底线。", "粮食产量稳定在60万吨以上。",
]
MARKERS = "一二三四五六七八九十"


def speech(rng: random.Random, number: int, scale: int) -> tuple[str, list[Section]]:
    parts, sections = [f"第{number}号讲话\n"], []
    offset = len(parts[0])
    for i in range(rng.randint(3, 8)):
        heading = f"{MARKERS[i]}、任务{i + 1}\n"
        body = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(100, 600) * scale)) + "\n"
        sections.append(Section(level=1, marker=f"{MARKERS[i]}、", title=f"任务{i + 1}", start=offset,
                                end=offset + len(heading) + len(body), title_start=offset + 2,
                                title_end=offset + len(heading) - 1, ordinal=i + 1))
        parts += [heading, body]
        offset += len(heading) + len(body)
    return "".join(parts), sections


def main() -> None:
    path, count, seed, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    rng = random.Random(seed)
    with open_project(path) as project:
        print("ready", flush=True)
        sys.stdin.readline()
        for number in range(count):
            time.sleep(rng.uniform(0, pause))
            text, sections = speech(rng, number, 10 if number % 10 == 9 else 1)
            doc_id, created = documents.add_document(project, clean_text=text, raw_text=text, title=f"第{number}号",
                                                     sections=sections, annotator="importer")
            print("saved " + json.dumps({"id": doc_id, "sha256": documents.sha256_text(text),
                                         "sections": len(sections), "created": created}), flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
