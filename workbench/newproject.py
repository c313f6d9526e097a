"""Creating a project, optionally from a bundled codebook template."""

from __future__ import annotations

from pathlib import Path

from workbench.codebook.template import ApplyTemplate, load_template
from workbench.errors import InvalidInputError
from workbench.project import Project

LANGUAGES = ("en", "es")


def create_project(
    location: str | Path,
    *,
    template: str | None = None,
    language: str = "en",
    coder: str | None = None,
    name: str | None = None,
) -> Project:
    """Create a project, apply a template to it, and open it for a coder.

    Args:
        location: a new ``.qdb`` path or the URL of an empty server database.
        template: the name of a bundled template such as ``usmca-evaluation``.
        language: ``en`` or ``es``: the project's language and the template's texts.
        coder: who creates it (defaults to the operating system user).
        name: a display name.

    Returns:
        The open project. If applying the template fails, the new file is removed.
    """
    if language not in LANGUAGES:
        raise InvalidInputError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    data = load_template(template) if template else None
    project = Project.create(location, language=language, name=name)
    try:
        project.use_coder(coder)
        if data is not None:
            project.run(ApplyTemplate(data, language), undoable=False)
    except Exception:
        project.close()
        path = Path(project.location)
        if project.url.get_backend_name() == "sqlite" and path.exists():
            for suffix in ("", "-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    extra.unlink()
        raise
    return project
