"""A faster ``__init__`` for the frozen dataclasses the outline makes by the ten thousand.

Why: a frozen dataclass's generated ``__init__`` writes each field through ``object.__setattr__`` (the
class forbids plain assignment), ~0.25 µs a field; the scanner makes one ``Candidate`` of ten fields per
marker occurrence, and those writes were a sixth of the scan.  The instance dictionary can be filled
directly instead: same fields, same order, same defaults, same signature; the class stays frozen for
everyone else (assignment still raises), and ``__eq__``/``__hash__``/``__repr__`` are untouched.

Built from the class's own field list when the module is imported, so a field added later is taken
along; a class this cannot speak for (slots, default factories, ``__post_init__``, fields left out of
``__init__``) keeps the ``__init__`` dataclasses wrote.
"""

from __future__ import annotations

import dataclasses


def fast_frozen_init(cls: type) -> type:
    """Give the frozen dataclass ``cls`` an ``__init__`` that fills ``__dict__`` directly (see above)."""
    fields = dataclasses.fields(cls)
    if (not cls.__dataclass_params__.frozen or "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__")
            or any(not f.init or f.default_factory is not dataclasses.MISSING or f.kw_only for f in fields)):
        return cls
    defaults = {f"_default_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    params = ", ".join(f.name + (f"=_default_{f.name}" if f.default is not dataclasses.MISSING else "")
                       for f in fields)
    body = "".join(f"    d[{f.name!r}] = {f.name}\n" for f in fields) or "    pass\n"
    namespace: dict = {}
    exec(f"def __init__(self, {params}):\n    d = self.__dict__\n{body}", dict(defaults), namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init
    return cls
