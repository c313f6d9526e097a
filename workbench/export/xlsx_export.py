"""The appendix as one Excel workbook: a contents sheet, then a sheet per table.

The tables are those of the Word appendix (methods, codebook, matrices, outcomes,
presence, capped quotes); every segment can be added as a sheet on request.

Sheet names are at most 31 characters, free of the characters Excel refuses, and
unique. Texts lose the characters XML forbids, and a cell holds at most 32,767
characters (a longer passage is cut and ends with an ellipsis).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbench.export import labels
from workbench.export.contents import Contents, gather
from workbench.export.options import ExportOptions
from workbench.export.tabular import NamedTable, tables
from workbench.export.text import excel_safe, partial
from workbench.project import Project

SHEET_NAME_LIMIT = 31
_REFUSED = set("[]:*?/\\")


@dataclass(frozen=True)
class WorkbookReport:
    """What was written: the file and its sheets with their captions."""

    path: Path
    sheets: list[tuple[str, str]]


def sheet_names(names: list[str]) -> list[str]:
    """Names Excel accepts: none of ``[]:*?/`` or backslash, 31 characters at most, unique."""
    chosen: list[str] = []
    taken: set[str] = set()
    for name in names:
        clean = "".join("-" if ch in _REFUSED else ch for ch in name).strip("' ") or "Sheet"
        base = clean[:SHEET_NAME_LIMIT].rstrip()
        candidate, number = base, 1
        while candidate.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            candidate = base[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
        taken.add(candidate.casefold())
        chosen.append(candidate)
    return chosen


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    cleaned = frame.copy()
    for column in cleaned.columns:
        if not pd.api.types.is_numeric_dtype(cleaned[column]):
            cleaned[column] = [excel_safe("" if v is None else str(v)) for v in cleaned[column]]
    cleaned.columns = pd.Index([excel_safe(str(c)) for c in cleaned.columns])
    return cleaned


def write_workbook(
    project: Project,
    path: Path,
    options: ExportOptions | None = None,
    *,
    contents: Contents | None = None,
    segments: bool = False,
) -> WorkbookReport:
    """Write the workbook: the tables of the Word appendix, one sheet each.

    Args:
        project: the project.
        path: the ``.xlsx`` file (replaced when it exists).
        options: what to include (the defaults when None).
        contents: contents computed already.
        segments: add a sheet with every segment in the long format. Excel files are
            slow to write cell by cell: 100,000 segments take half a minute (the CSV
            export writes them in a few seconds).
    """
    contents = contents or gather(project, options or ExportOptions())
    found: list[NamedTable] = tables(contents, segments=segments, quotes=True)
    language = contents.language
    names = sheet_names([labels.SHEET_CONTENTS.get(language)] + [t.short for t in found])
    index = pd.DataFrame(
        {
            labels.SHEET.get(language): names[1:],
            labels.CAPTION.get(language): [t.caption for t in found],
            labels.METHOD.get(language): [t.methods for t in found],
        }
    )
    temporary = partial(path)
    try:
        with pd.ExcelWriter(temporary, engine="openpyxl") as writer:
            for name, frame in zip(names, [index] + [t.frame for t in found], strict=True):
                _clean(frame).to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 1))
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return WorkbookReport(path, list(zip(names[1:], [t.caption for t in found], strict=True)))
