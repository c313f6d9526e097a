"""Team > Server: who signs in as which role, and the blind (which a lead can toggle).

The dialog reads :func:`workbench.server.server_status` and shows the coders with a
server role in a table, whether the project is blind and whether the server enforces
it. A lead (or the project's owner) can turn the blind on or off here; for anyone else
the box is read-only. A project file says how to put it on a server instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.session import AppSession
from workbench.changes import Changes
from workbench.errors import WorkbenchError
from workbench.server import SetBlind, TeamRole, server_status

AnyIndex = QModelIndex | QPersistentModelIndex


class RolesModel(QAbstractTableModel):
    """The coders with a server role: name, initials, coder or lead, role, can sign in."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roles: list[TeamRole] = []
        self._headers = [
            self.tr("Coder"),
            self.tr("Initials"),
            self.tr("Role in the team"),
            self.tr("Server role"),
            self.tr("Signs in"),
        ]

    def set_roles(self, roles: list[TeamRole]) -> None:
        """Show these roles."""
        self.beginResetModel()
        self._roles = list(roles)
        self.endResetModel()

    def role_at(self, row: int) -> TeamRole:
        """The role shown in a row."""
        return self._roles[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._roles)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        team_role = self._roles[index.row()]
        column = index.column()
        if column == 0:
            return team_role.name
        if column == 1:
            return team_role.initials
        if column == 2:
            return self.tr("lead") if team_role.lead else self.tr("coder")
        if column == 3:
            return team_role.db_role
        if not team_role.exists:
            return self.tr("role missing on the server")
        return self.tr("yes") if team_role.can_login else self.tr("not yet (no password)")

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class ServerDialog(QDialog):
    """The team server of the open project, as the signed-in role sees it."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Team server"))
        self._session = session
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RolesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.blind = QCheckBox(self.tr("Blind coding: each coder sees only their own segments"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.blind)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.blind.toggled.connect(self._toggle_blind)
        session.bus.changed.connect(self._changed)
        self.resize(620, 360)
        self.refresh()

    def refresh(self) -> None:
        """Read the roles and the blind again."""
        project = self._session.project
        try:
            status = server_status(project)
        except WorkbenchError as error:
            self.summary.setText(str(error))
            return
        self.model.set_roles(list(status.roles))
        self.blind.blockSignals(True)
        self.blind.setChecked(status.blind)
        self.blind.blockSignals(False)
        self.blind.setEnabled(status.can_change_blind)
        if not status.on_server:
            self.summary.setText(
                self.tr(
                    "This project is a file on this computer. To code it as a team on a "
                    "PostgreSQL server, copy it there:\n"
                    "workbench copy {0} postgresql+psycopg://owner@server/study\n"
                    "then give each coder a role with: workbench server setup URL "
                    "--coder NAME=ROLE ... --lead NAME=ROLE"
                ).format(project.location)
            )
            self.table.setVisible(bool(status.roles))
            self.note.setText(
                self.tr("In a file the blind only decides what assignments hand out.")
            )
            return
        me = next((r for r in status.roles if r.db_role == status.signed_in_as), None)
        who = (
            self.tr("{0}, signed in as {1}").format(me.name, status.signed_in_as)
            if me is not None
            else self.tr("signed in as {0} (no coder of this project)").format(status.signed_in_as)
        )
        lines = [self.tr("Project on {0}").format(project.location), who]
        if not status.secured:
            lines.append(
                self.tr(
                    "The server does not enforce roles yet: the owner runs workbench server setup."
                )
            )
        elif status.sees_everything:
            lines.append(self.tr("You see every coder's segments."))
        else:
            lines.append(self.tr("You see only your own segments."))
        self.summary.setText("\n".join(lines))
        self.table.setVisible(True)
        self.note.setText(
            ""
            if status.can_change_blind
            else self.tr("Only a lead or the project's owner can turn the blind on or off.")
        )

    def _toggle_blind(self, on: bool) -> None:
        self._session.run(SetBlind(on))
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        # The blind has no id: any change may be it. Reading the status is cheap.
        if self.isVisible():
            self.refresh()


def show_server_dialog(session: AppSession, parent: QWidget | None = None) -> ServerDialog:
    """Open the Team > Server dialog (not modal) and return it."""
    dialog = ServerDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    return dialog
