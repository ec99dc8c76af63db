"""Packaging and test-suite set-up: what a clean clone needs to build and to report honestly."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_build_backend_can_read_the_license_string():
    # license = "Apache-2.0" (an SPDX string) needs setuptools 77
    [setuptools] = [Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    assert isinstance(PYPROJECT["project"]["license"], str)
    assert not setuptools.specifier.contains(Version("76.9")) and setuptools.specifier.contains(Version("77.0"))


def test_package_data_names_only_files_that_exist():
    package = ROOT / "src" / "quotegraph"
    for pattern in PYPROJECT["tool"]["setuptools"]["package-data"]["quotegraph"]:
        assert list(package.glob(pattern)), f"package-data {pattern!r} matches nothing"


def test_lint_and_type_tools_are_configured_and_in_the_test_extra():
    lint = PYPROJECT["tool"]["ruff"]["lint"]
    assert set(lint["select"]) == {"E", "F", "W", "I", "B", "UP"} and PYPROJECT["tool"]["ruff"]["line-length"] == 120
    assert PYPROJECT["tool"]["mypy"]["python_version"] == "3.11"
    names = {Requirement(r).name for r in PYPROJECT["project"]["optional-dependencies"]["test"]}
    assert {"ruff", "mypy"} <= names
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("ruff check src tests benchmarks") < ci.index("mypy src") < ci.index("pytest -n 2")


def _collect(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("QUOTEGRAPH_TEST_PG_URL", "CI")}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", *args,
                           str(ROOT / "tests" / "test_store_db.py")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    return proc.stdout


@pytest.mark.slow  # two more pytest runs
def test_postgres_tests_are_selected_by_their_marker_and_skipped_visibly():
    collected = _collect("--collect-only", "-m", "postgres")
    assert "[postgresql]" in collected and "[sqlite]" not in collected
    ran = _collect("-m", "postgres")
    assert "skipped" in ran and "needs PostgreSQL: set QUOTEGRAPH_TEST_PG_URL" in ran
