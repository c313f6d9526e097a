"""Choosing a reader by extension, and errors that apply to every format."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from workbench.readers import SUPPORTED_EXTENSIONS, ReaderError, read_file


def test_supported_extensions() -> None:
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".docx", ".odt", ".rtf", ".pdf", ".vtt", ".srt")


def test_unknown_extension_names_it_and_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "entrevista.pages"
    path.write_text("hola", encoding="utf-8")
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    message = str(caught.value)
    assert "entrevista.pages" in message
    assert "“.pages”" in message
    for extension in SUPPORTED_EXTENSIONS:
        assert extension in message


def test_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "LEEME"
    path.write_text("hola", encoding="utf-8")
    with pytest.raises(ReaderError, match="without an extension"):
        read_file(path)


@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
def test_empty_file(tmp_path: Path, extension: str) -> None:
    path = tmp_path / f"vacio{extension}"
    path.write_bytes(b"")
    with pytest.raises(ReaderError) as caught:
        read_file(path)
    assert caught.value.reason == "the file is empty"
    assert caught.value.path == path


@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
def test_missing_file(tmp_path: Path, extension: str) -> None:
    with pytest.raises(ReaderError, match="does not exist"):
        read_file(tmp_path / f"no_existe{extension}")


def test_folder_with_a_supported_extension(tmp_path: Path) -> None:
    folder = tmp_path / "carpeta.txt"
    folder.mkdir()
    with pytest.raises(ReaderError, match="folder"):
        read_file(folder)


def test_error_message_and_pickling() -> None:
    error = ReaderError(Path("/datos/entrevista.docx"), "it is damaged")
    assert str(error) == "Could not read “entrevista.docx”: it is damaged"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))
