"""Cue-verb lexicon for attributions: lemmas of verbs that introduce what someone said or thought.

``SPEECH`` and ``BELIEF`` live in ``quotegraph.lexicon`` (shared with other stages); the lists
here are read by the indirect stage only.

Frozensets of spaCy lemmas, loaded once at import. ``SPEECH`` verbs report speech and count as
quotations in news usage; ``BELIEF`` verbs report thoughts and only count as attributions in the
PolNeAR sense (``Options.beliefs``). ``TO_CLAUSE`` verbs take their content as a ``to``-clause
(``urged residents to stay indoors``).
"""

from __future__ import annotations

from ..lexicon import BELIEF as BELIEF
from ..lexicon import SPEECH as SPEECH

# Verbs whose reported content is a to-clause: ``urged residents to stay``, ``vowed to fight``.
TO_CLAUSE: frozenset[str] = frozenset(
    """
    urge ask call tell warn advise encourage implore beg order instruct promise vow pledge
    threaten demand plead appeal remind direct invite challenge press
    """.split()
)

# Speech verbs whose content may be a gerund clause (``denied making any apology``,
# ``admitted speeding through the village``): a quotation in news usage.
GERUND_CLAUSE: frozenset[str] = frozenset({"deny", "admit"})

# Speech verbs that need a particle to be cues (``pointed out``); without it they are not.
NEEDS_PARTICLE: dict[str, frozenset[str]] = {
    "point": frozenset({"out", "to"}),
    "call": frozenset({"on", "upon", "for"}),
}

# PolNeAR-style attributions only (``Options.beliefs``): stances and reports whose content is a
# noun phrase (``endorsed Clinton``, ``criticized the plan``), not a quotation in news usage.
OBJECT: frozenset[str] = frozenset(
    """
     endorse call  show describe criticize criticise attack oppose accuse defend cite
    announce discuss  want express  praise mention
     reject question deny   propose view blame denounce dismiss highlight
    promote mock identify blast tout reveal recall welcome explain report post  recognize
    recognise declare acknowledge condemn slam prefer list thank portray demand like love note
    confirm  echo reference fear learn congratulate trust applaud predict voice repeat
    disavow reiterate underscore pledge emphasize emphasise decry quote champion respect credit
    counter detail outline rebut stress hail lament recommend contradict unveil dispute chide
    characterize characterise affirm recount recite admire assail liken hate dislike downplay
    advocate  believe expect hope promise claim suggest  seek offer  laud lambaste
    blame fault rip knock question deride ridicule disparage belittle applaud
    """.split()
)

# Verbs whose to-clause is the attributed intention or stance (``wants to build``).
XCOMP: frozenset[str] = frozenset(
    """
    want expect hope  seek refuse decline agree   aim like prefer
    vow promise pledge propose threaten claim offer report
    """.split()
)

# Verb + preposition pairs whose object is the attributed content (``called for``, ``spoke of``).
PREP_OBJECT: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split(","))
    for lemma, preps in (
        ("talk", "about"), ("speak", "about,of,against"),
        ("refer", "to"), ("call", "for"), ("accuse", "of"),
        ("respond", "to"), ("point", "to"), ("criticize", "for"),
        ("criticise", "for"), ("describe", "as"), ("blame", "for,on"), ("view", "as"),
        ("think", "about,of"), ("agree", "with,on"), ("worry", "about"),
        ("care", "about"), ("advocate", "for"), ("campaign", "for,against"), ("push", "for"),
        ("portray", "as"), ("cast", "as"), ("cite", "as"), ("apologize", "for"),
        ("apologise", "for"), ("believe", "in"), ("rail", "against"), ("praise", "for"),
        ("warn", "of,against,about"), ("thank", "for"), ("blast", "for"), ("write", "about"),
        ("tell", "about"), ("complain", "about"), ("insist", "on"), ("boast", "of,about"),
        ("brag", "about"), ("hint", "at"), ("argue", "for,against"), ("characterize", "as"),
        ("dismiss", "as"), ("tout", "as"), ("paint", "as"), ("regard", "as"), ("perceive", "as"),
        ("attack", "for"), ("slam", "for"), ("lash", "at"), ("weigh", "on"), ("testify", "about"),
        ("joke", "about"), ("reflect", "on"), ("dwell", "on"), ("side", "with"),
        ("disagree", "with,on,about"), ("object", "to"), ("allude", "to"), ("vouch", "for"),
        ("question", "about"), ("know", "about"), ("learn", "about,of"), ("hear", "about,of"),
        ("fight", "for,against"), ("stand", "by,with"), ("compare", "to,with"), ("liken", "to"),
    )
}
