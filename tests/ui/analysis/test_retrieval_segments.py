"""The retrieval panel shows a given list of segments (the quotes behind a matrix cell)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from ui.retrieval.model import RetrievalModel
from ui.retrieval.panel import RetrievalPanel
from ui.session import AppSession


def test_the_model_shows_given_segments(qtmodeltester, session: AppSession) -> None:  # type: ignore[no-untyped-def]
    project = session.project
    model = RetrievalModel(session)
    qtmodeltester.check(model, force_py=True)
    every = project.segments()
    chosen = [s.id for s in every[::7]]
    model.show_segments(list(reversed(chosen)))
    assert model.has_codes
    shown = [model.row_at(r) for r in range(model.rowCount())]
    assert sorted(s.segment_id for s in shown) == sorted(chosen)
    assert [(s.document_id, s.start) for s in shown] == sorted(
        (s.document_id, s.start) for s in shown
    )
    text = project.text(shown[0].document_id)
    assert shown[0].quote == text[shown[0].start : shown[0].end]

    # More ids than one query takes, unknown ones among them: read in chunks, unknown left out.
    model.show_segments(list(range(1, 1300)))
    assert model.rowCount() == len(every)

    # The coder filter still applies; choosing codes again leaves the list.
    ana = next(c for c in project.coders() if c.name == "Ana Ruiz")
    model.set_coder(ana.id)
    assert 0 < model.rowCount() < len(every)
    assert all(model.row_at(r).coder == "Ana Ruiz" for r in range(model.rowCount()))
    model.set_codes([])
    assert model.rowCount() == 0 and not model.has_codes


def test_the_panel_titles_the_passages(qtbot: QtBot, session: AppSession) -> None:
    panel = RetrievalPanel(session)
    qtbot.addWidget(panel)
    ids = [s.id for s in session.project.segments()[:3]]
    panel.show_segments(ids, "1a × SC2")
    assert panel.model.rowCount() == 3
    assert panel.summary.text().startswith("1a × SC2: 3 passages in ")
    panel.set_codes([])
    assert "1a × SC2" not in panel.summary.text()
