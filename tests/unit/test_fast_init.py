"""fast_frozen_init: the same instances as the dataclass's own __init__ (fields, defaults, equality, hash,
frozenness), and classes it cannot speak for keep the generated __init__."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.structure.fast_init import fast_frozen_init
from annotator.structure.markers import Candidate


@dataclasses.dataclass(frozen=True)
class _Plain:
    a: int
    b: str = "x"
    c: tuple = ()


_Fast = fast_frozen_init(dataclasses.make_dataclass("_Fast", [("a", int), ("b", str, dataclasses.field(default="x")),
                                                               ("c", tuple, dataclasses.field(default=()))], frozen=True))


@pytest.mark.parametrize("args", [(1,), (1, "y"), (1, "y", (2,))])
def test_same_instance_as_the_generated_init(args):
    plain, fast = _Plain(*args), _Fast(*args)
    assert dataclasses.astuple(plain) == dataclasses.astuple(fast)
    assert fast == _Fast(*args) and hash(fast) == hash(_Fast(*args))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.a = 2  # type: ignore[misc]
    assert _Fast(a=1, c=(3,)).c == (3,) and _Fast(a=1, c=(3,)).b == "x"
    with pytest.raises(TypeError):
        _Fast()  # type: ignore[call-arg]


def test_candidate_keeps_every_field():
    c = Candidate(3, 5, "一、", "cn-dun", 1, "line", separated=True)
    assert dataclasses.asdict(c) == {"start": 3, "end": 5, "marker": "一、", "family": "cn-dun", "ordinal": 1,
                                     "position": "line", "after_full_stop": False, "separated": True,
                                     "spaced": False, "after_end": False}
    assert c.opens_paragraph and c.plausibility == 1.0


def test_classes_it_cannot_speak_for_are_left_alone():
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        a: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass
    class NotFrozen:
        a: int

    for cls in (WithFactory, NotFrozen):
        init = cls.__init__
        assert fast_frozen_init(cls).__init__ is init
