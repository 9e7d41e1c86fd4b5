"""Qt-free project storage: a SQLite file (project.py, the default) or a team project on a PostgreSQL
server (pg/, opened from a ``postgresql://`` URL). store.py names the seam; base.py the SQL both read."""

from annotator.storage.project import Project, ProjectError, is_project_file, now, open_project

__all__ = ["Project", "ProjectError", "open_project", "now", "is_project_file"]
