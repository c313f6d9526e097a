"""The frozen program's entry point: the ``workbench`` command, as ``ui.launcher`` runs it.

PyInstaller starts here. Everything the installed command does works the same way:
no argument opens the window, ``PROJECT.qdb`` opens a project, anything else is the
command line (``--version``, ``demo``, ``agreement``, ``export`` ...).

One option exists only in the frozen program, for the smoke test of a build::

    workbench --screenshot OUT.png PROJECT.qdb [--language en|es] [--size 1280x800]

opens the main window on the project (offscreen unless a platform is set), saves a
picture of it and exits. It uses throwaway settings, so it leaves no trace in the
user's preferences, and prints one JSON line: the picture's path and size and the
seconds from the start of Python to the saved picture.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

SCREENSHOT = "--screenshot"


def _screenshot_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench --screenshot",
        description="Open the main window on a project, save a picture of it, and exit.",
    )
    parser.add_argument(SCREENSHOT, dest="output", required=True, metavar="OUT.png")
    parser.add_argument("project", metavar="PROJECT")
    parser.add_argument("--language", choices=("en", "es"), default="en")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    return parser


def screenshot(argv: Sequence[str]) -> int:
    """Open the main window on a project offscreen, save its picture, exit (0 when saved)."""
    args = _screenshot_parser().parse_args(list(argv))
    width, _, height = args.size.partition("x")
    output = Path(args.output).resolve()
    project = str(Path(args.project).resolve()) if "://" not in args.project else args.project
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QSettings

    from ui import settings

    scratch = Path(tempfile.mkdtemp(prefix="workbench-screenshot-"))
    store = scratch / "settings.ini"
    settings.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)  # type: ignore[assignment]
    settings.set_language(args.language)
    settings.remember_identity(project, "Smoke Test", "ST", "#2a7f62")

    from ui.app import application
    from ui.errors import setup_logging

    setup_logging()
    app = application()
    from ui.main_window import MainWindow

    window = MainWindow()
    window.resize(int(width), int(height))
    window.show()
    if not window.open_project(project):
        print(f"workbench: could not open {project}", file=sys.stderr)
        return 1
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    output.parent.mkdir(parents=True, exist_ok=True)
    saved = image.save(str(output), "PNG")
    seconds = time.perf_counter() - _STARTED
    menu = window.menuBar().actions()[0].text()
    window.close()
    app.processEvents()
    shutil.rmtree(scratch, ignore_errors=True)
    if not saved:
        print(f"workbench: could not save {output}", file=sys.stderr)
        return 1
    report = {
        "screenshot": str(output),
        "width": image.width(),
        "height": image.height(),
        "seconds_to_window": round(seconds, 3),
        "platform": app.platformName(),
        # Which translations are loaded: ours (the first menu) and Qt's own.
        "menu": menu,
        "qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel"),
    }
    print(json.dumps(report))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the frozen program; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if SCREENSHOT in args:
        return screenshot(args)
    from ui.launcher import main as launcher_main

    return launcher_main(args)


if __name__ == "__main__":
    sys.exit(main())
