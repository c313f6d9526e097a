"""Document attributes from a sheet (CSV or XLSX) with one row per document.

The first column that is named ``document`` (or ``file``) names the document, by
its name or by the original file name (with or without extension); every other
column is an attribute. Empty cells leave a value unset. A sheet with any wrong
value is refused whole, with every problem listed, so nothing is half-applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.attributes import normalise_value
from workbench.commands.attributes import CreateAttribute, SetAttributeValues
from workbench.csvfiles import read_rows
from workbench.errors import InvalidInputError
from workbench.project import Project

_KEYS = ("document", "file", "documento", "archivo")


@dataclass
class SheetReport:
    """What applying an attribute sheet did."""

    documents: int = 0
    values: int = 0
    unknown_documents: list[str] = field(default_factory=list)
    new_attributes: list[str] = field(default_factory=list)


def read_sheet(path: Path) -> tuple[str, list[str], list[dict[str, str]]]:
    """Read a sheet into (key column, attribute columns, rows).

    Raises:
        InvalidInputError: the file cannot be read or has no document column.
    """
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows = _read_xlsx(path)
    elif suffix in (".csv", ".tsv", ".txt"):
        header, rows = read_rows(path, (), lower=False)
    else:
        raise InvalidInputError(f"{path.name}: an attribute sheet must be .csv or .xlsx")
    key = next((column for column in header if column.lower() in _KEYS), None)
    if key is None:
        raise InvalidInputError(
            f"{path.name} needs a column named 'document' that names each document"
        )
    columns = [column for column in header if column != key and column]
    return key, columns, rows


def _read_xlsx(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InvalidInputError(f"{path} does not exist") from None
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InvalidInputError(f"{path.name} is not a readable Excel workbook ({error})") from None
    try:
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        first = next(lines, None) or ()
        header = [str(cell).strip() if cell is not None else "" for cell in first]
        rows: list[dict[str, str]] = []
        for number, values in enumerate(lines, start=2):
            cells = [
                "" if v is None else (v.date().isoformat() if hasattr(v, "date") else str(v))
                for v in values
            ]
            if not any(cell.strip() for cell in cells):
                continue
            record = {header[i]: cells[i] if i < len(cells) else "" for i in range(len(header))}
            record["#line"] = str(number)
            rows.append(record)
    finally:
        book.close()
    return header, rows


def apply_sheet(project: Project, path: Path) -> SheetReport:
    """Set document attributes from a sheet, as one undoable step.

    Raises:
        InvalidInputError: some values do not fit their attribute; nothing was changed.
    """
    key, columns, rows = read_sheet(path)
    report = SheetReport()
    documents = project.documents()
    lookup: dict[str, int] = {}
    for document in documents:
        lookup[document.name.casefold()] = document.id
        if document.original_filename:
            lookup[document.original_filename.casefold()] = document.id
            lookup[Path(document.original_filename).stem.casefold()] = document.id
    attributes = {a.name.casefold(): a for a in project.attributes()}
    problems: list[str] = []
    wanted: list[tuple[int, str, str]] = []
    for row in rows:
        name = row[key].strip()
        document_id = lookup.get(name.casefold())
        if document_id is None:
            report.unknown_documents.append(name)
            continue
        report.documents += 1
        for column in columns:
            raw = row.get(column, "").strip()
            if not raw:
                continue
            attribute = attributes.get(column.casefold())
            if attribute is not None:
                try:
                    normalise_value(attribute.name, attribute.kind, attribute.choices, raw)
                except InvalidInputError as error:
                    problems.append(f"line {row['#line']}: {error}")
                    continue
            wanted.append((document_id, column, raw))
    if problems:
        raise InvalidInputError(f"{path.name} was not applied:\n  " + "\n  ".join(problems))
    ids: dict[str, int] = {}
    for column in columns:
        attribute = attributes.get(column.casefold())
        if attribute is not None:
            ids[column] = attribute.id
        elif any(c == column for _, c, _ in wanted):
            command = CreateAttribute(column, "text")
            project.run(command)
            assert command.attribute_id is not None
            ids[column] = command.attribute_id
            report.new_attributes.append(column)
    if wanted:
        project.run(
            SetAttributeValues(
                [(document_id, ids[column], raw) for document_id, column, raw in wanted]
            )
        )
    report.values = len(wanted)
    return report
