"""The list of two coders' disagreements, with both versions and the decision taken."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.agreement.heatmap import short_name
from workbench.agreement import Decision, Disagreement
from workbench.agreement.disagreements import CoderSpan

Index = QModelIndex | QPersistentModelIndex
DisagreementRole = Qt.ItemDataRole.UserRole + 1
MUTED = QColor("#8a8a8a")
QUOTE_LIMIT = 160


def squeeze(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Text on one line, cut at ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class DisagreementModel(QAbstractTableModel):
    """Disagreements, optionally of one code and one document, with their decisions."""

    STATUS, DOCUMENT, WHERE, CODE, WHAT, VERSION_A, VERSION_B = range(7)

    def __init__(self, text_of: Callable[[int], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text_of = text_of
        self._texts: dict[int, str] = {}
        self._all: list[Disagreement] = []
        self._rows: list[Disagreement] = []
        self._decisions: dict[str, Decision] = {}
        self._labels: dict[int, str] = {}
        self._initials = ("A", "B")
        self.code_id: int | None = None
        self.document_id: int | None = None

    # -- contents ------------------------------------------------------------------------

    def set_disagreements(
        self,
        disagreements: Sequence[Disagreement],
        labels: dict[int, str],
        initials: tuple[str, str],
    ) -> None:
        """Show these disagreements (the codes' labels and coders' initials name them)."""
        self.beginResetModel()
        self._all = list(disagreements)
        self._labels = dict(labels)
        self._initials = initials
        self._texts.clear()
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, code_id: int | None, document_id: int | None = None) -> None:
        """Keep the disagreements of one code (and one document); None keeps all."""
        self.beginResetModel()
        self.code_id, self.document_id = code_id, document_id
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[Disagreement]:
        return [
            d
            for d in self._all
            if (self.code_id is None or d.code_id == self.code_id)
            and (self.document_id is None or d.document_id == self.document_id)
        ]

    def set_decisions(self, decisions: dict[str, Decision]) -> None:
        """Show which disagreements are decided, and how."""
        self._decisions = dict(decisions)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def decision_of(self, disagreement: Disagreement) -> Decision | None:
        """The decision taken on a disagreement, if any."""
        return self._decisions.get(disagreement.key.passage)

    @property
    def all(self) -> list[Disagreement]:
        """Every disagreement, filtered or not."""
        return list(self._all)

    def at(self, row: int) -> Disagreement:
        """The disagreement shown on a row."""
        return self._rows[row]

    def row_of(self, passage: str) -> int:
        """The row of a disagreement by its passage key; -1 when it is not shown."""
        return next((i for i, d in enumerate(self._rows) if d.key.passage == passage), -1)

    def resolved(self) -> int:
        """How many of all the disagreements are decided."""
        return sum(d.key.passage in self._decisions for d in self._all)

    def text(self, document_id: int) -> str:
        """A document's text (read once)."""
        if document_id not in self._texts:
            self._texts[document_id] = self._text_of(document_id)
        return self._texts[document_id]

    # -- what the cells say ----------------------------------------------------------------

    def kind_text(self, d: Disagreement) -> str:
        """What kind of disagreement, in words."""
        a, b = self._initials
        if d.coded_differently:
            other = b if d.kind == "only_a" else a
            codes = ", ".join(self._labels.get(c, "?") for c in d.alternatives)
            return self.tr("Coded differently ({0}: {1})").format(other, codes)
        if d.kind == "only_a":
            return self.tr("Only {0}").format(a)
        if d.kind == "only_b":
            return self.tr("Only {0}").format(b)
        return self.tr("Boundaries differ")

    def decision_text(self, decision: Decision | None) -> str:
        """A decision, in words."""
        if decision is None:
            return ""
        a, b = self._initials
        names = {
            "a": self.tr("✓ {0}").format(a),
            "b": self.tr("✓ {0}").format(b),
            "both": self.tr("✓ Both"),
            "neither": self.tr("✓ Neither"),
            "edited": self.tr("✓ Edited"),
        }
        return names.get(decision.decision, decision.decision)

    def version(self, d: Disagreement, spans: tuple[CoderSpan, ...]) -> str:
        """One coder's version: the passage they coded, or that they did not."""
        if not spans:
            return self.tr("(not coded)")
        text = self.text(d.document_id)
        return " … ".join(squeeze(text[s.start : s.end]) for s in spans)

    # -- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        a, b = self._initials
        titles = (
            self.tr("Decision"),
            self.tr("Document"),
            self.tr("Where"),
            self.tr("Code"),
            self.tr("Disagreement"),
            self.tr("{0}'s version").format(a),
            self.tr("{0}'s version").format(b),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not 0 <= index.column() < 7:
            return None
        d = self._rows[index.row()]
        column = index.column()
        if role == DisagreementRole:
            return d
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(d, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.decision_of(d) is not None:
            return MUTED
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(d, column)
        return None

    def _display(self, d: Disagreement, column: int) -> str:
        if column == self.STATUS:
            return self.decision_text(self.decision_of(d))
        if column == self.DOCUMENT:
            return short_name(d.document)
        if column == self.WHERE:
            return f"{d.start}–{d.end}"
        if column == self.CODE:
            return d.code
        if column == self.WHAT:
            return self.kind_text(d)
        return self.version(d, d.spans_a if column == self.VERSION_A else d.spans_b)

    def _tooltip(self, d: Disagreement, column: int) -> str | None:
        if column in (self.VERSION_A, self.VERSION_B):
            spans = d.spans_a if column == self.VERSION_A else d.spans_b
            text = self.text(d.document_id)
            quotes = [html.escape(text[s.start : s.end], quote=False) for s in spans]
            return "<br>…<br>".join(quotes) if quotes else None
        if column == self.STATUS:
            decision = self.decision_of(d)
            if decision is not None and decision.reason:
                return html.escape(decision.reason, quote=False)
        if column == self.CODE:
            return html.escape(d.path, quote=False)
        if column == self.DOCUMENT:
            return html.escape(d.document, quote=False)
        return None
