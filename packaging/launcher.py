"""Entry script of the frozen app (PyInstaller runs this file as __main__).

It is a script, not a module of the package, so the package is imported absolutely. `selfcheck` is
handled here as well as (eventually) by the CLI: the frozen build must be checkable headless even when
the click verb is not registered, and this path imports neither click nor Qt.
"""

import sys


def _run() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "selfcheck":
        from annotator.selfcheck import run_selfcheck

        return run_selfcheck()
    from annotator.__main__ import main

    return main()


if __name__ == "__main__":
    # No multiprocessing.freeze_support(): the app starts no worker processes (threads only). Add it
    # here, first, if that ever changes — a frozen child would otherwise re-run the launcher.
    sys.exit(_run())
