"""The Word appendix opens again with python-docx and has what a report needs."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from tests.factories import add_document, code_passage
from tests.workbench.analysis.conftest import Known
from workbench.analysis.corpus import load_corpus
from workbench.analysis.specs import build_matrix
from workbench.export.docx_appendix import write_appendix
from workbench.export.options import ExportOptions
from workbench.project import Project


def body_tables_with_orientation(document: docx.document.Document) -> list[tuple[object, bool]]:
    """Each table element with whether its section is landscape."""
    pending: list[object] = []
    placed: list[tuple[object, bool]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            pending.append(child)
        section = (
            child if child.tag == qn("w:sectPr") else child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        )
        if section is not None:
            size = section.find(qn("w:pgSz"))
            landscape = size is not None and size.get(qn("w:orient")) == "landscape"
            placed.extend((table, landscape) for table in pending)
            pending = []
    return placed


def test_word_appendix_of_the_demo(demo: Project, tmp_path: Path) -> None:
    options = ExportOptions(
        matrices=("outcomes:ilab_project", "outcomes:source_type", "usmca:ilab_project:share"),
        quotes_per_code=2,
        language="es",
    )
    path = tmp_path / "anexo.docx"
    report = write_appendix(demo, path, options)
    document = docx.Document(str(path))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title"
    assert {"Heading 1", "Heading 2", "Caption"} <= set(styles)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Resumen metodológico",
        "Libro de códigos",
        "Matrices",
        "Resultados y su evidencia",
        "Citas por código",
    ]
    body = document.element.body
    instructions = [i.text for i in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith('TOC \\o "1-2"') for i in instructions)
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"

    tables = document.tables
    assert len(tables) == report.tables
    for table in tables:
        first = table.rows[0]._tr
        assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    captions = [p for p in document.paragraphs if p.style.name == "Caption"]
    assert len(captions) == report.tables
    seq = [f.get(qn("w:instr")) for f in body.iter(qn("w:fldSimple"))]
    assert len(seq) == report.tables and all("SEQ Tabla" in s for s in seq)
    assert (
        captions[0].text.startswith("Tabla ")
        and "Documentos por tipo de fuente" in captions[0].text
    )

    corpus = load_corpus(demo)
    by_project = build_matrix(corpus, "outcomes:ilab_project", language="es")
    caption = by_project.description.caption("es")
    index = report.captions.index(caption)
    table = tables[index]
    assert len(table.rows) == len(by_project.values.index) + 1
    assert len(table.columns) == len(by_project.values.columns) + 1 > 7
    cells = table.rows[1]._tr.findall(qn("w:tc"))
    alignments = [c.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:jc')}") for c in cells]
    assert alignments[0] is None
    assert all(a is not None and a.get(qn("w:val")) == "right" for a in alignments[1:])
    orientation = dict(
        (id(t), landscape) for t, landscape in body_tables_with_orientation(document)
    )
    assert orientation[id(table._tbl)] is True
    assert report.landscape_sections >= 2
    assert any(s.orientation == WD_ORIENT.LANDSCAPE for s in document.sections)
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    share_row = tables[
        report.captions.index(
            build_matrix(corpus, "usmca:ilab_project:share", language="es").description.caption(
                "es"
            )
        )
    ].rows[1]
    assert all(c.text.endswith("%") for c in share_row.cells[1:])

    quotes = [c for c in report.captions if c.startswith("Citas: ")]
    one_a = tables[report.captions.index(next(c for c in quotes if c.startswith("Citas: 1a ")))]
    assert len(one_a.rows) == 3  # header and the two-quote cap
    assert one_a.rows[1].cells[1].text.startswith("Entrevista 01")
    assert one_a.rows[1].cells[3].text.isdigit()
    assert "Veracruz" in one_a.rows[1].cells[2].text


def test_control_characters_from_a_bad_transcript_do_not_break_the_file(
    known: Known, tmp_path: Path
) -> None:
    project = known.project
    bad = add_document(project, "Mala transcripción", "R: Año\x0b de la zafra\x01 en Córdoba.\n")
    code_passage(project, bad, known.codes["1a"], "Año\x0b de la zafra\x01")
    path = tmp_path / "appendix.docx"
    report = write_appendix(project, path, ExportOptions(matrices=("outcomes:state",)))
    reopened = docx.Document(str(path))
    texts = [cell.text for table in reopened.tables for row in table.rows for cell in row.cells]
    assert "Año de la zafra" in texts
    assert report.quotes == len(project.segments())


def test_english_appendix_and_quote_order(known: Known, tmp_path: Path) -> None:
    path = tmp_path / "appendix.docx"
    report = write_appendix(known.project, path, ExportOptions(matrices=(), quotes_per_code=5))
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Methods summary" and "Matrices" not in headings
    one_a = document.tables[report.captions.index("Quotes: 1a Unions formed")]
    assert [row.cells[0].text for row in one_a.rows[1:]] == [
        "Formamos un sindicato",
        "Formamos un sindicato independiente.",
        "Ya no van al corte",
    ]
    assert [row.cells[3].text for row in one_a.rows[1:]] == ["2", "2", "2"]
    assert one_a.rows[0].cells[0].text == "Quote"


def test_a_wide_table_starts_its_landscape_page_with_its_heading(
    demo: Project, tmp_path: Path
) -> None:
    path = tmp_path / "a.docx"
    write_appendix(demo, path, ExportOptions(matrices=("outcomes:ilab_project",), language="es"))
    document = docx.Document(str(path))
    landscape = False
    where: dict[str, bool] = {}
    for child in reversed(list(document.element.body.iterchildren())):
        section = (
            child if child.tag == qn("w:sectPr") else child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        )
        if section is not None:
            size = section.find(qn("w:pgSz"))
            landscape = size is not None and size.get(qn("w:orient")) == "landscape"
        style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in ("Heading1", "Heading2"):
            where["".join(t.text or "" for t in child.iter(qn("w:t")))] = landscape
    assert where["Matrices"] is True
    assert where["Resultados por Proyecto de ILAB: número de documentos"] is True
    assert where["Resumen metodológico"] is False
    assert where["Citas por código"] is False
