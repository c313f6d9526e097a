"""Team > Make an assignment file, and Team > Merge returned files.

The assignment dialog picks a coder and documents and writes the file with the core's
:func:`~workbench.team.make_assignment`. The merge dialog previews the merge of the
chosen files (the core runs it in a transaction it rolls back), lists the code
proposals as a checklist, and Apply runs the merge command through the session, so
that Ctrl+Z undoes the whole merge in one step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.session import AppSession
from workbench.entities import DocumentInfo
from workbench.errors import WorkbenchError
from workbench.team import (
    AssignmentReport,
    CodeChoice,
    CodeProposal,
    MergeReport,
    ReturnedFile,
    make_assignment,
    merge_files,
    preview_merge,
    read_returned,
)
from workbench.team.keys import BLIND, is_blind

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


# -- the assignment dialog ---------------------------------------------------------------


class DocumentChecklistModel(QAbstractListModel):
    """The project's documents, each with a check box."""

    def __init__(self, documents: list[DocumentInfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents = documents
        self._checked = [False] * len(documents)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._documents[index.row()].name
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = self._checked[index.row()]
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every document."""
        self._checked = [checked] * len(self._documents)
        if self._documents:
            last = self.index(len(self._documents) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def checked_names(self) -> list[str]:
        """The names of the checked documents, in list order."""
        return [d.name for d, on in zip(self._documents, self._checked, strict=True) if on]


class AssignmentDialog(QDialog):
    """Pick a coder and documents; write their assignment file."""

    #: A message for the status bar once the file is written.
    made = Signal(str)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make an assignment file"))
        self._session = session
        self.report: AssignmentReport | None = None
        project = session.project
        self.coder = QComboBox(self)
        for coder in project.coders():
            self.coder.addItem(f"{coder.name} ({coder.initials})", coder.name)
        self.all_documents = QCheckBox(self.tr("All documents"), self)
        self.documents = DocumentChecklistModel(project.documents(), self)
        self.document_list = QListView(self)
        self.document_list.setModel(self.documents)
        self.out = QLineEdit(self)
        self.out.setPlaceholderText(self.tr("Where to write the file (.qdb)"))
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        blind = is_blind({BLIND: project.setting(BLIND)})
        self.blind_label = QLabel(
            self.tr("This project is blind: the other coders' codings stay out of the file.")
            if blind
            else self.tr("The file holds everyone's codings on the chosen documents.")
        )
        self.blind_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Make the file"))
        where = QHBoxLayout()
        where.addWidget(self.out)
        where.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Coder"), self.coder)
        form.addRow(self.tr("File"), where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.all_documents)
        layout.addWidget(self.document_list)
        layout.addWidget(self.blind_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.all_documents.toggled.connect(self._all_toggled)
        self.coder.currentIndexChanged.connect(self._suggest_name)
        self.choose_button.clicked.connect(self._choose)
        buttons.accepted.connect(self._make)
        buttons.rejected.connect(self.reject)
        self.resize(560, 520)
        self._suggest_name()

    def _folder(self) -> Path:
        location = Path(self._session.project.location)
        return location.parent if location.parent.is_dir() else Path.home()

    def _suggest_name(self) -> None:
        name = str(self.coder.currentData() or "coder")
        safe = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower() or "coder"
        stem = Path(self._session.project.location).stem
        self.out.setText(str(self._folder() / f"{stem}-{safe}.qdb"))

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Assignment file"), self.out.text(), self.tr("Projects (*.qdb)")
        )
        if path:
            self.out.setText(path)

    def _all_toggled(self, checked: bool) -> None:
        self.document_list.setEnabled(not checked)

    def make(self) -> AssignmentReport | None:
        """Write the file; None (with the reason shown) when it could not be written."""
        documents = None if self.all_documents.isChecked() else self.documents.checked_names()
        if documents is not None and not documents:
            self.error_label.setText(self.tr("Check the documents to assign, or All documents."))
            return None
        if not self.out.text().strip():
            self.error_label.setText(self.tr("Say where to write the file."))
            return None
        try:
            self.report = make_assignment(
                self._session.project,
                str(self.coder.currentData()),
                documents,
                Path(self.out.text().strip()),
            )
        except WorkbenchError as error:
            self.error_label.setText(str(error))
            return None
        self.error_label.clear()
        return self.report

    def _make(self) -> None:
        report = self.make()
        if report is None:
            return
        self.made.emit(
            self.tr("Assignment for {0} written to {1}: {2} documents, {3} segments").format(
                report.coder, report.path, len(report.documents), report.segments
            )
        )
        self.accept()


# -- the merge dialog --------------------------------------------------------------------


@dataclass
class _Node:
    """A row of the preview tree."""

    text: str
    detail: str = ""
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def add(self, text: str, detail: str = "") -> _Node:
        child = _Node(text, detail, self)
        self.children.append(child)
        return child


class MergePreviewModel(QAbstractItemModel):
    """A merge report as a tree: files, then counts, refusals, conflicts and changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("")

    def _kind_name(self, kind: str) -> str:
        names = {
            "documents": self.tr("Documents"),
            "codes": self.tr("Codes"),
            "segments": self.tr("Segments"),
            "memos": self.tr("Memos"),
        }
        return names.get(kind, kind)

    def _outcome_name(self, outcome: str) -> str:
        names = {
            "added": self.tr("added"),
            "updated": self.tr("updated"),
            "deleted": self.tr("deleted"),
        }
        return names.get(outcome, outcome)

    def set_report(self, report: MergeReport | None) -> None:
        """Show a report (None empties the tree)."""
        self.beginResetModel()
        self._root = _Node("")
        for file in report.files if report is not None else []:
            top = self._root.add(file.file.name, file.coder)
            for kind, counts in file.counts.items():
                top.add(
                    self._kind_name(kind),
                    self.tr("{0} added, {1} updated, {2} deleted, {3} unchanged").format(
                        counts["added"], counts["updated"], counts["deleted"], counts["unchanged"]
                    ),
                )
            if file.refused:
                group = top.add(self.tr("Refused documents"), str(len(file.refused)))
                for refused in file.refused:
                    group.add(refused.name, refused.reason)
            if file.conflicts:
                group = top.add(self.tr("Conflicts"), str(len(file.conflicts)))
                for conflict in file.conflicts:
                    group.add(conflict.what, conflict.reason)
            if file.aside:
                group = top.add(
                    self.tr("Kept aside (written to a CSV file beside the returned file)"),
                    str(len(file.aside)),
                )
                for row in file.aside:
                    where = (
                        f"{row.document} [{row.start}, {row.end})" if row.start is not None else ""
                    )
                    group.add(f"{row.code or row.document} {where}".strip(), row.reason)
            if file.changes:
                group = top.add(self.tr("Changes"), str(len(file.changes)))
                for change in file.changes:
                    group.add(
                        change.what,
                        f"{self._kind_name(change.kind)}: {self._outcome_name(change.outcome)}",
                    )
        self.endResetModel()

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def index(self, row: int, column: int, parent: Index = _NO_INDEX) -> QModelIndex:
        if column not in (0, 1) or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        node = self._node(parent)
        if not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = _NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.children.index(node), 0, node)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        node = self._node(index)
        return node.text if index.column() == 0 else node.detail

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("What"), self.tr("Detail"))[section] if section in (0, 1) else None


class ProposalModel(QAbstractTableModel):
    """The code proposals of a merge, each with a check box: checked ones are accepted."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proposals: list[CodeProposal] = []
        self._accepted: dict[str, bool] = {}

    def set_proposals(self, proposals: list[CodeProposal]) -> None:
        """Show proposals (one row per code); their ``accepted`` flag sets the check box."""
        self.beginResetModel()
        unique: dict[str, CodeProposal] = {}
        for proposal in proposals:
            unique.setdefault(proposal.guid, proposal)
        self._proposals = list(unique.values())
        self._accepted = {p.guid: p.accepted for p in self._proposals}
        self.endResetModel()

    def choice(self) -> CodeChoice:
        """The accepted proposals, as a choice for the core."""
        return CodeChoice.listed({guid for guid, on in self._accepted.items() if on})

    def _kind(self, proposal: CodeProposal) -> str:
        if proposal.kind == "new":
            return self.tr("new code")
        if proposal.kind == "restore":
            return self.tr("deleted in the master since")
        fields = ", ".join(change.field for change in proposal.changes)
        return self.tr("changed: {0}").format(fields)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._proposals)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._proposals):
            return None
        proposal = self._proposals[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            on = self._accepted[proposal.guid]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return proposal.path
            if index.column() == 1:
                return self._kind(proposal)
            return proposal.note
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{c.field}: {c.master!r} → {c.proposed!r}" for c in proposal.changes]
            return "\n".join([proposal.guid, *lines])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        proposal = self._proposals[index.row()]
        self._accepted[proposal.guid] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.changed.emit()
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Code (accept?)"), self.tr("Proposal"), self.tr("Note"))
        return titles[section] if 0 <= section < len(titles) else None


class MergeDialog(QDialog):
    """Choose returned files, look at the preview, decide the code proposals, apply."""

    #: A message for the status bar once the merge is applied.
    merged = Signal(str)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge returned files"))
        self._session = session
        self.report: MergeReport | None = None
        self.result: MergeReport | None = None
        # Files read once for the previews; Apply reads them again.
        self._read: dict[Path, ReturnedFile] = {}
        self.files = QStringListModel(self)
        self.file_list = QListView(self)
        self.file_list.setModel(self.files)
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.file_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("Add returned files…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.preview = MergePreviewModel(self)
        self.preview_view = QTreeView(self)
        self.preview_view.setModel(self.preview)
        self.proposals = ProposalModel(self)
        self.proposal_view = QTreeView(self)
        self.proposal_view.setRootIsDecorated(False)
        self.proposal_view.setModel(self.proposals)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = buttons.addButton(
            self.tr("Apply the merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setEnabled(False)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("Returned files, merged in this order:"), top))
        top_layout.addWidget(self.file_list)
        top_layout.addLayout(file_buttons)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(QLabel(self.tr("What the merge will do:"), middle))
        middle_layout.addWidget(self.preview_view)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(
            QLabel(self.tr("Codes the coders added or changed (checked ones are taken):"), bottom)
        )
        bottom_layout.addWidget(self.proposal_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part in (top, middle, bottom):
            splitter.addWidget(part)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button.clicked.connect(self._remove_selected)
        self.proposals.changed.connect(self._preview_with_checklist)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        self.resize(820, 720)

    def paths(self) -> list[Path]:
        """The chosen files, in merge order."""
        return [Path(p) for p in self.files.stringList()]

    def add_files(self, paths: list[str | Path]) -> None:
        """Add returned files to the list and preview again (with the default choice)."""
        current = self.files.stringList()
        for path in paths:
            if str(path) not in current:
                current.append(str(path))
        self.files.setStringList(current)
        self.refresh(None)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Returned assignment files"), "", self.tr("Projects (*.qdb)")
        )
        if paths:
            self.add_files(list(paths))

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.file_list.selectedIndexes()}, reverse=True)
        for row in rows:
            self.files.removeRows(row, 1)
        self.refresh(None)

    def _preview_with_checklist(self) -> None:
        self.refresh(self.proposals.choice())

    def refresh(self, choice: CodeChoice | None) -> None:
        """Preview the merge of the listed files with a choice (None: the default)."""
        self.report = None
        self.apply_button.setEnabled(False)
        if not self.paths():
            self.preview.set_report(None)
            self.proposals.set_proposals([])
            self.status_label.setText(self.tr("Add the files the coders sent back."))
            return
        try:
            for path in self.paths():
                if path not in self._read:
                    self._read[path] = read_returned(path)
            returned = [self._read[path] for path in self.paths()]
            report = preview_merge(self._session.project, returned, choice)
        except WorkbenchError as error:
            self.preview.set_report(None)
            self.proposals.set_proposals([])
            self.status_label.setText(str(error))
            return
        self.report = report
        self.preview.set_report(report)
        self.preview_view.expandToDepth(0)
        self.preview_view.resizeColumnToContents(0)
        self.proposals.set_proposals([p for f in report.files for p in f.proposals])
        if report.changes_anything:
            self.status_label.setText(report.backup_note)
        else:
            self.status_label.setText(self.tr("The master has all of this already."))
        self.apply_button.setEnabled(report.changes_anything)

    def apply(self) -> MergeReport | None:
        """Merge the files as previewed (one step of the undo history)."""
        if self.report is None:
            return None
        choice = self.proposals.choice() if self.proposals.rowCount() else None
        try:
            result = merge_files(
                self._session.project, self.paths(), choice, run=self._session.run_or_raise
            )
        except WorkbenchError as error:
            self.status_label.setText(str(error))
            return None
        self.result = result
        totals = result.totals()
        self.merged.emit(
            self.tr("Merged: {0} segments added, {1} updated, {2} deleted. {3}").format(
                totals["segments"]["added"],
                totals["segments"]["updated"],
                totals["segments"]["deleted"],
                result.backup_note,
            )
        )
        self.accept()
        return result
