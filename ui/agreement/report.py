"""What the dashboard asks the core for, and what it gets back (computed off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ui.workers import ProgressCallback
from workbench.agreement import AgreementResult, compute_agreement, find_disagreements
from workbench.agreement.disagreements import Disagreement
from workbench.project import Project

UNITS = ("character", "segment", "document", "unitized")


@dataclass(frozen=True)
class AgreementRequest:
    """The dashboard's settings.

    Attributes:
        coder_ids: two or more coders; the first two are the pair whose disagreements
            are listed.
        unit: ``character``, ``segment``, ``document`` or ``unitized``.
        codes: a code group's name, or None for every codable code.
        min_overlap: the segment unit's threshold, in percent.
    """

    coder_ids: tuple[int, ...]
    unit: str = "character"
    codes: str | None = None
    min_overlap: float = 90

    @property
    def pair(self) -> tuple[int, int]:
        """The two coders whose disagreements are listed."""
        return self.coder_ids[0], self.coder_ids[1]


@dataclass(frozen=True)
class AgreementReport:
    """An agreement run, the per-document figures for the heatmap, and the disagreements.

    Attributes:
        request: what was asked.
        result: the agreement at the requested unit.
        cells: character-level agreement of the pair, per code and document (the
            heatmap); ``result`` itself when that is what was asked.
        disagreements: the pair's disagreements on the same codes.
    """

    request: AgreementRequest
    result: AgreementResult
    cells: AgreementResult
    disagreements: tuple[Disagreement, ...]


def run(
    project: Project, request: AgreementRequest, progress: ProgressCallback
) -> AgreementReport | None:
    """Compute a report; None when the user cancelled between steps."""
    codes = [request.codes] if request.codes else None
    if not progress(0, 3, QCoreApplication.translate("AgreementReport", "Agreement")):
        return None
    result = compute_agreement(
        project, list(request.coder_ids), request.unit, codes=codes, min_overlap=request.min_overlap
    )
    if not progress(1, 3, QCoreApplication.translate("AgreementReport", "Per document")):
        return None
    code_ids: list[str | int] = [c.code_id for c in result.codes]
    cells = result
    if request.unit != "character" or len(request.coder_ids) != 2:
        cells = compute_agreement(
            project,
            list(request.pair),
            "character",
            documents=[d.id for d in result.documents],
            codes=code_ids,
        )
    if not progress(2, 3, QCoreApplication.translate("AgreementReport", "Disagreements")):
        return None
    disagreements = find_disagreements(project, *request.pair, codes=code_ids)
    progress(3, 3, QCoreApplication.translate("AgreementReport", "Done"))
    return AgreementReport(request, result, cells, tuple(disagreements))
