"""The ``quotegraph`` command line: thin commands over the library.

Exit codes: 0 everything was processed; 1 some input failed (the rest was processed) or an
error stopped the command; 2 bad usage.
"""

from __future__ import annotations

from .app import app
from . import extract, evaluate, corpus  # noqa: F401  (register the commands)


def main() -> None:
    app()


__all__ = ["app", "main"]
