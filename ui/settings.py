"""Preferences kept per machine (QSettings): recent projects, language, identity, layout."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "coding-workbench"
APPLICATION = "Coding Workbench"
_RECENT_LIMIT = 10


def settings() -> QSettings:
    """The application's settings store."""
    return QSettings(ORGANISATION, APPLICATION)


def recent_projects() -> list[str]:
    """Project locations opened lately, most recent first."""
    value = settings().value("recent", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []]


def remember_project(location: str) -> None:
    """Put a project at the top of the recent list."""
    recent = [location] + [r for r in recent_projects() if r != location]
    settings().setValue("recent", recent[:_RECENT_LIMIT])


def forget_project(location: str) -> None:
    """Take a project off the recent list (it is gone or cannot be opened)."""
    settings().setValue("recent", [r for r in recent_projects() if r != location])


def language() -> str:
    """The interface language: ``en``, ``es``, or empty for the system's."""
    return str(settings().value("language", "") or "")


def set_language(code: str) -> None:
    """Choose the interface language (takes effect at the next start)."""
    settings().setValue("language", code)


def _key(location: str) -> str:
    return hashlib.sha1(location.encode("utf-8")).hexdigest()[:16]


def identity(location: str | None = None) -> tuple[str, str, str] | None:
    """The coder identity used last (for a project, or on this machine): name, initials, colour."""
    store = settings()
    prefix = f"identity/{_key(location)}" if location else "identity/default"
    name = store.value(f"{prefix}/name")
    if not name:
        return None
    return (
        str(name),
        str(store.value(f"{prefix}/initials", "")),
        str(store.value(f"{prefix}/colour", "")),
    )


def remember_identity(location: str, name: str, initials: str, colour: str) -> None:
    """Remember who codes in a project on this machine (and as the machine's default)."""
    store = settings()
    for prefix in (f"identity/{_key(location)}", "identity/default"):
        store.setValue(f"{prefix}/name", name)
        store.setValue(f"{prefix}/initials", initials)
        store.setValue(f"{prefix}/colour", colour)


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    """The main window's saved geometry and dock layout."""
    store = settings()
    geometry = store.value("window/geometry")
    state = store.value("window/state")
    return (
        geometry if isinstance(geometry, QByteArray) else None,
        state if isinstance(state, QByteArray) else None,
    )


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    """Keep the main window's geometry and dock layout for next time."""
    store = settings()
    store.setValue("window/geometry", geometry)
    store.setValue("window/state", state)
