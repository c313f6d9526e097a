"""A small dialog to write the memo of one coded segment."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

QUOTE_PREVIEW = 240


class SegmentMemoDialog(QDialog):
    """Shows the passage and its code, and edits the memo."""

    def __init__(
        self,
        segment_id: int,
        code: str,
        coder: str,
        quote: str,
        memo: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.segment_id = segment_id
        self.setWindowTitle(self.tr("Segment memo"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{escape(code)}</b> &middot; {escape(coder)}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        quote = " ".join(quote.split())
        if len(quote) > QUOTE_PREVIEW:
            quote = quote[: QUOTE_PREVIEW - 1].rstrip() + "…"
        passage = QLabel(f"<i>«{escape(quote)}»</i>")
        passage.setWordWrap(True)
        passage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(passage)
        self.editor = QPlainTextEdit(memo)
        self.editor.setPlaceholderText(
            self.tr("Why this passage, doubts, links to other passages…")
        )
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, 300)
        self.editor.setFocus()

    def memo(self) -> str:
        return self.editor.toPlainText()
