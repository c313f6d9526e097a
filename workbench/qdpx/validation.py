"""Parsing REFI-QDA XML safely and checking it against the standard's schemas.

The XML is parsed with :mod:`defusedxml`, with document type declarations forbidden, so
that entity expansion ("billion laughs") and external entities are refused before any
of it is expanded. The schemas ship with the workbench (``schema/``, MIT, REFI-QDA).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
import xmlschema
from defusedxml import DefusedXmlException

from workbench.qdpx.model import QdpxError

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
_SCHEMAS = {PROJECT_NS: "Project.xsd", CODEBOOK_NS: "Codebook.xsd"}
_ROOTS = {PROJECT_NS: "Project", CODEBOOK_NS: "CodeBook"}
#: How many schema errors a refusal lists.
_SHOWN_ERRORS = 3


@cache
def schema(namespace: str) -> Any:
    """The compiled schema of a REFI-QDA namespace (loaded once)."""
    source = (
        files("workbench.qdpx").joinpath("schema").joinpath(_SCHEMAS[namespace]).read_text("utf-8")
    )
    return xmlschema.XMLSchema(source)


def parse_xml(data: bytes, what: str) -> Element:
    """Parse XML bytes, refusing document type declarations and entities.

    Args:
        data: the XML document.
        what: how to name it in messages (``project.qde in study.qdpx``).

    Raises:
        QdpxError: the XML is malformed or declares entities.
    """
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise QdpxError(
            f"{what} is refused: it declares a document type or entities, which REFI-QDA "
            "files never need (they can expand into gigabytes: an entity-expansion attack)"
        ) from None
    except ParseError as error:
        raise QdpxError(f"{what} is not well-formed XML ({error})") from None
    return root


def namespace_of(root: Element) -> str:
    """The namespace of an element's tag (empty when it has none)."""
    return root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""


def validate(root: Element, what: str, namespace: str) -> None:
    """Check a parsed document against the schema of ``namespace``.

    Raises:
        QdpxError: the root is not the expected element, or the document breaks the schema;
            the message lists the first few errors with where they are.
    """
    expected = "{" + namespace + "}" + _ROOTS[namespace]
    if root.tag != expected:
        raise QdpxError(
            f"{what} is not a REFI-QDA {_ROOTS[namespace]} document: its root element is "
            f"{root.tag!r}, expected {_ROOTS[namespace]!r} in namespace {namespace}"
        )
    errors = []
    for error in schema(namespace).iter_errors(root):
        errors.append(f"{error.path or '/'}: {error.reason}")
        if len(errors) > _SHOWN_ERRORS:
            break
    if errors:
        more = "; ..." if len(errors) > _SHOWN_ERRORS else ""
        raise QdpxError(
            f"{what} does not follow the REFI-QDA schema {_SCHEMAS[namespace]}: "
            + "; ".join(errors[:_SHOWN_ERRORS])
            + more
        )
