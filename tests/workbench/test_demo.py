"""The demo project: what a new user sees first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resources import RESOURCES
from workbench.demo import build_demo
from workbench.project import Project


@pytest.mark.parametrize("language", ["es", "en"])
def test_demo_holds_documents_codes_and_two_coders(tmp_path: Path, language: str) -> None:
    spec = json.loads((RESOURCES / "demo" / "demo.json").read_text(encoding="utf-8"))
    summary = build_demo(tmp_path / "demo.qdb", language=language)
    assert summary.documents == 12 and summary.coders == 2
    with Project.open(tmp_path / "demo.qdb") as project:
        coders = {c.initials: c for c in project.coders()}
        assert set(coders) == {"AR", "BC"}
        assert coders["AR"].role == "lead"
        segments = project.segments()
        assert len(segments) == len(spec["codings"])
        by_coder = {
            initials: sum(s.coder_id == c.id for s in segments) for initials, c in coders.items()
        }
        assert by_coder["AR"] > 20 and by_coder["BC"] > 20
        state = "Estado" if language == "es" else "State"
        assert all(state in d.attributes for d in project.documents())


def test_demo_quotes_land_on_their_text_after_an_emoji(tmp_path: Path) -> None:
    spec = json.loads((RESOURCES / "demo" / "demo.json").read_text(encoding="utf-8"))
    build_demo(tmp_path / "demo.qdb")
    with Project.open(tmp_path / "demo.qdb") as project:
        documents = {d.original_filename: d.id for d in project.documents()}
        checked_after_emoji = 0
        segments = sorted(project.segments(), key=lambda s: s.id)
        for coding, segment in zip(spec["codings"], segments, strict=True):
            document_id = documents[Path(coding["document"]).name]
            text = project.text(document_id)
            assert text[segment.start : segment.end] == coding["quote"]
            if any(ord(ch) > 0xFFFF for ch in text[: segment.start]):
                checked_after_emoji += 1
        assert checked_after_emoji >= 1
