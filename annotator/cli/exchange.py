"""Headless verbs for exchange: ``export``, ``import-labels``, ``merge``.

annotator/cli registers them on first use (``register(cli)``). Each verb turns its options into one
call of services/exchange.py — the function the GUI's File menu calls — and its failures into a
one-line message naming the file and the reason. Qt-free; the storage layer loads inside the verbs.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

import click

from annotator.cli.common import Interrupted, interruptible, interrupted_message
# The service module loads only the format registry, so `annotator --help` still does not load storage.
from annotator.services.exchange import DOCCANO_FORMS, EXPORT_FORMATS, IMPORT_FORMATS, OFFSET_UNITS

SIGINT = 2  # its number on every platform (a KeyboardInterrupt not raised by our handler)


@contextlib.contextmanager
def _project(path: str, *, readonly: bool = False, create: bool = False) -> Iterator:
    """Open a project; refusals and bad input become a one-line error naming the file and the reason."""
    from annotator.storage import ProjectError, open_project

    try:
        project = open_project(path, readonly=readonly, create=create)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield project
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
    except (ValueError, OSError) as exc:
        where = getattr(exc, "filename", None) or path
        raise click.ClickException(f"{where}: {exc}") from None
    finally:
        project.close()


def _users(spec: str | None) -> dict:
    from annotator.services.exchange import parse_users

    try:
        return parse_users(spec)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


@click.command("export")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="File to write.")
@click.option("--annotators", metavar="A,B", help="Only these annotators (default: everyone and gold).")
@click.option("--gold", is_flag=True, help="Gold only (with --annotators: those annotators and gold).")
@click.option("--include-suggestions", is_flag=True, help="Also the suggester's open suggestions.")
@click.option("--include-rejected", is_flag=True, help="Also suggestions annotators rejected.")
@click.option("--per-annotator", is_flag=True, help="One file per annotator beside OUTPUT (OUTPUT.name.ext).")
@click.option("--doccano-form", type=click.Choice(DOCCANO_FORMS), default="label", show_default=True)
@click.option("--offsets", type=click.Choice(OFFSET_UNITS), default="codepoint", show_default=True,
              help="doccano offsets: code points (Python) or UTF-16 units (doccano 1.x web editor).")
@click.option("--labelstudio-users", metavar="NAME=ID,…",
              help="Label Studio: the server's user id (or email) per annotator, written as completed_by; "
                   "unmapped annotators get none (the server assigns the importing user).")
def export_command(project: str, fmt: str, output: str, annotators: str | None, gold: bool,
                   include_suggestions: bool, include_rejected: bool, per_annotator: bool, doccano_form: str,
                   offsets: str, labelstudio_users: str | None) -> None:
    """Write PROJECT's documents and spans to OUTPUT (writes are atomic: all or nothing)."""
    from annotator.services.exchange import export_labels, make_selection

    selection = make_selection(annotators, gold=gold, include_suggestions=include_suggestions,
                               include_rejected=include_rejected)
    signum = 0
    # SIGTERM's default would end the process with the temporary file left beside OUTPUT: as an
    # exception it unwinds through the atomic write, which removes it.
    with _project(project, readonly=True) as opened, interruptible() as stopped:
        try:
            report = export_labels(opened, output, fmt, selection, per_annotator=per_annotator,
                                   doccano_form=doccano_form, offsets=offsets, users=_users(labelstudio_users))
        except KeyboardInterrupt:
            signum = stopped() or SIGINT
    if signum:
        click.echo(f"{output}: {interrupted_message(signum)}: the export was not written (an existing file is "
                   "unchanged)", err=True)
        raise SystemExit(128 + signum)
    click.echo(report.summary())


@click.command("import-labels")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), required=True, help="Format of FILE.")
@click.option("--annotator", help="Whose spans these are (default: the name the file gives).")
@click.option("--as-suggestions", is_flag=True, help="Import the spans as suggestions to review.")
@click.option("--offsets", type=click.Choice(OFFSET_UNITS), default="codepoint", show_default=True,
              help="doccano offsets: code points (Python) or UTF-16 units (doccano 1.x web editor).")
@click.option("--labelstudio-users", metavar="NAME=ID,…",
              help="Label Studio: annotator names for its user ids or emails (as given to export).")
def import_labels_command(project: str, file: str, fmt: str, annotator: str | None, as_suggestions: bool,
                          offsets: str, labelstudio_users: str | None) -> None:
    """Import spans from FILE into PROJECT; lines that cannot be imported are listed with the reason."""
    from annotator.services.exchange import import_labels

    if annotator and as_suggestions:
        raise click.UsageError("--annotator and --as-suggestions exclude each other")
    signum, report = 0, None
    # Ctrl+C or SIGTERM: the import stops between two lines and reports; a second one stops it at once.
    try:
        with _project(project, create=True) as opened, interruptible(graceful=True) as stopped:
            try:
                with opened.sync_at_end():  # one fsync for all its lines, made before anything is reported
                    report = import_labels(opened, file, fmt, annotator=annotator, as_suggestions=as_suggestions,
                                           offsets=offsets, users=_users(labelstudio_users),
                                           should_cancel=lambda: bool(stopped()))
            except KeyboardInterrupt as exc:  # the line being stored was rolled back
                # (or while the finished import's commits were being synced: its report stands)
                report, signum = getattr(exc, "report", None) or report, stopped() or SIGINT
    except Interrupted as late:  # a second signal just after the import ended: what it saved stands
        signum = signum or late.signum
    signum = signum or stopped()
    if signum:
        if report is not None:
            click.echo(report.summary())
        click.echo(f"{file}: {interrupted_message(signum)}", err=True)
        raise SystemExit(128 + signum)
    click.echo(report.summary())
    if report.failed or report.stopped_by:
        raise SystemExit(1)


@click.command("merge")
@click.argument("target", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--max-new-labels", type=click.IntRange(min=0), default=None, metavar="N",
              help="Most labels the target lacks one source may add (default 200, as a label file); a source "
                   "past it is not merged.")
def merge_command(target: str, sources: tuple[str, ...], max_new_labels: int | None) -> None:
    """Merge annotators' projects SOURCES into TARGET (created if missing); safe to repeat."""
    from annotator.services.exchange import merge_projects

    signum, report = 0, None
    # Ctrl+C or SIGTERM: the merge stops between two sources and reports; a second one stops it at once
    # (the source being merged is rolled back). Merging again brings in exactly the rest.
    try:
        with _project(target, create=True) as opened, interruptible(graceful=True) as stopped:
            try:
                with opened.sync_at_end():  # one fsync for every source, made before anything is reported
                    report = merge_projects(opened, sources, max_new_labels=max_new_labels,  # paths or team URLs
                                            should_cancel=lambda: bool(stopped()))
            except KeyboardInterrupt as exc:
                report = getattr(exc, "report", None) or report  # merge.MergeInterrupted: the sources before
                signum = stopped() or SIGINT
    except Interrupted as late:  # a second signal just after the merge ended: what it merged stands
        signum = signum or late.signum
    signum = signum or stopped()
    if report is not None and (report.sources or report.not_merged or report.rolled_back):
        click.echo(report.summary())
    if signum:
        click.echo(f"{target}: {interrupted_message(signum)}: the sources reported merged are saved; run the same "
                   "command again to merge the rest (what is merged is not added twice)", err=True)
        raise SystemExit(128 + signum)
    if not report.ok:
        raise SystemExit(1)


COMMANDS = (export_command, import_labels_command, merge_command)


def register(group: click.Group) -> None:
    for command in COMMANDS:
        group.add_command(command)
