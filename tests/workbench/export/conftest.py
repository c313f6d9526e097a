"""The analysis tests' projects serve the export tests too."""

from __future__ import annotations

from tests.workbench.analysis.conftest import demo, demo_path, known

__all__ = ["demo", "demo_path", "known"]
