"""The one CSV writer for every CSV quotegraph writes (``export -f csv`` and ``-f csv`` listings).

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) get a leading single quote, as OWASP recommends against CSV injection;
lists are written as JSON arrays. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never evaluates."""
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(out: IO[str], records: Iterable[dict[str, Any]], columns: list[str]) -> int:
    """Write a header and one row per record; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({key: safe_cell(value) for key, value in record.items()})
        count += 1
    return count
