"""A bar chart of the leading statistic per code (pyqtgraph, imported only when shown)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.agreement.names import statistic_name
from ui.agreement.scale import GOOD, statistic_colour
from workbench.agreement import AgreementResult

#: Krippendorff's lowest value for tentative conclusions, drawn beside the 0.8 line.
TENTATIVE = 0.667


class StatisticChart(QWidget):
    """Horizontal bars, one per code where the statistic is defined, in codebook order."""

    #: A bar was clicked: the code's id.
    code_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(self)
        base = self.palette().color(QPalette.ColorRole.Base)
        ink = self.palette().color(QPalette.ColorRole.Text)
        self.plot.setBackground(base)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        item = self.plot.getPlotItem()
        item.getViewBox().invertY(True)
        item.showGrid(x=True, y=False, alpha=0.15)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(QColor(ink.red(), ink.green(), ink.blue(), 120)))
            axis.setTextPen(pg.mkPen(ink))
            axis.setStyle(tickFont=small)
        self.bars: pg.BarGraphItem | None = None
        self._codes: list[int] = []
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)

    @property
    def code_ids(self) -> list[int]:
        """The codes with a bar, top to bottom."""
        return list(self._codes)

    def set_result(self, result: AgreementResult | None, key: str | None) -> None:
        """Draw the value of statistic ``key`` for every code where it is defined."""
        item = self.plot.getPlotItem()
        item.clear()
        self.bars = None
        self._codes = []
        if result is None or key is None:
            self.caption.clear()
            return
        entries = [c for c in result.codes if c.values.get(key) is not None]
        values = [float(c.values[key] or 0.0) for c in entries]
        self._codes = [c.code_id for c in entries]
        skipped = len(result.codes) - len(entries)
        caption = self.tr("{0} per code; dashed lines at 0.67 and 0.80.").format(
            statistic_name(key)
        )
        if skipped:
            caption += " " + self.tr("{0} codes where it is undefined have no bar.").format(skipped)
        self.caption.setText(caption)
        if not entries:
            return
        self.bars = pg.BarGraphItem(
            x0=[0.0] * len(values),
            y=list(range(len(values))),
            height=0.7,
            # A zero would draw nothing; a sliver shows there is a value.
            width=[v if abs(v) >= 0.01 else 0.01 for v in values],
            brushes=[pg.mkBrush(statistic_colour(v, strong=True)) for v in values],
            pens=[pg.mkPen(None)] * len(values),
        )
        item.addItem(self.bars)
        for at in (TENTATIVE, GOOD):
            line = pg.InfiniteLine(
                pos=at, angle=90, pen=pg.mkPen("#8a8a8a", width=1, style=Qt.PenStyle.DashLine)
            )
            item.addItem(line)
        item.addItem(pg.InfiniteLine(pos=0.0, angle=90, pen=pg.mkPen("#8a8a8a", width=1)))
        ticks = [(i, c.label or c.path) for i, c in enumerate(entries)]
        item.getAxis("left").setTicks([ticks, []])
        low = min(0.0, min(values))
        item.setXRange(low, 1.0, padding=0.02)
        item.setYRange(-0.6, len(values) - 0.4, padding=0)

    def _clicked(self, event: object) -> None:
        if not self._codes:
            return
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        point: QPointF = view.mapSceneToView(scene_pos)
        row = round(point.y())
        if 0 <= row < len(self._codes):
            self.code_clicked.emit(self._codes[row])
