"""Speakers are entities or nothing: an unresolved speaker keeps its name only when it is a name
or names a kind of source; otherwise the name is empty and the mention stays."""

from __future__ import annotations

import pytest

from quotegraph.people.resolve import source_wording
from quotegraph.people.sources import KEPT, speaker_kind

ARTICLES = [
    # US sports desk: a noun that names no source in subject position
    ("The pre-game had said the Bulls would rest their starters, but the coach disagreed. "
     "\"We play to win,\" coach Tom Reyes said on Friday."),
    # business wire: figures and documents as subjects
    ("NEW YORK - Sales of new homes fell in May. The sales pace suggested demand was cooling, analysts said. "
     "Court documents show the builder owed $4 million, and no information said otherwise."),
    # UK local paper: police, a spokeswoman, residents
    ("Police said the road would reopen on Monday. A council spokeswoman said repairs were under way. "
     "\"It has been chaos,\" said one resident, who asked not to be named."),
]


@pytest.mark.parametrize("wording", ["game", "pre-game", "sales pace", "rampant xenophobe", "42%", "His remarks"])
def test_descriptions_that_name_no_source_are_dropped(wording):
    assert source_wording(wording) is None


@pytest.mark.parametrize("wording", ["21 percent of voters", "one Twitter user @nycsouthpaw", "a retired teacher",
                                     "officials at the ministry", "Law enforcement", "the couple",
                                     "allegations", "the claims"])
def test_kinds_of_source_and_names_are_kept(wording):
    assert source_wording(wording) == wording


@pytest.mark.parametrize("text", ARTICLES)
def test_extracted_speakers_are_entities_sources_or_empty_with_the_mention_kept(run, text):
    result = run(text)
    assert result.quotes
    for q in result.quotes:
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
        if q.speaker_name and q.speaker_id is None:
            assert speaker_kind(q.speaker_name) in KEPT, q.speaker_name
    names = {q.speaker_name for q in result.quotes}
    assert not names & {"game", "pre-game", "sales pace", "no information", "who"}
