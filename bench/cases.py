"""The timed cases: each returns measurements, never asserts a timing."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from workbench.codings_csv import export_codings
from workbench.commands.segments import AddSegment
from workbench.importing import collect_files, import_files
from workbench.newproject import create_project
from workbench.project import Project
from workbench.search import SearchIndex, fold

Extra = dict[str, float | int | str]


@dataclass
class Measurement:
    """Repeated timings (seconds) of one operation, judged by one statistic."""

    key: str
    operation: str
    target_s: float | None
    samples: list[float]
    statistic: str = "median"  # "single", "median" or "p95"
    unit: str = "s"  # how to show it: "s" or "ms"
    extra: Extra = field(default_factory=dict)

    @property
    def value(self) -> float:
        if self.statistic == "p95":
            return percentile(self.samples, 95)
        if self.statistic == "single":
            return self.samples[0]
        return statistics.median(self.samples)

    @property
    def meets(self) -> bool | None:
        return None if self.target_s is None else self.value < self.target_s

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "operation": self.operation,
            "target_s": self.target_s,
            "statistic": self.statistic,
            "value_s": self.value,
            "meets": self.meets,
            "repetitions": len(self.samples),
            "min_s": min(self.samples),
            "max_s": max(self.samples),
            "samples_s": self.samples,
            "extra": self.extra,
        }


def percentile(samples: list[float], percent: float) -> float:
    """Linear-interpolated percentile (the inclusive method)."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * percent / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_import(folder: Path, location: Path, coder: str) -> tuple[Measurement, Project]:
    """Import every transcript of ``folder`` into a new project (one run)."""
    files = collect_files([folder])
    size = sum(path.stat().st_size for path in files)
    project = create_project(location, coder=coder, language="es")
    started = time.perf_counter()
    report = import_files(project, [folder])
    elapsed = time.perf_counter() - started
    characters = sum(document.length for document in project.documents())
    measurement = Measurement(
        "import",
        f"Import {len(files)} .docx (`import_files`)",
        30.0,
        [elapsed],
        statistic="single",
        extra={
            "files": len(files),
            "imported": len(report.imported),
            "problems": len(report.problems),
            "bytes": size,
            "characters": characters,
            "files_per_s": len(files) / elapsed,
            "mb_per_s": size / 1e6 / elapsed,
        },
    )
    return measurement, project


def _open_and_list(location: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    with Project.open(location) as project:
        documents = project.documents()
        codes = project.codes()
    return time.perf_counter() - started, len(documents), len(codes)


def time_open(location: Path, processes: int, in_process: int) -> list[Measurement]:
    """``Project.open`` + ``documents()`` + ``codes()``: in fresh processes, then in this one."""
    fresh: list[float] = []
    imports: list[float] = []
    counts: Extra = {}
    for _ in range(processes):
        output = subprocess.run(
            [sys.executable, "-m", "bench.probe", str(location)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        probe = json.loads(output)
        fresh.append(probe["open_list_s"])
        imports.append(probe["imports_s"])
        counts = {"documents": probe["documents"], "codes": probe["codes"]}
    same: list[float] = []
    for _ in range(in_process):
        elapsed, documents, codes = _open_and_list(location)
        same.append(elapsed)
    return [
        Measurement(
            "open_fresh_process",
            "Open + `documents()` + `codes()`, fresh process",
            0.5,
            fresh,
            extra={**counts, "module_imports_median_s": statistics.median(imports)},
        ),
        Measurement(
            "open_fresh_project",
            "Open + `documents()` + `codes()`, new `Project` in a warm process",
            0.5,
            same,
            extra={"documents": documents, "codes": codes},
        ),
    ]


def time_search(location: Path, query: str, cold: int, warm: int) -> list[Measurement]:
    """The first search on a new index (loads and folds every text) and the searches after."""
    cold_samples: list[float] = []
    warm_samples: list[float] = []
    hits = 0
    for _ in range(cold):
        with Project.open(location) as project:
            index = SearchIndex(project)
            started = time.perf_counter()
            hits = len(index.search(query))
            cold_samples.append(time.perf_counter() - started)
            if not warm_samples:
                for _ in range(warm):
                    started = time.perf_counter()
                    index.search(query)
                    warm_samples.append(time.perf_counter() - started)
    key = "phrase" if '"' in query else fold(query)
    return [
        Measurement(
            f"search_{key}_cold",
            f"Search `{query}`, cold (first search of a new index: loads and folds texts)",
            0.1,
            cold_samples,
            unit="ms",
            extra={"hits": hits},
        ),
        Measurement(
            f"search_{key}_warm",
            f"Search `{query}`, warm (texts already folded)",
            0.1,
            warm_samples,
            unit="ms",
            extra={"hits": hits},
        ),
    ]


def time_apply_code(
    project: Project, code_ids: list[int], runs: int, seed: int
) -> list[Measurement]:
    """``project.run(AddSegment(...))`` one at a time: command, transaction, audit entry."""
    rng = random.Random(seed)
    documents = project.documents()
    before = sum(d.segments for d in documents)
    samples: list[float] = []
    for _ in range(runs):
        document = rng.choice(documents)
        start = rng.randrange(0, document.length - 200)
        end = start + rng.randint(20, 200)
        command = AddSegment(document.id, rng.choice(code_ids), start, end)
        started = time.perf_counter()
        project.run(command)
        samples.append(time.perf_counter() - started)
    extra: Extra = {"segments_before": before, "first_run_ms": samples[0] * 1000}
    operation = "Apply one code (`project.run(AddSegment(...))`)"
    return [
        Measurement("apply_code", f"{operation}, median", 0.02, samples, unit="ms", extra=extra),
        Measurement(
            "apply_code_p95",
            f"{operation}, 95th percentile",
            0.02,
            samples,
            statistic="p95",
            unit="ms",
            extra=extra,
        ),
    ]


def time_export(project: Project, path: Path, repetitions: int) -> Measurement:
    """``export_codings`` of every segment to a CSV file."""
    samples: list[float] = []
    rows = 0
    for _ in range(repetitions):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        rows = export_codings(project, path)
        samples.append(time.perf_counter() - started)
    return Measurement(
        "export",
        f"Export {rows:,} segments to CSV (`export_codings`)",
        3.0,
        samples,
        extra={"rows": rows, "bytes": path.stat().st_size},
    )
