"""Entry point: `annotator` / `python -m annotator`.

No arguments, or a project file as the only argument → the desktop app; otherwise a CLI verb.
"""

from __future__ import annotations

import sys


def _wants_gui(args: list[str]) -> bool:
    if not args:
        return True
    if len(args) == 1 and not args[0].startswith("-"):
        # A project file or URL (a dot, a slash, a colon) is never a verb: the desktop app starts without
        # importing the command line and every verb behind it (a cold start budget of 1 s, issue 19).
        if any(mark in args[0] for mark in "./\\:"):
            return True
        from annotator.cli import cli

        return args[0] not in cli.commands
    return False


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from annotator import code_cache, regex_cache

    code_cache.install()  # before any dataclass is defined: their generated methods, compiled once (see there)
    regex_cache.install()  # before anything compiles a pattern: a third of a cold `outline` (see there)
    if _wants_gui(args):
        from annotator.app import run_gui  # imports Qt: only on this path

        return run_gui(args[0] if args else None)
    from annotator.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
