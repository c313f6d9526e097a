"""The start screen: recent projects, a new project, a file, a server, the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import settings


class NewProjectDialog(QDialog):
    """Where the new project goes, and whether it starts from the evaluation template."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New project"))
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("Where to save the project file (.qdb)"))
        browse = QPushButton(self.tr("Choose…"), self)
        self.template = QCheckBox(self.tr("Start from the USMCA evaluation codebook"), self)
        self.template.setChecked(True)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.addItem(self.tr("English"), "en")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File"), row)
        form.addRow("", self.template)
        form.addRow(self.tr("Codebook language"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        browse.clicked.connect(self._browse)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New project"),
            str(Path.home() / "project.qdb"),
            self.tr("Projects (*.qdb)"),
        )
        if path:
            self.path.setText(path if path.endswith(".qdb") else path + ".qdb")

    def choice(self) -> tuple[str, str | None, str]:
        """The path, the template (or None) and the language."""
        template = "usmca-evaluation" if self.template.isChecked() else None
        return self.path.text().strip(), template, str(self.language.currentData())


class StartScreen(QWidget):
    """What the window shows when no project is open."""

    open_requested = Signal(str)
    new_requested = Signal(str, object, str)  # path, template or None, language
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Coding Workbench"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr(
                "Code interview and focus-group transcripts, check agreement, export appendices."
            ),
            self,
        )
        subtitle.setWordWrap(True)
        self.recent = QListWidget(self)
        self.recent.setMinimumWidth(420)
        self.empty_recent = QLabel(self.tr("Projects you open will be listed here."), self)
        self.empty_recent.setEnabled(False)
        self.new_button = QPushButton(self.tr("New project…"), self)
        self.open_button = QPushButton(self.tr("Open a project file…"), self)
        self.server_button = QPushButton(self.tr("Open a server project…"), self)
        self.demo_button = QPushButton(self.tr("Open the demo project"), self)
        self.new_button.setDefault(True)
        actions = QVBoxLayout()
        for button in (self.new_button, self.open_button, self.server_button, self.demo_button):
            button.setMinimumHeight(36)
            actions.addWidget(button)
        actions.addStretch(1)
        recent_box = QVBoxLayout()
        recent_box.addWidget(QLabel(self.tr("<b>Recent projects</b>"), self))
        recent_box.addWidget(self.recent, 1)
        recent_box.addWidget(self.empty_recent)
        body = QHBoxLayout()
        body.addLayout(recent_box, 3)
        body.addSpacing(24)
        body.addLayout(actions, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(24)
        layout.addLayout(body, 1)
        self.recent.itemActivated.connect(self._open_recent)
        self.new_button.clicked.connect(self._new)
        self.open_button.clicked.connect(self._open_file)
        self.server_button.clicked.connect(self._open_server)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        self.refresh()

    def refresh(self) -> None:
        """Show the recent projects again."""
        self.recent.clear()
        for location in settings.recent_projects():
            item = QListWidgetItem(Path(location).name if "://" not in location else location)
            item.setToolTip(location)
            item.setData(Qt.ItemDataRole.UserRole, location)
            self.recent.addItem(item)
        self.empty_recent.setVisible(self.recent.count() == 0)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _new(self) -> None:
        dialog = NewProjectDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            path, template, language = dialog.choice()
            if path:
                self.new_requested.emit(path, template, language)

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a project"), "", self.tr("Projects (*.qdb)")
        )
        if path:
            self.open_requested.emit(path)

    def _open_server(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            self.tr("Open a server project"),
            self.tr("Database URL, for example postgresql+psycopg://ana@server/evaluation:"),
        )
        if ok and url.strip():
            self.open_requested.emit(url.strip())
