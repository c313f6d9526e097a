"""Coding Workbench: the domain core (no Qt, no SQL text)."""

from __future__ import annotations

__version__ = "0.1.0"
