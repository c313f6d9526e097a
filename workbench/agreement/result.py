"""What an agreement run returns.

Per code (and group) values, the counts behind them, the reasons for undefined values,
an overall summary and a methods sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.entities import CoderInfo, DocumentInfo

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class CodeAgreement:
    """Agreement on one code.

    ``values`` maps each statistic's key (``kappa``, ``percent_agreement``...) to its
    value or None; ``undefined`` maps the keys of the None values to the reason;
    ``counts`` holds the counts the values came from.
    """

    code_id: int
    path: str
    label: str
    group: str | None
    documents: int
    values: Mapping[str, float | None]
    counts: Mapping[str, Any]
    undefined: Mapping[str, str]
    by_document: tuple[Mapping[str, Any], ...] = ()
    pairwise: tuple[Mapping[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready object: identity, values, counts, then details."""
        data: dict[str, Any] = {
            "code": self.path,
            "code_id": self.code_id,
            "label": self.label,
            "group": self.group,
            "documents": self.documents,
            **self.values,
            **self.counts,
            "undefined": dict(self.undefined),
        }
        if self.pairwise:
            data["pairwise"] = [dict(p) for p in self.pairwise]
        if self.by_document:
            data["by_document"] = [dict(d) for d in self.by_document]
        return data


@dataclass(frozen=True)
class GroupAgreement:
    """Agreement on a code group taken as one variable (the unitized unit)."""

    group: str
    codes: int
    values: Mapping[str, float | None]
    counts: Mapping[str, Any]
    undefined: Mapping[str, str]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready object."""
        return {
            "group": self.group,
            "codes": self.codes,
            **self.values,
            **self.counts,
            "undefined": dict(self.undefined),
        }


@dataclass(frozen=True)
class AgreementResult:
    """The agreement of two or more coders on a project's codes, at one unit.

    Attributes:
        unit: ``character``, ``segment``, ``document`` or ``unitized``.
        statistics: each statistic's key and what it is, in words.
        aggregate: how per-document values combine (``pooled``, ``mean``, ``weighted``).
        coders: the coders compared, in the order given.
        documents: the documents compared.
        codes: one entry per code, in codebook order.
        overall: the summary over all codes.
        method: a methods sentence naming the unit, statistic and coders.
        groups: per code group (unitized unit only).
        min_overlap: the segment unit's matching threshold, in percent.
    """

    unit: str
    statistics: Mapping[str, str]
    aggregate: str
    coders: tuple[CoderInfo, ...]
    documents: tuple[DocumentInfo, ...]
    codes: tuple[CodeAgreement, ...]
    overall: Mapping[str, Any]
    method: str
    groups: tuple[GroupAgreement, ...] = ()
    min_overlap: float | None = None

    def code(self, reference: str) -> CodeAgreement:
        """The entry of a code by path or label.

        Raises:
            KeyError: no such code among the results.
        """
        for entry in self.codes:
            if reference in (entry.path, entry.label):
                return entry
        raise KeyError(reference)

    def to_json(self) -> dict[str, Any]:
        """The result as a JSON-ready object (the shape the README describes)."""
        data: dict[str, Any] = {
            "unit": self.unit,
            "statistics": dict(self.statistics),
            "aggregate": self.aggregate,
            "coders": [{"id": c.id, "name": c.name, "initials": c.initials} for c in self.coders],
            "documents": len(self.documents),
            "document_names": [d.name for d in self.documents],
            "codes": [c.to_json() for c in self.codes],
            "overall": dict(self.overall),
            "method": self.method,
        }
        if self.min_overlap is not None:
            data["min_overlap"] = self.min_overlap
        if self.groups:
            data["groups"] = [g.to_json() for g in self.groups]
        return data

    def to_frame(self) -> pd.DataFrame:
        """One row per code: identity, statistic values and counts (no details)."""
        import pandas as pd

        rows = []
        for entry in self.codes:
            row: dict[str, Any] = {
                "code_id": entry.code_id,
                "code": entry.path,
                "label": entry.label,
                "group": entry.group,
                "documents": entry.documents,
            }
            row.update(entry.values)
            row.update({k: v for k, v in entry.counts.items() if not isinstance(v, list)})
            rows.append(row)
        return pd.DataFrame(rows).set_index("code_id") if rows else pd.DataFrame()
