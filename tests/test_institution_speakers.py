"""People speaking for or inside institutions: a spokeswoman the article names, members of an
organisation, a role phrase with its holder's name. The quotes are built by hand (content and
speaker spans) so these tests check speaker resolution alone; articles written for them."""

from __future__ import annotations

from quotegraph.models import Quote, Span
from quotegraph.people import build_entities
from quotegraph.settings import Options


def _resolve(nlp, text: str, content: str, speaker: str) -> Quote:
    c, s = text.index(content), text.index(speaker)
    quote = Quote(c, c + len(content), content, "direct", speaker=Span(s, s + len(speaker), speaker),
                  parts=[Span(c, c + len(content), content)])
    build_entities(nlp(text), [quote], Options(), None)
    return quote


def test_a_spokeswoman_for_an_institution_is_the_one_the_article_names(nlp):
    # UK regional daily
    text = ("Water regulator spokeswoman Sarah Mitchell said on Monday that bills would be reviewed.\n\n"
            "\"Prices will keep rising this winter,\" a spokeswoman for the regulator confirmed on Friday.")
    quote = _resolve(nlp, text, "\"Prices will keep rising this winter,\"", "a spokeswoman for the regulator")
    assert quote.speaker_name == "Sarah Mitchell"


def test_an_unnamed_spokesperson_still_speaks_for_the_institution(nlp):
    # US wire copy
    text = ("Staff at Unison said the strike would go ahead.\n\n"
            "\"We have no choice,\" a spokesperson for Unison said.")
    quote = _resolve(nlp, text, "\"We have no choice,\"", "a spokesperson for Unison")
    assert quote.speaker_name == "Unison"


def test_members_of_an_organisation_are_not_the_organisation(nlp):
    # Malaysian daily carrying a New York report
    text = ("Several former and current employees from Chelsea's marketing department described a "
            "\"toxic workplace culture\" at the club.")
    quote = _resolve(nlp, text, "\"toxic workplace culture\"",
                     "current employees from Chelsea's marketing department")
    assert quote.speaker_id is None and quote.speaker_name.startswith("current employees")
    # Kenyan daily
    text = "Nurses at Kenyatta National Hospital said: \"We have not been paid since March.\""
    quote = _resolve(nlp, text, "\"We have not been paid since March.\"", "Nurses at Kenyatta National Hospital")
    assert quote.speaker_name == "Nurses at Kenyatta National Hospital"


def test_a_role_phrase_holding_a_misread_name_is_the_person_named_after_it(nlp):
    # South African business page: the model reads "Launchpad Africa" as a person
    text = ("Google Nigeria's head of Start-up Success and Launchpad Africa, Fola Olatunji-David, says "
            "entrepreneurship is cool right now.\n\n"
            "Launchpad Accelerator Africa, Google's first regionally based accelerator, runs for three months.")
    quote = _resolve(nlp, text, "entrepreneurship is cool right now",
                     "Google Nigeria's head of Start-up Success and Launchpad Africa")
    assert quote.speaker_name == "Fola Olatunji-David"
