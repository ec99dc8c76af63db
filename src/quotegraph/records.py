"""The pipeline's records as plain data (dicts, lists, strings, numbers) and back.

spaCy components keep their results on the ``Doc`` as plain data, the ``quotegraph/1`` objects,
so that ``DocBin(store_user_data=True)`` and ``doc.to_bytes()`` can store them (msgpack takes no
dataclasses). ``from_plain`` rebuilds the dataclasses from their type annotations, nested ones
included, so a field added to ``models.py`` needs no change here.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Hashable
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from .models import Span

T = TypeVar("T")
Convert = Callable[[Any], Any]


def to_plain(record: Any) -> dict[str, Any]:
    """A dataclass record as the dict that ``quotegraph/1`` output holds for it (tuples become
    lists). Not ``dataclasses.asdict``: its deep copies cost more than the rest of this module."""
    return {name: _plain(getattr(record, name)) for name in _field_names(cast(Hashable, type(record)))}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if is_dataclass(value):
        return to_plain(value)
    return value


@cache
def _field_names(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """The ``cls`` record that ``to_plain`` gave ``data`` for (keys it does not know are ignored)."""
    kwargs: dict[str, Any] = {}
    for name, convert in _converters(cast(Hashable, cls)):
        if name in data:
            value = data[name]
            kwargs[name] = convert(value) if convert is not None and value is not None else value
    return cls(**kwargs)


@cache
def _converters(cls: Any) -> tuple[tuple[str, Convert | None], ...]:
    hints = get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in fields(cls))


def _converter(hint: Any) -> Convert | None:
    """How to rebuild a value of type ``hint`` from plain data; None when it is plain already."""
    if is_dataclass(hint):
        return lambda value: from_plain(hint, value)  # type: ignore[arg-type]
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [_converter(a) for a in args if a is not type(None)]
        return inner[0] if len(inner) == 1 else None
    if origin in (list, tuple):  # msgpack gives lists for tuples: back to the annotated container
        item = _converter(args[0]) if args else None
        if item is None:
            return list if origin is list else tuple
        return (lambda value: [item(v) for v in value]) if origin is list else (
            lambda value: tuple(item(v) for v in value))
    return None


def retext(span: Span | None, text: str) -> Span | None:
    """``span`` with its text taken from ``text`` (the article text, not the analysed one)."""
    return None if span is None else replace(span, text=text[span.start : span.end])
