"""Adjudication: resolving two coders' disagreements into one consensus coding.

The consensus is a coder of its own, named ``Consensus`` (initials ``CON``, role
``lead``), created by the first command that needs it. Its segments have the origin
``adjudication``.

- :class:`Adjudicate` decides one disagreement (see
  :mod:`workbench.agreement.disagreements`): take the first coder's version (``a``), the
  second's (``b``), the union of both (``both``), none (``neither``), or explicit spans
  (``edited``). The reason becomes the memo of the consensus segments; when the decision
  leaves the passage uncoded, it becomes a memo on the document instead. Deciding again
  replaces the consensus segments (and memo) of the earlier decision.
- :class:`AcceptAgreements` copies every stretch where the two coders agree to the
  consensus, so that the consensus is complete once the disagreements are decided.

Decisions are kept in the project, so that they survive closing it: a JSON object in
the ``setting`` table under ``adjudication.<low>.<high>`` (the two coders' ids, lower
first), mapping each disagreement's :attr:`~DisagreementKey.passage` to the decision,
the spans, the reason, the consensus segments and memo it wrote, when and by whom. A
decision whose disagreement no longer exists (a coder has since changed their coding)
stays in the record but no longer counts as resolving anything.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.schema import Code, Coder, Memo, Segment, Setting
from workbench.agreement.disagreements import (
    Disagreement,
    DisagreementKey,
    Stretch,
    find_disagreements,
    load_stretches,
    union_spans,
)
from workbench.agreement.selection import Reference
from workbench.changes import Changes
from workbench.commands.base import AuditRecord, Command, CommandContext, Row, restore, row_of
from workbench.commands.coders import AddCoder
from workbench.commands.memos import AddMemo
from workbench.commands.segments import AddSegments, NewSegment, check_span
from workbench.entities import CoderInfo
from workbench.errors import InvalidInputError
from workbench.project import Project

CONSENSUS_NAME = "Consensus"
CONSENSUS_INITIALS = "CON"
#: Names a consensus coder may have (the Spanish interface calls it "Consenso").
CONSENSUS_NAMES = ("consensus", "consenso")
DECISIONS = ("a", "b", "both", "neither", "edited")
_SWAPPED = {"a": "b", "b": "a"}

#: Ids by kind, as :meth:`Changes.of` takes them.
IdMap = dict[str, Iterable[int]]


def setting_key(coder_a: int, coder_b: int) -> str:
    """The setting that holds the decisions on two coders' disagreements."""
    low, high = sorted((coder_a, coder_b))
    return f"adjudication.{low}.{high}"


@dataclass(frozen=True)
class Decision:
    """How one disagreement was resolved.

    Attributes:
        passage: the disagreement's :attr:`DisagreementKey.passage`.
        decision: ``a``, ``b``, ``both``, ``neither`` or ``edited``, with ``a`` and
            ``b`` in the order the coders were asked for.
        spans: the consensus spans written, ``(start, end)``.
        reason: the lead's reason (also the consensus segments' memo).
        segment_ids: the consensus segments written.
        memo_id: the document memo holding the reason, when no span was written.
        at: when (ISO 8601).
        by: the coder who decided (the lead), when known.
    """

    passage: str
    decision: str
    spans: tuple[tuple[int, int], ...]
    reason: str
    segment_ids: tuple[int, ...]
    memo_id: int | None
    at: str
    by: int | None


def consensus_coder(project: Project) -> CoderInfo | None:
    """The project's consensus coder, or None before the first adjudication."""
    return next((c for c in project.coders() if c.name.casefold() in CONSENSUS_NAMES), None)


def _consensus_id(session: Session) -> int | None:
    found = session.scalars(
        select(Coder.id).where(func.lower(Coder.name).in_(CONSENSUS_NAMES)).order_by(Coder.id)
    ).first()
    return found


def _read_record(session: Session, key: str) -> dict[str, Any]:
    row = session.get(Setting, key)
    if row is None:
        return {}
    try:
        data = json.loads(row.value)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _entry(value: str | None, passage: str) -> Any:
    """One passage's entry in a record's JSON text, or None."""
    try:
        data = json.loads(value) if value else None
    except ValueError:
        return None
    return data.get(passage) if isinstance(data, dict) else None


def _write_setting(session: Session, key: str, value: str | None) -> None:
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def _decision_of(passage: str, entry: dict[str, Any], coder_a: int) -> Decision:
    decision = str(entry.get("decision", ""))
    if entry.get("coder_a") not in (None, coder_a):
        decision = _SWAPPED.get(decision, decision)
    return Decision(
        passage=passage,
        decision=decision,
        spans=tuple((int(s), int(e)) for s, e in entry.get("spans", [])),
        reason=str(entry.get("reason", "")),
        segment_ids=tuple(int(i) for i in entry.get("segments", [])),
        memo_id=None if entry.get("memo") is None else int(entry["memo"]),
        at=str(entry.get("at", "")),
        by=None if entry.get("by") is None else int(entry["by"]),
    )


def decisions(project: Project, coder_a: int, coder_b: int) -> dict[str, Decision]:
    """Every recorded decision on two coders' disagreements, by passage key.

    ``a`` and ``b`` in the decisions follow the order of ``coder_a`` and ``coder_b``.
    """
    with project.read() as session:
        record = _read_record(session, setting_key(coder_a, coder_b))
    return {
        passage: _decision_of(passage, entry, coder_a)
        for passage, entry in record.items()
        if isinstance(entry, dict)
    }


def adjudication_progress(
    project: Project,
    coder_a: Reference,
    coder_b: Reference,
    documents: Sequence[Reference] | None = None,
    codes: Sequence[Reference] | None = None,
) -> tuple[int, int]:
    """How many of two coders' disagreements are decided: ``(resolved, total)``.

    Args:
        project: an open project.
        coder_a: the first coder, by name, initials or id.
        coder_b: the second coder.
        documents: as for :func:`~workbench.agreement.disagreements.find_disagreements`.
        codes: as for :func:`~workbench.agreement.disagreements.find_disagreements`.

    Raises:
        NotFoundError: an unknown coder, document or code.
        InvalidInputError: the same coder twice, or no document both have coded.
    """
    found = find_disagreements(project, coder_a, coder_b, documents, codes)
    if not found:
        return 0, 0
    decided = decisions(project, found[0].coder_a, found[0].coder_b)
    return sum(d.key.passage in decided for d in found), len(found)


class _ConsensusCommand(Command):
    """Shared by the adjudication commands: the consensus coder, made on first use."""

    def __init__(self) -> None:
        self._add_coder: AddCoder | None = None
        self.consensus_id: int | None = None

    def _ensure_consensus(self, ctx: CommandContext) -> int:
        if self._add_coder is not None:  # redo: the coder this command made, again
            self._add_coder.do(ctx)
            assert self._add_coder.coder_id is not None
            return self._add_coder.coder_id
        found = _consensus_id(ctx.session)
        if found is None:
            self._add_coder = AddCoder(CONSENSUS_NAME, initials=CONSENSUS_INITIALS, role="lead")
            self._add_coder.do(ctx)
            found = self._add_coder.coder_id
            assert found is not None
        self.consensus_id = found
        return found

    def _forget_consensus(self, ctx: CommandContext) -> IdMap:
        if self._add_coder is None:
            return {}
        ctx.session.flush()
        self._add_coder.undo(ctx)
        assert self._add_coder.coder_id is not None
        return {"coder": [self._add_coder.coder_id]}

    def _check_coders(self, ctx: CommandContext, coder_a: int, coder_b: int) -> None:
        for coder_id in (coder_a, coder_b):
            coder = ctx.session.get(Coder, coder_id)
            if coder is None:
                raise InvalidInputError(f"there is no coder with id {coder_id}")
            if coder.name.casefold() in CONSENSUS_NAMES:
                raise InvalidInputError(
                    "the consensus is what adjudication writes; choose the two coders "
                    "whose disagreements it resolves"
                )
        if coder_a == coder_b:
            raise InvalidInputError("adjudication needs two different coders")


def _pieces(
    session: Session, coder_id: int, document_id: int, code_id: int, start: int, end: int
) -> list[tuple[int, int]]:
    """A coder's union of spans of one code, clipped to ``[start, end)``."""
    rows = session.execute(
        select(Segment.start, Segment.end, Segment.id).where(
            Segment.coder_id == coder_id,
            Segment.document_id == document_id,
            Segment.code_id == code_id,
            Segment.start < end,
            Segment.end > start,
        )
    ).all()
    pieces = union_spans((int(s), int(e), int(i)) for s, e, i in rows)
    return [(max(p.start, start), min(p.end, end)) for p in pieces]


class Adjudicate(_ConsensusCommand):
    """Decide one disagreement into the consensus coding (undoable).

    Args:
        disagreement_key: the disagreement, its key, or its key as text.
        decision: ``a`` (the first coder's spans), ``b``, ``both`` (their union),
            ``neither`` (leave it uncoded) or ``edited`` (the given ``spans``).
        spans: ``(start, end)`` spans in code points, for ``edited`` only.
        reason: why; kept as the consensus segments' memo, or as a memo on the
            document when the decision leaves the passage uncoded.

    Raises:
        InvalidInputError: an unknown decision, ``edited`` without spans, spans with
            another decision, or (when done) a span outside the document, the
            consensus coder as one of the two coders, or the same coder twice.
    """

    def __init__(
        self,
        disagreement_key: Disagreement | DisagreementKey | str,
        decision: str,
        spans: Sequence[tuple[int, int]] = (),
        reason: str = "",
    ) -> None:
        super().__init__()
        if isinstance(disagreement_key, Disagreement):
            key = disagreement_key.key
        elif isinstance(disagreement_key, str):
            key = DisagreementKey.parse(disagreement_key)
        else:
            key = disagreement_key
        if decision not in DECISIONS:
            raise InvalidInputError(
                f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}"
            )
        if decision == "edited" and not spans:
            raise InvalidInputError("an edited decision needs at least one span")
        if decision != "edited" and spans:
            raise InvalidInputError("spans are given only with the decision 'edited'")
        for start, end in spans:
            if not 0 <= start < end:
                raise InvalidInputError(f"[{start}, {end}) is not a span: it needs end > start")
        self.key = key
        self.decision = decision
        self.spans = [(int(s), int(e)) for s, e in spans]
        self.reason = reason.strip()
        self.label = {
            "a": "Adjudicate: accept the first coder's version",
            "b": "Adjudicate: accept the second coder's version",
            "both": "Adjudicate: accept both versions",
            "neither": "Adjudicate: leave uncoded",
            "edited": "Adjudicate: edited boundaries",
        }[decision]
        self.written: list[tuple[int, int]] = []
        self._setting = setting_key(key.coder_a, key.coder_b)
        self._before: str | None = None
        self._after: str | None = None
        self._old_segments: list[Row] = []
        self._old_memo: Row | None = None
        self._add_segments: AddSegments | None = None
        self._add_memo: AddMemo | None = None
        self._prepared = False

    # -- what the decision writes ----------------------------------------------------

    def _consensus_spans(self, session: Session) -> list[tuple[int, int]]:
        key = self.key
        if self.decision == "neither":
            return []
        if self.decision == "edited":
            for start, end in self.spans:
                check_span(session, key.document_id, start, end)
            chosen = self.spans
        else:
            args = (key.document_id, key.code_id, key.start, key.end)
            chosen = []
            if self.decision in ("a", "both"):
                chosen += _pieces(session, key.coder_a, *args)
            if self.decision in ("b", "both"):
                chosen += _pieces(session, key.coder_b, *args)
        pieces = union_spans((s, e, 0) for s, e in chosen)
        return [(p.start, p.end) for p in pieces]

    def _memo_title(self, session: Session) -> str:
        code = session.get(Code, self.key.code_id)
        name = (code.label or code.name) if code is not None else str(self.key.code_id)
        return f"Adjudication: {name} left uncoded at {self.key.start}–{self.key.end}"

    # -- do and undo -------------------------------------------------------------------

    def _remove_old(self, ctx: CommandContext) -> IdMap:
        removed: IdMap = {}
        ids = [row["id"] for row in self._old_segments]
        if ids:
            ctx.session.execute(delete(Segment).where(Segment.id.in_(ids)))
            removed["segment"] = ids
        if self._old_memo is not None:
            ctx.session.execute(delete(Memo).where(Memo.id == self._old_memo["id"]))
            removed["memo"] = [self._old_memo["id"]]
        return removed

    def _capture_old(self, ctx: CommandContext, record: dict[str, Any]) -> None:
        entry = record.get(self.key.passage)
        if not isinstance(entry, dict):
            return
        ids = [int(i) for i in entry.get("segments", [])]
        if ids:
            rows = ctx.session.scalars(select(Segment).where(Segment.id.in_(ids))).all()
            self._old_segments = [row_of(r) for r in rows]
        if entry.get("memo") is not None:
            memo = ctx.session.get(Memo, int(entry["memo"]))
            self._old_memo = row_of(memo) if memo is not None else None

    def do(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        key = self.key
        first = not self._prepared
        if first:
            self._check_coders(ctx, key.coder_a, key.coder_b)
            record = _read_record(session, self._setting)
            row = session.get(Setting, self._setting)
            self._before = row.value if row is not None else None
            self._capture_old(ctx, record)
        added: IdMap = {}
        consensus = self._ensure_consensus(ctx)
        if self._add_coder is not None:
            added["coder"] = [consensus]
        removed = self._remove_old(ctx)
        if first:
            self.written = self._consensus_spans(session)
            if self.written:
                self._add_segments = AddSegments(
                    [
                        NewSegment(key.document_id, key.code_id, s, e, self.reason, consensus)
                        for s, e in self.written
                    ],
                    origin="adjudication",
                )
            elif self.reason:
                self._add_memo = AddMemo(
                    "document", key.document_id, self.reason, title=self._memo_title(session)
                )
        if self._add_segments is not None:
            self._add_segments.do(ctx)
            added["segment"] = list(self._add_segments.segment_ids)
        if self._add_memo is not None:
            self._add_memo.do(ctx)
            assert self._add_memo.memo_id is not None
            added["memo"] = [self._add_memo.memo_id]
        if first:
            record = _read_record(session, self._setting)
            record[key.passage] = {
                "decision": self.decision,
                "coder_a": key.coder_a,
                "coder_b": key.coder_b,
                "spans": [list(span) for span in self.written],
                "reason": self.reason,
                "segments": list(self._add_segments.segment_ids) if self._add_segments else [],
                "memo": self._add_memo.memo_id if self._add_memo else None,
                "at": ctx.now.isoformat(),
                "by": ctx.coder_id,
            }
            self._after = json.dumps(record, ensure_ascii=False, sort_keys=True)
            self._prepared = True
        _write_setting(session, self._setting, self._after)
        return Changes.of(added=added, removed=removed)

    def undo(self, ctx: CommandContext) -> Changes:
        session = ctx.session
        removed: IdMap = {}
        added: IdMap = {}
        _write_setting(session, self._setting, self._before)
        if self._add_memo is not None:
            self._add_memo.undo(ctx)
            assert self._add_memo.memo_id is not None
            removed["memo"] = [self._add_memo.memo_id]
        if self._add_segments is not None:
            self._add_segments.undo(ctx)
            removed["segment"] = list(self._add_segments.segment_ids)
        for row in self._old_segments:
            restore(session, Segment, row)
        if self._old_segments:
            added["segment"] = [row["id"] for row in self._old_segments]
        if self._old_memo is not None:
            restore(session, Memo, self._old_memo)
            added["memo"] = [self._old_memo["id"]]
        removed.update(self._forget_consensus(ctx))
        return Changes.of(added=added, removed=removed)

    def audit(self) -> AuditRecord:
        before = _entry(self._before, self.key.passage)
        return AuditRecord(
            "segment.adjudicate",
            "document",
            self.key.document_id,
            before,
            {
                "key": str(self.key),
                "decision": self.decision,
                "spans": [list(span) for span in self.written],
                "reason": self.reason,
            },
        )


def agreed_stretches(
    session: Session,
    coder_a: int,
    coder_b: int,
    document_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> list[Stretch]:
    """The stretches where two coders agree that the consensus does not hold yet.

    A stretch counts as held when the consensus coder has a segment with the same code
    and exactly the same span.
    """
    agreed = [
        s for s in load_stretches(session, coder_a, coder_b, document_ids, code_ids) if s.agreed
    ]
    consensus = _consensus_id(session)
    if consensus is None or not agreed:
        return agreed
    rows = session.execute(
        select(Segment.document_id, Segment.code_id, Segment.start, Segment.end).where(
            Segment.coder_id == consensus,
            Segment.document_id.in_({s.document_id for s in agreed}),
        )
    )
    held = {(d, c, s, e) for d, c, s, e in rows}
    return [s for s in agreed if (s.document_id, s.code_id, s.start, s.end) not in held]


def pending_agreements(
    project: Project,
    coder_a: int,
    coder_b: int,
    document_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> int:
    """How many agreed stretches :class:`AcceptAgreements` would copy now."""
    with project.read() as session:
        return len(agreed_stretches(session, coder_a, coder_b, document_ids, code_ids))


class AcceptAgreements(_ConsensusCommand):
    """Copy every stretch where two coders agree to the consensus (undoable).

    Stretches the consensus already holds (same code, same span) are left alone, so the
    command can run again after more coding. The copies have the origin
    ``adjudication`` and no memo.

    Args:
        coder_a: the first coder's id.
        coder_b: the second coder's id.
        document_ids: the documents; by default those both coders have coded.
        code_ids: the codes; by default every code.

    Raises:
        InvalidInputError: (when done) nothing left to copy, the consensus coder as one
            of the two coders, or the same coder twice.
    """

    label = "Copy agreed passages to the consensus"

    def __init__(
        self,
        coder_a: int,
        coder_b: int,
        document_ids: Collection[int] | None = None,
        code_ids: Collection[int] | None = None,
    ) -> None:
        super().__init__()
        self.coder_a, self.coder_b = coder_a, coder_b
        self.document_ids = None if document_ids is None else list(document_ids)
        self.code_ids = None if code_ids is None else list(code_ids)
        self._add: AddSegments | None = None

    def do(self, ctx: CommandContext) -> Changes:
        added: IdMap = {}
        if self._add is None:
            self._check_coders(ctx, self.coder_a, self.coder_b)
            found = agreed_stretches(
                ctx.session, self.coder_a, self.coder_b, self.document_ids, self.code_ids
            )
            if not found:
                raise InvalidInputError("every agreed passage is in the consensus already")
            consensus = self._ensure_consensus(ctx)
            self._add = AddSegments(
                [
                    NewSegment(s.document_id, s.code_id, s.start, s.end, "", consensus)
                    for s in found
                ],
                origin="adjudication",
                label=self.label,
            )
        else:
            consensus = self._ensure_consensus(ctx)
        if self._add_coder is not None:
            added["coder"] = [consensus]
        self._add.do(ctx)
        added["segment"] = list(self._add.segment_ids)
        return Changes.of(added=added)

    def undo(self, ctx: CommandContext) -> Changes:
        assert self._add is not None
        self._add.undo(ctx)
        removed: IdMap = {"segment": list(self._add.segment_ids)}
        removed.update(self._forget_consensus(ctx))
        return Changes.of(removed=removed)

    def audit(self) -> AuditRecord:
        count = len(self._add.segment_ids) if self._add is not None else 0
        return AuditRecord(
            "segment.accept_agreements",
            "coder",
            self.consensus_id,
            None,
            {"coders": [self.coder_a, self.coder_b], "segments": count},
        )
