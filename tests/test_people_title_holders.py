"""An office title with a lone surname (``President Obama``) goes to the namesake the article
gives that office, never to a wife, husband or brother who shares the surname.

Short articles in several outlets' styles; each fails if the rule is taken out."""

from __future__ import annotations

import pytest

from quotegraph.people.title_holders import holds_office, office_word


def _holder(result, alias: str) -> str | None:
    return next((p.name for p in result.people if alias in p.aliases), None)


def test_office_words_and_holders():
    assert office_word("President") == "president" and office_word("Sen.") == "senator"
    assert office_word("Mrs.") is None and office_word("Dr") is None and office_word(None) is None
    assert holds_office("president", ["President"], [])
    assert holds_office("secretary", [], ["former secretary of state"])
    assert not holds_office("president", [], ["Democratic presidential candidate"])


@pytest.mark.parametrize(
    ("text", "alias", "wrong"),
    [
        # US daily: the president is named only by title and surname, the first lady later in full
        ("Obama rallies black voters for Clinton.\n\n"
         "With Democratic leaders worried about a lack of passion among young voters, President Obama "
         "is rolling out a more personal message. \"It's about me,\" President Obama told the audience.\n\n"
         "The campaign plans to use the first lady, Michelle Obama, in Florida and Ohio.\n",
         "President Obama", "Michelle Obama"),
        # wire copy: husband and wife both named in full, the office on neither
        ("Bill is back on the trail.\n\n"
         "Bill Clinton's voice was hoarser than when he last campaigned. He praised Hillary Clinton at the "
         "Nashua rally.\n\n\"Secretary Clinton is the best qualified person,\" Bill Clinton said. "
         "Secretary Clinton was in Iowa on Monday.\n",
         "Secretary Clinton", "Bill Clinton"),
        # magazine: two brothers, "President Bush" for the one the article never gives the office
        ("Jeb Bush, helped by George, goes after Trump.\n\n"
         "Jeb Bush brought his older brother, George W. Bush, to South Carolina on Monday. "
         "Donald Trump has attacked President Bush's record on terrorism, and the crowd booed.\n",
         "President Bush", "Jeb Bush"),
    ],
)
def test_an_office_title_never_lands_on_a_namesake_without_the_office(run, text, alias, wrong):
    result = run(text)
    assert _holder(result, alias) != wrong, [(p.name, p.aliases) for p in result.people]
    said = [q for q in result.quotes if q.speaker and result.text[q.speaker.end - len(alias):q.speaker.end] == alias]
    assert all(q.speaker_name != wrong for q in said), [q.speaker_name for q in said]


@pytest.mark.parametrize(
    ("text", "person", "alias"),
    [
        # the office given with the full name: the titled surname is that person
        ("Senate vote delayed.\n\nPresident Barack Obama met senators on Monday, and first lady Michelle "
         "Obama hosted their families. \"We will get this done,\" President Obama said.\n",
         "Barack Obama", "President Obama"),
        # the only namesake, named in full first: the office joins her (a female head of state)
        ("Tsai wins second term.\n\nTsai Ing-wen's party won on Saturday. Ellen Sirleaf, Liberia's "
         "former leader, sent congratulations. \"Democracy has won,\" President Sirleaf said.\n",
         "Ellen Sirleaf", "President Sirleaf"),
        # Canadian paper: a senator named in full without the office, then by office and surname
        ("Elizabeth Warren pressed the nominee on fees. \"You have not answered,\" Sen. Warren said.\n",
         "Elizabeth Warren", "Sen. Warren"),
    ],
)
def test_an_office_title_joins_the_namesake_the_article_gives_it(run, text, person, alias):
    result = run(text)
    assert _holder(result, alias) == person, [(p.name, p.aliases) for p in result.people]
