"""The words of captions and headers, in English and Spanish."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Text:
    """A phrase in English and Spanish."""

    en: str
    es: str

    def get(self, language: str) -> str:
        """The phrase in ``language`` (``en`` or ``es``; anything else gives English)."""
        return self.es if language == "es" else self.en


def same(text: str) -> Text:
    """A phrase that reads the same in both languages (a name, a label)."""
    return Text(text, text)


def check_language(language: str) -> str:
    """Return ``language`` when it is ``en`` or ``es``.

    Raises:
        InvalidInputError: any other language.
    """
    from workbench.errors import InvalidInputError

    if language not in LANGUAGES:
        raise InvalidInputError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


#: The attribute roles a matrix can use as columns, with their names.
ROLES: dict[str, Text] = {
    "ilab_project": Text("ILAB project", "Proyecto de ILAB"),
    "state": Text("State", "Estado"),
    "sector": Text("Sector", "Sector"),
    "source_type": Text("Source type", "Tipo de fuente"),
    "respondent_type": Text("Respondent type", "Tipo de informante"),
    "gender": Text("Gender", "Género"),
}

#: Roles whose values hold several labels separated by semicolons.
MULTI_VALUED = frozenset({"ilab_project"})

MEASURES: dict[str, Text] = {
    "segments": Text("number of coded segments", "número de segmentos codificados"),
    "documents": Text("number of documents", "número de documentos"),
    "characters": Text("characters coded", "caracteres codificados"),
    "share": Text(
        "share of the documents with that value",
        "proporción de los documentos con ese valor",
    ),
    "presence": Text(
        "1 when the document has the code, else 0", "1 si el documento tiene el código, si no 0"
    ),
}

NOT_SET = Text("(not set)", "(sin valor)")
CODER = Text("Coder", "Persona codificadora")
CODES = Text("Codes", "Códigos")
DOCUMENTS = Text("Documents", "Documentos")
ALL_CODERS = Text("all coders", "todas las personas codificadoras")
SOURCE_TYPES = Text("Source types", "Tipos de fuente")
SUPPORT = Text("Triangulation", "Triangulación")
SUPPORT_LEVELS: dict[int, Text] = {
    0: Text("none", "ninguna"),
    1: Text("one source type", "un tipo de fuente"),
    2: Text("two source types", "dos tipos de fuente"),
    3: Text("three or more source types", "tres o más tipos de fuente"),
}
