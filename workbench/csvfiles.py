"""Reading and writing the CSV files users exchange with spreadsheets.

Files are written as UTF-8 with a byte-order mark, so that Excel shows accents
right, and read as UTF-8 with or without one. A file whose header lacks a required
column is refused with the names of the missing columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from workbench.errors import InvalidInputError

ENCODING = "utf-8-sig"


def read_rows(
    path: Path, required: Sequence[str], *, lower: bool = True
) -> tuple[list[str], list[dict[str, str]]]:
    """Read a CSV file into dictionaries keyed by trimmed (and lower-cased) header names.

    Returns:
        The header and the rows (each row's line number is under the key ``"#line"``).

    Raises:
        InvalidInputError: the file is missing, not UTF-8 text, or lacks a column.
    """
    try:
        with path.open(encoding=ENCODING, newline="") as handle:
            sample = handle.read(65536)
            handle.seek(0)
            try:
                dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                    sample, delimiters=",;\t"
                )
            except csv.Error:
                dialect = csv.excel
            reader = csv.reader(handle, dialect)
            header = [column.strip() for column in next(reader, [])]
            if lower:
                header = [column.lower() for column in header]
            missing = [column for column in required if column not in header]
            if missing:
                raise InvalidInputError(
                    f"{path.name} lacks the column(s) {', '.join(missing)}; "
                    f"the header must have {', '.join(required)} "
                    f"(it has {', '.join(header) or 'nothing'})"
                )
            rows = []
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                record = {header[i]: row[i] if i < len(row) else "" for i in range(len(header))}
                record["#line"] = str(reader.line_num)
                rows.append(record)
    except FileNotFoundError:
        raise InvalidInputError(f"{path} does not exist") from None
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{path.name} is not UTF-8 text; save it from your spreadsheet as CSV UTF-8"
        ) from None
    except csv.Error as error:
        raise InvalidInputError(f"{path.name} is not a valid CSV file: {error}") from None
    return header, rows


def write_rows(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a CSV file atomically (to a temporary name, then renamed).

    Returns:
        The number of data rows written.
    """
    temporary = path.with_name(path.name + ".part")
    count = 0
    try:
        with temporary.open("w", encoding=ENCODING, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow(row)
                count += 1
        temporary.replace(path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return count
