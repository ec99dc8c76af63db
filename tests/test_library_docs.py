"""docs/library.md: its Python examples run, in order, as one script, in a fresh process."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

LIBRARY_MD = Path(__file__).parents[1] / "docs" / "library.md"


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)


def test_the_examples_in_library_md_run():
    blocks = python_blocks(LIBRARY_MD.read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    done = subprocess.run([sys.executable, "-c", "\n".join(blocks)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Peter Hale" in done.stdout and "Sue Marsh" in done.stdout
