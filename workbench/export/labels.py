"""The words of the appendix, in English and Spanish."""

from __future__ import annotations

from workbench.analysis.labels import Text

TITLE = Text("Appendix: coded evidence", "Anexo: evidencia codificada")
CONTENTS = Text("Contents", "Contenido")
TOC_PLACEHOLDER = Text(
    "Right-click here and choose Update Field to build the table of contents.",
    "Haga clic derecho aquí y elija Actualizar campo para generar el índice.",
)
METHODS = Text("Methods summary", "Resumen metodológico")
CODEBOOK = Text("Codebook", "Libro de códigos")
MATRICES = Text("Matrices", "Matrices")
OUTCOMES = Text("Outcomes and their evidence", "Resultados y su evidencia")
QUOTES = Text("Quotes by code", "Citas por código")
QUOTES_OF = Text("Quotes", "Citas")
CODE = Text("Code", "Código")
TABLE = Text("Table", "Tabla")
FIGURE = Text("Figure", "Figura")
CHARTS = Text("Charts", "Gráficos")
DOCUMENTS_BY_SOURCE = Text("Documents by source type", "Documentos por tipo de fuente")
CODERS = Text("Coders", "Personas codificadoras")
SEGMENTS = Text("Segments", "Segmentos")
DOCUMENTS = Text("Documents", "Documentos")
PRESENCE = Text("Code presence by document", "Presencia de códigos por documento")
SHEET_CONTENTS = Text("Contents", "Contenido")
SHEET = Text("Sheet", "Hoja")
CAPTION = Text("Table", "Tabla")
METHOD = Text("How it is counted", "Cómo se cuenta")

CODEBOOK_COLUMNS = {
    "label": Text("Label", "Etiqueta"),
    "name": Text("Name", "Nombre"),
    "group": Text("Group", "Grupo"),
    "definition": Text("Definition", "Definición"),
    "inclusion": Text("Include when", "Incluir cuando"),
    "exclusion": Text("Exclude when", "Excluir cuando"),
    "segments": Text("Segments", "Segmentos"),
    "documents": Text("Documents", "Documentos"),
}
QUOTE_COLUMNS = {
    "quote": Text("Quote", "Cita"),
    "document": Text("Document", "Documento"),
    "attributes": Text("Attributes", "Atributos"),
    "paragraph": Text("Paragraph", "Párrafo"),
    "coder": Text("Coder", "Codificación"),
}
CODER_COLUMNS = {
    "name": Text("Coder", "Persona codificadora"),
    "initials": Text("Initials", "Iniciales"),
    "segments": Text("Segments", "Segmentos"),
    "documents": Text("Documents", "Documentos"),
}
SOURCE_COLUMNS = {
    "source_type": Text("Source type", "Tipo de fuente"),
    "documents": Text("Documents", "Documentos"),
}


def summary_sentence(
    language: str, documents: int, segments: int, coders: int, dates: tuple[str, str] | None
) -> str:
    """One paragraph on what was coded, by whom and when."""
    if language == "es":
        text = (
            f"Se analizaron {documents} documentos, con {segments} segmentos codificados "
            f"por {coders} personas codificadoras."
        )
        if dates:
            text += f" Las entrevistas se realizaron entre el {dates[0]} y el {dates[1]}."
        return text
    text = (
        f"{documents} documents were analysed, with {segments} segments coded by {coders} coders."
    )
    if dates:
        text += f" The interviews took place between {dates[0]} and {dates[1]}."
    return text


def quotes_note(language: str, shown: int, total: int, cap: int) -> str:
    """A line under a code's heading: how many quotes are shown of how many."""
    if language == "es":
        if shown < total:
            return f"Se muestran {shown} de {total} citas (máximo {cap} por código)."
        return f"{total} citas."
    if shown < total:
        return f"{shown} of {total} quotes shown (at most {cap} per code)."
    return f"{total} quotes."
