"""The import's content check (services/importing.py ``content_warning``): real files that are not
speeches are named with a reason; no real speech is (5 seeds, the outline corpus, the suggestion gold
documents, the samples)."""

from __future__ import annotations

import json
import shutil
import sysconfig
from pathlib import Path

import jieba
import pytest
from PySide6.QtCore import Qt

from annotator.io.readers import read_file
from annotator.resources import resource_path
from annotator.services.importing import content_warning, preview_import

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEEDS = SEEDS if SEEDS.exists() else Path("/work/shared/seeds")


def _speeches() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) == 5, f"the 5 seed speeches are needed in {SEEDS}"
    files += sorted((DATA / "outline_corpus").glob("*.txt"))
    files += sorted((DATA / "suggest_gold" / "src").glob("*"))
    files += [p for p in sorted(resource_path("samples").iterdir()) if p.suffix in (".txt", ".html")]
    return files


def test_no_real_speech_is_flagged():
    speeches = _speeches()
    assert len(speeches) > 60
    flagged = {p.name: str(w) for p in speeches if (w := content_warning(read_file(p).text))}
    assert flagged == {}
    with open(DATA / "suggest_gold" / "gold.jsonl", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    assert texts and not [w for t in texts if (w := content_warning(t))]


def _installed(tmp_path) -> dict[str, tuple[Path, str]]:
    """Real files every installation has, and what each must be called."""
    words = tmp_path / "jieba_words.txt"  # the head of jieba's dictionary: word, frequency, tag
    words.write_text("\n".join((Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8")
                               .splitlines()[:3000]), encoding="utf-8")
    icon = tmp_path / "icon.txt"  # a PNG renamed .txt
    shutil.copy(resource_path("icons", "annotator-256.png"), icon)
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    out = {"words": (words, "no_sentences"), "icon": (icon, "binary")}
    for name, path, kinds in (("jieba_source", Path(jieba.__file__), "code"), ("csv_module", stdlib / "csv.py", "code"),
                              ("python_license", stdlib / "LICENSE.txt", "latin")):
        if path.exists():
            copy = tmp_path / f"{name}.txt"
            shutil.copy(path, copy)
            out[name] = (copy, kinds)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "title_only.txt").write_text("关于做好年度工作的通知\n\n", encoding="utf-8")
    (tmp_path / "table.csv.txt").write_text(
        "地区,年份,总人口,出生率\n" + "".join(f"第{i}区,20{i:02d},{1000 + i * 37},{8 + i % 5}.{i % 10}\n" for i in range(40)),
        encoding="utf-8")
    out.update({"empty": (tmp_path / "empty.txt", "empty"), "title": (tmp_path / "title_only.txt", "little_chinese"),
                "table": (tmp_path / "table.csv.txt", "table")})
    return out


def test_real_files_that_are_not_speeches_are_named_with_a_reason(tmp_path):
    stored = {p.name: p for p in (DATA / "not_speech").iterdir() if p.name != "SOURCES.md"}
    assert len(stored) == 3
    for path in stored.values():
        assert content_warning(read_file(path).text) is not None, path.name
    for name, (path, kind) in _installed(tmp_path).items():
        try:
            text = read_file(path).text
        except Exception:  # noqa: BLE001 - a reader refusing the file is a failure the import reports itself
            assert kind in ("binary", "empty"), name
            continue
        warning = content_warning(text)
        assert warning is not None and warning.kind == kind, (name, warning)
        assert str(warning)  # an English sentence with the figures


def test_preview_unticks_non_speech_in_a_folder_and_warns_for_chosen_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(resource_path("samples", "02_云岭县工会工作会议讲话.txt"), folder / "speech.txt")
    for path in (DATA / "not_speech").glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    preview = preview_import([folder])
    chosen = {c.path.name for c in preview.candidates if c.selected}
    assert chosen == {"speech.txt"}
    flagged = {c.path.name: c for c in preview.warnings()}
    assert set(flagged) == {"empty.txt", "spider_notes.py.txt", "crawler_libraries.py.txt"}
    assert all("content is not a speech" in c.reason for c in flagged.values())
    # a file the person picked stays ticked, with its warning
    picked = preview_import([folder / "spider_notes.py.txt"]).candidates[0]
    assert picked.selected and picked.warning is not None


def test_import_files_with_a_non_speech_shows_the_preview(make_window, project_path, tmp_path, qtbot):
    window = make_window(project_path)
    odd = tmp_path / "notes.txt"
    shutil.copy(DATA / "not_speech" / "spider_notes.py.txt", odd)
    window.import_paths([str(odd)])
    dialog = window.import_preview
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.list.item(0).text()
    assert "notes.txt" in text and "not a speech?" in text and "%" in text
    assert dialog.list.item(0).checkState() == Qt.CheckState.Checked  # chosen by hand: the person decides
    dialog.reject()


@pytest.mark.parametrize("text", ["", "   \n\t", "\x00\x01\x02abc\x03\x04", "Hello world. " * 50])
def test_degenerate_texts_never_pass(text):
    assert content_warning(text) is not None
