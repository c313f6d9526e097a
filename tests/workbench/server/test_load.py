"""Eight coders at once on one server database, each change its own transaction."""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from db.schema import Coder, Event, Segment
from tests.factories import add_code, add_document
from tests.workbench.server.helpers import as_role, unique
from tests.workbench.server.loadwork import CoderResult, run_coder
from workbench.project import Project
from workbench.server import RoleAssignment, set_blind, setup_team

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

CODERS = 8
SEGMENTS = 500


def test_eight_coders_adding_resizing_and_deleting_at_once(postgres_url: str) -> None:
    roles = [unique(f"coder{i}") for i in range(CODERS)]
    with Project.create(postgres_url) as project:
        project.use_coder("Owner")
        document_id = add_document(project, "Entrevista larga", "Una palabra más. " * 400)
        code_id = add_code(project, "Sindicato")
        setup_team(
            project,
            [RoleAssignment(f"Coder {i}", role) for i, role in enumerate(roles)],
            passwords=True,
        )
        set_blind(project, True)  # every statement goes through row-level security

    context = multiprocessing.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    gate = context.Event()
    began = time.perf_counter()
    workers = [
        context.Process(
            target=run_coder,
            args=(
                as_role(postgres_url, role),
                index,
                document_id,
                code_id,
                SEGMENTS,
                ready,
                gate,
                results,
            ),
        )
        for index, role in enumerate(roles)
    ]
    for worker in workers:
        worker.start()
    try:
        for _ in workers:
            ready.get(timeout=60)
        started = time.perf_counter()
        gate.set()
        done: list[CoderResult] = [results.get(timeout=300) for _ in workers]
        finished = time.perf_counter()
    except queue.Empty:
        pytest.fail("a coder process did not report in time")
    finally:
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.terminate()

    commands = sum(result.commands for result in done)
    retries = sum(result.retries for result in done)
    slowest = max(result.seconds for result in done)
    cpu = sum(result.cpu_seconds for result in done)
    print(
        f"\nload: {CODERS} coders, {commands} commands in {finished - started:.1f} s "
        f"({commands / (finished - started):.0f}/s; slowest coder {slowest:.1f} s), "
        f"{retries} retries; {started - began:.1f} s to start the processes; "
        f"the coders used {cpu:.1f} s of CPU ({1000 * cpu / commands:.2f} ms a command)"
    )
    errors = [error for result in done for error in result.errors]
    assert errors == [], "\n".join(errors)
    assert commands == CODERS * (SEGMENTS * 2 + SEGMENTS // 2)

    with Project.open(postgres_url) as owner, owner.read() as session:
        names = {ident: name for ident, name in session.execute(select(Coder.id, Coder.name))}
        for result in sorted(done, key=lambda r: r.index):
            assert names[result.coder_id] == f"Coder {result.index}"
            found = dict(
                (ident, (start, end))
                for ident, start, end in session.execute(
                    select(Segment.id, Segment.start, Segment.end).where(
                        Segment.coder_id == result.coder_id
                    )
                )
            )
            assert found == result.kept
            assert len(found) == SEGMENTS // 2
        total = session.scalar(select(func.count()).select_from(Segment))
        assert total == CODERS * SEGMENTS // 2
        logged = Counter(
            (coder_id, action)
            for coder_id, action in session.execute(
                select(Event.coder_id, Event.action).where(Event.action.like("segment.%"))
            )
        )
    for result in done:
        assert logged[(result.coder_id, "segment.add")] == SEGMENTS
        assert logged[(result.coder_id, "segment.resize")] == SEGMENTS
        assert logged[(result.coder_id, "segment.remove")] == SEGMENTS // 2
