"""Matrices named in words: ``ROWS:COLUMNS[:OPTION]``, as the command line takes them.

``ROWS`` is a code group (``outcomes``, ``usmca``, ``projects``, ``themes`` or a group's
name). ``COLUMNS`` is a document attribute role (``ilab_project``, ``state``, ``sector``,
``source_type``, ``respondent_type``, ``gender``) or an attribute's name, ``coder``,
``triangulation``, or another code group (co-occurrence). ``OPTION`` is the measure
(``segments``, ``documents``, ``characters``, ``share``; for ``coder``: ``segments``,
``characters``, ``both``) or, for co-occurrence, ``overlap``, ``paragraph`` or ``document``.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.analysis.corpus import Corpus
from workbench.analysis.filters import (
    EVERYTHING,
    Filters,
    group_keys,
    resolve_attribute,
    resolve_group,
)
from workbench.analysis.labels import ROLES
from workbench.analysis.result import Matrix
from workbench.errors import InvalidInputError, NotFoundError

DEFAULT_MATRICES = (
    "outcomes:ilab_project",
    "usmca:ilab_project",
    "outcomes:source_type",
    "outcomes:state",
)
CODER, TRIANGULATION = "coder", "triangulation"


@dataclass(frozen=True)
class MatrixSpec:
    """A matrix named by its rows, columns and an option."""

    rows: str
    columns: str
    option: str = ""

    def __str__(self) -> str:
        return f"{self.rows}:{self.columns}" + (f":{self.option}" if self.option else "")


def parse_spec(text: str) -> MatrixSpec:
    """Read ``ROWS:COLUMNS[:OPTION]``.

    Raises:
        InvalidInputError: no colon, or an empty part.
    """
    parts = [p.strip() for p in text.split(":")]
    if len(parts) not in (2, 3) or not all(parts):
        raise InvalidInputError(
            f"a matrix is ROWS:COLUMNS or ROWS:COLUMNS:OPTION, such as outcomes:ilab_project, "
            f"not {text!r}"
        )
    return MatrixSpec(parts[0], parts[1], parts[2] if len(parts) == 3 else "")


def column_choices(corpus: Corpus) -> str:
    """The words a matrix's columns may be, for error messages."""
    roles = [r for r in ROLES if r in corpus.roles]
    groups = [k for k in group_keys()] + [g.name for g in corpus.groups]
    return ", ".join([*roles, CODER, TRIANGULATION, *dict.fromkeys(groups)])


def build_matrix(
    corpus: Corpus, spec: MatrixSpec | str, filters: Filters = EVERYTHING, *, language: str = "en"
) -> Matrix:
    """Compute the matrix a spec names, with the filters' coders and documents.

    Raises:
        NotFoundError: an unknown group, attribute or coder (the message lists choices).
        InvalidInputError: an option that does not fit the columns.
    """
    from workbench.analysis.cooccurrence import PROXIMITY, cooccurrence
    from workbench.analysis.evidence import triangulation
    from workbench.analysis.matrices import code_by_attribute, code_by_coder

    if isinstance(spec, str):
        spec = parse_spec(spec)
    resolve_group(corpus, spec.rows)
    scoped = Filters(filters.coders, filters.attributes, (spec.rows,))
    columns = spec.columns.casefold()
    if columns == CODER:
        return code_by_coder(corpus, scoped, measure=spec.option or "both", language=language)
    if columns == TRIANGULATION:
        return triangulation(corpus, scoped, language=language)
    try:
        resolve_attribute(corpus, spec.columns)
    except NotFoundError:
        pass
    else:
        return code_by_attribute(
            corpus, spec.columns, scoped, measure=spec.option or "documents", language=language
        )
    try:
        resolve_group(corpus, spec.columns)
    except NotFoundError:
        raise NotFoundError(
            f"{spec.columns!r} is neither a document attribute, coder, triangulation nor a "
            f"code group; the columns may be {column_choices(corpus)}"
        ) from None
    option = spec.option or "overlap"
    if option not in PROXIMITY:
        raise InvalidInputError(
            f"co-occurrence ({spec}) takes {', '.join(PROXIMITY)} after the second colon"
        )
    return cooccurrence(corpus, [spec.columns], scoped, proximity=option, language=language)
