"""``python -m bench.transcript_view``: how the transcript view keeps up with a long transcript.

One 500,000-character transcript with 5,000 segments from 4 coders over 60 codes,
shown offscreen in a :class:`ui.transcript.TranscriptView`. It measures the time to
the first painted screen with highlights, the time from coding a selection to the
highlight being painted, and the paint time per screen while scrolling through the
whole document. Prints a Markdown table; never asserts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from bench.corpus import CorpusSpec, add_coders, build_codebook, transcript_turns
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.segments import AddSegment, AddSegments, NewSegment
from workbench.project import Project

TARGET_FIRST_SCREEN_S = 0.3
TARGET_CODING_S = 0.030


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def make_transcript(chars: int, seed: int) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """A long interview: a title and ``SPEAKER: speech`` paragraphs, with speaker turns."""
    rng = random.Random(seed)
    title, turns = transcript_turns(rng, 1, chars)
    lines = [title]
    spans: list[tuple[int, int, str]] = []
    offset = len(title) + 1
    for speaker, speech in turns:
        line = f"{speaker}: {speech}"
        spans.append((offset + len(speaker) + 2, offset + len(line), speaker))
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), tuple(spans)


def build(folder: Path, chars: int, segments: int, seed: int) -> tuple[Project, int, list[int]]:
    spec = CorpusSpec(files=1, chars_per_file=chars, codes=60, coders=4, segments=segments)
    project = Project.create(folder / "bench-view.qdb")
    project.use_coder("Ana Ruiz")
    codes = build_codebook(project, spec)
    coders = add_coders(project, spec)
    text, turns = make_transcript(chars, seed)
    imported = ImportDocuments(
        [
            NewDocument(
                name="Entrevista larga",
                text=text,
                source_format="txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                turns=turns,
            )
        ]
    )
    project.run(imported, undoable=False)
    document_id = imported.document_ids[0]
    rng = random.Random(seed + 1)
    batch: list[NewSegment] = []
    for _ in range(segments):
        span = rng.randint(40, 900)
        start = rng.randrange(0, len(text) - span)
        batch.append(
            NewSegment(document_id, rng.choice(codes), start, start + span, "", rng.choice(coders))
        )
    project.run(AddSegments(batch, origin="import"), undoable=False)
    return project, document_id, codes


def wait_for_paint(app: QApplication, counter: PaintCounter, before: int) -> None:
    deadline = time.perf_counter() + 10
    while counter.count <= before and time.perf_counter() < deadline:
        app.processEvents()


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.transcript_view", description=__doc__)
    parser.add_argument("--chars", type=int, default=500_000)
    parser.add_argument("--segments", type=int, default=5_000)
    parser.add_argument("--screens", type=int, default=300, help="screens painted while scrolling")
    parser.add_argument("--seed", type=int, default=20_250_301)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    from ui.session import AppSession
    from ui.transcript import TranscriptView

    with tempfile.TemporaryDirectory(prefix="bench-view-") as folder:
        started = time.perf_counter()
        project, document_id, codes = build(Path(folder), args.chars, args.segments, args.seed)
        setup = time.perf_counter() - started
        session = AppSession(project)
        view = TranscriptView(session)
        view.resize(1280, 900)
        view.show()
        app.processEvents()
        editor = view.editor
        counter = PaintCounter()
        editor.viewport().installEventFilter(counter)

        # 1. First screen: load, index, lay out and highlight, then paint.
        before = counter.count
        started = time.perf_counter()
        view.show_document(document_id)
        loaded = time.perf_counter()
        wait_for_paint(app, counter, before)
        first_screen = time.perf_counter() - started
        load_part = loaded - started

        # 2. Code a selection in the middle of the screen until its highlight is painted.
        editor.verticalScrollBar().setValue(editor.verticalScrollBar().maximum() // 2)
        app.processEvents()
        block = editor.firstVisibleBlock().next().next()
        start = view.model.positions.to_code_points(block.position()) + 5
        coding_times: list[float] = []
        run_times: list[float] = []
        for attempt in range(5):
            view.select_span(start + attempt * 7, start + attempt * 7 + 40)
            app.processEvents()
            span = view.selected_span()
            assert span is not None
            before = counter.count
            started = time.perf_counter()
            session.run(AddSegment(document_id, codes[attempt], *span))
            ran = time.perf_counter()
            wait_for_paint(app, counter, before)
            coding_times.append(time.perf_counter() - started)
            run_times.append(ran - started)

        # 3. Scroll through the whole document, painting each screen.
        bar = editor.verticalScrollBar()
        bar.setValue(0)
        app.processEvents()
        steps = max(1, args.screens)
        paints: list[float] = []
        for step in range(steps + 1):
            bar.setValue(round(bar.maximum() * step / steps))

            def paint_screen() -> None:
                editor.viewport().repaint()
                editor.stripes.repaint()
                editor.numbers.repaint()

            paints.append(timed(paint_screen))
        app.processEvents()

        blocks = editor.document().blockCount()
        painted_blocks = editor.highlighter.painted_blocks
        columns = view.model.column_count
        view.close()
        session.close()

    ms = 1000.0
    rows = [
        ("first painted screen with highlights", f"{TARGET_FIRST_SCREEN_S * ms:.0f}",
         f"{first_screen * ms:.0f}", f"show_document {load_part * ms:.0f} ms, rest is the paint"),
        ("code a selection until painted (median of 5)", f"{TARGET_CODING_S * ms:.0f}",
         f"{statistics.median(coding_times) * ms:.1f}",
         f"of which the core command {statistics.median(run_times) * ms:.1f} ms; "
         f"max {max(coding_times) * ms:.1f} ms"),
        ("paint one screen while scrolling, median", "",
         f"{statistics.median(paints) * ms:.1f}", f"{len(paints)} screens"),
        ("paint one screen while scrolling, max", "", f"{max(paints) * ms:.1f}", ""),
    ]  # fmt: skip
    print(
        f"Transcript view: {args.chars:,} characters, {blocks:,} paragraphs, "
        f"{args.segments:,} segments (4 coders, 60 codes), {columns} stripe columns; "
        f"setup {setup:.1f} s; {painted_blocks:,} blocks highlighted in all\n"
    )
    print("| measure | target (ms) | measured (ms) | notes |")
    print("|---|---:|---:|---|")
    for name, target, measured, notes in rows:
        print(f"| {name} | {target} | {measured} | {notes} |")


if __name__ == "__main__":
    main()
