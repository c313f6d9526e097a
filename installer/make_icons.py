"""Render the application icon from ``icons/coding-workbench.svg`` for every platform.

    python installer/make_icons.py [OUTPUT_FOLDER]     # default: installer/icons

writes ``coding-workbench.png`` (256 px, Linux), ``coding-workbench.ico`` (16 to 256 px,
Windows) and ``coding-workbench.icns`` (16 to 1024 px, macOS). Each size is drawn from the
SVG with Qt's ``QSvgRenderer``; where QtSvg is missing, the SVG's rounded rectangles (all
the icon is made of) are drawn with ``QPainter``. The ICO and ICNS containers are written
here, with PNG images inside, so no platform tool is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / "coding-workbench.svg"
NAME = "coding-workbench"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def _application() -> object:
    """The running Qt application, else a new one (a QApplication, so widgets may follow)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def _draw_rectangles(painter: object, svg: Path, size: int) -> None:
    """Draw the SVG's ``<rect>`` elements (the whole icon) with QPainter."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPainter

    assert isinstance(painter, QPainter)
    root = ElementTree.parse(svg).getroot()
    _x, _y, width, _height = (float(v) for v in root.attrib["viewBox"].split())
    painter.scale(size / width, size / width)
    painter.setPen(Qt.PenStyle.NoPen)
    for rect in root.iter("{http://www.w3.org/2000/svg}rect"):
        painter.setBrush(QColor(rect.attrib["fill"]))
        radius = float(rect.attrib.get("rx", 0))
        painter.drawRoundedRect(
            QRectF(*(float(rect.attrib[k]) for k in ("x", "y", "width", "height"))),
            radius,
            radius,
        )


def render(size: int, svg: Path = SVG) -> bytes:
    """The icon at ``size`` pixels square, as PNG data."""
    _application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:
        _draw_rectangles(painter, svg, size)
    else:
        QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon file holding PNG images (Windows Vista and later read these)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    for size in sizes:
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(images[size]), offset)
        offset += len(images[size])
    return header + directory + b"".join(images[size] for size in sizes)


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon file holding PNG images."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(folder: Path = HERE / "icons", svg: Path = SVG) -> list[Path]:
    """Write the PNG, ICO and ICNS icons into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES})
    images = {size: render(size, svg) for size in sizes}
    written = {
        folder / f"{NAME}.png": images[256],
        folder / f"{NAME}.ico": ico({size: images[size] for size in ICO_SIZES}),
        folder / f"{NAME}.icns": icns(images),
    }
    for path, data in written.items():
        path.write_bytes(data)
    return list(written)


def main(argv: list[str] | None = None) -> int:
    """Write the icons; prints their paths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE / "icons")
    args = parser.parse_args(argv)
    for path in make_icons(args.folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
