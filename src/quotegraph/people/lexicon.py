"""Word lists the people rules share: honorifics, titles, role nouns, gendered nouns.

Everything is lower-cased and without a final full stop, so ``Mr.``/``Mr`` and ``Coun.``/``Coun``
look the same; ``norm`` (quotegraph/offices.py) does that folding.
"""

from __future__ import annotations

# one copy, shared with store/merge.py
from ..lexicon import HONORIFICS as HONORIFICS
from ..lexicon import KIN_NOUNS
from ..lexicon import RANK_TITLES as RANK_TITLES
from ..lexicon import ROLE_EXPANSIONS as ROLE_EXPANSIONS
from ..offices import courtesy_word as courtesy_word
from ..offices import norm as norm

# Two-word honorifics, matched before the one-word ones.
PHRASE_TITLES: dict[tuple[str, str], str | None] = {
    ("his", "excellency"): "male", ("her", "excellency"): "female",
    ("his", "honour"): "male", ("her", "honour"): "female", ("his", "honor"): "male",
    ("her", "honor"): "female", ("his", "holiness"): "male", ("his", "majesty"): "male",
    ("her", "majesty"): "female", ("his", "highness"): "male", ("her", "highness"): "female",
}

# Office titles written in front of a name (``Judge Neilan``, ``Coun. Dudas``): not gendered,
# reported in ``titles`` and used to tie ``the judge`` to the person.
OFFICE_TITLES = {
    "judge", "justice", "magistrate", "mayor", "coun", "cllr", "councillor", "councilor",
    "alderman", "senator", "sen", "rep", "congressman", "congresswoman", "gov", "governor",
    "president", "premier", "minister", "chancellor", "secretary", "commissioner", "inspector",
    "insp", "det", "detective", "sgt", "sergeant", "constable", "pc", "dc", "ds", "di", "dci",
    "supt", "superintendent", "commander", "cmdr", "captain", "capt", "col", "colonel",
    "general", "gen", "lt", "lieutenant", "major", "maj", "admiral", "adm", "marshal",
    "deputy", "dep", "chairman", "chairwoman", "coach", "trooper", "ambassador", "mp", "mla",
    "mep", "td", "msp", "ald", "sheriff", "chief", "prosecutor", "coroner", "taoiseach",
    "tánaiste", "garda", "warden", "officer", "const", "cst", "cpl", "corporal", "staff", "agent", "dean", "prime",
    "vice", "assistant", "brig", "brigadier", "pres", "atty",
}

# Nouns that name what a person is (job, office, kinship, part in the story). Used to accept
# appositives (``X, chief executive of Y,``) and to tie descriptions (``the minister``) back.
ROLE_NOUNS = {
    "accountant", "activist", "actor", "actress", "administrator", "adviser", "advisor",
    "advocate", "agent", "ambassador", "analyst", "architect", "artist", "assistant", "athlete",
    "attorney", "aunt", "author", "barrister", "banker", "bishop", "boss", "boy", "boyfriend",
    "brother", "builder", "businessman", "businesswoman", "candidate", "captain", "campaigner",
    "carer", "ceo", "cfo", "chair", "chairman", "chairperson", "chairwoman", "champion",
    "chancellor", "chef", "chief", "child", "cleric", "clerk", "coach", "co-founder",
    "colleague", "columnist", "commander", "commentator", "commissioner", "constable",
    "consultant", "controller", "coordinator", "co-ordinator", "coroner", "correspondent",
    "councillor", "councilor", "counsel", "cousin", "creator", "critic", "curator", "dad",
    "daughter", "dean", "defendant", "delegate", "deputy", "designer", "detective", "developer",
    "diplomat", "director", "doctor", "driver", "economist", "editor", "employee", "engineer",
    "entrepreneur", "executive", "expert", "farmer", "father", "fiancé", "fiancée", "fighter",
    "financier", "firefighter", "footballer", "founder", "friend", "general", "girl",
    "girlfriend", "governor", "granddaughter", "grandfather", "grandmother", "grandson",
    "guard", "head", "headteacher", "headmaster", "headmistress", "historian", "husband",
    "inspector", "investigator", "investor", "journalist", "judge", "justice", "keeper",
    "landlord", "lawmaker", "lawyer", "leader", "lecturer", "legislator", "lieutenant",
    "magistrate", "man", "manager", "mayor", "medic", "member", "midwife", "minister", "mother",
    "mp", "mla", "mep", "mum", "musician", "neighbour", "neighbor", "nephew", "niece", "novelist",
    "nurse", "officer", "official", "organiser", "organizer", "owner", "paramedic", "parent",
    "partner", "pastor", "patient", "peer", "physician", "pilot", "player", "politician",
    "predecessor", "premier", "president", "priest", "principal", "prisoner", "producer",
    "professor", "prosecutor", "psychologist", "publisher", "rabbi", "referee", "registrar",
    "reporter", "representative", "researcher", "resident", "scientist", "secretary",
    "senator", "sergeant", "sheriff", "singer", "sister", "skipper", "solicitor", "son",
    "specialist", "spokesman", "spokesperson", "spokeswoman", "striker", "student",
    "successor", "superintendent", "supervisor", "surgeon", "survivor", "suspect", "teacher",
    "teenager", "therapist", "trader", "treasurer", "trustee", "uncle", "veteran", "victim",
    "vice-chair", "vice-chairman", "vice-president", "volunteer", "widow", "widower", "wife",
    "witness", "woman", "worker", "writer", "accused", "whip",
    "goalkeeper", "defender", "midfielder", "winger", "forward", "batsman", "bowler",
    "umpire", "chemist", "pharmacist", "dentist", "vet", "warden", "planner", "moderator", "presenter", "host",
    "anchor", "broadcaster", "comedian", "poet", "painter", "star",
    "photographer", "sculptor", "dancer", "composer", "conductor", "rapper", "entertainer",
    "td", "msp", "congressman", "congresswoman", "congressmember", "alderman",
    "attorney-general", "taoiseach", "ombudsman", "auditor",
    "nominee", "hopeful", "challenger", "incumbent", "frontrunner", "narrator", "announcer",
    "questioner", "pensioner", "retiree", "shopper", "commuter", "motorist", "cyclist", "pedestrian", "tenant",
    "homeowner", "householder", "passenger", "customer", "trainee", "apprentice", "graduate",
    "pupil", "mum-of-two", "father-of-two", "mother-of-two", "grandfather-of-two",
    "businessperson", "landowner", "shopkeeper", "publican", "fisherman", "miner", "soldier",
    "sailor", "academic", "scholar", "nun", "monk", "chaplain",
    # trades and occupations met in news from outside Europe and North America too
    # (no word that is also a common surname: Porter, Barber, Carpenter)
    "attendant", "surveyor", "satirist", "vendor", "hawker", "higgler", "artisan", "stewardess",
    "cashier", "labourer", "laborer", "mechanic", "electrician", "plumber", "caretaker",
}

# Ranks written after a name, never part of it: "Judge Stephen Hopkins QC" is Stephen Hopkins.
POST_NOMINALS = frozenset({"qc", "kc"})

# Nouns that state the gender of the person they describe (``her brother, Kevin Burke``).
GENDERED_NOUNS: dict[str, str] = {
    "man": "male", "woman": "female", "boy": "male", "girl": "female", "father": "male",
    "mother": "female", "dad": "male", "mum": "female", "mom": "female", "son": "male",
    "daughter": "female", "brother": "male", "sister": "female", "husband": "male",
    "wife": "female", "uncle": "male", "aunt": "female", "nephew": "male", "niece": "female",
    "grandfather": "male", "grandmother": "female", "grandson": "male",
    "granddaughter": "female", "boyfriend": "male", "girlfriend": "female", "fiancé": "male",
    "fiancée": "female", "widow": "female", "widower": "male", "businessman": "male",
    "businesswoman": "female", "spokesman": "male", "spokeswoman": "female",
    "chairman": "male", "chairwoman": "female", "actress": "female", "headmaster": "male",
    "headmistress": "female", "congressman": "male", "congresswoman": "female",
    "policeman": "male", "policewoman": "female", "sportsman": "male", "sportswoman": "female",
    "king": "male", "queen": "female", "prince": "male", "princess": "female",
    "stepfather": "male", "stepmother": "female", "stepson": "male", "stepdaughter": "female",
    "gentleman": "male", "lady": "female", "grandma": "female", "grandpa": "male",
}

# Words that mark a "person" entity from the statistical model as an organisation or a place.
NON_PERSON_WORDS = {
    # never part of a person's name; common surnames that are also such words (Hall, Park,
    # Lane, Church, Day, Court, Post, Bill as a first name) are deliberately not here
    "street", "road", "avenue", "drive", "square", "hospital", "university", "college",
    "school", "council", "centre", "center", "station", "airport", "stadium", "show", "party",
    "ltd", "plc", "inc", "group", "company", "bank", "trust", "foundation", "association",
    "committee", "state", "county", "city", "district", "valley", "river", "island", "hotel",
    "museum", "zoo", "gallery", "theatre", "theater", "club", "fc", "festival", "awards",
    "prize", "act", "report", "inquiry", "tribunal", "fund", "services", "police",
    "department", "ministry", "agency", "office", "institute", "programme", "program",
    "project", "campaign", "news", "times", "herald", "gazette", "village", "town", "region",
    "province", "week", "covid", "covid-19", "coronavirus", "virus", "co", "assembly",
    "parliament", "legislative", "senate", "congress", "government", "commission", "board",
    "authority", "corporation", "instruction", "radio", "tv", "television", "rovers",
    "united", "local", "union", "federation", "league", "society", "network", "alliance",
    "holdings", "foods", "motors", "airlines", "airways", "media", "energy", "capital",
    "systems", "technologies", "pharmaceuticals", "limited", "llc", "corp", "&",
    # portfolio words of ministries and departments ("Minister for Child Development X")
    "development", "welfare", "affairs", "works", "health", "education", "finance", "transport",
    "environment", "housing", "security", "defence", "defense", "agriculture", "industry",
    "industries", "commerce", "resources", "planning", "culture", "tourism", "trade", "revenue",
    "interior", "infrastructure", "communications", "technology", "science", "research",
    "management", "administration", "panchayat",
}

PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
THING_PRONOUNS = {"it", "its"}
# words that stand for a speaker without naming one: never a speaker's name on their own
NON_SOURCE_WORDS = frozenset("""i me my myself we us our you your yourself one this that these those someone somebody
anyone anybody everyone everybody nobody none all what whatever everything nothing anything something some
many few both each either neither other others another""".split())

# Nouns for organisations, used to tie ``the company``/``the council`` to an organisation.
ORG_NOUNS = {
    "company", "firm", "group", "business", "retailer", "bank", "council", "authority",
    "department", "ministry", "government", "agency", "union", "trust", "hospital", "school",
    "university", "college", "board", "club", "team", "party", "charity", "organisation",
    "organization", "force", "police", "service", "commission", "committee", "court",
    "office", "airline", "operator", "supermarket", "chain", "insurer", "lender", "regulator",
    "watchdog", "manufacturer", "carmaker", "maker", "brand", "zoo", "museum", "foundation",
    "association", "federation", "institute", "network", "station", "broadcaster",
    "publisher", "administration", "cabinet", "state", "city", "county", "family", "campaign",
    "spokesperson", "statement",
}
# Generic org nouns that stand for "the organisation the article is about".
GENERIC_ORG_NOUNS = {"company", "firm", "group", "business", "organisation", "organization", "retailer",
                     "chain", "brand", "operator", "maker", "manufacturer", "supermarket", "airline",
                     "lender", "insurer", "bank", "carmaker"}
SPOKES_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons",
                "representative", "statement", "source", "sources", "official", "officials"}
# Plural nouns for people who belong to an organisation without speaking for it: ``employees
# from Chelsea's marketing department`` are employees, not the club.
MEMBER_NOUNS = frozenset("""employees staff workers members residents fans students parents customers players
supporters nurses doctors teachers pupils patients passengers shareholders volunteers""".split())

# Last words that make a capitalised run an organisation's name (``Thornbury Ales``,
# ``Halden Motors``) where the model saw none.
ORG_SUFFIXES = {
    "ltd", "plc", "inc", "llc", "group", "holdings", "bank", "foods", "motors", "airlines",
    "airways", "ales", "brewery", "breweries", "partners", "media", "energy", "systems",
    "technologies", "pharmaceuticals", "insurance", "stores", "supermarkets", "council",
    "association", "federation", "union", "society", "foundation", "institute", "agency",
    "authority", "commission", "committee", "police", "corporation", "company", "trust",
    "university", "college", "hospital", "ministry", "department", "board", "party",
}

# Political parties reported by spaCy as NORP, kept as organisations.
PARTY_WORDS = {
    "labour", "conservative", "conservatives", "tory", "tories", "democrat", "democrats",
    "republican", "republicans", "liberal", "liberals", "greens", "snp", "sinn", "fianna",
    "fine", "ndp", "bjp", "anc", "apc", "pdp", "da", "eff",
}

# Words in front of an office title that make it a possibility, not an office held: "a
# President Clinton could ...", "the would-be President Smith", "a future Prime Minister Jones".
HYPOTHETICAL_TITLE_WORDS = frozenset({"a", "an", "would-be", "future", "potential", "hypothetical", "prospective",
                                      "eventual", "possible"})
# Modal verbs that make a copular role a possibility ("why Mrs. Clinton should be president").
UNREAL_MODALS = frozenset({"would", "could", "should", "might", "may", "must"})

# Roles that make a person someone's relative ("Former first lady Laura Bush", "his wife, Mary
# Burke"): the office title of their surname belongs to the relative, not to them.
# (``partner`` is left out: a law firm's partner is nobody's relative).
FAMILY_ROLE_WORDS = (KIN_NOUNS - {"partner"}) | {"spouse", "first lady", "first gentleman"}
# Two-word role nouns ("Former first lady Laura Bush"), matched on the last word and the one before.
ROLE_PHRASES = frozenset({("first", "lady"), ("first", "gentleman")})
