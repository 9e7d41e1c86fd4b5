"""Headless verbs for team projects on a PostgreSQL server: ``annotator team init/push/pull/add-member/login/
visibility``.

Registered by annotator/cli (``cli.add_command(team)``). Qt-free; storage and psycopg load inside the
verbs, so ``annotator --help`` stays light.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import ProjectFailure, open_project_or_fail as _open


@click.group()
def team() -> None:
    """Team projects on a PostgreSQL server (URL: postgresql://user@host/database)."""


@team.command("init")
@click.argument("url")
def team_init(url: str) -> None:
    """Create the team project at URL (schema, labels, roles), or bring an existing one up to date."""
    from annotator.storage.urls import is_url

    if not is_url(url):
        raise ProjectFailure(f"{url}: not a team project URL (postgresql://user@host/database)")
    from annotator.storage import ProjectError
    from annotator.storage.pg.backend import init_team_project

    try:
        with init_team_project(url) as project:
            click.echo(f"team project ready at {project.location}")
    except ProjectError as exc:
        raise ProjectFailure(str(exc)) from None


def _copy(source_target: str, target: str, *, create_target: bool) -> None:
    import time

    from annotator.storage import ProjectError
    from annotator.storage.transfer import copy_project

    started = time.perf_counter()
    source = _open(source_target, readonly=True)
    try:
        try:
            with _open(target, create=create_target) as destination:
                report = copy_project(source, destination)
                where = destination.location
        except ProjectError as exc:
            raise ProjectFailure(str(exc)) from None
    finally:
        source.close()
    click.echo(f"copied {report.summary()} to {where} in {time.perf_counter() - started:.1f} s")


@team.command("push")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.argument("url")
def team_push(project: str, url: str) -> None:
    """Copy the whole PROJECT file into the empty team project at URL."""
    from annotator.storage.urls import is_url

    if not is_url(url):
        raise ProjectFailure(f"{url}: not a team project URL (postgresql://user@host/database)")
    _copy(project, url, create_target=True)


@team.command("pull")
@click.argument("url")
@click.argument("project", type=click.Path(dir_okay=False))
def team_pull(url: str, project: str) -> None:
    """Copy the whole team project at URL into a new PROJECT file."""
    from annotator.storage.urls import is_url

    if not is_url(url):
        raise ProjectFailure(f"{url}: not a team project URL (postgresql://user@host/database)")
    if Path(project).exists() and Path(project).stat().st_size > 0:
        raise ProjectFailure(f"{project}: already exists; pull into a new file")
    _copy(url, project, create_target=True)


@team.command("add-member")
@click.argument("url")
@click.argument("name")
@click.option("--role", type=click.Choice(["annotator", "lead"]), default="annotator", show_default=True)
@click.option("--password-stdin", is_flag=True, help="read the new member's password from standard input")
def team_add_member(url: str, name: str, role: str, password_stdin: bool) -> None:
    """Give NAME a login of their own (their spans carry NAME; row-level security applies)."""
    from annotator.storage import ProjectError
    from annotator.storage.pg import security

    password = sys.stdin.readline().rstrip("\n") if password_stdin else click.prompt(
        f"password for {name}", hide_input=True, confirmation_prompt=True)
    try:
        security.add_member_at(url, name, role, password)
    except (ProjectError, ValueError) as exc:
        raise ProjectFailure(str(exc)) from None
    click.echo(f"{name} can now log in as a team {role} (`annotator team login postgresql://{name}@…`)")


@team.command("login")
@click.argument("url")
@click.option("--password-stdin", is_flag=True, help="read the password from standard input")
@click.option("--pgpass", "pgpass_only", is_flag=True, help="keep it in the pgpass file even when a keyring exists")
def team_login(url: str, password_stdin: bool, pgpass_only: bool) -> None:
    """Check your password for URL, then keep it in the OS keyring (if installed) or your pgpass file."""
    from annotator.storage import ProjectError
    from annotator.storage.pg import security

    password = sys.stdin.readline().rstrip("\n") if password_stdin else click.prompt("password", hide_input=True)
    try:
        where = security.login(url, password, use_keyring=not pgpass_only)
    except ProjectError as exc:
        raise ProjectFailure(str(exc)) from None
    click.echo(f"password kept in {where}")


@team.command("visibility")
@click.argument("url")
@click.argument("setting", required=False, type=click.Choice(["blind", "open"]))
def team_visibility(url: str, setting: str | None) -> None:
    """Whether annotators see each other's work: blind (the default) or open; a lead sets it, anyone
    may ask (without SETTING)."""
    from annotator.storage import ProjectError
    from annotator.storage.pg import security

    try:
        see = security.visibility_at(url, None if setting is None else setting == "open")
    except ProjectError as exc:
        raise ProjectFailure(str(exc)) from None
    click.echo("open: annotators see each other's work" if see else
               "blind: each annotator sees only their own work (and the suggestions)")


def register(group: click.Group) -> None:
    """Add the ``team`` group to the CLI (annotator/cli's lazy verbs load this module on first use)."""
    group.add_command(team)
