"""``quotegraph eval``: accuracy on annotated corpora."""

from __future__ import annotations

import typer

from .app import app

eval_app = typer.Typer(help="Measure accuracy on annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

BY_RULE_OPTION = typer.Option(
    False, "--by-rule",
    help="Also print each rule's and speaker rule's count and precision on this data (docs/evaluation.md).")

from . import eval_gate, eval_news, eval_polnear  # noqa: E402,F401  (register the subcommands)
