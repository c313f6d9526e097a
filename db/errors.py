"""Errors raised when a project database cannot be created or opened."""

from __future__ import annotations


class ProjectStorageError(Exception):
    """A project database could not be used; the message says why in plain words."""


class ProjectNotFoundError(ProjectStorageError):
    """The project file or database does not exist."""


class ProjectExistsError(ProjectStorageError):
    """A new project was asked for where one already exists."""


class NotAProjectError(ProjectStorageError):
    """The file or database is not a workbench project."""


class NewerProjectError(ProjectStorageError):
    """The project was written by a newer version of the workbench."""
