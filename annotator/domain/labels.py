"""The label schema: which labels a project has, their colours, hotkeys and attribute fields.

The default schema is resources/labels.json; a project stores its own copy (so a project keeps working
when the default changes) and may add labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.resources import resource_path


@dataclass(frozen=True)
class AttributeField:
    name: str
    type: str = "text"  # "text", "number", "choice"
    choices: tuple[str, ...] = ()
    display: dict[str, str] = field(default_factory=dict)

    def coerce(self, value: Any) -> Any:
        """Normalise a value typed by a person; raises ValueError with a readable reason."""
        if value is None or value == "":
            return None
        if self.type == "number":
            try:
                number = float(str(value).replace(",", "").replace("，", ""))
            except ValueError:
                raise ValueError(f"{self.name}: '{value}' is not a number") from None
            return int(number) if number.is_integer() else number
        if self.type == "choice" and self.choices and value not in self.choices:
            raise ValueError(f"{self.name}: '{value}' is not one of {', '.join(self.choices)}")
        return str(value)


@dataclass(frozen=True)
class Label:
    name: str
    colour: str
    hotkey: str = ""
    display: dict[str, str] = field(default_factory=dict)
    attributes: tuple[AttributeField, ...] = ()

    def title(self, lang: str = "en") -> str:
        return self.display.get(lang) or self.display.get("en") or self.name

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Label":
        return cls(
            name=data["name"],
            colour=data.get("colour", "#999999"),
            hotkey=str(data.get("hotkey", "")),
            display=dict(data.get("display", {})),
            attributes=tuple(
                AttributeField(
                    name=a["name"],
                    type=a.get("type", "text"),
                    choices=tuple(a.get("choices", ())),
                    display=dict(a.get("display", {})),
                )
                for a in data.get("attributes", ())
            ),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "colour": self.colour,
            "hotkey": self.hotkey,
            "display": self.display,
            "attributes": [
                {"name": a.name, "type": a.type, "choices": list(a.choices), "display": a.display}
                for a in self.attributes
            ],
        }


def load_schema(path: Path | None = None) -> list[Label]:
    path = path or resource_path("labels.json")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    labels = [Label.from_json(item) for item in data["labels"]]
    names = [label.name for label in labels]
    if len(set(names)) != len(names):
        raise ValueError(f"{path}: duplicate label names")
    return labels
