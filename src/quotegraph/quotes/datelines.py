"""Wire datelines that open an article (``KAMPALA, Uganda –``, ``ACCRA (Reuters) -``,
``JAKARTA (JP):``, ``LONDON:``, ``Mbombela —``, ``New Delhi:`` on a line of its own).

A dateline names where the story was filed, never who speaks: no quote frame, reported
clause or speaker mention may reach into it.
"""

from __future__ import annotations

import re

_WORD = r"[A-Z][A-Za-z.'\u2019\-]+"
_PLACE = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_CAPS_PLACE = r"[A-Z][A-Z.'\u2019\-]+(?:[ ][A-Z][A-Z.'\u2019\-]+){0,3}"
_REGION = rf",[ ]{_PLACE}"
_AGENCY = r"\([A-Za-z][A-Za-z .&]{0,30}\)"
_DASH = r"(?:--|[-\u2013\u2014])"
# Alternatives, each anchored at the article start (after spaces); group ``end`` closes it.
_DATELINES = [
    rf"{_CAPS_PLACE}(?:{_REGION})?(?:[ ]?{_AGENCY})?[ ]?(?:{_DASH}|:)[ ]",  # KAMPALA, Uganda – / LONDON:
    rf"{_PLACE}(?:{_REGION})?[ ]?{_AGENCY}[ ]?(?:{_DASH}|:)[ ]",  # Accra (Reuters) -
    rf"{_PLACE}(?:{_REGION})?[ ][\u2013\u2014][ ]",  # Mbombela —
    rf"{_PLACE}(?:{_REGION})?:[ ]*\n",  # New Delhi: on a line of its own
    rf"{_AGENCY}[ ]?{_DASH}[ ]",  # (Reuters) -
]
_DATELINE = re.compile(r"\A\s*(?:" + "|".join(_DATELINES) + ")")
MAX_DATELINE = 60  # characters; a longer opening is a sentence, not a dateline


def dateline_end(text: str) -> int:
    """Offset just after the dateline that opens ``text`` (0 when there is none)."""
    found = _DATELINE.match(text)
    if found is None or found.end() > MAX_DATELINE:
        return 0
    return found.end()
