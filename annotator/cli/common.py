"""What every verb module of the CLI shares: how a project that cannot be opened is reported."""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator

import click


class ProjectFailure(click.ClickException):
    """The project (not an input file) is the problem: exit 2, as for wrong arguments."""

    exit_code = 2


def open_project_or_fail(project_path: str, *, create: bool = False, readonly: bool = False):
    """Open a project (file or team URL); a refusal becomes ProjectFailure naming it and the reason."""
    from annotator.paths import display_path
    from annotator.storage import ProjectError, open_project

    try:
        return open_project(project_path, create=create, readonly=readonly)
    except ProjectError as exc:
        raise ProjectFailure(display_path(str(exc))) from None
    except OSError as exc:  # a folder that cannot be created, a full disk while creating
        raise ProjectFailure(f"{display_path(project_path)}: cannot be opened ({exc.strerror or exc})") from None


# Set by the command line's entry point (a process that ends with its verb). In-process callers (tests through
# click's runner, a host program) keep their own signal handlers once a verb returns.
EXITS_AFTER_VERB = False


class Interrupted(KeyboardInterrupt):
    """SIGINT (Ctrl+C) or SIGTERM ended a verb; the exit status is 128 + ``signum``, as a shell reports it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def interruptible(*, graceful: bool = False) -> Iterator[Callable[[], int]]:
    """SIGINT and SIGTERM end a long verb with its summary instead of killing it mid-write.

    SIGTERM's default ends the process without unwinding: SQLite keeps the saved data whole, but the
    summary of what was done is lost. With ``graceful`` the first signal only sets a flag the verb
    polls (the callable yielded returns its number, or 0), so the file being imported is finished and
    saved; a second signal, or any signal without ``graceful``, raises Interrupted at once, which the
    writers roll back (one transaction per batch of files, per label line). A signal ignored when the
    verb started (``nohup``, a background job of a script) stays ignored. Once the body has ended a
    signal only counts; one landing in the few steps between the body's end and that point still raises,
    so verbs also catch an Interrupted around the whole block (a second Ctrl+C arriving just as the import
    finished once ended in click's "Aborted!" and exit 1, without the summary).
    """
    import signal  # noqa: PLC0415 - only the verbs that write load it (a cold `annotator --help` does not)

    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield lambda: 0
        return

    finished = []  # the verb's body has ended: a signal now only counts (what was saved stands, is reported)

    def handler(signum: int, frame) -> None:  # noqa: ANN001 - the signal module's signature
        received.append(signum)
        if not finished and (not graceful or len(received) > 1):
            raise Interrupted(signum)

    previous = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, handler)
    try:
        yield lambda: received[0] if received else 0
    finally:
        finished.append(True)
        # Stopped by a signal and about to exit: a second Ctrl+C sent moments after the first may arrive only
        # now (a loaded machine can hold the sender between the two). Put back the default, and it would kill
        # the process mid-report (exit -2) or end it in click's "Aborted!" (exit 1); it is counted instead,
        # and the summary and 128 + the first signal stand.
        if not (received and EXITS_AFTER_VERB):
            for number, action in previous.items():
                signal.signal(number, action)


def interrupted_message(signum: int) -> str:
    import signal  # noqa: PLC0415 - see interruptible()

    return f"interrupted by {signal.Signals(signum).name}"


def exit_interrupted_import(proj, project: str, summary, signum: int, say) -> None:
    """``import`` stopped by SIGINT/SIGTERM: what was saved, reported; exit 128 + signum. ``summary`` is
    None when a second signal interrupted a batch (rolled back, or committed just before the signal)."""
    if summary is not None:
        for outcome in summary.failed:
            say("failed", outcome.path, outcome.reason)
        click.echo(f"imported {summary.imported}, updated {summary.updated}, skipped as duplicate "
                   f"{summary.duplicates}, failed {len(summary.failed)}")
    proj.close()
    what = ("stopped after the files above (each saved whole)" if summary is not None else
            # The signal may land just after the batch's COMMIT, before its files were reported: whole or
            # nothing is all that can be promised without asking the project (merge.py asks it).
            "while saving a batch of files: the batches before it were saved, that batch was saved whole or "
            "not at all")
    click.echo(f"{interrupted_message(signum)}: {what}; run the same command again to import the rest into "
               f"{project} (files already imported are skipped as duplicates)", err=True)
    raise SystemExit(128 + signum)
