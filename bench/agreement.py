"""``python -m bench.agreement [--full]``: time agreement between coders at scale.

Builds (a) one 500,000-character transcript coded with 60 codes by two coders with a
few thousand segments each, and with ``--full`` (b) a 6-million-character project of
300 documents, then times character-level agreement for every code and the unitizing
alphas, and prints a Markdown table beside the targets. It reports; it never asserts.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from workbench.agreement import unitized_alpha
from workbench.agreement.project import agreement_of, compute_agreement
from workbench.agreement.selection import load_selection
from workbench.commands.coders import AddCoder
from workbench.commands.codes import CodeSpec, CreateCode, CreateCodeGroup
from workbench.commands.documents import ImportDocuments, NewDocument
from workbench.commands.segments import AddSegments, NewSegment
from workbench.project import Project

CODERS = ("Ana Ruiz", "Ben Carter")
GROUPS = ("Outcomes", "USMCA priorities", "ILAB projects", "Themes")
WORDS = (
    "el sindicato la asamblea votamos contrato colectivo trabajo infantil zafra ingenio "
    "jornada salario seguridad capacitación inspección the union we voted for delegates "
    "wages safety training inspectors the company reform registry conciliation"
).split()


@dataclass(frozen=True)
class Corpus:
    """What to build: document lengths and segments per coder."""

    name: str
    lengths: tuple[int, ...]
    segments_per_coder: int


def text_of(length: int, rng: np.random.Generator, index: int) -> str:
    """Random Spanish and English words, exactly ``length`` characters long."""
    words = rng.choice(np.array(WORDS), size=length // 4 + 10)
    body = f"Documento {index}. " + " ".join(words.tolist())
    while len(body) < length:
        body += " " + body
    return body[:length]


def codings(
    corpus: Corpus, rng: np.random.Generator, codes: int
) -> list[list[tuple[int, int, int, int]]]:
    """Per coder, (document, code, start, end): B mostly follows A with shifted boundaries."""
    lengths = np.asarray(corpus.lengths)
    weights = 1.0 / (1 + np.arange(codes) % 12)
    weights /= weights.sum()
    count = corpus.segments_per_coder
    document = rng.choice(lengths.size, size=count, p=lengths / lengths.sum())
    span = rng.integers(60, 1500, size=count)
    start = (rng.random(count) * np.maximum(lengths[document] - span, 1)).astype(int)
    end = np.minimum(start + span, lengths[document])
    code = rng.choice(codes, size=count, p=weights)
    first = list(zip(document, code, start, end, strict=True))
    second = []
    for d, c, s, e in first:
        draw = rng.random()
        if draw < 0.1:
            continue  # B missed this passage
        if draw < 0.17:
            c = int(rng.integers(codes))  # B chose another code
        s2 = int(np.clip(s + rng.integers(-25, 26), 0, lengths[d] - 1))
        e2 = int(np.clip(e + rng.integers(-25, 26), s2 + 1, lengths[d]))
        second.append((d, c, s2, e2))
    extra = count // 10
    for d in rng.choice(lengths.size, size=extra):
        s = int(rng.integers(0, max(lengths[d] - 400, 1)))
        second.append((int(d), int(rng.choice(codes, p=weights)), s, min(s + 300, int(lengths[d]))))
    return [[(int(d), int(c), int(s), int(e)) for d, c, s, e in rows] for rows in (first, second)]


def build(corpus: Corpus, path: Path, seed: int) -> dict[str, float]:
    """Create the project; returns how long each step took."""
    rng = np.random.default_rng(seed)
    steps: dict[str, float] = {}
    started = time.perf_counter()
    with Project.create(path) as project:
        project.use_coder("Bench lead")
        for name in CODERS:
            project.run(AddCoder(name), undoable=False)
        code_ids = []
        for g, group in enumerate(GROUPS):
            made = CreateCodeGroup(group)
            project.run(made, undoable=False)
            for k in range(15):
                code = CreateCode(CodeSpec(f"Code {g * 15 + k + 1}", group_id=made.group_id))
                project.run(code, undoable=False)
                assert code.code_id is not None
                code_ids.append(code.code_id)
        texts = [text_of(n, rng, i) for i, n in enumerate(corpus.lengths)]
        imported = ImportDocuments(
            [
                NewDocument(
                    name=f"Transcript {i + 1:03d}",
                    text=text,
                    source_format="txt",
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                )
                for i, text in enumerate(texts)
            ]
        )
        project.run(imported, undoable=False)
        steps["codebook and documents"] = time.perf_counter() - started
        started = time.perf_counter()
        coder_ids = {c.name: c.id for c in project.coders()}
        for name, rows in zip(CODERS, codings(corpus, rng, len(code_ids)), strict=True):
            batch = [
                NewSegment(imported.document_ids[d], code_ids[c], s, e, coder_id=coder_ids[name])
                for d, c, s, e in rows
            ]
            for index in range(0, len(batch), 5000):
                project.run(AddSegments(batch[index : index + 5000]), undoable=False)
        steps["segments"] = time.perf_counter() - started
    return steps


def exclusive_units(
    length: int, count: int, rng: np.random.Generator
) -> dict[str, list[tuple[int, int, int]]]:
    """Two coders' mutually exclusive units with 60 values; B shrinks or recodes A's units."""
    cuts = np.unique(rng.integers(0, length, size=2 * count))
    starts, ends = cuts[:-1:2], cuts[1::2]
    values = rng.integers(1, 61, size=starts.size)
    shrink = rng.integers(0, 20, size=starts.size)
    keep = ends - starts > 2 * shrink + 1
    recoded = np.where(rng.random(starts.size) < 0.1, rng.integers(1, 61, size=starts.size), values)
    first = list(zip(starts.tolist(), ends.tolist(), values.tolist(), strict=True))
    second = list(
        zip(
            (starts + shrink)[keep].tolist(),
            (ends - shrink)[keep].tolist(),
            recoded[keep].tolist(),
            strict=True,
        )
    )
    return {"A": first, "B": second}


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best wall time of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times)


def traced_peak(call: Callable[[], object]) -> float:
    """Peak memory allocated (Python and NumPy) during one call, in MB."""
    tracemalloc.start()
    call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def measure(corpus: Corpus, folder: Path, seed: int, repeat: int) -> list[list[str]]:
    """Build one corpus and time the agreement cases on it."""
    path = folder / f"{corpus.name.split()[0]}.qdb"
    steps = build(corpus, path, seed)
    print(f"{corpus.name}: built in {sum(steps.values()):.1f} s", file=sys.stderr)
    rows = []
    with Project.open(path) as project:
        selection = load_selection(project, list(CODERS))
        segments = selection.start.size
        where = f"{corpus.name}, {segments:,} segments"
        cases: list[tuple[str, Callable[[], object], float]] = [
            (
                "character, all 60 codes (compute)",
                lambda: agreement_of(selection, "character"),
                0.1 if len(corpus.lengths) == 1 else 2.0,
            ),
            (
                "character, all 60 codes (read project + compute)",
                lambda: compute_agreement(project, list(CODERS)),
                0.1 if len(corpus.lengths) == 1 else 2.0,
            ),
            (
                "unitized alphas, 60 codes and 4 groups (compute)",
                lambda: agreement_of(selection, "unitized"),
                5.0,
            ),
            (
                "unitized alphas (read project + compute)",
                lambda: compute_agreement(project, list(CODERS), unit="unitized"),
                5.0,
            ),
        ]
        for label, call, target in cases:
            median, best = timed(call, repeat)
            ok = "yes" if median < target else "no"
            rows.append([label, where, f"{median:.3f}", f"{best:.3f}", f"< {target:g} s", ok])
        peak = max(
            traced_peak(lambda: compute_agreement(project, list(CODERS))),
            traced_peak(lambda: compute_agreement(project, list(CODERS), unit="unitized")),
        )
        length = int(sum(corpus.lengths))
        units = exclusive_units(length, segments // 2, np.random.default_rng(seed))
        for kind, name in (("u", "u-alpha"), ("cu", "cu-alpha")):
            median, best = timed(partial(unitized_alpha, length, units, kind), repeat)
            label = f"{name}, {len(units['A']):,} exclusive units a coder, 60 values (pure)"
            ok = "yes" if median < 5.0 else "no"
            rows.append([label, where, f"{median:.3f}", f"{best:.3f}", "< 5 s", ok])
        rows.append(
            [
                "peak memory allocated by one run",
                where,
                f"{peak:.0f} MB",
                "",
                "< 1 GB",
                "yes" if peak < 1000 else "no",
            ]
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, time the cases, print the Markdown table."""
    parser = argparse.ArgumentParser(prog="python -m bench.agreement", description=__doc__)
    parser.add_argument("--full", action="store_true", help="also the 6-million-character project")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case")
    args = parser.parse_args(argv)
    corpora = [Corpus("one 500,000-character transcript", (500_000,), 3_000)]
    if args.full:
        corpora.append(Corpus("300 documents, 6,000,000 characters", (20_000,) * 300, 25_000))
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder:
        for corpus in corpora:
            rows += measure(corpus, Path(folder), args.seed, args.repeat)
    header = ["case", "corpus", "median (s)", "best (s)", "target", "within target"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak resident memory of the whole benchmark process: {rss:.0f} MB (target < 1 GB).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
