"""The pipeline's records as plain data (dicts, lists, strings, numbers) and back.

spaCy components keep their results on the ``Doc`` as the dataclasses themselves: turning them
into plain data for every Doc cost more than the rest of the components' bookkeeping. Plain data
is made only when asked for (``doc._.quotegraph_quotes``) or when msgpack stores the Doc
(``DocBin(store_user_data=True)``, ``doc.to_bytes()``): the encoder registered here writes a
registered record as its ``quotegraph/1`` object tagged with its type, and the decoder rebuilds
it. ``from_plain`` rebuilds the dataclasses from their type annotations, nested ones included,
so a field added to ``models.py`` needs no change here.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Hashable
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from srsly.msgpack import msgpack_decoders, msgpack_encoders

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


# -- msgpack: records kept on a Doc ------------------------------------------------------------
_TAG = "quotegraph_record"  # the key of a packed record's type name
_PACKED: dict[str, type] = {}  # the record types a Doc may hold, by name


def packable(cls: type[T]) -> type[T]:
    """Let msgpack store records of ``cls`` (a dataclass) as plain data; returns ``cls``."""
    _PACKED[cls.__name__] = cls
    return cls


def encode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack ``default``: a registered record as ``{tag: type name, "record": plain data}``."""
    if _PACKED.get(type(obj).__name__) is type(obj):
        return {_TAG: type(obj).__name__, "record": to_plain(obj)}
    return chain(obj) if chain is not None else obj


def decode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack ``object_hook``: the record that ``encode_record`` packed."""
    if isinstance(obj, dict) and _TAG in obj and obj[_TAG] in _PACKED:
        return from_plain(_PACKED[obj[_TAG]], obj["record"])
    return chain(obj) if chain is not None else obj


msgpack_encoders.register("quotegraph", func=encode_record)
msgpack_decoders.register("quotegraph", func=decode_record)
