"""Agreement reports: a plain-text table, JSON, and one self-contained HTML file.

The HTML has inline CSS and inline SVG bar charts only — no scripts, no external links, nothing
fetched — so it can be mailed or archived and still open years later. Every piece of text that
came from a document or a user (labels, section titles, span text, annotator names) is escaped.
"""

from __future__ import annotations

import json
import unicodedata
from html import escape

from annotator.agreement.spans import MODES, AgreementResult

MODE_TITLES = {"strict": "strict", "relaxed": "relaxed (overlap, same label)",
               "boundary": "boundary only", "overlap": "overlap, any label"}


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _rows_for(summaries: dict, modes=MODES) -> list[str]:
    return [_fmt(summaries[m].f1) if m in summaries else "n/a" for m in modes]


SECTION_WIDTH = 40  # display columns (a Chinese character takes two)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int = SECTION_WIDTH) -> str:
    """``text`` cut to ``width`` display columns; a long section path keeps its end (the innermost
    heading, the part that tells sections apart) after an ellipsis."""
    if _width(text) <= width:
        return text
    out, used = [], 1
    for ch in reversed(text):
        w = _width(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "…" + "".join(reversed(out))


def _text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)

    def pad(cell, w) -> str:
        return str(cell) + " " * (w - _width(str(cell)))

    out = ["  ".join(pad(h, w) for h, w in zip(header, widths)), line]
    out += ["  ".join(pad(c, w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(out)


def render_table(result: AgreementResult) -> str:
    """Overall, per-label, per-pair and per-section F1 as aligned plain text."""
    overall = result.overall
    parts = [f"Annotators: {', '.join(result.annotators)}  "
             f"(spans: {', '.join(f'{k}={v}' for k, v in result.span_counts.items())})", "",
             _text_table(["mode", "precision", "recall", "F1 (mean of pairs)", "micro F1"],
                         [[MODE_TITLES[m], _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), _fmt(s.totals.f1)]
                          for m, s in overall.items()])]
    if result.by_label:
        parts += ["", "Per label (F1)",
                  _text_table(["label", "strict", "relaxed"],
                              [[str(k), *_rows_for(v, ("strict", "relaxed"))]
                               for k, v in result.by_label.items()])]
    if len(result.pairs) > 1:
        parts += ["", "Per pair (F1)",
                  _text_table(["pair", *MODES], [[f"{p.a} / {p.b}", *(_fmt(p.modes[m].f1) for m in MODES)]
                                                 for p in result.pairs])]
    if result.by_section:
        parts += ["", "Per section (F1)",
                  _text_table(["document", "section", "strict", "relaxed"],
                              [[str(k[0]), fit(k[1]) or "(outside sections)", *_rows_for(v, ("strict", "relaxed"))]
                               for k, v in result.by_section.items()])]
    if result.u_alpha is not None:
        parts += ["", f"Krippendorff's u-alpha (2016, all documents as one continuum): {_fmt(result.u_alpha)}"]
    if result.u_alpha_by_label:
        parts += ["u-alpha per label: " + ", ".join(f"{k}={_fmt(v)}" for k, v in result.u_alpha_by_label.items())]
    if result.char_kappa is not None:
        parts += [f"Character-level kappa: {_fmt(result.char_kappa.kappa)}  (caveat: {result.char_kappa.caveat})"]
    kinds = result.kinds_found()  # every one found, also those beyond a capped list
    parts += ["", "Disagreements: " + (", ".join(f"{k}={v}" for k, v in sorted(kinds.items())) or "none")]
    parts += [f"Note: {n}" for n in result.notes]
    return "\n".join(parts) + "\n"


def render_json(result: AgreementResult) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2, default=str)


# --- HTML ----------------------------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:0.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2} td.num{text-align:right;font-variant-numeric:tabular-nums}
.caveat{color:#8a5a00} .kind{font-family:monospace} figure{margin:0 0 1em}
"""

_BAR_COLOURS = {"strict": "#3b6ea5", "relaxed": "#7fb3d5"}


def _svg_bars(label: str, summaries: dict) -> str:
    """A small inline SVG with one bar per labelled mode (F1 on a 0–1 scale)."""
    width, bar_h, gap, left = 320, 16, 6, 70
    rows = [(m, summaries[m].f1) for m in ("strict", "relaxed") if m in summaries]
    height = len(rows) * (bar_h + gap) + gap
    out = [f'<svg role="img" width="{width + left + 50}" height="{height}" '
           f'aria-label="{escape(f"F1 for {label}")}">']
    for i, (mode, f1) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        w = 0 if f1 is None else round(width * max(0.0, f1))
        out.append(f'<text x="0" y="{y + bar_h - 4}" font-size="12">{escape(mode)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w}" height="{bar_h}" fill="{_BAR_COLOURS[mode]}"/>')
        out.append(f'<text x="{left + w + 4}" y="{y + bar_h - 4}" font-size="12">{escape(_fmt(f1))}</text>')
    out.append("</svg>")
    return "".join(out)


def _html_table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = []
    for r in rows:
        cells = "".join(f'<td class="num">{escape(c)}</td>' if i >= numeric_from else f"<td>{escape(c)}</td>"
                        for i, c in enumerate(r))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _span_cell(span, text) -> str:
    if span is None:
        return "—"
    where = f"[{span.start}, {span.end}) {span.label}"
    return f"{where} «{text}»" if text is not None else where


def render_html(result: AgreementResult, *, title: str = "讲话结构标注 — agreement report",
                max_disagreements: int = 2000) -> str:
    """One self-contained, well-formed (XHTML-compatible) HTML page."""
    overall = result.overall
    parts = ['<!DOCTYPE html>', '<html lang="zh"><head><meta charset="utf-8"/>',
             f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f"<p>Annotators: {escape(', '.join(result.annotators))}</p>",
             "<h2>Overall (pairwise span agreement)</h2>",
             _html_table(["mode", "precision", "recall", "F1 (mean of pairs)", "micro F1"],
                         [[MODE_TITLES[m], _fmt(s.precision), _fmt(s.recall), _fmt(s.f1), _fmt(s.totals.f1)]
                          for m, s in overall.items()])]
    if result.u_alpha is not None:
        parts.append(f"<p>Krippendorff's uα (2016): {escape(_fmt(result.u_alpha))}</p>")
    if result.u_alpha_by_label:
        parts.append("<p>uα per label: " + escape(", ".join(f"{k}={_fmt(v)}" for k, v in result.u_alpha_by_label.items()))
                     + "</p>")
    if result.char_kappa is not None:
        parts.append(f'<p class="caveat">Character-level κ: {escape(_fmt(result.char_kappa.kappa))} — '
                     f"{escape(result.char_kappa.caveat)}</p>")
    parts.append("<h2>Per label</h2>")
    for label, summaries in result.by_label.items():
        parts.append(f"<figure><figcaption>{escape(str(label))}</figcaption>{_svg_bars(str(label), summaries)}"
                     "</figure>")
    parts.append(_html_table(["label", "strict F1", "relaxed F1"],
                             [[str(k), *_rows_for(v, ("strict", "relaxed"))] for k, v in result.by_label.items()]))
    if len(result.pairs) > 1:
        parts += ["<h2>Per annotator pair (F1)</h2>",
                  _html_table(["pair", *MODES], [[f"{p.a} / {p.b}", *(_fmt(p.modes[m].f1) for m in MODES)]
                                                 for p in result.pairs])]
    if result.by_section:
        parts += ["<h2>Per section</h2>",
                  _html_table(["document", "section", "strict F1", "relaxed F1"],
                              [[str(k[0]), k[1] or "(outside sections)", *_rows_for(v, ("strict", "relaxed"))]
                               for k, v in result.by_section.items()], numeric_from=2)]
    shown = result.disagreements[:max_disagreements]
    parts.append(f"<h2>Disagreements ({result.found()})</h2>")
    parts.append(_html_table(
        ["document", "kind", "annotator A", "span A", "annotator B", "span B"],
        [[str(d.item.document_id), d.item.kind, d.annotator_a, _span_cell(d.item.a, d.text_a),
          d.annotator_b, _span_cell(d.item.b, d.text_b)] for d in shown], numeric_from=99))
    if result.found() > len(shown):
        listed = len(result.disagreements) - len(shown)
        parts.append(f"<p>{result.found() - len(shown)} more not shown"
                     + ("; see the JSON report." if listed else ".") + "</p>")
    parts += [f"<p>{escape(n)}</p>" for n in result.notes]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
