"""The shared word lists: one copy, read by every stage that needs it."""

from __future__ import annotations

import ast
from pathlib import Path

from quotegraph import lexicon
from quotegraph.people import lexicon as people_lexicon
from quotegraph.quotes import cues

SRC = Path(lexicon.__file__).parent


def test_stages_read_the_same_objects():
    assert people_lexicon.HONORIFICS is lexicon.HONORIFICS
    assert people_lexicon.RANK_TITLES is lexicon.RANK_TITLES
    assert cues.SPEECH is lexicon.SPEECH and cues.BELIEF is lexicon.BELIEF


def test_name_prefixes_cover_honorifics_ranks_and_abbreviations():
    for table in (lexicon.HONORIFICS, lexicon.RANK_TITLES, lexicon.ROLE_EXPANSIONS):
        assert set(table) <= lexicon.NAME_PREFIXES


def _string_sets(path: Path) -> list[frozenset[str]]:
    """Literal sets/tuples of three or more strings written in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Set | ast.Tuple) and len(node.elts) >= 3 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            found.append(frozenset(e.value for e in node.elts))
    return found


def test_no_quote_module_rewrites_a_shared_list():
    shared = [v for v in vars(lexicon).values() if isinstance(v, frozenset) and len(v) >= 3]
    for module in sorted((SRC / "quotes").glob("*.py")):
        for words in _string_sets(module):
            assert words not in shared, f"{module.name} spells out a list of quotegraph.lexicon: {sorted(words)}"
