"""``annotator trash list|restore|empty PROJECT``: the deleted documents of a project (services/trash.py).

A deleted document waits in the project's trash until it is restored or the trash is emptied. Emptying
removes its text from the project for good (a document imported by mistake); it asks first unless
``--yes`` is given, because it cannot be undone.
"""

from __future__ import annotations

import click

from annotator.cli.common import open_project_or_fail as _open


@click.group()
def trash() -> None:
    """Deleted documents: list them, bring one back, or remove them for good."""


@trash.command("list")
@click.argument("project")
def list_(project: str) -> None:
    """List the deleted documents in PROJECT's trash."""
    from annotator.services.trash import list_trash

    with _open(project, readonly=True) as proj:
        entries = list_trash(proj)
    for e in entries:
        click.echo(f"{e.id:>5}  doc {e.document_id:>5}  {e.deleted_at}  {e.deleted_by or '-'}  {e.title}")
    click.echo(f"{len(entries)} deleted documents in the trash")


@trash.command()
@click.argument("project")
@click.argument("trash_id", type=int)
@click.option("--annotator", "who", default=None, help="Recorded as who restored it in the event log.")
def restore(project: str, trash_id: int, who: str | None) -> None:
    """Bring the deleted document TRASH_ID (see `trash list`) back into PROJECT."""
    from annotator.services.trash import restore as run

    with _open(project) as proj:
        try:
            doc_id = run(proj, trash_id, by=who)
        except ValueError as exc:
            raise click.ClickException(f"{proj.location}: {exc}") from None
    click.echo(f"restored as document {doc_id}")


@trash.command()
@click.argument("project")
@click.option("--id", "trash_ids", type=int, multiple=True, help="Only this entry (repeatable); default all.")
@click.option("--annotator", "who", default=None, help="Recorded as who emptied it in the event log.")
@click.option("--yes", is_flag=True, help="Do not ask: remove them for good.")
def empty(project: str, trash_ids: tuple[int, ...], who: str | None, yes: bool) -> None:
    """Remove deleted documents from PROJECT for good (their text leaves the project). Cannot be undone."""
    from annotator.services.trash import empty_trash, list_trash

    with _open(project) as proj:
        entries = [e for e in list_trash(proj) if not trash_ids or e.id in trash_ids]
        if not entries and not trash_ids:
            click.echo("the trash is empty")
            return
        if not yes:
            for e in entries:
                click.echo(f"{e.id:>5}  {e.title}")
            click.confirm(f"Remove {len(entries)} deleted documents for good? This cannot be undone", abort=True)
        try:
            removed = empty_trash(proj, list(trash_ids) or None, by=who)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"removed {len(removed)} deleted documents for good")


def register(group: click.Group) -> None:
    """Add the ``trash`` group to the CLI (annotator/cli's lazy verbs load this module on first use)."""
    group.add_command(trash)
