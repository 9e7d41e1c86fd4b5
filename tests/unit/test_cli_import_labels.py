"""`annotator import DOC --labels SPANS`: a document and its spans in one command (one process, one
project handle), the Label Studio comparison's "import the document, then its spans" (issue 19).

Behaviour only: every span is stored with its exact text (code points, astral characters and all), a
search right after the command finds the document (the word index is still being built in the
background), a label file whose format cannot be told is refused before anything is written, and
spans over a text that is not the imported one are said to have created a document.
"""

import json
import subprocess
import sys
from pathlib import Path

from annotator.ingest import prepare


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _doccano(path: Path, text: str, spans: list[tuple[int, int, str]]) -> Path:
    path.write_text(json.dumps({"text": text, "label": [list(s) for s in spans]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path


def _exported_spans(project: Path, cwd: Path) -> list[dict]:
    out = cwd / "export.jsonl"
    done = _cli("export", str(project), "--format", "native", "-o", str(out), cwd=cwd)
    assert done.returncode == 0, done.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return [dict(span, doc_text=doc["text"]) for doc in docs for span in doc["spans"]]


def _spans_over(text: str, every: int) -> list[tuple[int, int, str]]:
    return [(i, min(i + 7, len(text)), "directive" if i % 2 else "statistic")
            for i in range(0, len(text) - 1, every)]


def test_a_real_speech_and_its_spans_in_one_command(tmp_path, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    clean = prepare(seed).cleaned.text
    spans = _spans_over(clean, max(8, len(clean) // 300))
    labels = _doccano(tmp_path / "spans.jsonl", clean, spans)
    project = tmp_path / "p.db"
    done = _cli("import", str(project), str(seed), "--labels", str(labels), "--labels-format", "doccano",
                "--annotator", "张三", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "imported 1," in done.stdout
    assert f"spans added: {len(spans)}" in done.stdout
    assert "documents created: 0" in done.stdout  # the spans tagged the imported document
    stored = _exported_spans(project, tmp_path)
    assert len(stored) == len(spans)
    assert {(s["start"], s["end"], s["label"]) for s in stored} == set(spans)
    for span in stored:
        assert span["text"] == clean[span["start"]:span["end"]]
        assert span["annotator"] == "张三"
    # Search finds the new document at once: the background word index is not complete yet, or it is.
    word = next(w for w in ("发展", "工作", "建设", "坚持") if w in clean)
    hits = _cli("search", str(project), word, cwd=tmp_path)
    assert hits.returncode == 0, hits.stderr
    assert "1 documents match" in hits.stdout


def test_astral_characters_and_crlf(tmp_path):
    body = "各位代表：\r\n一、𠮷祥的开局😀\r\n今年地区生产总值增长5%，城镇新增就业2.5万人。\r\n二、坚持稳中求进\r\n要加快建设𠮷林新区。\r\n"
    speech = tmp_path / "讲话.txt"
    speech.write_text(body * 3, encoding="utf-8")
    clean = prepare(speech).cleaned.text
    assert "\r" not in clean and "𠮷" in clean and "😀" in clean
    spans = [(clean.index("𠮷祥"), clean.index("𠮷祥") + 2, "statistic"),
             (clean.index("😀") - 2, clean.index("😀") + 1, "directive"),
             (clean.rindex("𠮷林"), clean.rindex("𠮷林") + 4, "directive")]
    labels = _doccano(tmp_path / "spans.jsonl", clean, spans)
    project = tmp_path / "p.db"
    done = _cli("import", str(project), str(speech), "--labels", str(labels), "--labels-format", "doccano",
                "--annotator", "李四", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    stored = sorted(_exported_spans(project, tmp_path), key=lambda s: s["start"])
    assert [(s["start"], s["end"]) for s in stored] == sorted((a, b) for a, b, _ in spans)
    assert [s["text"] for s in stored] == [clean[a:b] for a, b in sorted((a, b) for a, b, _ in spans)]


def test_a_format_that_cannot_be_told_is_refused_before_anything_is_written(tmp_path, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    labels = _doccano(tmp_path / "spans.jsonl", "x", [])
    project = tmp_path / "p.db"
    done = _cli("import", str(project), str(seed), "--labels", str(labels), cwd=tmp_path)
    assert done.returncode == 2
    assert "spans.jsonl" in done.stderr and "--labels-format" in done.stderr
    assert not project.exists()
    wrong = _cli("import", str(project), str(seed), "--labels", str(labels), "--labels-format", "xlsx",
                 cwd=tmp_path)
    assert wrong.returncode == 2 and "--labels-format" in wrong.stderr
    assert not project.exists()


def test_spans_over_another_text_are_said_to_create_a_document(tmp_path, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    other = "这是另一篇讲话的文字，不是导入的那一篇。要坚持稳中求进。"
    labels = _doccano(tmp_path / "spans.jsonl", other, [(0, 4, "statistic")])
    project = tmp_path / "p.db"
    done = _cli("import", str(project), str(seed), "--labels", str(labels), "--labels-format", "doccano",
                "--annotator", "李四", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "documents created: 1" in done.stdout
    assert "spans.jsonl" in done.stderr and "matched no document" in done.stderr


def test_a_bad_label_line_fails_the_command_but_keeps_the_document(tmp_path, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    clean = prepare(seed).cleaned.text
    labels = tmp_path / "spans.jsonl"
    labels.write_text(json.dumps({"text": clean, "label": [[0, 4, "statistic"]]}, ensure_ascii=False)
                      + "\n{not json\n", encoding="utf-8")
    project = tmp_path / "p.db"
    done = _cli("import", str(project), str(seed), "--labels", str(labels), "--labels-format", "doccano",
                "--annotator", "李四", cwd=tmp_path)
    assert done.returncode == 1
    assert "imported 1," in done.stdout and "1 failed" in done.stdout
    listed = _cli("list", str(project), cwd=tmp_path)
    assert "1 documents" in listed.stdout


def test_search_finds_the_document_before_any_word_index_exists(tmp_path, seeds_dir):
    # --index none: neither the trigram nor the word index is built; search scans the backlog instead.
    seed = sorted(seeds_dir.glob("*.txt"))[1]
    clean = prepare(seed).cleaned.text
    labels = _doccano(tmp_path / "spans.jsonl", clean, _spans_over(clean, max(8, len(clean) // 50)))
    project = tmp_path / "p.db"
    done = _cli("import", str(project), str(seed), "--index", "none", "--labels", str(labels),
                "--labels-format", "doccano", "--annotator", "张三", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    word = next(w for w in ("发展", "工作", "建设", "坚持", "全市") if w in clean)
    for query in (word, clean[200:206].strip() or clean[:6]):
        hits = _cli("search", str(project), query, cwd=tmp_path)
        assert hits.returncode == 0, hits.stderr
        assert "1 documents match" in hits.stdout, (query, hits.stdout)
