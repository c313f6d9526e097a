"""The agreement report as CSV: the per-code table, and the methods in a text file beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.agreement import AgreementResult
from workbench.csvfiles import ENCODING, write_rows


def methods_path(path: Path) -> Path:
    """Where the methods text goes: ``NAME-methods.txt`` next to ``NAME.csv``."""
    return path.with_name(f"{path.stem}-methods.txt")


def write_report(result: AgreementResult, path: Path) -> tuple[Path, Path]:
    """Write the per-code table to ``path`` and the methods sentence beside it.

    The table has one row per code: identity, every statistic (blank when undefined),
    the counts, and the reasons for the undefined values. The text file holds the
    methods sentence, the unit, the coders, what each statistic is and the documents.

    Returns:
        The two files written.
    """
    statistics: list[str] = []
    counts: list[str] = []
    for entry in result.codes:
        statistics += [k for k in entry.values if k not in statistics]
        counts += [
            k for k, v in entry.counts.items() if isinstance(v, int | float) and k not in counts
        ]
    header = ["code_id", "code", "label", "group", "documents", *statistics, *counts, "undefined"]
    rows: list[list[Any]] = []
    for entry in result.codes:
        values = [entry.values.get(k) for k in statistics]
        rows.append(
            [
                entry.code_id,
                entry.path,
                entry.label,
                entry.group or "",
                entry.documents,
                *("" if v is None else round(float(v), 6) for v in values),
                *(entry.counts.get(k, "") for k in counts),
                "; ".join(f"{k}: {reason}" for k, reason in entry.undefined.items()),
            ]
        )
    write_rows(path, header, rows)
    text = methods_path(path)
    lines = [
        result.method,
        "",
        f"Unit: {result.unit}",
        "Coders: " + ", ".join(f"{c.name} ({c.initials})" for c in result.coders),
    ]
    if result.min_overlap is not None:
        lines.append(f"Minimum overlap: {result.min_overlap:g}%")
    lines += ["", "Statistics:"]
    lines += [f"- {key}: {meaning}" for key, meaning in result.statistics.items()]
    lines += ["", f"Documents ({len(result.documents)}):"]
    lines += [f"- {d.name}" for d in result.documents]
    text.write_text("\n".join(lines) + "\n", encoding=ENCODING)
    return path, text
