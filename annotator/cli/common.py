"""What every verb module of the CLI shares: how a project that cannot be opened is reported."""

from __future__ import annotations

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
