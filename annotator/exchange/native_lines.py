"""Native JSONL lines written directly, byte for byte what ``json.dumps(native.record(bundle))`` gives.

Why not just json.dumps the record: building a dict per span, parsing each span's stored attributes
and provenance and encoding them again costs about 3× the encoding itself (measured on 100 000 spans).
Here each span is one format string: its text fields go through the C string encoder json itself uses,
offsets are integers, and the attributes/provenance are the stored JSON text spliced in as it is —
after one json.loads per document has checked that each stored text is exactly one JSON object with
no NaN or Infinity (so a damaged project can never make the export write invalid JSON). The storage
layer writes those columns with ``json.dumps(…, ensure_ascii=False)``, the encoder settings used here;
one encode of the parsed values per document confirms that each text is spelled exactly that way, and
texts in any other spelling (another program, an older version, a merge) are re-encoded, so the output
is identical either way.

tests/unit/test_exchange_native_lines.py checks the equality with json.dumps on the sample project
and on random documents.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from json.encoder import encode_basestring  # the C implementation when available
from typing import Any, Sequence

from annotator.domain.section_paths import innermost, section_paths
from annotator.exchange.selection import DocumentBundle

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode

class StoredJsonError(ValueError):
    """A JSON column of the project does not hold one JSON object."""


def _refuse_constant(name: str) -> Any:
    raise StoredJsonError(f"{name} in a stored JSON column")


_CHECK = json.JSONDecoder(parse_constant=_refuse_constant).decode


def _objects(texts: Sequence[str], what: str, document: int) -> list[str]:
    """The stored texts, checked to be one JSON object each, in the encoder's own spelling."""
    if not texts:
        return []
    checked = [t for t in texts if t != "{}"]  # the common empty object needs no parse
    if not checked:
        return list(texts)
    joined = ",".join(checked)
    try:
        values = _CHECK("[" + joined + "]")
    except (ValueError, RecursionError) as exc:
        raise StoredJsonError(f"document {document}: a span's {what} is not valid JSON ({exc})") from None
    if len(values) != len(checked) or set(map(type, values)) != {dict}:
        raise StoredJsonError(f"document {document}: a span's {what} is not one JSON object")
    # Spliced as stored only if every text is exactly what json.dumps gives for its value. One C-level
    # encode of the whole list answers that for all of them: equal strings split into the same top-level
    # objects, so each text equals its own encoding. Anything else (compact or extra spaces, [1,2], 1.50,
    # 1e2, \u or \/ escapes, a repeated key, whitespace around the object) is written re-encoded.
    if _ENCODE(values)[1:-1] == ", ".join(checked):
        return list(texts)
    respelled = iter(values)
    return [text if text == "{}" else _ENCODE(next(respelled)) for text in texts]


def _null(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def line(bundle: DocumentBundle, sections_json: list[dict[str, Any]]) -> tuple[str, int]:
    """(the record's JSON line without its newline, number of spans)."""
    head, body, count = line_parts(bundle, sections_json)
    return head + body + "]}", count


def line_parts(bundle: DocumentBundle, sections_json: list[dict[str, Any]]) -> tuple[str, str, int]:
    """The line as (everything up to its spans' "[", the spans, count): the writer writes these and "]}"
    one after the other instead of joining them first, which copied every document's line once more."""
    doc = bundle.document
    text = doc.text
    astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
    paths = section_paths(bundle.sections)
    encoded_paths = [_ENCODE(p) for p in paths]
    spans = bundle.spans
    where = innermost(bundle.sections, [s.start for s in spans])
    attributes = _objects([s.attributes for s in spans], "attributes", doc.id)
    provenance = _objects([s.provenance for s in spans], "provenance", doc.id)
    enc = encode_basestring
    parts = []
    append = parts.append
    # A document's spans share a few labels, layers (annotator, status, source) and time stamps: each
    # distinct value is encoded once and the encoded text reused (the encoder calls were most of a line).
    labels: dict[str, str] = {}
    layers: dict[tuple, str] = {}
    stamps: dict[str | None, str] = {None: "null"}
    # A span row unpacked in one step (its fields by name are one Python-level lookup each).
    for (span_id, _, start, end, label_text, who, status, _, source, _, made, changed), i, attrs, prov in zip(
            spans, where, attributes, provenance):
        if astral:
            u_start, u_end = start + bisect_left(astral, start), end + bisect_left(astral, end)
        else:
            u_start, u_end = start, end
        label = labels.get(label_text)
        if label is None:
            label = labels[label_text] = enc(label_text)
        layer_key = (who, status, source)
        layer = layers.get(layer_key)
        if layer is None:
            layer = layers[layer_key] = (f'"annotator": {enc(who)}, "status": {enc(status)}, '
                                         f'"source": {enc(source)}, "provenance": ')
        created = stamps.get(made)
        if created is None:
            created = stamps[made] = enc(made)
        updated = created if changed == made else stamps.get(changed)
        if updated is None:
            updated = stamps[changed] = enc(changed)
        # An f-string compiles to one BUILD_STRING: markedly faster than str.format per span.
        append(f'{{"id": {enc(span_id)}, "start": {start}, "end": {end}, "utf16_start": {u_start}, '
               f'"utf16_end": {u_end}, "label": {label}, "text": {enc(text[start:end])}, '
               f'"attributes": {attrs}, {layer}{prov}, '
               f'"section_path": {"[]" if i is None else encoded_paths[i]}, '
               f'"created": {created}, "updated": {updated}}}')
    metadata = _objects([doc.metadata], "metadata", doc.id)[0] if doc.metadata else "{}"
    head = (f'{{"schema_version": 1, "id": {doc.id}, "title": {_null(doc.title)}, "source": {_null(doc.source_path)}, '
            f'"text": {enc(text)}, "text_sha256": {_null(doc.sha256)}, "metadata": {metadata}, '
            f'"sections": {_ENCODE(sections_json)}, "spans": [')
    return head, ", ".join(parts), len(spans)
