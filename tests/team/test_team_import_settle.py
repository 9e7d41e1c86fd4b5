"""An import into a team project files each text's trigrams into the search index in bulk, when its
transaction commits (pg/schema._search_settle: the index's pending list, emptied by a deferred trigger
that runs as the owner) — and search is exact at every moment meanwhile: inside the importing
transaction (the pending list is searched too), for everyone from the commit on, and nothing is left
pending for later searches to read. Imported by a lead (row-level security, not the owner), several
documents per transaction (ingest's batches), real speeches (../shared/seeds)."""

from __future__ import annotations

import pytest

from annotator.services import importing
from annotator.storage import documents, open_project, search

pytestmark = pytest.mark.team


def _pending_pages(team) -> int:
    """Pages in the text index's pending list (pageinspect: the server's own view of the index)."""
    with team.admin(autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
        return conn.execute("SELECT n_pending_pages FROM gin_metapage_info("
                            "get_raw_page('documents_text_grams', 0))").fetchone()[0]


def _member(team, name: str) -> str:
    return team.cluster.url(name, team.dbname) + f"?passfile={team.passfile}&connect_timeout=5"


def _probes(texts: dict[str, str]) -> dict[str, str]:
    """A 6-character passage of each text found in no other (from its middle), per document title."""
    out = {}
    for title, text in texts.items():
        for at in range(len(text) // 2, len(text) - 6):
            probe = text[at:at + 6]
            if probe.strip() == probe and "\n" not in probe and sum(probe in t for t in texts.values()) == 1:
                out[title] = probe
                break
    return out


def _titles(project, query: str) -> set[str]:
    return {hit.title for hit in search.search(project, query)}


def test_a_leads_import_is_found_at_once_and_leaves_nothing_pending(team, tmp_path, seeds_dir):
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert len(seeds) >= 3
    files = []
    for path in seeds:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        files.append(copy)
    with open_project(_member(team, "lena")) as lead:
        summary = importing.import_files(lead, files, annotator="lena")
        assert summary.imported == len(files)
        texts = {lead.fetchone("SELECT title FROM documents WHERE id = ?", [o.document_id])[0]:
                 documents.clean_text(lead, o.document_id) for o in summary.outcomes if o.document_id}
    assert _pending_pages(team) == 0, "the commit left trigrams in the pending list"
    probes = _probes(texts)
    assert len(probes) == len(files)
    with open_project(_member(team, "alice")) as annotator:  # another person, the moment after
        for title, probe in probes.items():
            assert _titles(annotator, probe) == {title}, probe


def test_inside_the_importing_transaction_the_pending_trigrams_are_searched(team, seeds_dir):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))[:3]}
    probes = _probes(texts)
    with open_project(_member(team, "lena")) as lead, open_project(_member(team, "bob")) as other:
        with lead.write():
            for title, text in texts.items():
                documents.add_document(lead, clean_text=text, raw_text=text, title=title)
            assert _pending_pages(team) > 0  # filed at the commit, not yet
            for title, probe in probes.items():
                assert _titles(lead, probe) == {title}, probe  # the importer's own view: found
                assert _titles(other, probe) == set()  # not committed: nobody else's yet
        assert _pending_pages(team) == 0
        for title, probe in probes.items():
            assert _titles(other, probe) == {title}, probe
        # a query found nowhere stays found nowhere, a common one finds every text holding it
        assert _titles(other, "量子纠缠态") == set()
        common = "要"
        truth = {r[0] for r in other.fetchall("SELECT title FROM documents WHERE strpos(clean_text, ?) > 0"
                                              " OR strpos(title, ?) > 0", [common, common])}
        assert truth >= set(texts) and _titles(other, common) == truth


def test_a_failed_batch_leaves_the_index_as_it_was(team, seeds_dir):
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    probe = _probes({"a": text, "b": "无关"})["a"]
    with open_project(_member(team, "lena")) as lead:
        with pytest.raises(RuntimeError), lead.write():
            documents.add_document(lead, clean_text=text, raw_text=text, title="rolled back")
            raise RuntimeError("the batch fails")
        assert _titles(lead, probe) == set()
        documents.add_document(lead, clean_text=text, raw_text=text, title="kept")
        assert _titles(lead, probe) == {"kept"}
    assert _pending_pages(team) == 0
