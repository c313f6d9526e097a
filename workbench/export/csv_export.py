"""The appendix as CSV files in a folder: segments, codebook, matrices, outcomes, presence.

Files are UTF-8, with a byte-order mark by default so that Excel shows accents right.
Each is written under a temporary name and renamed, so a failed export leaves no
half-written file. Texts are written as they are in the documents.
"""

from __future__ import annotations

from pathlib import Path

from workbench.export.contents import Contents, gather
from workbench.export.options import ExportOptions
from workbench.export.tabular import tables
from workbench.export.text import partial
from workbench.project import Project


def write_csv_folder(
    project: Project,
    folder: Path,
    options: ExportOptions | None = None,
    *,
    bom: bool = True,
    contents: Contents | None = None,
) -> list[Path]:
    """Write every table of the appendix as a CSV file into ``folder`` (created if needed).

    Args:
        project: the project.
        folder: where the files go; files of the same names are replaced.
        options: what to include (the defaults when None).
        bom: start each file with a UTF-8 byte-order mark (for Excel).
        contents: contents computed already.

    Returns:
        The files written, in order.
    """
    contents = contents or gather(project, options or ExportOptions())
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table in tables(contents):
        path = folder / f"{table.name}.csv"
        temporary = partial(path)
        try:
            table.frame.to_csv(
                temporary,
                index=False,
                encoding="utf-8-sig" if bom else "utf-8",
                lineterminator="\r\n",
            )
            temporary.replace(path)
        finally:
            temporary.unlink(missing_ok=True)
        written.append(path)
    return written
