"""``python -m bench.window [--quick]``: time opening the main window on a large project.

Builds (untimed) a project at the evaluation's scale straight through the core's
commands (300 documents of about 20,000 characters, 60 codes, 4 coders, 100,000
segments), then times, offscreen, ``MainWindow.open_project`` until the window with
the first transcript and its highlights has been painted. Target: under 2 s.
Reports; never asserts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import corpus
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.newproject import create_project

TARGET_SECONDS = 2.0


def build(path: Path, spec: corpus.CorpusSpec) -> None:
    rng = random.Random(spec.seed)
    with create_project(path, coder="Ana Ruiz") as project:
        documents = []
        for number in range(1, spec.files + 1):
            title, turns = corpus.transcript_turns(rng, number, spec.chars_per_file)
            text = title + "\n" + "\n".join(f"{who}: {speech}" for who, speech in turns)
            digest = hashlib.sha256(text.encode()).hexdigest()
            documents.append(NewDocument(f"Transcript {number:03d}", text, "txt", digest))
        project.run(ImportDocuments(documents), undoable=False)
        codes = corpus.build_codebook(project, spec)
        coders = corpus.add_coders(project, spec)
        corpus.add_segments(project, spec, codes, coders)


def time_open(path: Path, repetitions: int) -> list[float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import settings
    from ui.app import application

    store = Path(tempfile.mkdtemp()) / "settings.ini"
    settings.settings = lambda: QSettings(str(store), QSettings.Format.IniFormat)  # type: ignore[assignment]
    settings.remember_identity(str(path), "Ana Ruiz", "AR", "#d62728")
    application()
    from ui.main_window import MainWindow

    times: list[float] = []
    for _ in range(repetitions):
        window = MainWindow()
        window.resize(1440, 900)
        window.show()
        QApplication.processEvents()
        started = time.perf_counter()
        window.open_project(str(path))
        window.repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - started)
        window.close_project()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.window", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="30 documents and 10,000 segments")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args(argv)
    spec = corpus.QUICK if args.quick else corpus.FULL
    folder = Path(tempfile.mkdtemp(prefix="bench-window-"))
    path = folder / "project.qdb"
    started = time.perf_counter()
    build(path, spec)
    built = time.perf_counter() - started
    times = time_open(path, args.repetitions)
    median = statistics.median(times)
    print(
        f"Main window on a project of {spec.files} documents, {spec.segments:,} segments, "
        f"{spec.codes} codes, {spec.coders} coders (built in {built:.1f} s, not timed)\n"
    )
    print("| measure | target | measured | result |")
    print("|---|---|---|---|")
    verdict = "meets" if median < TARGET_SECONDS else "**misses**"
    spread = f"n={len(times)}; min {min(times):.2f}, max {max(times):.2f}"
    print(
        "| open the project in the main window, first transcript painted "
        f"| < {TARGET_SECONDS:.0f} s | median {median:.2f} s ({spread}) | {verdict} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
