"""Opening a REFI-QDA file safely: a ``.qdpx`` archive, a ``.qdc`` codebook or a bare ``.qde``.

Nothing is ever extracted to disk: members are read into memory by name. Even so, an
archive with a member whose path would escape its folder, with more members or more
unpacked bytes than a project plausibly has, or with a compression ratio only a zip bomb
has, is refused whole, before anything is imported.

Real files differ from the standard's letter, and these differences are accepted: the
sources folder spelled ``Sources/`` or ``sources/``, the XML named ``<Project>.qde``
rather than ``project.qde``, file names in another case than the ``.qde`` gives them,
and GUIDs in braces.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType
from xml.etree.ElementTree import Element

from workbench.qdpx.model import QdpxError
from workbench.qdpx.validation import (
    CODEBOOK_NS,
    PROJECT_NS,
    namespace_of,
    parse_xml,
    validate,
)

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What an archive may hold before it is refused as implausible or hostile.

    Attributes:
        max_members: entries in the zip.
        max_total_bytes: unpacked bytes of all entries, as the archive declares them.
        max_member_bytes: unpacked bytes of one entry that is read (the XML, a source).
        max_ratio: unpacked/packed size of an entry larger than ``ratio_floor`` bytes.
        ratio_floor: entries up to this size are not checked for their ratio.
    """

    max_members: int = 20_000
    max_total_bytes: int = 4 * 1024**3
    max_member_bytes: int = 512 * 1024**2
    max_ratio: int = 200
    ratio_floor: int = 1024**2


DEFAULT_LIMITS = Limits()


def _escapes(name: str) -> bool:
    """Whether a member or source path is absolute or climbs out of its folder."""
    if "\x00" in name:
        return True
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        return True
    return any(part == ".." for part in path.split("/"))


class Exchange:
    """An open REFI-QDA file: its validated XML root and the files it carries.

    Use it as a context manager; :meth:`read_source` reads from the archive while it is open.
    """

    def __init__(self, path: Path, root: Element, archive: zipfile.ZipFile | None, base: str):
        self.path = path
        self.root = root
        self.is_codebook = namespace_of(root) == CODEBOOK_NS
        self._archive = archive
        self._base = base
        self._members: dict[str, zipfile.ZipInfo] = {}
        if archive is not None:
            for info in archive.infolist():
                if not info.is_dir():
                    self._members[info.filename.replace("\\", "/").casefold()] = info

    def __enter__(self) -> Exchange:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive."""
        if self._archive is not None:
            self._archive.close()

    def read_source(self, uri: str, limits: Limits = DEFAULT_LIMITS) -> bytes | None:
        """The bytes of an ``internal://`` file of the archive; None when it is absent.

        Raises:
            QdpxError: the path would escape the sources folder, or the member is damaged.
        """
        scheme, sep, rest = uri.partition("://")
        if not sep or scheme.casefold() != "internal":
            return None
        if _escapes(rest):
            raise QdpxError(
                f"{self.path.name} is refused: the source path {uri!r} points outside the "
                "archive's sources folder (path traversal)"
            )
        if self._archive is None:
            return None
        name = PurePosixPath(rest.replace("\\", "/"))
        wanted = [f"{self._base}sources/{name}", f"{self._base}sources/{_unbraced(name)}"]
        for candidate in wanted:
            info = self._members.get(candidate.casefold())
            if info is not None:
                return _read_member(self._archive, info, self.path, limits)
        return None


def _unbraced(name: PurePosixPath) -> str:
    return str(name).replace("{", "").replace("}", "")


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, limits: Limits
) -> bytes:
    if info.file_size > limits.max_member_bytes:
        raise QdpxError(
            f"{path.name} is refused: its member “{info.filename}” unpacks to "
            f"{info.file_size:,} bytes, more than the {limits.max_member_bytes:,} allowed"
        )
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > limits.max_member_bytes:
                    raise QdpxError(
                        f"{path.name} is refused: its member “{info.filename}” unpacks to more "
                        "than it declares (a zip bomb)"
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        raise QdpxError(
            f"{path.name} is damaged: its member “{info.filename}” cannot be unpacked "
            "(or it is encrypted)"
        ) from None
    return b"".join(chunks)


def _check_members(archive: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise QdpxError(
            f"{path.name} is refused: it holds {len(infos):,} files, more than the "
            f"{limits.max_members:,} a project archive plausibly has"
        )
    total = 0
    for info in infos:
        if _escapes(info.filename):
            raise QdpxError(
                f"{path.name} is refused: its member “{info.filename}” has a path that "
                "escapes the archive's folder (absolute, or climbing out with ..)"
            )
        total += info.file_size
        if info.file_size > limits.ratio_floor:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise QdpxError(
                    f"{path.name} is refused: its member “{info.filename}” would unpack "
                    f"{ratio:,.0f} times larger than it is stored (a zip bomb)"
                )
    if total > limits.max_total_bytes:
        raise QdpxError(
            f"{path.name} is refused: it would unpack to {total:,} bytes, more than the "
            f"{limits.max_total_bytes:,} allowed"
        )


def _find_qde(archive: zipfile.ZipFile, path: Path) -> zipfile.ZipInfo:
    """The single ``.qde`` at the root (or inside one top folder) of the archive."""
    by_depth: dict[int, list[zipfile.ZipInfo]] = {}
    for info in archive.infolist():
        name = info.filename.replace("\\", "/")
        if name.casefold().endswith(".qde") and not info.is_dir():
            by_depth.setdefault(name.count("/"), []).append(info)
    found = by_depth.get(0) or by_depth.get(1) or []
    if not found:
        raise QdpxError(
            f"{path.name} is not a REFI-QDA project: the archive holds no project.qde "
            "(the project's XML)"
        )
    if len(found) > 1:
        names = ", ".join(info.filename for info in found)
        raise QdpxError(
            f"{path.name} is not a valid REFI-QDA project: it holds several .qde files "
            f"({names}); an exchange archive holds exactly one"
        )
    return found[0]


def _read_file(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_member_bytes:
            raise QdpxError(
                f"{path.name} is refused: it is larger than {limits.max_member_bytes:,} bytes"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise QdpxError(f"{path} does not exist") from None
    except OSError as error:
        raise QdpxError(f"{path} cannot be read ({error.strerror or error})") from None


def open_exchange(path: Path, limits: Limits = DEFAULT_LIMITS) -> Exchange:
    """Open and validate a ``.qdpx``, ``.qdc`` or ``.qde`` file.

    The kind is taken from the extension; a ``.qdpx`` (or a file of any other
    extension) must be a zip archive.

    Raises:
        QdpxError: the file is missing, not of its kind, hostile, or breaks the schema.
    """
    suffix = path.suffix.casefold()
    if suffix in (".qdc", ".qde"):
        root = parse_xml(_read_file(path, limits), path.name)
        namespace = CODEBOOK_NS if suffix == ".qdc" else PROJECT_NS
        validate(root, path.name, namespace)
        return Exchange(path, root, None, "")
    if not path.exists():
        raise QdpxError(f"{path} does not exist")
    if not zipfile.is_zipfile(path):
        raise QdpxError(
            f"{path.name} is not a REFI-QDA project archive (.qdpx): it is not a zip file"
        )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise QdpxError(f"{path.name} is a damaged zip archive") from None
    try:
        _check_members(archive, path, limits)
        qde = _find_qde(archive, path)
        what = f"{qde.filename} in {path.name}"
        root = parse_xml(_read_member(archive, qde, path, limits), what)
        validate(root, what, PROJECT_NS)
    except BaseException:
        archive.close()
        raise
    name = qde.filename.replace("\\", "/")
    base = name[: name.rfind("/") + 1]
    return Exchange(path, root, archive, base)
