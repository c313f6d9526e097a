"""A process killed while importing leaves the project with all of the import or none of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.project import Project

FILES = 150


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("transcripts")
    paragraph = "TRABAJADORA: Formamos un sindicato independiente y votamos en secreto; acción. "
    for number in range(FILES):
        text = f"Entrevista {number}\n" + (paragraph * 250 + "\n") * 2
        (source / f"entrevista-{number:03d}.txt").write_text(text, encoding="utf-8")
    return source


@pytest.mark.parametrize("delay", [0.4, 0.9, 1.4, 2.0, 3.0])
def test_killed_import_is_all_or_nothing(folder: Path, tmp_path: Path, delay: float) -> None:
    project = tmp_path / "p.qdb"
    Project.create(project).close()
    command = [
        sys.executable,
        "-m",
        "workbench",
        "--coder",
        "Ana",
        "import",
        str(project),
        str(folder),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    with Project.open(project) as opened:
        documents = opened.documents()
        assert len(documents) in (0, FILES)
        if documents:
            assert all(d.length > 30_000 for d in documents)
            assert opened.text(documents[0].id).startswith("Entrevista")
            assert opened.events(limit=1)[0].action == "document.import"
        else:
            assert all(e.action != "document.import" for e in opened.events())
