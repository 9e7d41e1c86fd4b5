"""A lead's guidelines loads on a team project come back on the undo stack after a restart, as on a
project file: the server's event holds the text set (storage/team_ops_shared.py), and the lead's own
login reads it back (services/history.project_history)."""

from __future__ import annotations

import pytest

pytest.importorskip("psycopg")

pytestmark = pytest.mark.team


def test_a_leads_guidelines_steps_are_rebuilt_from_the_server_log(team, tmp_path):
    from annotator.services.history import project_history
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.backend import PgProject

    url = team.cluster.url("lena", team.dbname) + f"?passfile={team.passfile}&connect_timeout=3"
    project = PgProject(url, create=False)
    lena = DesktopWriter.for_project(project, Outbox(tmp_path / "lena.outbox"))
    try:
        assert lena.set_guidelines("# 标注规范 😀", "", "lena") == "server"
        assert lena.set_guidelines("# 标注规范 第二版", "# 标注规范 😀", "lena") == "server"
        steps = project_history(project, "lena")
        assert [(s.before, s.after) for s in steps] == [("", "# 标注规范 😀"), ("# 标注规范 😀", "# 标注规范 第二版")]
    finally:
        lena.close()
        project.close()
