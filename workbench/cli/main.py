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
from workbench.cli import agreement, audit, coding, documents, export, qdpx, server, team
from workbench.errors import WorkbenchError

Handler = Callable[[argparse.Namespace], int]

#: Each command-line module adds its subcommands to the parser.
REGISTRARS = (
    documents.register,
    coding.register,
    agreement.register,
    qdpx.register,
    export.register,
    server.register,
    audit.register,
    team.register,
)


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

    for register in REGISTRARS:
        register(sub)
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
