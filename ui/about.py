"""The About box: the version, the bundled libraries and their licences, logs and backups."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import log_folder
from workbench import __version__


@dataclass(frozen=True)
class Library:
    """A library the program is built with, and the licence it is used under (SPDX)."""

    name: str
    distribution: str | None
    licence: str


#: What the installed program bundles (see installer/workbench.spec). The licences were
#: checked against each package's metadata; tests/ui/test_welcome.py keeps them so.
LIBRARIES = (
    Library("Python", None, "PSF-2.0"),
    Library("Qt", None, "LGPL-3.0-only"),
    Library("Qt for Python (PySide6)", "PySide6_Essentials", "LGPL-3.0-only"),
    Library("Shiboken", "shiboken6", "LGPL-3.0-only"),
    Library("SQLAlchemy", "SQLAlchemy", "MIT"),
    Library("Alembic", "alembic", "MIT"),
    Library("Mako", "Mako", "MIT"),
    Library("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    Library("pandas", "pandas", "BSD-3-Clause"),
    Library("NumPy", "numpy", "BSD-3-Clause"),
    Library("OpenBLAS (in NumPy)", None, "BSD-3-Clause"),
    Library("python-dateutil", "python-dateutil", "BSD-3-Clause"),
    Library("tzdata", "tzdata", "Apache-2.0"),
    Library("python-docx", "python-docx", "MIT"),
    Library("lxml", "lxml", "BSD-3-Clause"),
    Library("pypdf", "pypdf", "BSD-3-Clause"),
    Library("pyqtgraph", "pyqtgraph", "MIT"),
    Library("openpyxl", "openpyxl", "MIT"),
    Library("et-xmlfile", "et_xmlfile", "MIT"),
    Library("psycopg", "psycopg", "LGPL-3.0-only"),
    Library("libpq (in psycopg)", None, "PostgreSQL"),
    Library("platformdirs", "platformdirs", "MIT"),
    Library("charset-normalizer", "charset-normalizer", "MIT"),
    Library("xmlschema", "xmlschema", "MIT"),
    Library("elementpath", "elementpath", "MIT"),
    Library("defusedxml", "defusedxml", "PSF-2.0"),
    Library("typing_extensions", "typing_extensions", "PSF-2.0"),
)


def library_version(library: Library) -> str:
    """The version in use, or an empty string when it cannot be told."""
    if library.name == "Python":
        return platform.python_version()
    if library.name == "Qt":
        return qVersion()
    if library.distribution is None:
        return ""
    try:
        return metadata.version(library.distribution)
    except metadata.PackageNotFoundError:
        return ""


def licence_folder() -> Path | None:
    """Where the installed program keeps the libraries' licence texts (None from source)."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if getattr(sys, "frozen", False) and bundle else None


class AboutDialog(QDialog):
    """Who made this, with what, under which licences, and where its files are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Coding Workbench"))
        self.resize(620, 640)
        self.heading = QLabel(self.tr("<h2>Coding Workbench {0}</h2>").format(__version__), self)
        self.summary = QLabel(
            self.tr(
                "<p>Qualitative coding of interview and focus-group transcripts: code, "
                "check agreement between coders, export report appendices.</p>"
                "<p>Open source under the MIT licence.</p>"
            ),
            self,
        )
        self.summary.setWordWrap(True)
        built_with = QLabel(self.tr("<b>Built with</b>"), self)
        self.libraries = QTableWidget(len(LIBRARIES), 3, self)
        self.libraries.setHorizontalHeaderLabels(
            [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        )
        for row, library in enumerate(LIBRARIES):
            for column, text in enumerate(
                (library.name, library_version(library), library.licence)
            ):
                self.libraries.setItem(row, column, QTableWidgetItem(text))
        self.libraries.verticalHeader().setVisible(False)
        self.libraries.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.libraries.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.libraries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.libraries.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.libraries.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        notes = [
            self.tr(
                "Qt and Qt for Python are used under the GNU LGPL version 3, as shared "
                "libraries that you may replace; their source is at qt.io."
            )
        ]
        folder = licence_folder()
        if folder is not None:
            notes.append(
                self.tr(
                    "The licence texts are in the program's folder, in each library's "
                    ".dist-info folder: {0}"
                ).format(folder)
            )
        self.licence_note = QLabel("<br>".join(notes), self)
        self.licence_note.setWordWrap(True)
        self.folders = QLabel(
            self.tr(
                "<p><b>Logs</b>: {0}</p>"
                "<p><b>Backups</b>: a project file NAME.qdb keeps its backups beside it, in "
                "the folder NAME.backups; before a project is updated to a newer version of "
                "the program, a copy of it is saved beside it too.</p>"
            ).format(log_folder()),
            self,
        )
        self.folders.setWordWrap(True)
        self.folders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_logs = QPushButton(self.tr("Open the log folder"), self)
        self.open_logs.clicked.connect(self._open_logs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(built_with)
        layout.addWidget(self.libraries, 1)
        layout.addWidget(self.licence_note)
        layout.addWidget(self.folders)
        layout.addWidget(buttons)

    def text(self) -> str:
        """Everything the box says, as plain text (for tests and the clipboard)."""
        rows = [
            " ".join(self.libraries.item(row, column).text() for column in range(3))
            for row in range(self.libraries.rowCount())
        ]
        labels = (self.heading, self.summary, self.licence_note, self.folders)
        return "\n".join([*(label.text() for label in labels), *rows])

    def _open_logs(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_about(parent: QWidget | None = None) -> None:
    """Show the About box and wait until it is closed."""
    AboutDialog(parent).exec()
