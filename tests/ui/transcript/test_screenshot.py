"""A picture of the view on the demo's first Spanish interview, both coders' codings shown.

Set ``TRANSCRIPT_SCREENSHOT`` to a file path to keep a copy of the picture.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.ui.transcript.helpers import tinted_units, utf16
from ui.session import AppSession
from ui.transcript import TranscriptView
from workbench.demo import build_demo
from workbench.project import Project

MakeView = Callable[[Project], tuple[AppSession, TranscriptView]]


def test_screenshot_of_the_veracruz_interview(
    tmp_path: Path, make_view: MakeView, qtbot: QtBot
) -> None:
    build_demo(tmp_path / "demo.qdb")
    project = Project.open(tmp_path / "demo.qdb")
    project.use_coder("Ana Ruiz")
    document = next(
        d for d in project.documents() if d.original_filename == "entrevista-01-veracruz.txt"
    )
    text = project.text(document.id)
    _session, view = make_view(project)
    view.resize(1000, 760)
    view.show_document(document.id)

    # The passage after "👍😊" is highlighted over exactly its characters.
    quote = "Para mí eso es lo más importante"
    segment = next(
        s
        for s in project.segments(document_ids=[document.id])
        if text[s.start : s.end].startswith(quote)
    )
    block = view.model.index.block_of(segment.start)
    qtbot.waitUntil(lambda: bool(tinted_units(view, block)))
    tinted = tinted_units(view, block)
    assert set(range(utf16(text, segment.start), utf16(text, segment.end))) <= tinted
    assert utf16(text, segment.start) - 1 not in tinted

    coders = {s.coder_id for s in view.editor.stripes.stripes()}
    assert coders == {c.id for c in project.coders()}  # both coders' bars are on screen

    path = tmp_path / "transcript-view.png"
    assert view.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (
        round(1000 * image.devicePixelRatio()),
        round(760 * image.devicePixelRatio()),
    )
    keep = os.environ.get("TRANSCRIPT_SCREENSHOT")
    if keep:
        image.save(keep)
