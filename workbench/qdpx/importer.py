"""Importing a REFI-QDA project (``.qdpx``, or a bare ``.qde``) or codebook (``.qdc``).

The whole import is one command: one transaction and one step of the undo history. It
runs the core's own commands (coders, code groups, codes, attributes, documents,
segments, memos) inside that transaction, so that a file refused half-way leaves the
project exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext, Runner
from workbench.project import Project
from workbench.qdpx.archive import DEFAULT_LIMITS, Limits, open_exchange
from workbench.qdpx.build_codebook import build_coders, build_codes
from workbench.qdpx.build_coding import build_memos, build_segments
from workbench.qdpx.build_sources import build_attributes, build_cases, build_documents
from workbench.qdpx.model import QProject
from workbench.qdpx.parse import parse_project
from workbench.qdpx.prepare import Prepared, prepare
from workbench.qdpx.report import KINDS, ImportReport
from workbench.qdpx.state import ImportState
from workbench.qdpx.steps import Step, StepRunner, merge, redo_steps, undo_steps


class ImportQdpx(Command):
    """Add what a parsed REFI-QDA file holds to the project, as one undoable step.

    The report is filled while the command first runs.
    """

    def __init__(self, model: QProject, prepared: Prepared, report: ImportReport) -> None:
        self.model = model
        self.prepared = prepared
        self.report = report
        kind = "codebook" if model.is_codebook else "project"
        self.label = f"Import REFI-QDA {kind} {Path(report.file).name}"
        self._steps: list[Step] | None = None

    def do(self, ctx: CommandContext) -> Changes:
        if self._steps is not None:
            return redo_steps(ctx, self._steps)
        run = StepRunner(ctx)
        state = ImportState(run, self.model, self.prepared, self.report)
        build_coders(state)
        build_codes(state)
        build_attributes(state)
        build_documents(state)
        build_cases(state)
        build_segments(state)
        build_memos(state)
        self._steps = run.steps
        return merge(run.changes)

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._steps is not None
        return undo_steps(ctx, self._steps)

    def audit(self) -> AuditRecord:
        counts = {kind: self.report.imported[kind] for kind in KINDS if self.report.imported[kind]}
        return AuditRecord(
            "qdpx.import",
            "project",
            None,
            None,
            {"file": Path(self.report.file).name, "origin": self.model.origin, **counts},
        )


def import_qdpx(
    project: Project, path: Path, *, limits: Limits = DEFAULT_LIMITS, run: Runner | None = None
) -> ImportReport:
    """Import a REFI-QDA project or codebook file into an open project.

    Args:
        project: the project to add to (new and empty, or with work in it already).
        path: a ``.qdpx`` archive, a ``.qde`` project XML or a ``.qdc`` codebook.
        limits: what an archive may hold before it is refused.
        run: runs the import command (by default ``project.run``; the GUI passes its own).

    Returns:
        What came in, what was reused, skipped, or could not be held, and why.

    Raises:
        QdpxError: the file was refused (not a zip, invalid XML, against the schema,
            hostile); nothing was written.
        WorkbenchError: the project refused a change; nothing was written.
    """
    report = ImportReport(file=str(path))
    with open_exchange(path, limits) as exchange:
        model = parse_project(exchange.root)
        report.origin = model.origin
        report.not_held.update(model.unheld)
        prepared = prepare(model, exchange, report)
    for source in prepared.sources:
        if source.source.rich_path:
            report.decide(
                "rich-text (.docx) versions of sources were not read; their plain text was"
            )
    (run or project.run)(ImportQdpx(model, prepared, report))
    return report
