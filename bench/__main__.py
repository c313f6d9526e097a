"""``python -m bench [--quick] [--out DIR]``: time the workbench at an evaluation's scale."""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import cases, corpus, report

DEFAULT_OUT = Path(__file__).resolve().parent / "results"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a 10x smaller corpus (30 files, 10,000 segments) for a smoke run",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="where to write the report and JSON"
    )
    parser.add_argument("--seed", type=int, default=None, help="the corpus seed")
    return parser.parse_args(argv)


def run(spec: corpus.CorpusSpec, workdir: Path, quick: bool) -> dict[str, object]:
    setup: dict[str, float] = {}
    measurements: list[cases.Measurement] = []

    started = time.perf_counter()
    files = corpus.write_transcripts(workdir / "transcripts", spec)
    setup[f"writing {len(files)} .docx with python-docx"] = time.perf_counter() - started
    print(f"wrote {len(files)} transcripts", file=sys.stderr)

    location = workdir / "bench.qdb"
    imported, project = cases.time_import(workdir / "transcripts", location, "Ana Ruiz")
    measurements.append(imported)
    print(f"imported in {imported.value:.2f} s", file=sys.stderr)

    started = time.perf_counter()
    coder_ids = corpus.add_coders(project, spec)
    code_ids = corpus.build_codebook(project, spec)
    setup[f"{spec.coders} coders and {spec.codes} codes"] = time.perf_counter() - started
    started = time.perf_counter()
    segments = corpus.add_segments(project, spec, code_ids, coder_ids)
    setup[f"{segments:,} segments with `AddSegments` in batches of {spec.batch:,}"] = (
        time.perf_counter() - started
    )
    print(f"added {segments:,} segments", file=sys.stderr)

    measurements += cases.time_open(location, processes=7, in_process=7)
    print("timed opening", file=sys.stderr)
    measurements += cases.time_search(location, "trabajo", cold=3, warm=10)
    measurements += cases.time_search(location, '"trabajo infantil"', cold=3, warm=10)
    # A rare word: the cost of scanning the texts, nearly without building hits.
    measurements += cases.time_search(location, "Reynosa", cold=3, warm=10)
    print("timed search", file=sys.stderr)
    measurements.append(cases.time_export(project, workdir / "codings.csv", repetitions=3))
    print("timed export", file=sys.stderr)
    measurements += cases.time_apply_code(project, code_ids, runs=200, seed=spec.seed + 2)
    print("timed coding", file=sys.stderr)
    all_codes = len(project.codes())
    project.close()

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    probes_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    corpus_info: dict[str, int | float | str] = {
        "files": len(files),
        "megabytes": float(imported.extra["bytes"]) / 1e6,
        "characters": int(imported.extra["characters"]),
        "codes": all_codes,
        "codable_codes": len(code_ids),
        "coders": len(coder_ids),
        "segments": segments,
        "seed": spec.seed,
    }
    host = report.machine()
    title = "Benchmark, quick smoke run (10x smaller corpus)" if quick else "Benchmark"
    text = report.markdown(title, corpus_info, measurements, setup, peak_kb / 1024, host)
    return {
        "markdown": text,
        "json": {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick": quick,
            "machine": host,
            "corpus": corpus_info,
            "setup_s": setup,
            "peak_rss_mb": peak_kb / 1024,
            "peak_rss_probe_processes_mb": probes_kb / 1024,
            "measurements": [m.as_json() for m in measurements],
        },
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    spec = corpus.QUICK if args.quick else corpus.FULL
    if args.seed is not None:
        spec = dataclasses.replace(spec, seed=args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        outcome = run(spec, Path(folder), args.quick)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "latest-quick" if args.quick else "latest"
    markdown = str(outcome["markdown"])
    (args.out / f"{stem}.md").write_text(markdown, encoding="utf-8")
    (args.out / f"{stem}.json").write_text(
        json.dumps(outcome["json"], indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(markdown)
    print(f"(written to {args.out / stem}.md and .json)")


if __name__ == "__main__":
    main()
