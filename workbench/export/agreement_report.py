"""Inter-coder agreement in Word: the methods sentence and the per-code table.

Used on its own (``workbench agreement ... --docx FILE``, the agreement dashboard's
"Export Word…") and as a section of the report appendix.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.export.text import partial, xml_safe

if TYPE_CHECKING:
    from docx.document import Document

    from workbench.agreement.result import AgreementResult

_TITLE = {"en": "Inter-coder agreement", "es": "Acuerdo entre codificadores"}
_CAPTION = {
    "en": "Agreement per code ({unit} level)",
    "es": "Acuerdo por código (nivel: {unit})",
}
_UNITS = {
    "en": {
        "character": "character",
        "segment": "segment",
        "document": "document",
        "unitized": "unitized",
    },
    "es": {
        "character": "carácter",
        "segment": "segmento",
        "document": "documento",
        "unitized": "unitizado",
    },
}
_HEADERS = {
    "en": {"code": "Code", "documents": "Documents", "undefined": "undefined"},
    "es": {"code": "Código", "documents": "Documentos", "undefined": "no definido"},
}
_TABLE_WORD = {"en": "Table", "es": "Tabla"}


def _number(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) <= 1 else f"{value:.1f}"
    return str(value)


def agreement_table(
    result: AgreementResult, language: str
) -> tuple[list[str], list[list[str]], list[bool]]:
    """Header, rows and which columns are numbers, for one agreement result."""
    words = _HEADERS[language]
    statistics = list(result.statistics)
    count_keys: list[str] = []
    for entry in result.codes:
        for key, value in entry.counts.items():
            if not isinstance(value, list) and key not in count_keys:
                count_keys.append(key)
    header = [words["code"], *statistics, *count_keys, words["documents"]]
    rows: list[list[str]] = []
    for entry in result.codes:
        name = (
            f"{entry.label} {entry.path.rsplit('/', 1)[-1]}".strip() if entry.label else entry.path
        )
        values = [
            _number(entry.values.get(key))
            if entry.values.get(key) is not None
            else words["undefined"]
            for key in statistics
        ]
        counts = [_number(entry.counts.get(key)) for key in count_keys]
        rows.append([name, *values, *counts, str(entry.documents)])
    numeric = [False] + [True] * (len(header) - 1)
    return header, rows, numeric


def add_agreement_section(
    document: Document, result: AgreementResult, language: str, table_number: int, *, level: int = 1
) -> None:
    """Append a heading, the methods sentence and the captioned per-code table."""
    from workbench.export.docx_tables import add_caption, add_table

    document.add_heading(xml_safe(_TITLE[language]), level=level)
    document.add_paragraph(xml_safe(result.method))
    header, rows, numeric = agreement_table(result, language)
    caption = _CAPTION[language].format(unit=_UNITS[language].get(result.unit, result.unit))
    add_caption(document, _TABLE_WORD[language], table_number, caption)
    add_table(
        document,
        [xml_safe(h) for h in header],
        ([xml_safe(cell) for cell in row] for row in rows),
        numeric=numeric,
        weights=[3.0] + [1.0] * (len(header) - 1),
        font_size=8.0 if len(header) > 7 else None,
    )


def write_agreement_report(result: AgreementResult, path: Path, *, language: str = "en") -> int:
    """Write a Word document with the agreement section; returns the number of code rows."""
    import docx

    if language not in _TITLE:
        language = "en"
    document = docx.Document()
    document.add_heading(xml_safe(_TITLE[language]), 0)
    add_agreement_section(document, result, language, 1, level=1)
    temporary = partial(path)
    try:
        document.save(str(temporary))
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return len(result.codes)
