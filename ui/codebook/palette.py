"""The quick-code palette (Ctrl+K) and the recently used codes (Ctrl+1..9)."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ui.codebook.chooser import CodeChooser
from ui.session import AppSession
from workbench.changes import Changes


class RecentCodes:
    """The last codes used, most recent first, for Ctrl+1..9."""

    def __init__(self, limit: int = 9) -> None:
        self.limit = limit
        self._ids: list[int] = []

    def used(self, code_id: int) -> None:
        """Remember that a code was just used."""
        if code_id in self._ids:
            self._ids.remove(code_id)
        self._ids.insert(0, code_id)
        del self._ids[self.limit :]

    def nth(self, n: int) -> int | None:
        """The n-th most recent code, 1-based (Ctrl+1 is ``nth(1)``); None if there is none."""
        return self._ids[n - 1] if 1 <= n <= len(self._ids) else None

    def ids(self) -> list[int]:
        """Every remembered code, most recent first."""
        return list(self._ids)

    def forget(self, code_ids: set[int] | frozenset[int]) -> None:
        """Drop codes that no longer exist."""
        self._ids = [i for i in self._ids if i not in code_ids]

    def __len__(self) -> int:
        return len(self._ids)


_RECENT: weakref.WeakKeyDictionary[AppSession, RecentCodes] = weakref.WeakKeyDictionary()


def recent_codes(session: AppSession) -> RecentCodes:
    """The recent codes of a session (made on first use, forgotten with the session)."""
    recent = _RECENT.get(session)
    if recent is None:
        recent = _RECENT[session] = RecentCodes()
        target = weakref.ref(recent)

        def forget_removed(changes: Changes) -> None:
            alive = target()
            if alive is not None and "code" in changes.removed:
                alive.forget(changes.removed["code"])

        session.bus.changed.connect(forget_removed)
    return recent


class QuickCodePalette(QDialog):
    """Type part of a code's label or name; Enter picks the best match, Escape cancels."""

    def __init__(
        self,
        session: AppSession,
        parent: QWidget | None = None,
        *,
        title: str = QT_TRANSLATE_NOOP("QuickCodePalette", "Code the selection"),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr(title))
        self.session = session
        self.chooser = CodeChooser(self, placeholder=self.tr("Type a label (1b) or part of a name"))
        hint = QLabel(
            self.tr("Enter: code with the highlighted match   ↑ ↓: choose   Esc: cancel"), self
        )
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(hint)
        codable = [c for c in session.project.codes() if c.codable]
        self.chooser.set_candidates(codable, preferred=recent_codes(session).ids())
        self.chooser.picked.connect(self._picked)
        self._chosen: int | None = None
        self.resize(560, 440)
        self.chooser.setFocus(Qt.FocusReason.PopupFocusReason)

    def chosen_code(self) -> int | None:
        """The code picked (None until the user picks one)."""
        return self._chosen

    def _picked(self, code_id: int) -> None:
        self._chosen = code_id
        self.accept()


def pick_code(
    session: AppSession,
    parent: QWidget | None = None,
    *,
    title: str = QT_TRANSLATE_NOOP("QuickCodePalette", "Code the selection"),
) -> int | None:
    """Ask for a codable code with the palette; the pick counts as a recent use.

    Returns:
        The code's id, or None when the user cancelled.
    """
    palette = QuickCodePalette(session, parent, title=title)
    try:
        if palette.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = palette.chosen_code()
        if chosen is not None:
            recent_codes(session).used(chosen)
        return chosen
    finally:
        palette.deleteLater()
