"""Keep the interface's translations in step with the code (a developer tool).

Strings the user sees are marked in ``ui/`` with ``self.tr(...)`` (the class name is
the context), ``QCoreApplication.translate(context, ...)``, or, for English constants
translated where they are shown, ``QT_TRANSLATE_NOOP(context, ...)``. This module runs
Qt's Linguist tools, found next to the running Python, over them::

    python -m ui.translations update    # ui/**/*.py -> resources/translations/workbench_es.ts
    python -m ui.translations compile   # workbench_es.ts -> workbench_es.qm (what the app loads)
    python -m ui.translations check     # is the .qm up to date, is every message translated?

``update`` keeps the translations already made and drops the messages the code no
longer has; new messages arrive marked unfinished. Translate them (in Qt Linguist,
``pyside6-linguist resources/translations/workbench_es.ts``, or in any editor: fill in
``<translation>`` and remove ``type="unfinished"``), then ``compile`` and commit both
files. Keep ``{0}``-style placeholders, HTML tags and ``&`` accelerators in translations.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resources import RESOURCES

#: The repository (or installed tree) that holds ``ui/`` and ``resources/``.
ROOT = Path(__file__).resolve().parents[1]
#: Where the ``.ts`` sources and compiled ``.qm`` files live.
TRANSLATIONS = RESOURCES / "translations"
#: The languages the interface is translated into, as in ``workbench_{language}.ts``.
LANGUAGES = ("es",)
#: The language written into a new ``.ts`` file (Mexican Spanish).
_TARGET = {"es": "es_MX"}

_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%(?:n|L?\d+)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


@dataclass(frozen=True)
class Message:
    """One message of a ``.ts`` file."""

    context: str
    source: str
    translation: str
    finished: bool
    comment: str = ""

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


@dataclass
class CheckReport:
    """What :func:`check` found for one language."""

    language: str
    ts: Path
    qm: Path
    #: Whether the ``.qm`` exists and is what compiling the ``.ts`` gives now.
    qm_up_to_date: bool
    #: Messages with no finished translation.
    unfinished: list[Message] = field(default_factory=list)
    #: Messages whose translation lost or gained a placeholder, a tag or an accelerator.
    mismatched: list[tuple[Message, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether nothing needs doing."""
        return self.qm_up_to_date and not self.unfinished and not self.mismatched


def tool(name: str) -> Path:
    """A Qt tool (``pyside6-lupdate``, ``pyside6-lrelease``) of the running environment.

    It is looked for next to ``sys.executable`` (a virtualenv's ``bin`` or ``Scripts``
    folder), then on ``PATH``.

    Raises:
        FileNotFoundError: PySide6's tools are not installed.
    """
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return candidate
    found = shutil.which(name)
    if found:
        return Path(found)
    raise FileNotFoundError(f"{name} is neither next to {sys.executable} nor on PATH")


def ts_path(language: str) -> Path:
    """The translation source of a language."""
    return TRANSLATIONS / f"workbench_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled translation of a language, as ``ui.app`` loads it."""
    return TRANSLATIONS / f"workbench_{language}.qm"


def sources() -> list[Path]:
    """Every Python file of the interface, relative to :data:`ROOT`, in a stable order."""
    return sorted(path.relative_to(ROOT) for path in (ROOT / "ui").rglob("*.py"))


def _run(command: Sequence[str | Path], quiet: bool) -> None:
    done = subprocess.run(
        [str(part) for part in command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{Path(command[0]).name} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    if not quiet:
        print((done.stdout + done.stderr).rstrip())


def update(language: str = "es", *, ts: Path | None = None, quiet: bool = False) -> Path:
    """Extract the marked strings of ``ui/`` into a language's ``.ts`` file.

    Translations already in the file are kept; messages the code no longer has are
    dropped (``-no-obsolete``); new ones come in unfinished. Source locations are not
    recorded, so the file changes only when messages do.

    Returns:
        The ``.ts`` file written.
    """
    target = ts or ts_path(language)
    target.parent.mkdir(parents=True, exist_ok=True)
    command: list[str | Path] = [
        tool("pyside6-lupdate"),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        _TARGET.get(language, language),
        *sources(),
        "-ts",
        target.resolve(),
    ]
    if quiet:
        command.insert(1, "-silent")
    _run(command, quiet)
    return target


def compile_translations(
    language: str = "es", *, output: Path | None = None, quiet: bool = False
) -> Path:
    """Compile a language's ``.ts`` file into the ``.qm`` file the application loads.

    Returns:
        The ``.qm`` file written (``output``, when given).
    """
    target = output or qm_path(language)
    command: list[str | Path] = [
        tool("pyside6-lrelease"),
        ts_path(language).resolve(),
        "-qm",
        target.resolve(),
    ]
    if quiet:
        command.insert(1, "-silent")
    _run(command, quiet)
    return target


def messages(ts: Path) -> list[Message]:
    """The messages of a ``.ts`` file, in file order (plural forms joined by newlines)."""
    found: list[Message] = []
    root = ElementTree.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if translation is None:
                text = ""
            elif message.get("numerus") == "yes":
                text = "\n".join(form.text or "" for form in translation.iter("numerusform"))
            else:
                text = translation.text or ""
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    translation=text,
                    finished=kind not in ("unfinished", "vanished", "obsolete")
                    and bool(text.strip()),
                    comment=message.findtext("comment") or "",
                )
            )
    return found


def placeholders(text: str) -> Counter[str]:
    """The ``{0}``-style (and Qt ``%1``/``%n``) placeholders of a text."""
    return Counter(_PLACEHOLDER.findall(text))


def tags(text: str) -> Counter[str]:
    """The HTML tags of a text, exactly as written."""
    return Counter(_TAG.findall(text))


def accelerators(text: str) -> int:
    """How many ``&`` accelerator marks a text has (``&&`` and entities are not marks)."""
    bare = _ENTITY.sub("", text).replace("&&", "")
    return bare.count("&")


def mismatch(message: Message) -> str | None:
    """What a translation lost or gained against its source, or None when it is sound."""
    source, translation = message.source, message.translation
    if placeholders(source) != placeholders(translation):
        return "placeholders differ"
    if tags(source) != tags(translation):
        return "HTML tags differ"
    if accelerators(source) != accelerators(translation):
        return "accelerators differ"
    return None


def check(language: str = "es") -> CheckReport:
    """Whether a language's ``.qm`` is up to date with its ``.ts``, and what is unfinished.

    The ``.ts`` is compiled to a temporary file and compared byte for byte with the
    committed ``.qm``. Finished translations are also checked to keep the placeholders,
    HTML tags and accelerators of their source.
    """
    ts, qm = ts_path(language), qm_path(language)
    with tempfile.TemporaryDirectory(prefix="workbench-translations-") as scratch:
        fresh = compile_translations(language, output=Path(scratch) / qm.name, quiet=True)
        current = qm.is_file() and fresh.read_bytes() == qm.read_bytes()
    found = messages(ts)
    report = CheckReport(language, ts, qm, qm_up_to_date=current)
    for message in found:
        if not message.finished:
            report.unfinished.append(message)
            continue
        problem = mismatch(message)
        if problem is not None:
            report.mismatched.append((message, problem))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``update``, ``compile`` or ``check``; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m ui.translations",
        description="Update, compile and check the interface's translations.",
    )
    parser.add_argument(
        "command",
        choices=("update", "compile", "check"),
        help="update: extract strings into the .ts; compile: write the .qm; "
        "check: is the .qm up to date and every message translated",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        action="append",
        help="only this language (default: every one)",
    )
    args = parser.parse_args(argv)
    status = 0
    for language in args.language or LANGUAGES:
        if args.command == "update":
            update(language)
            unfinished = sum(1 for m in messages(ts_path(language)) if not m.finished)
            print(f"{ts_path(language).relative_to(ROOT)}: {unfinished} message(s) to translate")
        elif args.command == "compile":
            compile_translations(language)
        else:
            report = check(language)
            state = "up to date" if report.qm_up_to_date else "OUT OF DATE: run compile"
            print(f"{report.qm.relative_to(ROOT)}: {state}")
            print(f"{report.ts.relative_to(ROOT)}: {len(report.unfinished)} unfinished message(s)")
            for message in report.unfinished:
                print(f"  unfinished {message}")
            for message, problem in report.mismatched:
                print(f"  {problem}: {message} -> {message.translation!r}")
            if not report.ok:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
