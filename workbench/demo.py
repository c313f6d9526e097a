"""The demo project: fictional MSC interviews and focus groups, coded by two coders.

Its sources live in ``resources/demo``: transcripts, and ``demo.json`` with each
document's attributes (template keys, English choice texts) and the codings, given
as quotes so that they do not depend on offsets.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resources import RESOURCES
from workbench.codebook.template import (
    ApplyTemplate,
    attribute_key_names,
    choice_translations,
    load_template,
)
from workbench.commands.coders import AddCoder
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.segments import AddSegments, NewSegment
from workbench.errors import InvalidInputError
from workbench.project import Project
from workbench.readers import read_file

DEMO = RESOURCES / "demo"
TEMPLATE = "usmca-evaluation"


@dataclass(frozen=True)
class DemoSummary:
    """What the demo project holds."""

    documents: int
    codes: int
    segments: int
    coders: int


def default_demo_path() -> Path:
    """Where ``workbench demo`` puts the demo project by default (the user's data folder)."""
    from platformdirs import user_data_path

    return user_data_path("coding-workbench", appauthor=False) / "demo.qdb"


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """The span of the n-th occurrence (1-based) of ``quote`` in ``text``.

    Raises:
        InvalidInputError: the quote does not occur that often.
    """
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            raise InvalidInputError(f"the quote {quote[:50]!r} does not occur {occurrence} time(s)")
    return start, start + len(quote)


def build_demo(path: Path, *, language: str = "es") -> DemoSummary:
    """Build the demo project at ``path`` (which must not exist).

    A build that fails part-way removes the file again.

    Args:
        path: the new project file.
        language: the language of the codebook and attribute values (``es`` or ``en``).
    """
    try:
        return _build(path, language)
    except Exception:
        if path.exists():
            for suffix in ("", "-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    extra.unlink()
        raise


def _build(path: Path, language: str) -> DemoSummary:
    spec: dict[str, Any] = json.loads((DEMO / "demo.json").read_text(encoding="utf-8"))
    template = load_template(TEMPLATE)
    coders = spec["coders"]
    lead = next((c for c in coders if c.get("role") == "lead"), coders[0])
    name = spec.get("name", {}).get(language)
    with Project.create(path, language=language, name=name) as project:
        for coder in coders:
            project.run(
                AddCoder(
                    coder["name"],
                    initials=coder["initials"],
                    colour=coder["colour"],
                    role=coder.get("role", "coder"),
                ),
                undoable=False,
            )
        project.use_coder(lead["name"])
        project.run(ApplyTemplate(template, language), undoable=False)
        coder_ids = {c.initials: c.id for c in project.coders()}
        attribute_names = attribute_key_names(template, language)
        translations = choice_translations(template, language)
        attributes = {a.name: a.id for a in project.attributes()}
        documents: list[NewDocument] = []
        texts: dict[str, str] = {}
        for entry in spec["documents"]:
            source = DEMO / entry["file"]
            read = read_file(source)
            texts[entry["file"]] = read.text
            values: dict[int, str] = {}
            for key, value in entry.get("attributes", {}).items():
                translated = translations.get(key, {}).get(value, value)
                values[attributes[attribute_names[key]]] = translated
            documents.append(
                NewDocument(
                    name=entry["name"],
                    text=read.text,
                    source_format=read.source_format,
                    sha256=hashlib.sha256(source.read_bytes()).hexdigest(),
                    original_filename=source.name,
                    encoding=read.encoding,
                    language=entry.get("language"),
                    turns=tuple((t.start, t.end, t.speaker) for t in read.turns),
                    attributes=values,
                )
            )
        imported = ImportDocuments(documents)
        project.run(imported, undoable=False)
        document_ids = dict(
            zip((e["file"] for e in spec["documents"]), imported.document_ids, strict=True)
        )
        codes = {c.label: c.id for c in project.codes() if c.label}
        segments: list[NewSegment] = []
        for coding in spec["codings"]:
            start, end = find_quote(
                texts[coding["document"]], coding["quote"], coding.get("occurrence", 1)
            )
            segments.append(
                NewSegment(
                    document_ids[coding["document"]],
                    codes[coding["code"]],
                    start,
                    end,
                    coding.get("memo") or "",
                    coder_ids[coding["coder"]],
                )
            )
        project.run(AddSegments(segments, origin="manual", label="Demo codings"), undoable=False)
        return DemoSummary(
            documents=len(documents),
            codes=len(codes),
            segments=len(segments),
            coders=len(coder_ids),
        )
