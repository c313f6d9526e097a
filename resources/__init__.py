"""Data files shipped with the workbench: codebook templates, the demo project's sources."""

from __future__ import annotations

from pathlib import Path

#: The folder that holds the shipped data files.
RESOURCES = Path(__file__).resolve().parent
