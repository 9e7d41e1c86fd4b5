"""On both backends: project_agreement reads texts lazily (one per document, only to quote disagreements) and lengths from
the stored char_count; its result must equal span_agreement's over every text held in memory."""

import random

from annotator.agreement.project import load_layers, project_agreement, reference_outline
from annotator.agreement.spans import span_agreement
from annotator.bench import corpus
from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.structure.outline import parse_outline


def test_lazy_texts_give_the_same_result_as_all_texts_in_memory(project_at):
    rng = random.Random(4)
    pool = corpus.load_pool()
    names = list(corpus.ANNOTATORS)
    with open_project(project_at("p.annotator.db")) as project:
        for serial in range(6):
            text = corpus.make_document(pool, rng, 4000, serial) + "𠮷😀\n"
            doc_id, _ = docs.add_document(project, clean_text=text, raw_text=text, title=f"讲话{serial}",
                                          sections=parse_outline(text))
            for who, spans in corpus.make_spans(text, doc_id, rng, per_kchar=3).items():
                span_store.add_spans(project, spans)
                docs.set_status(project, doc_id, who, "done")
        lazy = project_agreement(project, names)
        ids = docs.document_ids(project)
        texts = {d: docs.clean_text(project, d) for d in ids}
        eager = span_agreement(load_layers(project, names), sections={
            d: reference_outline(section_store.get_sections(project, d)) for d in ids}, texts=texts,
            annotators=names, worked={n: set(ids) for n in names})
    assert lazy.disagreements, "the generated annotators must disagree somewhere"
    assert [d.to_json() for d in lazy.disagreements] == [d.to_json() for d in eager.disagreements]
    assert all(d.text_a is not None or d.text_b is not None for d in lazy.disagreements)
    assert lazy.u_alpha == eager.u_alpha and lazy.char_kappa == eager.char_kappa
    assert lazy.to_json()["overall"] == eager.to_json()["overall"]
