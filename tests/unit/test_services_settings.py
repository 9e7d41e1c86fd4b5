"""A project setting a person changes is stored with a ``settings.set`` event (issue 15 point 3): who,
from what, to what — and a refused value writes nothing, on both backends."""

from __future__ import annotations

import pytest

from annotator.services import suggesting
from annotator.storage.events import history


def _settings_events(store):
    return list(reversed(history(store, project_level=True, action="settings.set", limit=10)))


def test_settings_are_logged_with_before_and_after(store):
    suggesting.save_settings(store, unit="sentence", threshold=0.65, by="张三")
    [event] = _settings_events(store)
    assert event["annotator"] == "张三" and event["after"] == {"directive_unit": "sentence", "suggest_threshold": "0.65"}
    assert event["before"] == {"directive_unit": None, "suggest_threshold": None}
    assert suggesting.suggestion_settings(store)["unit"] == "sentence"
    suggesting.save_settings(store, unit="sentence", by="张三")  # no change: no event
    assert len(_settings_events(store)) == 1
    suggesting.save_settings(store, unit="clause", threshold=0.65, by="李四")
    last = _settings_events(store)[-1]
    assert (last["before"], last["after"], last["annotator"]) == ({"directive_unit": "sentence"},
                                                                  {"directive_unit": "clause"}, "李四")


def test_a_refused_value_writes_nothing(store):
    with pytest.raises(ValueError, match="threshold"):
        suggesting.save_settings(store, implicit=True, threshold=1.5, by="张三")
    with pytest.raises(ValueError, match="directive unit"):
        suggesting.save_settings(store, unit="paragraph", implicit=True)
    assert _settings_events(store) == [] and suggesting.suggestion_settings(store)["unit"] == "clause"
    assert store.meta("suggest_implicit") is None  # not half-written before the refusal
