"""Every word list that more than one stage reads, once: cue verbs, listeners, pronouns that
never speak, relative pronouns, honorifics and titles.

Frozensets of lower-case words (spaCy lemmas for verbs). Stage-specific lists stay with their
rules; a list two modules need lives here and both import it.
"""

from __future__ import annotations

# --- cue verbs -------------------------------------------------------------------------------

# Verbs whose clausal complement is reported speech (``said that ...``, ``warned ...``).
SPEECH: frozenset[str] = frozenset(
    """
    say tell add warn insist deny claim announce explain stress argue suggest confirm admit
    concede reveal note point urge ask promise vow pledge declare state report write tweet post
    reply respond answer acknowledge allege assert contend maintain predict recall remark comment
    complain caution emphasise emphasize estimate indicate inform joke mention observe propose
    recommend reiterate repeat testify threaten assure boast confide counter disclose demand
    instruct advise brief lament plead protest cite speculate signal swear guarantee agree conclude
    charge hint imply shout yell email text tease quip retort rule order proclaim affirm
    underline underscore highlight specify clarify concur predict forecast acknowledge stipulate
    contend preach exclaim whisper mutter grumble scoff muse recount narrate relay convey tout
    brag concede vouch attest certify notify remind beg implore appeal encourage call
    """.split()
)

# Verbs that introduce quoted words in news copy beyond the reported-speech verbs
# (``described the plan as "..."``, ``he laughed: "..."``).
QUOTING: frozenset[str] = frozenset(
    """
    describe dub label term brand read put quote cite write continue begin go exclaim cry
    laugh sigh snap fume thunder blast slam mock rail scold hail praise thank welcome
    apologise apologize recall reminisce chant sing scream bellow shout plead declare pronounce
    tweet retweet post message text email type publish headline caption title sum summarise
    summarize elaborate interject interrupt opine theorise theorize posit wonder question
    """.split()
)

# Verbs that name rather than quote: ``fans call him "The Bus"``.
NAMING: frozenset[str] = frozenset({"call", "dub", "nickname", "label", "brand", "term", "title", "name"})

# Verbs of belief and cognition: attributions in PolNeAR, not quotations in news usage.
BELIEF: frozenset[str] = frozenset(
    """
    think believe feel know hope expect fear worry doubt suspect assume reckon consider wonder
    guess imagine suppose wish realise realize recognise recognize understand trust figure
    anticipate envision envisage bet sense decide learn discover find hear see show
    """.split()
)

# --- listeners -------------------------------------------------------------------------------

# Verbs whose object heard the words, never said them: ``told reporters``, ``assured him``.
LISTENER_VERBS: frozenset[str] = frozenset({"tell", "ask", "inform", "assure", "remind", "brief", "warn", "urge"})
# Verbs of writing to someone: ``emailed supporters: "..."`` (the object is the addressee).
MESSAGE_VERBS: frozenset[str] = frozenset({"email", "text", "message"})
# Verbs whose pronoun or name object is the person addressed or judged, not the content
# (``thanked him``, ``accused them``): used where a stance's object would be its content.
ADDRESSEE_VERBS: frozenset[str] = LISTENER_VERBS | frozenset(
    {"thank", "call", "accuse", "blame", "criticize", "criticise"})

# --- pronouns --------------------------------------------------------------------------------

# Pronouns that stand for no person and so never speak (``it said``, ``there was``).
# Verbs by which a speaker rejects what others said (``denied allegations that ...``) and the
# nouns naming what others said: the words quoted inside such a claim are not the denier's.
DENIAL_VERBS: frozenset[str] = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute", "rubbish"})
CLAIM_NOUNS: frozenset[str] = frozenset(
    "allegation claim accusation suggestion rumour rumor report charge assertion speculation".split())

# Nouns for a contact that carries words from someone: ``a call from staff to say ...``.
CONTACT_NOUNS: frozenset[str] = frozenset({"call", "phonecall", "message", "letter", "email", "text", "note",
                                           "visit", "memo", "voicemail"})
NON_SPEAKING_PRONOUNS: frozenset[str] = frozenset({"it", "this", "that", "there"})
# Relative pronouns: a subject ``who`` speaks for the noun it hangs on (``Tyler, who said``).
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
SECOND_PERSON: frozenset[str] = frozenset({"you", "your", "yours", "yourself"})  # words that address the listener
# Kinship nouns: ``her mother``, ``the boy's father`` describe one person by a relation to another.
KIN_NOUNS: frozenset[str] = frozenset("""mother father mum mom dad mam son daughter brother sister husband wife
uncle aunt nephew niece cousin grandfather grandmother grandson granddaughter grandma grandpa stepfather
stepmother stepson stepdaughter boyfriend girlfriend fiancé fiancée partner widow widower""".split())
# Offices one person holds at a time in a country or place: ``the PM`` is someone even when the
# article never writes the title before that person's name.
SINGLE_OFFICES: frozenset[str] = frozenset({
    "prime minister", "president", "premier", "taoiseach", "chancellor", "first minister", "chief minister",
})
# Words that head no speaker: ``all she could do was shout "..."``.
NOBODY: frozenset[str] = frozenset({"all", "what", "whatever", "everything", "nothing", "anything", "something"})

# --- honorifics and titles (keys lower-case, without a final full stop) -----------------------

# Honorifics in front of a name, with the gender they state (None: not gendered).
HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mister": "male", "mrs": "female", "ms": "female", "miss": "female", "mx": None,
    "messrs": None, "mme": "female", "madame": "female", "mlle": "female", "herr": "male",
    "shri": "male", "sri": None, "smt": "female", "shrimati": "female", "kumari": "female",
}
RANK_TITLES: dict[str, str | None] = {
    "sir": "male", "dame": "female", "lord": "male", "lady": "female", "baroness": "female",
    "baron": "male", "viscount": "male", "viscountess": "female", "earl": "male",
    "countess": "female", "duke": "male", "duchess": "female", "prince": "male",
    "princess": "female", "king": "male", "queen": "female", "alhaji": "male", "alhaja": "female",
    "hajiya": "female", "sheikh": "male", "sheikha": "female", "fr": "male", "father": "male",
    "sister": "female", "brother": "male", "rabbi": None, "imam": None, "rev": None,
    "reverend": None, "bishop": None, "archbishop": None, "cardinal": None, "pastor": None,
    "dr": None, "doctor": None, "prof": None, "professor": None, "hon": None,
    "rt": None,
}
# Abbreviations that stand for a role word, so ``Coun. Dudas`` ties to ``the councillor``.
ROLE_EXPANSIONS: dict[str, str] = {
    "coun": "councillor", "cllr": "councillor", "councilor": "councillor", "sen": "senator",
    "rep": "representative", "gov": "governor", "insp": "inspector", "det": "detective",
    "sgt": "sergeant", "supt": "superintendent", "capt": "captain", "col": "colonel",
    "gen": "general", "brig": "brigadier", "cpl": "corporal", "lt": "lieutenant", "maj": "major",
    "adm": "admiral", "dep": "deputy", "atty": "attorney", "pres": "president",
    "pc": "constable", "cmdr": "commander", "prof": "professor", "dr": "doctor", "pm": "prime minister",
    "mp": "mp", "ceo": "chief executive", "cfo": "finance director",
}
# Offices and words written before a name that a corpus name key drops (``Senator``, ``former``);
# office words that are also common first names (``Dean``) are left out.
_KEY_OFFICES = frozenset("""
senator representative congressman congresswoman governor ltgov president pres vice vp general
colonel major captain commander admiral sergeant judge justice mayor secretary minister chancellor
speaker chairman chairwoman chair honorable honourable ambassador attorney former the councillor
councilman councilwoman pope
""".split())
# Leading words dropped from a person's name to key it across articles (``Coun. Jo Dudas`` ->
# ``jo dudas``): every honorific, rank, abbreviated role and office above.
NAME_PREFIXES: frozenset[str] = frozenset(HONORIFICS) | frozenset(RANK_TITLES) | frozenset(ROLE_EXPANSIONS) \
    | _KEY_OFFICES

# Last words of newspaper and agency names (``The Rotorua Daily Post``, ``Irish Examiner``): the
# outlet reporting the story, never the speaker of the quote after its own paragraph.
OUTLET_WORDS: frozenset[str] = frozenset("""post times herald gazette tribune news daily journal chronicle
observer guardian telegraph express mirror courier argus examiner independent press reuters afp
inquirer nation""".split())

# --- sources ---------------------------------------------------------------------------------

# Documents that speak for whoever wrote or issued them (``the report found``, ``the coroner's
# report linking ...``, ``An alleged statement ... It also apologized``).
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    report document study survey poll filing complaint ruling letter memo release post tweet email
    analysis review article ad advert transcript affidavit indictment lawsuit suit petition notice
    note message video footage minutes testimony order verdict judgment judgement announcement
    bulletin editorial column commentary book memoir research statement finding findings
    """.split()
)

# Head nouns of unnamed speaker descriptions that name a kind of source, beyond the person role
# and organisation nouns of people/lexicon.py: groups of people (``analysts``, ``authorities``,
# ``protesters``, ``21 percent`` of those polled), the documents and channels that speak for
# one (``court documents``). Chosen from the unresolved speakers of PolNeAR and the news sets.
SOURCE_NOUNS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    """
    people person public crowd crew audience voter electorate fan supporter opponent protester
    demonstrator insider observer aide ally rival local citizen relative mourner pollster
    strategist authorities couple pair duo trio user reader commenter attendee buyer staffer
    operative surrogate confidant associate native mogul magnate star hacker conservative liberal
    community movement coalition panel troupe enforcement respondent majority minority percent
    website site data figure record press media newspaper paper outlet publication piece story
    opinion clip
    """.split()
)

# --- organisations ---------------------------------------------------------------------------

# Names that stand for one organisation whatever the article (nicknames, acronyms, party forms):
# the corpus groups each with the name it maps to. Definitions an article gives itself
# (``the Grand Old Party (GOP)``) need no entry: they become that article's aliases.
ORG_ALIASES: dict[str, str] = {
    "GOP": "Republican Party", "Grand Old Party": "Republican Party",
    "Democratic Party": "Democrats", "Dems": "Democrats", "DNC": "Democratic National Committee",
    "RNC": "Republican National Committee",
    "Tories": "Conservative Party", "Tory Party": "Conservative Party", "Tory": "Conservative Party",
    "Lib Dems": "Liberal Democrats",
}
