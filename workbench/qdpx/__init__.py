"""REFI-QDA exchange: import and export ``.qdpx`` projects and ``.qdc`` codebooks.

REFI-QDA 1.5 is the exchange standard of qualitative data analysis tools (ATLAS.ti,
NVivo, MAXQDA, QDA Miner, Quirkos, Transana...). Import reads a project archive, a bare
project XML or a codebook into an open project as one undoable step and reports what it
could not hold; export writes a project or its codebook that validates against the
standard's schemas.
"""

from __future__ import annotations

from workbench.qdpx.archive import DEFAULT_LIMITS, Limits
from workbench.qdpx.exporter import export_qdc, export_qdpx
from workbench.qdpx.importer import ImportQdpx, import_qdpx
from workbench.qdpx.model import QdpxError
from workbench.qdpx.report import ExportReport, ImportReport, Misfit, Skipped

__all__ = [
    "DEFAULT_LIMITS",
    "ExportReport",
    "ImportQdpx",
    "ImportReport",
    "Limits",
    "Misfit",
    "QdpxError",
    "Skipped",
    "export_qdc",
    "export_qdpx",
    "import_qdpx",
]
