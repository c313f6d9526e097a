"""How a code looks: its colour swatch and its tooltip."""

from __future__ import annotations

from functools import lru_cache
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from workbench.entities import CodeInfo

SWATCH_SIZE = 14
_SCALE = 2  # drawn at twice the size, so it stays crisp on high-density screens
#: Counted nouns, singular and plural (translated where they are shown).
_NOUNS = {
    "code": (
        QT_TRANSLATE_NOOP("CodeTooltip", "{0} code"),
        QT_TRANSLATE_NOOP("CodeTooltip", "{0} codes"),
    ),
    "document": (
        QT_TRANSLATE_NOOP("CodeTooltip", "{0} document"),
        QT_TRANSLATE_NOOP("CodeTooltip", "{0} documents"),
    ),
    "segment": (
        QT_TRANSLATE_NOOP("CodeTooltip", "{0} segment"),
        QT_TRANSLATE_NOOP("CodeTooltip", "{0} segments"),
    ),
}


@lru_cache(maxsize=512)
def swatch(colour: str, codable: bool = True) -> QIcon:
    """A rounded square in the code's colour; a folder (not codable) is drawn hollow."""
    size = SWATCH_SIZE * _SCALE
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    fill = QColor(colour)
    if not fill.isValid():
        fill = QColor("#999999")
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    inset = 1.5 * _SCALE
    box = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    if codable:
        painter.setPen(QPen(fill.darker(135), _SCALE * 0.75))
        painter.setBrush(fill)
    else:
        painter.setPen(QPen(fill.darker(110), _SCALE * 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(box, 2.5 * _SCALE, 2.5 * _SCALE)
    painter.end()
    pixmap.setDevicePixelRatio(_SCALE)
    return QIcon(pixmap)


def display_text(code: CodeInfo) -> str:
    """The label and the name, as one line."""
    return f"{code.label} {code.name}" if code.label else code.name


def _paragraph(title: str, text: str, *, italic: bool = False) -> str:
    body = escape(text.strip()).replace("\n", "<br>")
    if italic:
        body = f"<i>{body}</i>"
    return f"<p style='margin-top:6px'><b>{title}</b> {body}</p>"


def code_tooltip(code: CodeInfo, with_children: int | None = None) -> str:
    """The code's name, definition, rules and example, as rich text.

    ``with_children`` is the number of segments of the code and its descendants, for a
    code that has children.
    """
    head = f"<b>{escape(code.label)}</b>&nbsp; " if code.label else ""
    parts = [f"<p style='margin:0'>{head}{escape(code.name)}</p>"]
    if "/" in code.path:
        trail = " › ".join(escape(p) for p in code.path.split("/")[:-1])
        parts.append(f"<p style='margin:0; color:gray'>{trail}</p>")
    if code.definition.strip():
        parts.append(
            _paragraph(QCoreApplication.translate("CodeTooltip", "Definition:"), code.definition)
        )
    if code.inclusion.strip():
        parts.append(
            _paragraph(QCoreApplication.translate("CodeTooltip", "Include:"), code.inclusion)
        )
    if code.exclusion.strip():
        parts.append(
            _paragraph(QCoreApplication.translate("CodeTooltip", "Exclude:"), code.exclusion)
        )
    if code.example.strip():
        parts.append(
            _paragraph(
                QCoreApplication.translate("CodeTooltip", "Example:"), code.example, italic=True
            )
        )
    if code.codable:
        usage = (
            QCoreApplication.translate("CodeTooltip", "{0} in {1}.").format(
                _count(code.segments, "segment"), _count(code.documents, "document")
            )
            if code.segments
            else QCoreApplication.translate("CodeTooltip", "Not applied yet.")
        )
    else:
        usage = QCoreApplication.translate(
            "CodeTooltip", "A folder: it groups codes and is not applied to text."
        )
    if with_children is not None:
        usage += " " + QCoreApplication.translate(
            "CodeTooltip", "With its child codes: {0}."
        ).format(_count(with_children, "segment"))
    parts.append(f"<p style='margin-top:6px; color:gray'>{usage}</p>")
    return "<qt>" + "".join(parts) + "</qt>"


def group_tooltip(name: str, codes: int, segments: int) -> str:
    """What a group holds."""
    return (
        f"<qt><b>{escape(name)}</b><br>{_count(codes, 'code')}, {_count(segments, 'segment')}</qt>"
    )


def _count(n: int, noun: str) -> str:
    one, many = _NOUNS[noun]
    return QCoreApplication.translate("CodeTooltip", one if n == 1 else many).format(n)
