"""The attributes and case links of the current document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.session import AppSession
from workbench.changes import Changes
from workbench.commands.attributes import SetAttributeValues
from workbench.commands.cases import CreateCase, LinkDocuments
from workbench.entities import AttributeInfo
from workbench.queries import cases


class AttributesPanel(QWidget):
    """Edits the current document's attribute values and its cases; each edit is undoable."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._document_id: int | None = None
        self._editors: dict[int, QComboBox | QLineEdit] = {}
        self.title = QLabel(self.tr("Choose a document to see and edit its attributes."), self)
        self.title.setWordWrap(True)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        self.cases = QListWidget(self)
        self.new_case = QPushButton(self.tr("New case…"), self)
        cases_box = QVBoxLayout()
        cases_box.addWidget(QLabel(self.tr("Cases this document belongs to:"), self))
        cases_box.addWidget(self.cases)
        cases_box.addWidget(self.new_case)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(cases_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(body)
        self.new_case.clicked.connect(self.add_case)
        self.cases.itemChanged.connect(self._case_toggled)
        session.bus.changed.connect(self._changed)
        self.set_document(None)

    def set_document(self, document_id: int | None) -> None:
        """Show the attributes of this document (None: nothing)."""
        self._document_id = document_id
        self._build()

    def _changed(self, changes: Changes) -> None:
        if {
            "attribute",
            "attribute_value",
            "case",
        } & changes.kinds() or "document" in changes.removed:
            self._build()

    def _build(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._editors.clear()
        project = self._session.project
        document = next((d for d in project.documents() if d.id == self._document_id), None)
        enabled = document is not None
        self.form_host.setEnabled(enabled)
        self.cases.setEnabled(enabled)
        self.new_case.setEnabled(enabled)
        if document is None:
            self.title.setText(self.tr("Choose a document to see and edit its attributes."))
            self.cases.clear()
            return
        self.title.setText(f"<b>{document.name}</b>")
        for attribute in project.attributes():
            editor = self._editor(attribute, document.attributes.get(attribute.name, ""))
            self._editors[attribute.id] = editor
            self.form.addRow(attribute.name, editor)
        self._fill_cases()

    def _editor(self, attribute: AttributeInfo, value: str) -> QComboBox | QLineEdit:
        if attribute.kind in ("choice", "bool"):
            combo = QComboBox(self.form_host)
            combo.addItem("", "")
            choices = attribute.choices if attribute.kind == "choice" else ("yes", "no")
            for choice in choices:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.activated.connect(
                lambda _i, a=attribute.id, c=combo: self._set(a, c.currentData())
            )
            return combo
        line = QLineEdit(value, self.form_host)
        if attribute.kind == "date":
            line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        line.editingFinished.connect(lambda a=attribute.id, e=line: self._set(a, e.text()))
        return line

    def _set(self, attribute_id: int, value: str) -> None:
        if self._document_id is None:
            return
        current = next(
            (d for d in self._session.project.documents() if d.id == self._document_id), None
        )
        names = {a.id: a.name for a in self._session.project.attributes()}
        if current is not None and current.attributes.get(names[attribute_id], "") == value:
            return
        self._session.run(SetAttributeValues([(self._document_id, attribute_id, value or None)]))

    def _fill_cases(self) -> None:
        self.cases.blockSignals(True)
        self.cases.clear()
        with self._session.project.read() as session:
            rows = cases(session)
        for case_id, name, documents in rows:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            linked = self._document_id in documents
            item.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.cases.blockSignals(False)

    def _case_toggled(self, item: QListWidgetItem) -> None:
        if self._document_id is None:
            return
        link = item.checkState() == Qt.CheckState.Checked
        self._session.run(
            LinkDocuments(int(item.data(Qt.ItemDataRole.UserRole)), [self._document_id], link=link)
        )

    def add_case(self) -> None:
        """Create a case and link the current document to it."""
        name, ok = QInputDialog.getText(self, self.tr("New case"), self.tr("Name of the case:"))
        if not ok or not name.strip() or self._document_id is None:
            return
        command = CreateCase(name)
        if self._session.run(command) is not None and command.case_id is not None:
            self._session.run(LinkDocuments(command.case_id, [self._document_id]))
