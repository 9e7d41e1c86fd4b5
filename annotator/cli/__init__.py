"""Headless verbs: `annotator <verb> …` and `python -m annotator <verb> …`.

Nothing here imports Qt; `annotator` with no verb (or with a project file) starts the GUI instead
(see __main__.py). The verbs call the application services (annotator/services: importing, suggesting,
exchange, agreement), the same functions the GUI calls; an import-linter contract keeps this package
from reaching the pipelines below them (pyproject.toml). Exchange verbs are in cli/exchange.py, the
agreement verb in cli/agreement.py, the team verbs in cli/team.py.

Exit codes of import, clean, outline, list and search:
  0  everything asked for was done (duplicates and links deliberately not followed are reported, not errors)
  1  an input file could not be read or saved (each one is listed with its reason; the others were imported)
  2  nothing could be done: wrong arguments, no files found, or the project cannot be opened
  130, 143  import (and import-labels) stopped by SIGINT (Ctrl+C) or SIGTERM: what was saved is reported
     and whole; running the same command again imports the rest
Every message names the file; file names that are not valid UTF-8 are shown with U+FFFD.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.cli.common import (Interrupted, ProjectFailure, exit_interrupted_import, interruptible,
                                  interrupted_message)
from annotator.cli.common import open_project_or_fail as _open


def _stdout_utf8() -> None:
    # Windows consoles and pipes may default to a legacy code page; the contract is UTF-8 on stdout.
    # "replace": a character no encoder takes (a lone surrogate from a file name) must never turn
    # a report into a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


class _ProjectArg(click.ParamType):
    """A project: a ``.db`` file (which must exist) or a team project's ``postgresql://`` URL."""

    name = "project"

    def __init__(self, *, exists: bool = True):
        self.exists = exists

    def convert(self, value, param, ctx):  # noqa: ANN001 - click's signature
        from annotator.storage.urls import is_url

        if is_url(value):
            return str(value)
        return click.Path(exists=self.exists, dir_okay=False).convert(value, param, ctx)


PROJECT = _ProjectArg()


def _prepare_or_fail(path: str, rules: str | None = None):
    from annotator.io.errors import ReadError
    from annotator.services.importing import prepare_file

    try:
        return prepare_file(path, rules_path=rules)
    except ReadError as exc:
        raise click.ClickException(str(exc)) from None


class _LazyGroup(click.Group):
    """click's lazy-subcommand pattern: a verb whose package is slow to import is listed by name and
    imported only when it runs or --help describes it (``annotator.agreement`` loads every coefficient
    module, ~0.1 s, which every other verb would pay). ``cli.commands`` still names it (__main__ checks)."""

    _lazy = {"agreement": "annotator.cli.agreement",  # verb → module with ``register(cli)``
             **dict.fromkeys(("export", "import-labels", "merge"), "annotator.cli.exchange"),
             "team": "annotator.cli.team", "trash": "annotator.cli.trash"}  # groups of their own
    # What `annotator --help` says of a verb not loaded yet (its module's own help once loaded).
    _help = {"team": "Team projects on a PostgreSQL server (URL: postgresql://user@host/database).",
             "trash": "Deleted documents: list them, bring one back, or remove them for good."}

    def get_command(self, ctx, cmd_name):  # noqa: ANN001 - click's signature
        if cmd_name in self._lazy and getattr(self.commands.get(cmd_name), "lazy_placeholder", False):
            del self.commands[cmd_name]
            try:
                importlib.import_module(self._lazy[cmd_name]).register(self)
            except ImportError:  # lands with the review work; the CLI must still start without it
                return None
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx):  # noqa: ANN001 - click's signature
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # A ProjectError can only come from a verb that imported storage; importing it here just to
            # name the class would load storage (sqlite-utils, ~0.1 s) for `clean` and `outline` too.
            errors = sys.modules.get("annotator.storage.errors")
            if errors is None or not isinstance(exc, errors.ProjectError):
                raise
            from annotator.paths import display_path  # the project failed mid-verb (a server that stopped answering)

            raise ProjectFailure(display_path(str(exc))) from None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def cli() -> None:
    """Speech Structure Annotator (讲话结构标注): import speeches, outline them, tag and export."""
    _stdout_utf8()


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--report", is_flag=True, help="Also list every removed region and why (on stderr).")
@click.option("--rules", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Extra cleaning rules (TOML) on top of the defaults.")
def clean(path: str, report: bool, rules: str | None) -> None:
    """Print the clean speech text of PATH (UTF-8)."""
    from annotator.io.errors import ReadError
    from annotator.services.importing import clean_file
    from annotator.structure.clean import clean_report

    try:  # read and clean only: the outline (and jieba, for titles) is not part of what this prints
        read, cleaned = clean_file(path, rules_path=rules)
    except ReadError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(cleaned.text, nl=not cleaned.text.endswith("\n"))
    if report:
        click.echo(f"# {path}: encoding {read.encoding}, format {read.format}", err=True)
        click.echo(clean_report(cleaned), err=True)


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tree"]), default="tree", show_default=True)
def outline(path: str, fmt: str) -> None:
    """Print the numbered-section outline of PATH (offsets: code points of the clean text)."""
    from annotator.structure.outline import outline_jsonl, outline_tree

    prepared = _prepare_or_fail(path)
    if fmt == "jsonl":
        for line in outline_jsonl(prepared.sections):
            click.echo(line)
    else:
        click.echo(outline_tree(prepared.sections))


@cli.command("import")
@click.argument("project", type=_ProjectArg(exists=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--annotator", "who", default=None, help="Recorded as the importer in the event log.")
@click.option("--index", "index", type=click.Choice(["background", "now", "none"]), default="background",
              show_default=True, help="The word index that ranks whole-word 2-character search hits first: built "
              "by a detached process after the import (search is complete meanwhile), before exiting, or not.")
@click.option("--no-index", is_flag=True, help="Same as --index none.")
@click.option("--follow-symlinks", is_flag=True,
              help="Also import what symbolic links inside a folder point to outside it (loops are detected).")
@click.option("--labels", "labels", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Then import the spans of LABELS (as import-labels would) in the same process and project: "
              "spans over a document's clean text tag that document; --annotator names whose they are.")
@click.option("--labels-format", default=None, metavar="FORMAT",
              help="Format of LABELS (as import-labels --format); default: the one format its suffix names.")
def import_(project: str, paths: tuple[str, ...], who: str | None, index: str, no_index: bool,
            follow_symlinks: bool, labels: str | None, labels_format: str | None) -> None:
    """Import speeches (files or folders, recursively) into PROJECT (created if missing).

    Exit code 0: all imported; 1: some files (or label lines) failed (each listed with its reason; the
    rest were imported); 2: no files found, or the project cannot be opened.
    """
    if labels:  # a wrong format is refused before anything is written
        labels_format = _labels_format(labels, labels_format)
    from annotator.services.importing import import_files, storage_cause

    proj = _open(project, create=True)
    say, bar = _import_output()
    index = "none" if no_index else index
    summary = None
    try:
        with interruptible(graceful=True) as stopped:
            try:
                # Its commits (each batch, the import record) are made durable together when the block ends,
                # before any is reported (storage: sync_at_end, one fsync instead of one per commit) — also
                # when a second signal unwinds it, before the interrupted import is reported.
                with bar as update, proj.sync_at_end():
                    # In the background mode the detached indexer builds the trigram index too (search scans meanwhile).
                    summary = import_files(proj, paths, annotator=who, follow_symlinks=follow_symlinks,
                                           index=index != "background", should_cancel=lambda: bool(stopped()),
                                           progress=lambda done, total, outcome: update(done, total, Path(outcome.path).name))
            except Interrupted as exc:  # a second signal: the batch being stored was rolled back
                exit_interrupted_import(proj, project, None, exc.signum, say)
    except Interrupted as late:  # a second signal just after the import ended: its summary stands
        exit_interrupted_import(proj, project, summary, late.signum, say)
    if stopped():
        exit_interrupted_import(proj, project, summary, stopped(), say)
    index_failed = False
    if index == "now" and (summary.imported or summary.updated):
        from annotator.storage.search import index_words  # noqa: PLC0415 - only this mode builds it here

        try:
            index_words(proj)
        except Exception as exc:  # noqa: BLE001 - the documents are saved; only the word index is behind
            index_failed = True
            say("failed", f"updating the word index of {project}", f"{storage_cause(exc)}; 2-character search "
                "may miss the new documents until the next import")
    for outcome in summary.failed:
        say("failed", outcome.path, outcome.reason)
    for outcome in summary.skipped:
        say("skipped", outcome.path, outcome.reason)
    for outcome in summary.outcomes:
        if outcome.status == "updated":
            say("updated", outcome.path, outcome.reason)
        for note in outcome.notes if outcome.status in ("imported", "updated") else ():
            say("note", outcome.path, note)
    skipped = f", not followed {len(summary.skipped)}" if summary.skipped else ""
    click.echo(
        f"imported {summary.imported}, updated {summary.updated}, skipped as duplicate {summary.duplicates}, "
        f"failed {len(summary.failed)}{skipped}"
    )
    labels_failed = bool(labels) and summary.outcomes and not _import_labels_into(proj, labels, labels_format, who)
    proj.close()
    if index == "background" and (summary.imported or summary.updated):
        from annotator.services.importing import index_words_in_background

        index_words_in_background(project)  # jieba off the critical path: see its docstring
    if not summary.outcomes:
        raise ProjectFailure("no files found to import (supported: .txt .md .docx .html .htm)")
    if summary.failed or index_failed or labels_failed:
        sys.exit(1)


def _labels_format(path: str, given: str | None) -> str:
    """The exchange format of ``import --labels``: the one given, or the only importable one whose
    suffix the file has (.json: Label Studio); a .jsonl file could be native, doccano or Prodigy."""
    from annotator.services.exchange import IMPORT_FORMATS, import_formats_for  # noqa: PLC0415 - the registry only

    if given is not None:
        if given not in IMPORT_FORMATS:
            raise click.BadParameter(f"{given!r} is not one of {', '.join(IMPORT_FORMATS)}",
                                     param_hint="--labels-format")
        return given
    matching = import_formats_for(path)
    if len(matching) == 1:
        return matching[0]
    raise click.UsageError(f"{path}: say which format it is with --labels-format "
                           f"({' or '.join(matching or IMPORT_FORMATS)})")


def _import_labels_into(proj, labels: str, fmt: str, who: str | None) -> bool:
    """``import --labels``: the label file's spans into the open project, reported as import-labels does;
    False when a line (or the file) failed. Spans whose text matches no document create one (said so)."""
    from annotator.services.exchange import import_labels  # noqa: PLC0415 - loads the format's importer only

    report = None
    try:
        # As import-labels: stop between two label lines; every line's commit durable at once, before the report.
        with interruptible(graceful=True) as stopped, proj.sync_at_end():
            report = import_labels(proj, labels, fmt, annotator=who, should_cancel=lambda: bool(stopped()))
    except (ValueError, OSError) as exc:  # the documents are saved; only the label file was refused
        click.echo(f"{click.style('failed', fg='red')} {labels}: {exc}", err=True)
        return False
    except KeyboardInterrupt as exc:  # a second signal: the label line being stored was rolled back
        report = getattr(exc, "report", None)
    if stopped() or report is None:
        if report is not None:
            click.echo(report.summary())
        proj.close()
        click.echo(f"{labels}: {interrupted_message(stopped() or 2)}", err=True)
        sys.exit(128 + (stopped() or 2))
    click.echo(report.summary())
    if report.documents_created:
        click.echo(f"note {labels}: {report.documents_created} of its texts matched no document of the project "
                   "(not the clean text of the files imported): imported as new documents", err=True)
    return not report.failed and not report.stopped_by


def _import_output():
    """(say(kind, what, reason), progress bar context giving update(done, total, name)) for ``import``.

    One line per file on stderr, greppable and never re-wrapped. The live bar (rich, ~80 ms to import)
    only where someone watches it: a terminal; a script or a pipe gets the same lines without it."""
    import contextlib  # noqa: PLC0415

    if not sys.stderr.isatty():
        def say(kind: str, what: str, reason: str) -> None:
            click.echo(f"{click.style(kind, fg='red') if kind == 'failed' else kind} {what}: {reason}", err=True)
        return say, contextlib.nullcontext(lambda done, total, name: None)
    from rich.console import Console  # noqa: PLC0415
    from rich.markup import escape  # noqa: PLC0415
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn  # noqa: PLC0415

    console = Console(stderr=True, soft_wrap=True)

    def say_rich(kind: str, what: str, reason: str) -> None:
        shown = "[red]failed[/red]" if kind == "failed" else kind
        console.print(f"{shown} {escape(what)}: {escape(reason)}", highlight=False)

    @contextlib.contextmanager
    def bar():
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("importing", total=None)
            yield lambda done, total, name: progress.update(task, completed=done, total=total,
                                                            description=f"importing {escape(name)}")
    return say_rich, bar()


@cli.command("list")
@click.argument("project", type=PROJECT)
@click.option("--annotator", "who", default=None, help="Show this annotator's status and span counts.")
@click.option("--json", "as_json", is_flag=True)
def list_(project: str, who: str | None, as_json: bool) -> None:
    """List the documents in PROJECT."""
    from annotator.storage.documents import list_documents

    proj = _open(project, readonly=True)
    rows = list_documents(proj, annotator=who)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        extra = f"  {row['status']}  {row['span_count']} spans" if who else ""
        click.echo(f"{row['id']:>5}  {row['char_count']:>7} chars  {row['title']}{extra}")
    click.echo(f"{len(rows)} documents")


@cli.command()
@click.argument("project", type=PROJECT)
@click.argument("query")
@click.option("--limit", default=50, show_default=True)
def search(project: str, query: str, limit: int) -> None:
    """Full-text search (Chinese) over the documents of PROJECT."""
    from annotator.storage.search import search as run_search

    proj = _open(project, readonly=True)
    hits = run_search(proj, query, limit=limit)
    for hit in hits:
        click.echo(f"{hit.document_id:>5}  {hit.title}  @{hit.position}  {hit.snippet}")
    click.echo(f"{len(hits)} documents match")


@cli.command()
@click.argument("project", type=PROJECT)
@click.option("--doc", "doc_ids", type=int, multiple=True, help="Only this document (repeatable); default all.")
@click.option("--unit", type=click.Choice(["clause", "sentence"]), default=None,
              help="Directive unit; saved as the project's setting (default clause).")
def suggest(project: str, doc_ids: tuple[int, ...], unit: str | None) -> None:
    """Propose statistics and directives for documents of PROJECT (stored as suggestions).

    The same service as the GUI (annotator.services.suggesting): the project's directive unit,
    implicit-directive setting and learned model (re-ranking at the project's threshold) apply."""
    from annotator.services import suggesting
    from annotator.storage import documents

    proj = _open(project)
    if unit:
        suggesting.save_settings(proj, unit=unit)  # the project setting: the GUI's suggestions use it too
    total = 0
    ids = list(doc_ids) or documents.document_ids(proj)
    for doc_id in ids:
        try:
            total += suggesting.suggest_document(proj, doc_id)
        except KeyError:
            raise click.ClickException(f"{proj.location}: no document {doc_id}") from None
    click.echo(f"{total} suggestions for {len(ids)} documents")
    trained = suggesting.retrain_if_due(proj, background=False)
    if trained:
        click.echo(f"suggestion model retrained on {trained['decisions']} decisions")




@cli.command("index-words")
@click.argument("project", type=PROJECT)
def index_words_(project: str) -> None:
    """Build the jieba word index of PROJECT's documents that lack it (import starts this by itself)."""
    from annotator.storage.search import index_words, update_index

    proj = _open(project)
    try:
        update_index(proj)  # the trigram index first: `import` leaves its documents in the backlog for this
        click.echo(f"word index: {index_words(proj)} documents indexed")
    finally:
        proj.close()


@cli.command()
def selfcheck() -> None:
    """Check this installation end to end in a temporary folder (import, outline, suggest, export)."""
    from annotator.selfcheck import run_selfcheck

    sys.exit(run_selfcheck())


def _register_optional_commands() -> None:
    # Verbs owned by other packages register themselves when used (see _LazyGroup).
    for name in _LazyGroup._lazy:  # noqa: SLF001 - placeholders, replaced on first use (see _LazyGroup)
        placeholder = click.Command(name, help=_LazyGroup._help.get(name, "(loaded on use)"))  # noqa: SLF001
        placeholder.lazy_placeholder = True
        cli.add_command(placeholder)


_register_optional_commands()


def main(argv: list[str] | None = None) -> int:
    from annotator.cli import common  # noqa: PLC0415

    common.EXITS_AFTER_VERB = True  # nothing runs after the verb: see common.interruptible
    try:
        cli.main(args=argv, prog_name="annotator", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
