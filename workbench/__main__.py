"""``python -m workbench``: the command line."""

from __future__ import annotations

import sys

from workbench.cli.main import main

sys.exit(main())
