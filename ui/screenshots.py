"""Save screenshots of the start screen, the main window and each panel (English and Spanish).

``python -m ui.screenshots OUTPUT_FOLDER`` draws offscreen unless a display is set, in
a temporary settings file and with a fresh demo project, so it leaves no trace.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def _shoot(folder: Path, language: str) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import app as app_module
    from ui import settings
    from workbench.demo import build_demo

    scratch = Path(tempfile.mkdtemp(prefix="workbench-shots-"))
    store = scratch / "settings.ini"
    settings.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)  # type: ignore[assignment]
    settings.set_language(language)
    application = app_module.application()
    from ui.main_window import MainWindow

    demo = scratch / "demo.qdb"
    build_demo(demo, language=language)
    settings.remember_project(str(demo))
    saved: list[Path] = []

    def save(widget: object, name: str) -> None:
        QApplication.processEvents()
        path = folder / f"{name}-{language}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        saved.append(path)

    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    save(window, "start-screen")
    settings.remember_identity(str(demo), "Ana Ruiz", "AR", "#d62728")
    window.open_project(str(demo))
    workspace = window.workspace
    assert workspace is not None
    project = workspace.session.project
    first = project.documents()[0]
    workspace.show_document(first.id)
    code = project.code_id("1a")
    workspace.codebook.select_code(code)
    save(window, "main-window")
    save(workspace.transcript, "panel-transcript")
    save(workspace.documents, "panel-documents")
    save(workspace.codebook, "panel-codebook")
    for index, name in enumerate(("retrieval", "search", "memos", "attributes")):
        workspace.bottom.setCurrentIndex(index)
        if name == "search":
            workspace.search.query.setText("sindicato" if language == "es" else "union")
            workspace.search.run_search()
        save(workspace.bottom, f"panel-{name}")
    window.close()
    application.processEvents()
    return saved


def main(argv: list[str] | None = None) -> int:
    """Take the screenshots in both languages (each in its own process)."""
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", choices=("en", "es"))
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    if args.language:
        for path in _shoot(args.folder, args.language):
            print(path)
        return 0
    environment = dict(os.environ)
    if not environment.get("DISPLAY"):
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    for language in ("en", "es"):
        command = [sys.executable, "-m", "ui.screenshots", str(args.folder), "--language", language]
        result = subprocess.run(command, env=environment, check=False)
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
