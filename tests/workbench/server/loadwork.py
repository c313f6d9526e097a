"""One coder of the load test, run in a process of its own (spawned, not forked)."""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: SQLSTATEs a client is expected to retry: serialization failure, deadlock.
RETRYABLE = ("40001", "40P01")


@dataclass
class CoderResult:
    """What one coder did, for the parent to check."""

    index: int
    coder_id: int = 0
    #: segment id -> (start, end) after the resize, for the segments kept.
    kept: dict[int, tuple[int, int]] = field(default_factory=dict)
    deleted: list[int] = field(default_factory=list)
    commands: int = 0
    retries: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def span(index: int, step: int, length: int) -> tuple[int, int]:
    """Where coder ``index`` codes in step ``step`` (spans overlap across coders)."""
    start = (step * 7 + index * 3) % (length - 20)
    return start, start + 5


def run_coder(
    url: str,
    index: int,
    document_id: int,
    code_id: int,
    segments: int,
    ready: Any,
    gate: Any,
    results: Any,
) -> None:
    """Add, resize and delete segments as one coder, one command per change."""
    result = CoderResult(index)
    try:
        from sqlalchemy.exc import DBAPIError

        from workbench.commands.segments import AddSegment, RemoveSegments, ResizeSegment
        from workbench.server import open_as_role

        project = open_as_role(url)
        assert project.coder_id is not None
        result.coder_id = project.coder_id
        length = len(project.text(document_id))

        def attempt(make: Callable[[], Any]) -> Any:
            for _ in range(10):
                command = make()
                try:
                    project.execute(command)
                except DBAPIError as error:
                    if getattr(error.orig, "sqlstate", None) in RETRYABLE:
                        result.retries += 1
                        continue
                    raise
                result.commands += 1
                return command
            raise RuntimeError("gave up after 10 retries")

        ready.put(index)
        gate.wait(120)
        began = time.perf_counter()
        cpu = time.process_time()
        for step in range(segments):
            start, end = span(index, step, length)
            try:
                add = attempt(lambda s=start, e=end: AddSegment(document_id, code_id, s, e))
                (segment_id,) = add.segment_ids
                attempt(lambda i=segment_id, s=start: ResizeSegment(i, s + 1, s + 10))
                if step % 2:
                    attempt(lambda i=segment_id: RemoveSegments([i]))
                    result.deleted.append(segment_id)
                else:
                    result.kept[segment_id] = (start + 1, start + 10)
            except Exception:
                result.errors.append(traceback.format_exc(limit=3))
        result.seconds = time.perf_counter() - began
        result.cpu_seconds = time.process_time() - cpu
        project.close()
    except Exception:
        ready.put(index)
        result.errors.append(traceback.format_exc())
    results.put(result)
