"""A merge killed half-way leaves the master exactly as before it, or exactly as after it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.workbench.team.scenario import TEXTS, build_master, dump
from workbench.commands.segments import AddSegments, NewSegment
from workbench.project import Project
from workbench.team import make_assignment, merge_files
from workbench.team.merge import HOLD_VARIABLE

ROOT = Path(__file__).resolve().parents[3]
#: Enough segments that the merge's transaction lasts a while.
MANY = 20_000


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A master and a returned file in which Ben coded many passages."""
    folder = tmp_path_factory.mktemp("big")
    master = build_master(str(folder / "master.qdb"))
    with Project.open(master.location) as project:
        project.use_coder("Ana Ruiz")
        returned = make_assignment(project, "Ben Carter", None, folder / "ben.qdb").path
    with Project.open(returned) as copy:
        copy.use_coder("Ben Carter")
        documents = [d.id for d in copy.documents()]
        codes = [c.id for c in copy.codes() if c.codable]
        length = min(len(text) for text in TEXTS.values())
        copy.run(
            AddSegments(
                [
                    NewSegment(
                        documents[n % len(documents)],
                        codes[n % len(codes)],
                        n % (length - 20),
                        n % (length - 20) + 1 + n % 19,
                    )
                    for n in range(MANY)
                ]
            )
        )
    return Path(master.location), returned


def _copy(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    return target


def _merge_process(master: Path, returned: Path, hold: Path | None) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.pop(HOLD_VARIABLE, None)
    if hold is not None:
        env[HOLD_VARIABLE] = str(hold)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workbench",
            "--coder",
            "Ana Ruiz",
            "merge",
            str(master),
            str(returned),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for(path_exists: object, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(path_exists) and path_exists():
            return
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            pytest.fail(f"the merge ended before it was killed: {stderr}")
        time.sleep(0.02)
    process.kill()
    pytest.fail("the merge did not get there in time")


def _kill(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _state(path: Path, *, skip: tuple[str, ...] = ("event",)) -> dict[str, list[object]]:
    with Project.open(path) as project:
        return dump(project, skip=skip)


def test_killed_inside_the_transaction_the_master_is_as_before(
    big: tuple[Path, Path], tmp_path: Path
) -> None:
    master = _copy(big[0], tmp_path, "master.qdb")
    returned = big[1]
    before = _state(master, skip=())  # the audit log too: the merge's entry is not there
    marker = tmp_path / "inside"
    process = _merge_process(master, returned, marker)
    # The marker is written once every row of the merge is written, before the commit.
    _wait_for(marker.exists, process, timeout=120)
    _kill(process)
    assert _state(master, skip=()) == before
    # The master is sound: the same merge now goes through, and all of it.
    with Project.open(master) as project:
        project.use_coder("Ana Ruiz")
        report = merge_files(project, [returned])
    assert report.totals()["segments"]["added"] == MANY
    assert len(_state(master)["segment"]) == len(before["segment"]) + MANY


@pytest.fixture(scope="module")
def outcomes(
    big: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, list[object]], dict[str, list[object]]]:
    """The master's state before the merge, and after it (but the audit log)."""
    merged = _copy(big[0], tmp_path_factory.mktemp("merged"), "merged.qdb")
    before = _state(merged)
    with Project.open(merged) as project:
        project.use_coder("Ana Ruiz")
        merge_files(project, [big[1]])
    return before, _state(merged)


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8])
def test_killed_at_any_moment_the_master_is_before_or_after(
    big: tuple[Path, Path],
    outcomes: tuple[dict[str, list[object]], dict[str, list[object]]],
    tmp_path: Path,
    delay: float,
) -> None:
    master = _copy(big[0], tmp_path, "master.qdb")
    returned = big[1]
    before, after = outcomes
    assert after != before
    process = _merge_process(master, returned, None)
    # The backup is taken just before the transaction begins.
    _wait_for(lambda: any(tmp_path.glob("master.backup-merge-*")), process, timeout=120)
    time.sleep(delay)
    if process.poll() is None:
        _kill(process)
    state = _state(master)
    assert state in (before, after)
