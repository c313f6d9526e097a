"""The audit log viewer: who changed what and when, filtered, read in pages, exported as CSV."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.command_labels import translated
from ui.session import AppSession
from workbench.audit import (
    UNDO_PREFIX,
    AuditFilter,
    audit_kinds,
    export_audit_csv,
    filtered_events,
    iso_utc,
)
from workbench.changes import Changes
from workbench.entities import EventInfo
from workbench.errors import WorkbenchError
from workbench.project import Project

#: The role that gives a row's :class:`~workbench.entities.EventInfo`.
EventRole = Qt.ItemDataRole.UserRole + 1

#: How many entries the model reads at a time.
PAGE_SIZE = 200

_SUMMARY_LENGTH = 120

AnyIndex = QModelIndex | QPersistentModelIndex


def _day(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


def _pretty(text: str | None) -> str:
    if not text:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1)
    except ValueError:
        return text


def _compact(text: str | None) -> str:
    if not text:
        return ""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False)


class AuditModel(QAbstractTableModel):
    """Entries of a project's audit log, newest first, read a page at a time.

    The first page is read when the filter is set; views ask for more with
    :meth:`fetchMore` as they scroll. :meth:`refresh_newer` puts entries written since
    on top without rereading the rest.
    """

    COLUMNS = ("time", "coder", "action", "description", "target", "change")

    def __init__(
        self, project: Project, parent: QObject | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._page_size = max(1, page_size)
        self._rules = AuditFilter()
        self._rows: list[EventInfo] = []
        self._exhausted = False
        # True while rows change: views (and testers) that ask for more rows from a
        # change's signals must wait until the change is over.
        self._changing = False
        self._headers = (
            self.tr("Time"),
            self.tr("Coder"),
            self.tr("Action"),
            self.tr("Description"),
            self.tr("Target"),
            self.tr("Change"),
        )
        self._load_first_page()

    # -- reading ----------------------------------------------------------------------

    @property
    def rules(self) -> AuditFilter:
        """The filter in force."""
        return self._rules

    def set_filter(self, rules: AuditFilter) -> None:
        """Show only the entries this filter lets through (rereads the first page)."""
        self._rules = rules
        self.reload()

    def reload(self) -> None:
        """Forget what was read and read the first page again."""
        with self._change():
            self.beginResetModel()
            self._rows = []
            self._exhausted = False
            self._load_first_page()
            self.endResetModel()

    @contextmanager
    def _change(self) -> Iterator[None]:
        self._changing = True
        try:
            yield
        finally:
            self._changing = False

    def _load_first_page(self) -> None:
        page = filtered_events(self._project, self._rules, limit=self._page_size)
        self._rows = page
        self._exhausted = len(page) < self._page_size

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted and not self._changing

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._changing:
            return
        before = self._rows[-1].id if self._rows else None
        page = filtered_events(self._project, self._rules, limit=self._page_size, before_id=before)
        if len(page) < self._page_size:
            self._exhausted = True
        if page:
            first = len(self._rows)
            with self._change():
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()

    def refresh_newer(self) -> int:
        """Put the entries written since the newest shown on top; returns how many."""
        if not self._rows:
            self.reload()
            return len(self._rows)
        newer = filtered_events(self._project, self._rules, after_id=self._rows[0].id)
        if newer:
            with self._change():
                self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
                self._rows[:0] = newer
                self.endInsertRows()
        return len(newer)

    def event_at(self, row: int) -> EventInfo:
        """The entry shown in a row."""
        return self._rows[row]

    @property
    def complete(self) -> bool:
        """Whether every matching entry has been read."""
        return self._exhausted

    # -- the table ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        event = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(event, column)
        if role == EventRole:
            return event
        return None

    def _description(self, event: EventInfo) -> str:
        label = translated(event.label) if event.label else event.action
        if event.action.startswith(UNDO_PREFIX):
            return self.tr("Undo: {0}").format(label)
        return label

    def _display(self, event: EventInfo, column: str) -> str:
        if column == "time":
            return event.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == "coder":
            return event.coder or "—"
        if column == "action":
            return event.action
        if column == "description":
            return self._description(event)
        if column == "target":
            if event.target_id is None:
                return event.target_kind
            return f"{event.target_kind} {event.target_id}"
        before, after = _compact(event.before), _compact(event.after)
        text = f"{before} → {after}" if before and after else before or after
        if len(text) > _SUMMARY_LENGTH:
            text = text[: _SUMMARY_LENGTH - 1] + "…"
        return text

    def _tooltip(self, event: EventInfo, column: str) -> str | None:
        if column == "time":
            return self.tr("{0} (UTC)").format(iso_utc(event.at))
        if column == "change":
            parts = []
            if event.before:
                parts.append(self.tr("Before:") + "\n" + _pretty(event.before))
            if event.after:
                parts.append(self.tr("After:") + "\n" + _pretty(event.after))
            return "\n\n".join(parts) or None
        return None


class AuditDialog(QDialog):
    """The audit log of the open project, with filters and a CSV export."""

    def __init__(
        self, session: AppSession, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1000, 600)
        self._session = session
        self.model = AuditModel(session.project, self, page_size=page_size)

        self.coder = QComboBox(self)
        self.kind = QComboBox(self)
        self.since_enabled = QCheckBox(self.tr("From:"), self)
        self.since = QDateEdit(self)
        self.until_enabled = QCheckBox(self.tr("To:"), self)
        self.until = QDateEdit(self)
        today = QDate.currentDate()
        for edit, day in ((self.since, today.addDays(-7)), (self.until, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.setEnabled(False)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Coder:"), self))
        filters.addWidget(self.coder)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Kind:"), self))
        filters.addWidget(self.kind)
        filters.addSpacing(12)
        filters.addWidget(self.since_enabled)
        filters.addWidget(self.since)
        filters.addWidget(self.until_enabled)
        filters.addWidget(self.until)
        filters.addStretch(1)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel(self)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

        self._fill_filters()
        self.coder.currentIndexChanged.connect(self._apply)
        self.kind.currentIndexChanged.connect(self._apply)
        self.since_enabled.toggled.connect(self.since.setEnabled)
        self.until_enabled.toggled.connect(self.until.setEnabled)
        for box in (self.since_enabled, self.until_enabled):
            box.toggled.connect(self._apply)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self._apply)
        self.export_button.clicked.connect(self._export_clicked)
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(self._update_summary)
        session.bus.changed.connect(self._bus)
        self._update_summary()

    # -- filters -----------------------------------------------------------------------

    def _kind_names(self) -> dict[str, str]:
        return {
            "attribute": self.tr("Attributes"),
            "case": self.tr("Cases"),
            "code": self.tr("Codes"),
            "code_group": self.tr("Code groups"),
            "coder": self.tr("Coders"),
            "document": self.tr("Documents"),
            "memo": self.tr("Memos"),
            "segment": self.tr("Codings"),
        }

    def _fill_filters(self) -> None:
        project = self._session.project
        for combo in (self.coder, self.kind):
            combo.blockSignals(True)
        coder, kind = self.coder.currentData(), self.kind.currentData()
        self.coder.clear()
        self.coder.addItem(self.tr("All coders"), None)
        for info in project.coders():
            self.coder.addItem(f"{info.name} ({info.initials})", info.name)
        self.kind.clear()
        self.kind.addItem(self.tr("All kinds"), None)
        names = self._kind_names()
        for name in audit_kinds(project):
            self.kind.addItem(names.get(name, name), name)
        for combo, value in ((self.coder, coder), (self.kind, kind)):
            if value is not None:
                combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe."""
        kind = self.kind.currentData()
        return AuditFilter(
            coder=self.coder.currentData(),
            since=_day(self.since) if self.since_enabled.isChecked() else None,
            until=_day(self.until) if self.until_enabled.isChecked() else None,
            kinds=frozenset([kind]) if kind is not None else None,
        )

    def _apply(self) -> None:
        rules = self.current_filter()
        if rules != self.model.rules:
            self.model.set_filter(rules)

    def _bus(self, _changes: Changes) -> None:
        # Every change writes an entry; it may bring a new coder or a new kind.
        self._fill_filters()
        self.model.refresh_newer()

    def _update_summary(self) -> None:
        rows = self.model.rowCount()
        if self.model.complete:
            self.summary.setText(self.tr("{0} entries").format(rows))
        else:
            self.summary.setText(
                self.tr("{0} entries shown; scroll down for older ones").format(rows)
            )

    # -- export ------------------------------------------------------------------------

    def export_csv(self, path: Path) -> int:
        """Write every entry the filter lets through (not only those read) to a CSV file."""
        rules = self.model.rules
        return export_audit_csv(
            self._session.project,
            path,
            coder=rules.coder,
            since=rules.since,
            until=rules.until,
            kinds=rules.kinds,
        )

    def _ask_csv_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log"),
            str(Path.home() / "audit-log.csv"),
            self.tr("CSV files (*.csv)"),
        )
        return Path(path) if path else None

    def _export_clicked(self) -> None:
        path = self._ask_csv_path()
        if path is None:
            return
        try:
            count = self.export_csv(path)
        except (WorkbenchError, OSError) as error:
            QMessageBox.warning(self, self.tr("Not exported"), str(error))
            return
        self.summary.setText(self.tr("{0} entries written to {1}").format(count, path))
