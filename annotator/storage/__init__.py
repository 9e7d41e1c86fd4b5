"""Qt-free project storage (SQLite via sqlite-utils). See project.py for the guarantees."""

from annotator.storage.project import Project, ProjectError, is_project_file, now, open_project

__all__ = ["Project", "ProjectError", "open_project", "now", "is_project_file"]
