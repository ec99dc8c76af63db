"""Cue-verb lexicon for attributions: lemmas of verbs that introduce what someone said or thought.

Frozensets of spaCy lemmas, loaded once at import. ``SPEECH`` verbs report speech and count as
quotations in news usage; ``BELIEF`` verbs report thoughts and only count as attributions in the
PolNeAR sense (``Options.beliefs``). ``TO_CLAUSE`` verbs take their content as a ``to``-clause
(``urged residents to stay indoors``).
"""

from __future__ import annotations

# Verbs whose clausal complement is reported speech (``said that ...``, ``warned ...``).
SPEECH: frozenset[str] = frozenset(
    """
    say tell add warn insist deny claim announce explain stress argue suggest confirm admit
    concede reveal note point urge ask promise vow pledge declare state report write tweet post
    reply respond answer acknowledge allege assert contend maintain predict recall remark comment
    complain caution emphasise emphasize estimate indicate inform joke mention observe propose
    recommend reiterate repeat testify threaten assure boast confide counter disclose demand
    instruct advise brief lament plead protest speculate signal swear guarantee agree conclude
    charge hint imply shout yell email text tease quip retort rule order proclaim affirm
    underline underscore highlight specify clarify concur predict forecast acknowledge stipulate
    contend preach exclaim whisper mutter grumble scoff muse recount narrate relay convey tout
    brag concede vouch attest certify notify remind beg implore appeal encourage call
    """.split()
)

# Verbs of belief and cognition: attributions in PolNeAR, not quotations in news usage.
BELIEF: frozenset[str] = frozenset(
    """
    think believe feel know hope expect fear worry doubt suspect assume reckon consider wonder
    guess imagine suppose wish realise realize recognise recognize understand trust figure
    anticipate envision envisage bet sense decide learn discover find hear see show
    """.split()
)

# Verbs whose reported content is a to-clause: ``urged residents to stay``, ``vowed to fight``.
TO_CLAUSE: frozenset[str] = frozenset(
    """
    urge ask call tell warn advise encourage implore beg order instruct promise vow pledge
    threaten demand plead appeal remind direct invite challenge press
    """.split()
)

# Speech verbs that need a particle to be cues (``pointed out``); without it they are not.
NEEDS_PARTICLE: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "call": frozenset({"on", "upon"}),
}
