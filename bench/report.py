"""The machine description and the Markdown report."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from importlib.metadata import version
from pathlib import Path

from bench.cases import Measurement


def machine() -> dict[str, str | int]:
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cpu_count": os.cpu_count() or 0,
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": version("SQLAlchemy"),
        "python_docx": version("python-docx"),
    }


def _time(seconds: float, unit: str) -> str:
    if unit == "ms":
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.0f} ms"


def _target(seconds: float, unit: str) -> str:
    return f"{seconds * 1000:g} ms" if unit == "ms" else f"{seconds:g} s"


def _measured(m: Measurement) -> str:
    n = len(m.samples)
    spread = f"min {_time(min(m.samples), m.unit)}, max {_time(max(m.samples), m.unit)}"
    if m.statistic == "single":
        text = f"{_time(m.value, m.unit)} (1 run)"
    elif m.statistic == "p95":
        text = f"p95 {_time(m.value, m.unit)} (n={n}; {spread})"
    else:
        text = f"median {_time(m.value, m.unit)} (n={n}; {spread})"
    if m.key == "import":
        text += f"; {m.extra['files_per_s']:.1f} files/s, {m.extra['mb_per_s']:.2f} MB/s"
    if "module_imports_median_s" in m.extra:
        imports = float(m.extra["module_imports_median_s"])
        text += f"; importing the modules before it took {_time(imports, 's')}, not counted"
    if "hits" in m.extra:
        text += f"; {m.extra['hits']:,} hits"
    return text


def _result(m: Measurement) -> str:
    if m.meets is None:
        return "—"
    return "meets" if m.meets else "**misses**"


def markdown(
    title: str,
    corpus: dict[str, int | float | str],
    measurements: list[Measurement],
    setup: dict[str, float],
    peak_mb: float,
    host: dict[str, str | int],
) -> str:
    lines = [
        f"# {title}",
        "",
        f"Machine: {host['cpu']}, {host['cpu_count']} CPUs; {host['platform']}; "
        f"Python {host['python']}; SQLite {host['sqlite']}; SQLAlchemy {host['sqlalchemy']}.",
        "",
        f"Corpus: {corpus['files']} .docx transcripts ({corpus['megabytes']:.1f} MB on disk, "
        f"{corpus['characters']:,} characters), {corpus['codes']} codes, "
        f"{corpus['coders']} coders, {corpus['segments']:,} segments; seed {corpus['seed']}.",
        "",
        "| operation | target | measured | result |",
        "|---|---|---|---|",
    ]
    for m in measurements:
        target = "—" if m.target_s is None else f"< {_target(m.target_s, m.unit)}"
        lines.append(f"| {m.operation} | {target} | {_measured(m)} | {_result(m)} |")
    lines.append(f"| Peak memory of the run (`ru_maxrss`) | — | {peak_mb:,.0f} MB | — |")
    lines += ["", "Untimed setup (for information):", ""]
    lines += [f"- {name}: {seconds:.1f} s" for name, seconds in setup.items()]
    lines.append("")
    return "\n".join(lines)
