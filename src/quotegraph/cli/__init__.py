"""The ``quotegraph`` command line: thin commands over the library.

Exit codes: 0 everything was processed; 1 some input failed (the rest was processed) or an
error stopped the command; 2 bad usage.
"""

from __future__ import annotations

from ..errors import one_line
from . import (  # noqa: F401  (register the commands)
    check,
    corpus,
    corrections,
    evaluate,
    extract,
    graph,
    provenance,
    serve,
)
from .app import app


def main() -> None:
    """Console entry point: unexpected errors become one line on stderr unless ``--debug``."""
    import sys

    try:
        app()
    except Exception as exc:  # noqa: BLE001 - last resort; typed errors are handled per command
        if "--debug" in sys.argv:
            raise
        print(f"Error: {exc.__class__.__name__}: {one_line(exc)} (run with --debug for details)", file=sys.stderr)
        sys.exit(1)


__all__ = ["app", "main"]
