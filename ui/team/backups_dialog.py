"""Rolling backups while an SQLite project is open, and the dialog that lists and restores them.

:class:`RollingBackups` copies the project when it is opened and every few minutes
after (a setting, 15 by default), skipping a copy when nothing changed since the last
one. :class:`BackupsDialog` lists the copies and restores one: it asks first, closes
the project, restores the copy (the state it replaces is kept as a backup too) and
opens the project again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import settings
from workbench.backups import (
    BEFORE_RESTORE,
    DEFAULT_KEEP,
    BackupInfo,
    backup_folder,
    list_backups,
    make_backup,
    project_file,
    restore_backup,
)
from workbench.errors import WorkbenchError
from workbench.project import Project

#: The setting that holds the minutes between backups (0: only when a project opens).
INTERVAL_KEY = "backups/interval_minutes"
#: Minutes between backups unless the setting says otherwise.
DEFAULT_INTERVAL = 15
_MAX_INTERVAL = 24 * 60

#: The role that gives a row's :class:`~workbench.backups.BackupInfo`.
BackupRole = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def backup_interval_minutes() -> int:
    """Minutes between backups of an open project (0: only when it is opened)."""
    value = settings.settings().value(INTERVAL_KEY, DEFAULT_INTERVAL)
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_INTERVAL
    return min(max(minutes, 0), _MAX_INTERVAL)


def set_backup_interval_minutes(minutes: int) -> None:
    """Keep the minutes between backups (0: only when a project is opened)."""
    settings.settings().setValue(INTERVAL_KEY, min(max(int(minutes), 0), _MAX_INTERVAL))


class RollingBackups(QObject):
    """Backs up an open SQLite project when started and then on a timer.

    Projects on a server are left alone (they are backed up with the server's tools).
    A copy is skipped when the project has not changed since the newest backup.
    """

    made = Signal(object)  # BackupInfo
    failed = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)

    @property
    def enabled(self) -> bool:
        """Whether this project can be backed up here (it is an SQLite file)."""
        return project_file(self._project) is not None

    def start(self) -> bool:
        """Back up now (reason ``open``) and start the timer; False for a server project."""
        if not self.enabled:
            return False
        self.back_up("open")
        self.set_interval(backup_interval_minutes())
        return True

    def set_interval(self, minutes: int) -> None:
        """Back up every ``minutes`` from now on; 0 stops the timer."""
        if minutes <= 0 or not self.enabled:
            self.timer.stop()
        else:
            self.timer.start(minutes * 60_000)

    def stop(self) -> None:
        """Stop backing up (the project is being closed)."""
        self.timer.stop()

    def _tick(self) -> None:
        self.back_up("interval")

    def back_up(self, reason: str) -> BackupInfo | None:
        """Copy the project now unless it is unchanged; failures are reported, not raised."""
        try:
            made = make_backup(self._project, reason, skip_unchanged=True)
        except (WorkbenchError, OSError) as error:
            self.failed.emit(self.tr("The project could not be backed up: {0}").format(error))
            return None
        if made is not None:
            self.made.emit(made)
        return made


class BackupsModel(QAbstractTableModel):
    """The backups of a project file, newest first: time, reason, size."""

    def __init__(self, project_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = project_path
        self._rows: list[BackupInfo] = list_backups(project_path) if project_path else []
        self._headers = (self.tr("Time"), self.tr("Reason"), self.tr("Size"))

    def refresh(self) -> None:
        """Read the backup folder again."""
        self.beginResetModel()
        self._rows = list_backups(self._path) if self._path else []
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        """The backup shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

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

    def reason_text(self, reason: str) -> str:
        """A backup's reason in words."""
        names = {
            "open": self.tr("Project opened"),
            "interval": self.tr("Timed"),
            "manual": self.tr("Backed up by hand"),
            BEFORE_RESTORE: self.tr("Before a restore"),
        }
        return names.get(reason, reason)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        backup = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if column == 1:
                return self.reason_text(backup.reason)
            return QLocale().formattedDataSize(backup.size)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == BackupRole:
            return backup
        return None


class BackupsDialog(QDialog):
    """The backups of the open project, with "Back up now" and "Restore…".

    Restoring needs the project closed: the dialog asks the window to close it
    (``close_project``), restores, asks it to open the project again
    (``open_project(location)``), tells :attr:`restored` (or :attr:`restore_failed`)
    what happened, and closes: the project it was opened for is closed by then.
    """

    restored = Signal(str)  # a message for the status bar
    restore_failed = Signal(str)  # why, for a message box

    def __init__(
        self,
        project: Project,
        parent: QWidget | None = None,
        *,
        close_project: Callable[[], None],
        open_project: Callable[[str], bool],
        rolling: RollingBackups | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 420)
        self._project = project
        self._path = project_file(project)
        self._close_project = close_project
        self._open_project = open_project
        self._rolling = rolling
        #: The question asked before restoring, while it is shown.
        self.confirmation: QMessageBox | None = None
        self.model = BackupsModel(self._path, self)

        if self._path is not None:
            intro = self.tr(
                "Copies of this project are kept in {0}: when it is opened, and every few "
                "minutes while it is open and changing. The newest {1} are kept."
            ).format(backup_folder(self._path), DEFAULT_KEEP)
        else:
            intro = self.tr(
                "This project is on a database server; back it up with PostgreSQL's tools, "
                "for example:\n"
                "pg_dump --format=custom --file=project.dump postgresql://user@host/database\n"
                "and restore a dump with pg_restore into a new, empty database "
                "(see 'Audit log and backups' in the README)."
            )
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.interval = QSpinBox(self)
        self.interval.setRange(0, _MAX_INTERVAL)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setSpecialValueText(self.tr("only when opened"))
        self.interval.setValue(backup_interval_minutes())
        timing = QHBoxLayout()
        timing.addWidget(QLabel(self.tr("Back up every:"), self))
        timing.addWidget(self.interval)
        timing.addStretch(1)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up &now"), self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(timing)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        sqlite = self._path is not None
        for widget in (self.table, self.interval, self.backup_button):
            widget.setEnabled(sqlite)
        self.restore_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.ask_restore())
        self.interval.valueChanged.connect(self._interval_changed)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_restore)

    # -- actions -----------------------------------------------------------------------

    def selected_backup(self) -> BackupInfo | None:
        """The backup selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def select(self, row: int) -> None:
        """Select a row of the list."""
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _interval_changed(self, minutes: int) -> None:
        set_backup_interval_minutes(minutes)
        if self._rolling is not None:
            self._rolling.set_interval(minutes)

    def back_up_now(self) -> BackupInfo | None:
        """Copy the project now (reason ``manual``) and show the copy in the list."""
        try:
            made = make_backup(self._project, "manual")
        except (WorkbenchError, OSError) as error:
            self.status.setText(self.tr("Not backed up: {0}").format(error))
            return None
        self.model.refresh()
        self.status.setText(self.tr("Backed up to {0}").format(made.path.name if made else ""))
        return made

    def ask_restore(self) -> None:
        """Ask whether to restore the selected backup; restore it if the answer is yes."""
        backup = self.selected_backup()
        if backup is None or self._path is None:
            return
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore a backup"),
            self.tr(
                "Put the project back as it was at {0}?\n\n"
                "Changes made since then will be replaced; the project as it is now is "
                "kept as a backup first, so this can be undone by restoring that one. "
                "The project is closed and opened again."
            ).format(when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Restore"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._answered(box, backup))
        self.confirmation = box
        box.open()

    def _answered(self, box: QMessageBox, backup: BackupInfo) -> None:
        self.confirmation = None
        box.deleteLater()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            self.restore(backup)

    def restore(self, backup: BackupInfo) -> bool:
        """Close the project, restore ``backup`` into it and open it again.

        Returns:
            Whether the backup was restored (the project is opened again either way).
        """
        if self._path is None:
            return False
        location = str(self._path)
        self._close_project()
        try:
            saved = restore_backup(self._path, backup.path)
        except (WorkbenchError, OSError) as error:
            self._open_project(location)
            self.restore_failed.emit(self.tr("The backup was not restored: {0}").format(error))
            self.reject()
            return False
        self._open_project(location)
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        message = self.tr("The project is back as it was at {0}.").format(when)
        if saved is not None:
            message += " " + self.tr("The state it replaced is kept as the backup {0}.").format(
                saved.path.name
            )
        self.restored.emit(message)
        self.accept()
        return True
