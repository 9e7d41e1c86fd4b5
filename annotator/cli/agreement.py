"""Headless verb ``agreement``: inter-annotator agreement of a project as a table, JSON or HTML.

annotator/cli registers it on first use (``register(cli)``). The figures, the checks of what was
asked for and the rendering are services/agreement.py's (the review window reads the same results);
this module parses options and turns refusals into one-line messages. Qt-free; the project is opened
read-only, so the report can run while people keep tagging.
"""

from __future__ import annotations

import click


@click.command("agreement")
@click.argument("project", type=click.Path(dir_okay=False))  # a file or a postgresql:// URL
@click.option("--annotators", metavar="A,B,…", default=None,
              help="Compare these annotators (default: everyone with accepted spans).")
@click.option("--label", default=None, help="Only spans with this label.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "html"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file instead of stdout.")
@click.option("--documents", metavar="ID,…", default=None,
              help="Only these documents (default: each pair on the documents both annotators worked on).")
def agreement_command(project: str, annotators: str | None, label: str | None, fmt: str, output: str | None,
                      documents: str | None) -> None:
    """Pairwise span agreement (strict / relaxed F1, per label, document and section; κ, uα).

    Each pair is scored on the documents both annotators worked on (marked in progress or done, or
    holding their spans); the report's notes list what was left out."""
    from annotator.services.agreement import agreement_report, render_report, write_report
    from annotator.storage import ProjectError, open_project

    names = [n.strip() for n in annotators.split(",") if n.strip()] if annotators else None
    try:
        doc_ids = [int(d) for d in documents.split(",") if d.strip()] if documents else None
    except ValueError:
        raise click.UsageError("--documents takes document ids separated by commas, e.g. 1,2,5") from None
    if names is not None and len(names) < 2:
        raise click.UsageError("--annotators needs at least two names, separated by commas")
    try:
        opened = open_project(project, readonly=True, create=False)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        result = agreement_report(opened, names, label=label, doc_ids=doc_ids)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        opened.close()
    text = render_report(result, fmt)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        try:
            write_report(text, output)
        except OSError as exc:
            raise click.ClickException(f"{output}: {exc.strerror or exc}") from None
        click.echo(f"wrote {output}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(agreement_command)
