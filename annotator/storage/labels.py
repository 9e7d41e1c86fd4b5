"""Labels and annotators in a project.

A new project copies the default label schema (resources/labels.json), so later changes to the default
never change the meaning of an existing project's labels.
"""

from __future__ import annotations

import json

from annotator.domain.labels import Label, load_schema
from annotator.storage.project import json_column, now, reads
from annotator.storage.store import StoreBackend

# Reserved annotator names for the non-human layers.
SUGGESTER = "@suggester"
GOLD = "@gold"


def ensure_default_labels(project: StoreBackend) -> None:
    if project.readonly or project.fetchone("SELECT 1 FROM labels LIMIT 1"):
        return
    with project.write():
        for ord_, label in enumerate(load_schema()):
            save_label(project, label, ord_)


def save_label(project: StoreBackend, label: Label, ord_: int | None = None) -> None:
    data = label.to_json()
    with project.write():
        if ord_ is None:
            ord_ = project.execute("SELECT coalesce(max(ord) + 1, 0) FROM labels").fetchone()[0]
        project.execute(
            "INSERT INTO labels (name, colour, hotkey, display, attributes, ord) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT (name) DO UPDATE SET colour = excluded.colour, hotkey = excluded.hotkey,"
            " display = excluded.display, attributes = excluded.attributes, ord = excluded.ord",
            [
                label.name,
                label.colour,
                label.hotkey,
                json.dumps(data["display"], ensure_ascii=False),
                json.dumps(data["attributes"], ensure_ascii=False),
                ord_,
            ],
        )


@reads
def get_labels(project: StoreBackend) -> list[Label]:
    rows = project.query("SELECT * FROM labels ORDER BY ord, name")
    return [
        Label.from_json(
            {
                "name": r["name"],
                "colour": r["colour"],
                "hotkey": r["hotkey"],
                "display": json_column(project, r["display"], f"label {r['name']} display"),
                "attributes": json_column(project, r["attributes"], f"label {r['name']} attributes"),
            }
        )
        for r in rows
    ]


def ensure_annotator(project: StoreBackend, name: str) -> None:
    name = name.strip()
    if not name:
        raise ValueError("an annotator needs a name")
    if project.execute("SELECT 1 FROM annotators WHERE name = ?", [name]).fetchone():
        return
    with project.write():
        project.execute("INSERT INTO annotators (name, created) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        [name, now()])


@reads
def has_label(project: StoreBackend, name: str) -> bool:
    return project.execute("SELECT 1 FROM labels WHERE name = ?", [name]).fetchone() is not None


@reads
def label_count(project: StoreBackend) -> int:
    return project.execute("SELECT count(*) FROM labels").fetchone()[0]


@reads
def list_annotators(project: StoreBackend, *, humans_only: bool = True) -> list[str]:
    names = [r[0] for r in project.execute("SELECT name FROM annotators ORDER BY name")]
    return [n for n in names if not n.startswith("@")] if humans_only else names
