"""``workbench SUBCOMMAND PROJECT ...``: the command line of the workbench.

Results go to stdout, messages to stderr. Exit status: 0 on success, 1 when the
input is wrong (the message says what to change), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from workbench import __version__
from workbench.cli import coding, documents
from workbench.errors import WorkbenchError

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Qualitative coding of interview and focus-group transcripts.",
        epilog="PROJECT is a project file (.qdb) or a database URL (postgresql+psycopg://...).",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument(
        "--coder",
        default=os.environ.get("WORKBENCH_CODER"),
        help="who is working (default: $WORKBENCH_CODER or your login name)",
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(handler=handler)
        return command

    new = add("new", documents.cmd_new, "create a project")
    new.add_argument("project", metavar="PATH")
    new.add_argument("--template", help="start from a bundled codebook template (usmca-evaluation)")
    new.add_argument(
        "--language", choices=("en", "es"), default="en", help="language of the template's texts"
    )

    imp = add(
        "import",
        documents.cmd_import,
        "import transcripts (txt, docx, odt, rtf, pdf, md, vtt, srt)",
    )
    imp.add_argument("project", metavar="PROJECT")
    imp.add_argument("files", metavar="FILE_OR_FOLDER", nargs="+")
    imp.add_argument(
        "--attr", action="append", metavar="NAME=VALUE", help="an attribute value for every file"
    )
    imp.add_argument(
        "--attributes", metavar="SHEET", help="a CSV or XLSX sheet with one row per document"
    )

    docs = add("docs", documents.cmd_docs, "list the documents")
    docs.add_argument("project", metavar="PROJECT")
    docs.add_argument("--json", action="store_true")

    codebook = add("codebook", coding.cmd_codebook, "show, import or export the codebook")
    codebook.add_argument("project", metavar="PROJECT")
    codebook.add_argument("--json", action="store_true")
    codebook.add_argument("--import", dest="import_file", metavar="FILE.csv")
    codebook.add_argument("--export", dest="export_file", metavar="FILE.csv")

    codings = add("codings", coding.cmd_codings, "import or export codings as CSV")
    codings.add_argument("project", metavar="PROJECT")
    way = codings.add_mutually_exclusive_group(required=True)
    way.add_argument("--import", dest="import_file", metavar="FILE.csv")
    way.add_argument("--export", dest="export_file", metavar="FILE.csv")

    search = add("search", coding.cmd_search, "search the documents (case- and accent-insensitive)")
    search.add_argument("project", metavar="PROJECT")
    search.add_argument("query", metavar="QUERY", help='words, prefix*, or "a quoted phrase"')
    search.add_argument("--json", action="store_true")
    search.add_argument(
        "--match", choices=("any", "all"), default="any", help="documents with any or all terms"
    )
    search.add_argument(
        "--code", metavar="CODE", help="code every hit with this code (path, name or label)"
    )
    search.add_argument(
        "--scope", choices=("hit", "paragraph"), default="hit", help="what --code codes"
    )

    demo = add("demo", documents.cmd_demo, "build the demo project")
    demo.add_argument("path", metavar="PATH", nargs="?")
    demo.add_argument(
        "--language", choices=("en", "es"), default="es", help="language of the demo's codebook"
    )
    demo.add_argument("--rebuild", action="store_true", help="replace an existing demo project")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    handler: Handler = args.handler
    try:
        return handler(args)
    except WorkbenchError as error:
        print(f"workbench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output (head, less) went away; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
