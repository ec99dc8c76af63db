"""The quotegraph/1 JSON Schema, shipped with the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(files(__package__).joinpath("quotegraph-1.schema.json").read_text("utf-8"))


def validate(record: dict) -> None:
    """Raise ``jsonschema.ValidationError`` if ``record`` is not a valid quotegraph/1 record."""
    import jsonschema

    jsonschema.validate(record, schema(), cls=jsonschema.Draft202012Validator)
