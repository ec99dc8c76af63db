"""The extraction core stays readable: no function over 50 lines in quotes/, syntax.py or lexicon.py."""

from __future__ import annotations

import ast
from pathlib import Path

import quotegraph

SRC = Path(quotegraph.__file__).parent
MAX_LINES = 50


def test_no_long_functions_in_the_extraction_core():
    files = sorted((SRC / "quotes").glob("*.py")) + [SRC / "syntax.py", SRC / "lexicon.py"]
    long = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_LINES:
                    long.append(f"{path.name}:{node.name} ({lines} lines)")
    assert not long, long
