"""Every command's help: it has an example, flags show no value placeholder, nothing is cut."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from quotegraph.cli import app

runner = CliRunner()


def _commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every (sub)command; typer builds them on its own copy of click, hence the duck typing."""
    for name, command in sorted(group.commands.items()):
        yield path + (name,), command
        if hasattr(command, "commands"):
            yield from _commands(command, path + (name,))


COMMANDS = list(_commands(typer.main.get_command(app)))
# a group that only lists its subcommands (stats, eval) runs nothing, so needs no example
RUNNABLE = [(path, command) for path, command in COMMANDS
            if not hasattr(command, "commands") or command.invoke_without_command]


def _help(path: tuple[str, ...]) -> str:
    result = runner.invoke(app, [*path, "--help"], terminal_width=80, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_walk_finds_every_command():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"extract", "ingest", "quotes", "people", "people merge", "people split", "person",
            "stats sources", "stats top", "export", "eval news", "eval polnear"} <= names


@pytest.mark.parametrize("path", [path for path, _ in RUNNABLE], ids=lambda p: " ".join(p))
def test_every_command_has_an_example_of_itself(path):
    text = _help(path)
    examples = re.findall(r"Example: (quotegraph [^\n]+)", text)
    assert examples, f"{' '.join(path)} --help has no 'Example: quotegraph ...' line"
    assert any(example.startswith("quotegraph " + " ".join(path)) for example in examples)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_flags_show_no_value_and_environment_variables_are_whole(path, command):
    text = _help(path)
    assert "<bool>" not in text
    assert "…" not in text  # nothing cut at the edge of the terminal
    for line in text.splitlines():
        assert len(line) <= 80, line
    for param in command.params:
        if param.envvar:
            assert re.search(rf"\[env var: {param.envvar}[];]", " ".join(text.split()))


def test_a_flag_takes_no_value():
    # following the help used to fail with "true: no such file or directory"
    result = runner.invoke(app, ["extract", "--debug", "true"])
    assert "no such file" in result.output and "true" in result.output
    assert runner.invoke(app, ["quotes", "--help"]).stdout.count("--debug") == 0


def test_version():
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"quotegraph {version('quotegraph')}"
