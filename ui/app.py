"""Starting the desktop application: Qt, translations, logging, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from resources import RESOURCES
from ui import settings
from ui.errors import install_excepthook, setup_logging

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("en", "es")
#: The translators installed now (switch_language replaces them).
_installed: list[QTranslator] = []


def interface_language() -> str:
    """The language to show: the one chosen in the settings, else the system's (en or es)."""
    chosen = settings.language()
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own for the language (English needs none)."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"workbench_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def switch_language(app: QApplication, language: str) -> None:
    """Replace the installed translations; open widgets get a LanguageChange event."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed[:] = install_translations(app, language)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, named, translated."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    from workbench import __version__

    app.setApplicationVersion(__version__)
    switch_language(app, interface_language())
    return app


def run_gui(location: str | Path | None = None) -> int:
    """Open the main window (on a project, if given) and run until it closes."""
    setup_logging()
    app = application()
    install_excepthook()
    from ui.main_window import MainWindow
    from ui.welcome import act_on, welcome_on_first_start

    choice = welcome_on_first_start() if location is None else None
    window = MainWindow()
    window.show()
    if location is not None:
        window.open_project(str(location))
    elif choice is not None:
        QTimer.singleShot(0, lambda: act_on(window, choice))
    return app.exec()
