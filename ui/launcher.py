"""The ``workbench`` program: the GUI when asked for no subcommand, else the command line.

``workbench`` opens the start screen, ``workbench PROJECT.qdb`` opens a project,
``workbench demo`` builds the demo project and opens it (``--no-open`` only builds),
and every other subcommand is the core's command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from workbench.cli.main import build_parser
from workbench.cli.main import main as cli_main


def display_available() -> bool:
    """Whether a window can open here (a display, or Qt told to draw offscreen)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _open(location: str | None) -> int:
    if not display_available():
        where = f" The project is at {location}." if location else ""
        print(f"workbench: no display here, so the window cannot open.{where}", file=sys.stderr)
        return 1
    from ui.app import run_gui

    return run_gui(location)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return _open(None)
    if (
        len(args) == 1
        and not args[0].startswith("-")
        and (args[0].endswith(".qdb") or "://" in args[0])
    ):
        return _open(args[0])
    parsed = build_parser().parse_args(args)
    status = cli_main(args)
    if status != 0 or parsed.command != "demo" or parsed.no_open:
        return status
    from workbench.demo import default_demo_path

    return _open(str(Path(parsed.path) if parsed.path else default_demo_path()))


if __name__ == "__main__":
    sys.exit(main())
