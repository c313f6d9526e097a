"""Merging returned assignment files into the master: one command, one transaction.

:func:`preview_merge` runs the merge inside a transaction that is rolled back, so the
preview is exactly what applying would do. :func:`merge_files` backs the master up
(an SQLite file), runs :class:`MergeReturned` (one step of the undo history), then
writes what was kept aside to a CSV file beside each returned file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import is_sqlite, sqlite_path
from db.lifecycle import backup_sqlite
from db.schema import Coder, Setting
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext, Runner
from workbench.csvfiles import write_rows
from workbench.errors import InvalidInputError, WorkbenchError
from workbench.project import Project
from workbench.team import keys
from workbench.team.journal import Journal
from workbench.team.merge_codes import CodeChoice, merge_codes
from workbench.team.merge_coding import merge_memos, merge_segments
from workbench.team.merge_documents import merge_documents
from workbench.team.report import FileReport, MergeReport, RefusedDocument, aside_name
from workbench.team.returned import ReturnedFile, read_returned
from workbench.team.state import FileMerge, MasterIndex

#: Set to a file path, a merge (not a preview) creates that file once everything is
#: written, then waits inside its transaction: the tests kill it there.
HOLD_VARIABLE = "WORKBENCH_TEST_MERGE_HOLD"

#: The columns of the CSV of rows kept aside: the codings CSV's, then why and which.
ASIDE_COLUMNS = (
    "document",
    "coder",
    "code",
    "start",
    "end",
    "text",
    "memo",
    "kind",
    "reason",
    "guid",
    "document_guid",
    "code_guid",
)


def check_file(session: Session, returned: ReturnedFile, master_name: str) -> None:
    """Refuse a returned file that was not cut from this master, or is for an unknown coder.

    Raises:
        InvalidInputError: the file belongs elsewhere.
    """
    row = session.get(Setting, keys.PROJECT_GUID)
    if row is None or row.value != returned.master_guid:
        raise InvalidInputError(
            f"{returned.name} was made from another project (master {returned.master_guid}), "
            f"not from {master_name}; merge it into the project it came from"
        )
    known = session.scalar(select(Coder.id).where(Coder.guid == returned.coder_guid))
    if known is None:
        raise InvalidInputError(
            f"{returned.name} is for {returned.coder_name or returned.coder_guid}, "
            "who is not a coder of this project"
        )


def _merge_file(
    session: Session, journal: Journal, returned: ReturnedFile, choice: CodeChoice
) -> FileReport:
    report = FileReport(file=returned.path, coder=returned.coder_name)
    merge = FileMerge(session, journal, returned, MasterIndex(session), report)
    merge_documents(merge)
    merge_codes(merge, choice)
    merge_segments(merge)
    merge_memos(merge)
    for guid, reason in merge.refused.items():
        kept = sum(1 for row in report.aside if row.document_guid == guid)
        report.refused.append(RefusedDocument(guid, merge.document_name(guid), reason, kept))
    session.flush()
    return report


def _hold_for_tests(session: Session) -> None:
    marker = os.environ.get(HOLD_VARIABLE)
    if not marker:
        return
    session.flush()
    Path(marker).write_text("inside the merge's transaction\n", encoding="utf-8")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.05)


class MergeReturned(Command):
    """Merge returned assignment files into the master, as one undoable step.

    The reports (one per file) are filled when the command first runs. Undo and redo
    replay the rows it recorded, so the master returns exactly to either state.
    """

    def __init__(
        self, files: Sequence[ReturnedFile], choice: CodeChoice, *, preview: bool = False
    ) -> None:
        if not files:
            raise InvalidInputError("choose at least one returned file to merge")
        self.files = list(files)
        self.choice = choice
        self.preview = preview
        self.master_name = "this project"
        self.reports: list[FileReport] = []
        self.label = (
            f"Merge {self.files[0].name}"
            if len(self.files) == 1
            else f"Merge {len(self.files)} returned files"
        )
        self._journal: Journal | None = None

    def do(self, ctx: CommandContext) -> Changes:
        if self._journal is not None:
            return self._journal.redo(ctx.session)
        journal = Journal()
        reports = []
        for returned in self.files:
            check_file(ctx.session, returned, self.master_name)
            reports.append(_merge_file(ctx.session, journal, returned, self.choice))
        self.reports = reports
        self._journal = journal
        if not self.preview:
            _hold_for_tests(ctx.session)
        return journal.changes()

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._journal is not None
        return self._journal.undo(ctx.session)

    def audit(self) -> AuditRecord:
        return AuditRecord(
            "team.merge",
            "project",
            None,
            None,
            {
                "files": [
                    {"file": r.file.name, "coder": r.coder, "counts": r.counts}
                    for r in self.reports
                ]
            },
        )


def _read(paths: Sequence[Path | str]) -> list[ReturnedFile]:
    if not paths:
        raise InvalidInputError("choose at least one returned file to merge")
    return [read_returned(Path(path)) for path in paths]


def _check(project: Project, files: Sequence[ReturnedFile]) -> str:
    name = project.setting("name") or Path(project.location).name
    with project.read() as session:
        for returned in files:
            if is_sqlite(project.url) and returned.path == sqlite_path(project.url).resolve():
                raise InvalidInputError("a project cannot be merged into itself")
            check_file(session, returned, name)
    return name


def preview_merge(
    project: Project,
    files: Sequence[Path | str | ReturnedFile],
    choice: CodeChoice | None = None,
) -> MergeReport:
    """What merging these files would do, without changing the master.

    The merge runs inside a transaction that is rolled back.

    Raises:
        WorkbenchError: a file is not an assignment file of this master.
    """
    returned = [f if isinstance(f, ReturnedFile) else read_returned(Path(f)) for f in files]
    if not returned:
        raise InvalidInputError("choose at least one returned file to merge")
    command = MergeReturned(returned, choice or CodeChoice(), preview=True)
    command.master_name = _check(project, returned)
    with project.read() as session:
        command.do(CommandContext(session=session, coder_id=project.coder_id, now=_now()))
    return MergeReport(
        master=project.location,
        applied=False,
        files=command.reports,
        backup_note=_backup_note(project, None),
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _backup_note(project: Project, backup: Path | None) -> str:
    if backup is not None:
        return f"the master was copied to {backup} before merging"
    if is_sqlite(project.url):
        return "a copy of the master is saved beside it before merging"
    return (
        "the master is on a database server: no file backup is made before merging "
        "(back the database up with the server's tools, such as pg_dump, if you want one)"
    )


def _write_aside(project: Project, report: FileReport) -> None:
    if not report.aside:
        return
    rows = [
        (
            r.document,
            r.coder,
            r.code,
            "" if r.start is None else r.start,
            "" if r.end is None else r.end,
            r.text,
            r.memo,
            r.kind,
            r.reason,
            r.guid,
            r.document_guid,
            r.code_guid,
        )
        for r in report.aside
    ]
    target = aside_name(report.file)
    try:
        write_rows(target, ASIDE_COLUMNS, rows)
    except OSError:
        if not is_sqlite(project.url):
            raise
        # The returned file may sit on read-only media; keep the rows beside the master.
        target = sqlite_path(project.url).with_name(target.name)
        write_rows(target, ASIDE_COLUMNS, rows)
    report.aside_csv = target


def merge_files(
    project: Project,
    files: Sequence[Path | str],
    choice: CodeChoice | None = None,
    *,
    dry_run: bool = False,
    run: Runner | None = None,
) -> MergeReport:
    """Merge returned assignment files into the master (or, with ``dry_run``, preview it).

    Args:
        project: the master, open.
        files: the returned assignment files, merged in this order.
        choice: which code proposals to accept (default: new codes, not changes).
        dry_run: only say what would happen.
        run: runs the command (by default ``project.run``; the GUI passes its own so
            that Ctrl+Z undoes the merge).

    Returns:
        What was (or would be) added, updated, deleted, refused and kept aside.

    Raises:
        WorkbenchError: a file is not an assignment file of this master (nothing merged).
    """
    returned = _read(files)
    if dry_run:
        return preview_merge(project, returned, choice)
    name = _check(project, returned)
    backup = None
    if is_sqlite(project.url):
        backup = backup_sqlite(sqlite_path(project.url), "merge")
    command = MergeReturned(returned, choice or CodeChoice())
    command.master_name = name
    (run or project.run)(command)
    result = MergeReport(
        master=project.location,
        applied=True,
        files=command.reports,
        backup=backup,
        backup_note=_backup_note(project, backup),
    )
    for report in result.files:
        try:
            _write_aside(project, report)
        except OSError as error:
            raise WorkbenchError(
                f"merged, but the rows kept aside from {report.file.name} could not be "
                f"written ({error}); they are still in {report.file}"
            ) from error
    return result
