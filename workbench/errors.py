"""Errors the core raises for a user's mistake; their message says what to change."""

from __future__ import annotations


class WorkbenchError(Exception):
    """A request the workbench cannot carry out, explained in plain words."""


class NotFoundError(WorkbenchError):
    """A document, code, coder or segment that the request names does not exist."""


class InvalidInputError(WorkbenchError):
    """Input that breaks a rule (an offset out of range, a bad colour, a duplicate name)."""


class ConflictError(WorkbenchError):
    """The thing changed since it was read (someone else edited it)."""
