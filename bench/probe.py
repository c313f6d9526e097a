"""One cold measurement in a fresh process: ``python -m bench.probe PROJECT``.

Prints JSON: the time to import the workbench modules, then the time to open the
project and list its documents and codebook with counts.
"""

from __future__ import annotations

import json
import sys
import time


def main() -> None:
    location = sys.argv[1]
    started = time.perf_counter()
    from workbench.project import Project

    imported = time.perf_counter()
    with Project.open(location) as project:
        documents = project.documents()
        codes = project.codes()
    done = time.perf_counter()
    result = {
        "imports_s": imported - started,
        "open_list_s": done - imported,
        "documents": len(documents),
        "codes": len(codes),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
