"""``quotegraph eval``: accuracy on annotated corpora."""

from __future__ import annotations

import typer

from .app import app

eval_app = typer.Typer(help="Measure accuracy on annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

from . import eval_polnear, eval_news  # noqa: E402,F401  (register the subcommands)
