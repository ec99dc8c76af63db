"""Lines of scraped text that are not the article: teasers, captions, credits, prompts.

Scraped article text keeps some of the page around the story: ``READ MORE`` teasers, photo
captions and credits, newsletter and share prompts, embedded posts, comment-section headers and
a cut-off last line. ``find_leftovers`` marks such lines as ``Excluded`` spans (whole lines,
offsets into the text; nothing is deleted). The pipeline blanks them before parsing, so nothing
is quoted from them and they do not run into the sentences around them.

A wrongly excluded paragraph loses its quotes, so the rules lean to keeping a line:

* *explicit* rules match wording that only page furniture uses (``Sign up to our newsletter``,
  ``Picture: PA``, ``pic.twitter.com/...``) and apply anywhere;
* *shape* rules (a short line with no closing punctuation between paragraphs: a sub-heading, a
  caption, a teaser headline) apply only to text laid out one paragraph per line, never to
  hard-wrapped text where most lines stop mid-sentence, and never to a line that reads like
  reported speech (``said``, ``told``) or continues a line ending in a colon.

One pass over the lines; every pattern is compiled once at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Excluded

# --- explicit rules: (reason, pattern matched against the stripped line) -------------------

_I = re.IGNORECASE

# A teaser prefix: "READ MORE: ...", "Related: ...", "ALSO READ | ...", "MORE: ...".
_TEASER = re.compile(
    r"^(?:read\s+more|also\s+read|read\s+related\s+topics?|read\s+also|more\s+reading|related(?:\s+(?:articles?|stories|"
    r"story|coverage|content|news|reading|links?|topics?|video))?|see\s+also|recommended(?:\s+reading)?|"
    r"editor[’']?s\s+picks?|you\s+(?:may|might)\s+also\s+like|don[’']?t\s+miss|must\s+read|"
    r"more\s+(?:on\s+this\s+story|from\s+[A-Z][\w ]{0,30}|stories|news|like\s+this))"
    r"(?:\s*[:|>»]\s*.*|\s+[–—-]\s+.*|\s*)$|^related\s+(?:article|video)\s+[A-Z‘“'\"].*$",
    _I,
)
# All-capitals labels that only teasers use: "MORE: ...", "READ: ...", "WATCH: ...".
_CAPS_TEASER = re.compile(r"^(?:MORE|READ|WATCH|VIDEO|PHOTOS|LISTEN|GALLERY|PODCAST|LIVE|OPINION)\s*[:|]\s*\S.*$")
_MEDIA = re.compile(
    r"^(?:(?:play|watch|replay)\s+(?:\w+\s+)?video|video\s+(?:player\s+)?(?:is\s+)?(?:loading|unavailable)"
    r"|video|watch|listen|audio|podcast|gallery|photos?|in\s+pictures|play|"
    r"(?:press\s+play\s+to\s+)?listen\s+to\s+this\s+(?:article|story)|"
    r"(?:watch|view)\s+(?:on|in)\s+(?:youtube|facebook|instagram|twitter|x)|"
    r"this\s+content\s+is\s+(?:not\s+available|blocked|hosted)\b.*|"
    r"(?:watch|listen\s+to|view|see|hear|read)\b.{0,160}\b(?:below|above)\s*[:.]?|"
    r"(?:watch|listen|view|video)\s*[:|]\s*.*|\d{1,2}:\d{2}(?:\s+\w+){0,12}|loading\W*|"
    r"(?:\+\s*\d+\s+)?view\s+(?:the\s+)?(?:gallery|photos|slideshow)|"
    r"listen\s+to\s+this\s+article\b.{0,40})$",
    _I,
)
_ADVERT = re.compile(
    r"^(?:advertisement|advert|ad|ad\s+feedback|sponsored(?:\s+(?:content|links|stories))?|promoted(?:\s+stories)?|"
    r"text\s+ad\s*:.*|story\s+continues|"
    r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|advert|ad))?|"
    r"continue\s+reading(?:\s+(?:the\s+main\s+story|below))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?|"
    r"content\s+continues\s+below)\W*$",
    _I,
)
_NEWSLETTER = re.compile(
    r"^(?:(?:sign\s+up|subscribe|register|join|get|receive|enter\s+your\s+email)\b.{0,160}?\b"
    r"(?:newsletters?|e-?mails?|inbox|bulletins?|alerts|briefings?|digest|updates|headlines|news)\b.{0,80}"
    r"|(?:sign\s+up(?:\s+now|\s+here)?|newsletters?(?:\s+sign[\s-]?up)?)\W*"
    r"|(?:by\s+signing\s+up|thank\s+you\s+for\s+(?:signing\s+up|subscribing)|"
    r"invalid\s+email|something\s+went\s+wrong,?\s+please\s+try\s+again|we\s+use\s+your\s+sign[\s-]?up\b|"
    r"we\s+have\s+more\s+newsletters|you\s+can\s+unsubscribe\s+at\s+any\s+time).*)$",
    _I,
)
# Newsletter prompts worded anywhere in the line (tried only on lines holding "inbox" or "sign")
_NEWSLETTER_WITHIN = re.compile(
    r".{0,160}\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox\b.*"
    r"|.{0,120}\bsign\s+up\b.{0,120}\b(?:newsletters?|e-?mails?|inbox)\b.*",
    _I,
)
# A newsletter box set off by its own markers: everything between them is the promotion.
_PROMO_OPEN = re.compile(r"skip\s+past\s+(?:newsletter\s+)?promotion\W*", _I)
_PROMO_CLOSE = re.compile(r"after\s+(?:newsletter\s+)?promotion\W*", _I)
PROMO_LINES = 8  # the most lines a promotion box holds
_SUBSCRIBE = re.compile(
    r"^(?:subscribe(?:\s+(?:now|today|here))?|subscribe\s+(?:to|for)\b.{0,120}|"
    r"already\s+(?:a\s+subscriber|have\s+an\s+account)\b.*|support\s+(?:our|independent)\s+journalism\b.*|"
    r"(?:become|log\s+in|sign\s+in)\b.{0,40}\bsubscri\w+.*|(?:this\s+(?:article|story|content)\s+is\s+"
    r"(?:for|available\s+to|only\s+available\s+to)\s+)(?:subscribers|members)\b.*|"
    r"(?:unlock|get)\s+(?:unlimited|full|digital)\s+access\b.*)$",
    _I,
)
_SOCIAL = (r"(?:twitter|x|facebook|instagram|tiktok|threads|whatsapp|telegram|youtube|linkedin|snapchat|bluesky"
           r"|google\s+news|email|e-mail|messenger|reddit|pinterest|copy\s+link)")
_SHARE = re.compile(
    rf"^(?:share(?:\s+(?:this|the|on|via|to|full)\b.{{0,60}})?|share\s*:.*|share\s+or\s+comment\b.*|"
    rf"gift\s+(?:this\s+)?article|read\s+in\s+app|save\s+(?:this\s+)?(?:article|story)|{_SOCIAL}|"
    rf"follow\b.{{0,80}}\b(?:on|via)\s+{_SOCIAL}\b.*|follow\s+us\b.{{0,80}}|follow\s+@\w+.*|"
    rf"follow\s+.{{0,60}}\bcoverage\b.{{0,40}}\b(?:at|on)\b.*|"
    rf"(?:like\s+us|find\s+us)\s+on\s+{_SOCIAL}\b.*|join\s+(?:our|us\s+on)\b.{{0,40}}\b{_SOCIAL}\b.{{0,60}}|"
    rf"(?:{_SOCIAL}[\s,|•·/]*){{2,}}|print(?:\s+this\s+(?:article|page))?|"
    rf"(?:download|get)\s+(?:the|our)\b.{{0,40}}\bapp\b.{{0,60}})$",
    _I,
)
_COMMENTS = re.compile(
    r"^(?:comments?(?:\s*\(\d+\))?(?:\s*:\s*our\s+rules)?|\d+\s+comments?|(?:view|show|hide|load|read)\s+"
    r"(?:all\s+)?(?:\d+\s+)?comments?|leave\s+a\s+comment|post\s+a\s+comment|add\s+(?:a|your)\s+comment|"
    r"have\s+your\s+say\b.{0,80}|join\s+the\s+(?:conversation|discussion|debate)\b.{0,80}|"
    r"comment\s+on\s+this\s+(?:story|article)|we\s+want\s+our\s+comments\s+to\s+be\b.*|"
    r"comments\s+are\s+(?:closed|subject\s+to\s+moderation|welcome)\b.*|we\s+welcome\s+your\s+comments\b.*)\W*$",
    _I,
)
_PROMPT = re.compile(
    r"^(?:(?:click|tap)\s+(?:here|on\s+the\s+link|the\s+link)\b.*|"
    r"(?:got|have|do\s+you\s+have)\s+a\s+(?:news\s+)?(?:story|tip|news\s+tip)\b.{0,160}|"
    r"for\s+(?:the\s+)?(?:latest|more)\b.{0,60}\b(?:news|updates|stories|coverage)\b.{0,40}\b(?:visit|go\s+to|follow|download|click|sign\s+up|here)\b.*|"
    r"catch\s+all\s+the\b.*\bnews\b.*|stay\s+(?:updated|informed|up\s+to\s+date)\s+with\b.*|"
    r"(?:this\s+is\s+a\s+)?(?:developing|breaking)\s+(?:news\s+)?story\b.{0,60}|more\s+to\s+come\W*|"
    r"this\s+(?:story|article)\s+(?:will\s+be|is\s+being)\s+updated\b.*|we\s+pay\s+for\s+your\s+stories\b.*|"
    r"send\s+(?:us\s+)?your\s+(?:story\s+ideas|news\s+tips|stories)\b.*|track\s+latest\s+news\b.*|"
    r"to\s+report\s+a\s+(?:correction|typo)\b.*)$",
    _I,
)
_PROMPT_WITHIN = re.compile(r".{0,200}\b(?:click|tap)\s+here\b.{0,200}", _I)  # (lines with "click"/"tap")
# Photo captions with a label or a picture date: "Image caption, ...", "FILE PHOTO: ...",
# "Pictured: ...", "... Picture date: Tuesday May 3, 2022.".
_CAPTION_LABEL = re.compile(
    r"^(?:image|media|video|photo|picture)\s+(?:caption|source)\s*[,:]|^(?:caption|pictured|above|below|"
    r"top|main\s+(?:image|picture|photo)|inset|left|right|centre|center|file\s+(?:photo|picture|image)|"
    r"representative\s+image)\s*:|^\(?representa\w+\s+(?:image|photo|picture)\)?\W*$|^file\s+photo\b.{0,200}$|\bpicture\s+date\s*:|"
    r"\|\s*photo\s+credit\s*:",
    _I,
)
_AGENCY = (
    r"(?:getty(?:\s+images)?|afp|ap|reuters|pa(?:\s+(?:wire|images|media|archive))?|epa(?:-efe)?|"
    r"shutterstock|alamy|bloomberg|xinhua|ani|pti|ians|aap|sportsfile|inpho|nurphoto|sopa\s+images|"
    r"zuma(?:\s+press)?|rex|supplied|handout|file|nine|news\s?corp(?:\s+australia)?|"
    r"nca\s+newswire|the\s+canadian\s+press|cp|upi|anadolu(?:\s+agency)?|dpa|kyodo|imago|"
    r"associated\s+press|wire(?:image)?|pool|ht\s+photo|express\s+photo|special\s+arrangement|"
    r"youtube|facebook|instagram|twitter|x|screenshot|screengrab)"
)
# A labelled credit that ends a line: "(Image: Getty)", "Photo: Jane Doe/Reuters", "Credit: AP",
# "Picture: NCA NewsWire / Jane Doe", "Photograph: Jane Doe/The Irish Times".
_CREDIT_LABELLED = re.compile(
    r"(?:[(\[]\s*(?:image|images|photo|photos|picture|pic|photograph|credit|source|video|footage|"
    r"illustration|graphic)s?(?:\s+credit)?\s*:[^)\]]{1,80}[)\]]"
    r"|(?:^|[.!?”\"’]\s+|\s[|–—-]\s)(?:image|images|photo|photos|picture|pictures|pic|photograph|credit|"
    r"source|photo\s+credit|picture\s+credit|video|footage)s?\s*:\s*[^.!?]{1,80})\s*$",
    _I,
)
# An agency credit that ends a caption: "(AFP/Getty Images)", "(AP Photo/Jane Doe)",
# "Jane Doe/Reuters", "PA Wire/PA Images", "AFP via Getty Images", "Photo by Jane Doe".
_CREDIT_AGENCY = re.compile(
    r"(?:[(\[]\s*(?:[\w.'’ -]{0,40}/\s*)?" + _AGENCY + r"(?:\s+(?:photo|images?|pictures?|via\s+getty\s+images))?"
    r"(?:\s*/\s*[^)\]]{1,60})?\s*[)\]]"
    r"|(?:^|\s)[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s*/\s*(?:getty\s+images|reuters|afp|ap|pa\s+(?:wire|images)|"
    r"epa(?:-efe)?|shutterstock|alamy|bloomberg|sportsfile|inpho|nurphoto|aap(?:\s+image)?|"
    r"the\s+irish\s+times|the\s+guardian|the\s+times|the\s+age|smh|afr)"
    r"(?:\s*/\s*[\w.'’ -]{1,40})?"
    r"|\bvia\s+getty\s+images|\bpa\s+wire(?:\s*/\s*pa\s+images)?|\bphoto\s+by\s+[^.!?]{1,60})\s*$",
    _I,
)
_BARE_AGENCY = re.compile(r"[(\[]\s*" + _AGENCY + r"\s*[)\]]", _I)
_CREDIT_LINE = re.compile(
    r"^(?:[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|edited|written|compiled|produced|graphics|"
    r"research|translation)\s+by\b.{0,200}|"
    r"this\s+(?:story|article|report)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\b.*|"
    r"this\s+report\s+by\b.{0,60}\bwas\s+first\s+published\b.*|"
    r"(?:contact|reach|email)\s+(?:reporter\s+|the\s+writer\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+at\s+\S+@.*|"
    r"[(\[]?\s*with\s+(?:inputs|files|reporting)\s+from\b.{0,120}|"
    r"[(\[]?\s*with\s+(?:agency|pti|ani|ians|afp|ap|reuters)\s+inputs?\b.{0,40}|"
    r"[—–-]?\s*with\s+files\s+from\b.{0,120}|"
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}).{0,200}|"
    r"this\s+material\s+may\s+not\s+be\s+published\b.*|"
    r"\(?(?:except\s+for\s+the\s+headline,\s+)?this\s+(?:story|article|report)\s+has\s+not\s+been\s+edited\b.*|"
    r"credit\s*(?:\.{2,}|…)\s*.{1,80}|"
    r"[—–-]?\s*[(\[]?" + _AGENCY + r"[)\]]?\s*|"
    r"(?:image|photo|picture|pic|photograph|credit|source)s?\s*(?:credit)?\s*:.{0,80})$",
    _I,
)
# Credits worded anywhere in the line (tried only on lines holding "contributed" or "rights")
_CREDIT_WITHIN = re.compile(
    r".{0,120}\b(?:contributed|contributed\s+reporting)\s+to\s+this\s+(?:report|story|article)\W*|"
    r".{0,80}\bcontributed\s+reporting\W*|.{0,80}\ball\s+rights\s+reserved\b.*",
    _I,
)
# Update notices ("This article was amended on ...") and bare correction labels. A correction
# that states what was wrong ("Correction: An earlier version said ...") is kept: it is the
# paper's own corrected account and may report what someone said.
_CORRECTION = re.compile(
    r"^(?:(?:correction|clarification)s?(?:\s+appended)?\W*|\*?\s*this\s+(?:article|story|piece|report)\s+"
    r"(?:was|has\s+been)\s+(?:amended|updated|corrected|edited|changed)\b.*)$",
    _I,
)
_BYLINE = re.compile(
    r"^(?:[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|\||and|&)\s*[A-Z][\w.'’ -]{0,40}){0,3}"
    r"|(?i:published|updated|supported\s+by)"
    r"|(?i:(?:published|updated|last\s+updated|posted|first\s+published|modified)\s*(?:on|at)?\s*[:|-]?\s*"
    r".{0,60}\d.{0,40}|\d+\s+min(?:ute)?s?\s+read))$",
    re.UNICODE,
)
_FOOTER = re.compile(
    r"^(?:top\s+stories|latest(?:\s+(?:news|stories|videos?))?|trending(?:\s+now)?|most\s+(?:read|popular|viewed|"
    r"shared)(?:\s+in\s+\w+(?:\s+\w+)?)?|explore\s+more\s+on\s+these\s+topics|reuse\s+this\s+content|"
    r"our\s+standards\b.*|disclaimer\s*:.*|more\s+in\s+this\s+section|"
    r"support\s+\S+(?:\s+\S+)?\s+journalism\b.*|readers\s+like\s+you\b.*|a\s+version\s+of\s+this\s+article\s+appears\s+in\s+print\b.*|"
    r"the\s+(?:associated\s+press|ap)\s+(?:receives\s+support|is\s+solely\s+responsible)\b.*|popular(?:\s+now)?|in\s+other\s+news|elsewhere\s+on\s+\w+|(?:more|other)\s+top\s+stories|"
    r"tags?|topics?|filed\s+under|terms\s+(?:of\s+use|and\s+conditions)|privacy\s+policy|contact\s+us|"
    r"about\s+us|cookie\s+(?:policy|settings)|"
    r"this\s+website\s+and\s+its\s+associated\s+newspaper\b.*|"
    r"if\s+you\s+have\s+a\s+complaint\s+about\s+the\s+editorial\s+content\b.*|"
    r"our\s+journalism\s+(?:depends|relies)\b.*|report\s+an\s+(?:error|issue|inaccuracy)|"
    r"(?:tags|topics|filed\s+under)\s*:.*)\W*$",
    _I,
)
# Embedded posts: "pic.twitter.com/...", "— Name (@handle) May 3, 2022", Instagram furniture.
_EMBED = re.compile(
    r"pic\.twitter\.com/|\bt\.co/\w|(?:twitter|x)\.com/\w+/status/|"
    r"^[—–-]\s*.{1,60}\(@\w{1,20}\)\s+(?:\w+\s+\d{1,2},?|\d{1,2}\s+\w+)\s+\d{4}|^.{0,80}\(@\w{1,20}\)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$|"
    r"^view\s+this\s+post\s+on\s+(?:instagram|facebook|tiktok)|^a\s+post\s+shared\s+by\b|"
    r"^(?:a\s+)?tweet\s+(?:from|by)\b|^posted\s+by\s+.{1,60}\s+on\s+\w+day,|"
    r"^(?:this|the)\s+(?:tweet|post|embed)\s+(?:is|was|has\s+been)\s+(?:unavailable|deleted|removed)",
    _I,
)
# Mathematical bold/italic letters: styled social-media text, never newspaper copy.
# Emoji, arrows and bullets that dress up a prompt ("📣 Follow us on ..."), skipped when matching.
_DECORATION = re.compile(r"^[^\w\s(\[\"“‘'@#©—–-]+\s*")
# A caption label on a line of its own ("Image:"): the caption is the next line.
_CAPTION_ABOVE = re.compile(r"(?:image|photo|picture|pic|caption|photograph)s?\s*:", _I)
_STYLED = re.compile(r"[\U0001D400-\U0001D7FF]")
_EMOJI = re.compile(r"[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF]")
_HANDLE_OR_TAG = re.compile(r"(?:^|\s)[@#]\w{2,}|https?://")

_EXPLICIT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("embed", _EMBED),
    ("read-more", _TEASER),
    ("read-more", _CAPS_TEASER),
    ("advert", _ADVERT),
    ("share", _SHARE),
    ("newsletter", _NEWSLETTER),
    ("newsletter", _NEWSLETTER_WITHIN),
    ("subscribe", _SUBSCRIBE),
    ("comments", _COMMENTS),
    ("prompt", _PROMPT),
    ("prompt", _PROMPT_WITHIN),
    ("media", _MEDIA),
    ("caption", _CAPTION_LABEL),
    ("credit", _CREDIT_LINE),
    ("credit", _CREDIT_WITHIN),
    ("caption", _CREDIT_LABELLED),
    ("caption", _CREDIT_AGENCY),
    ("byline", _BYLINE),
    ("correction", _CORRECTION),
    ("footer", _FOOTER),
)

# Patterns that must match the whole line (``fullmatch``) versus anywhere (``search``).
_SEARCHED = {id(_EMBED), id(_CAPTION_LABEL), id(_CREDIT_LABELLED), id(_CREDIT_AGENCY)}
# Cheap tests on the lower-cased line that a pattern could match at all (most lines are article
# copy): every searched pattern has one, and the fullmatched patterns that scan the whole line.
_MAY_MATCH = {
    id(_EMBED): lambda low: "twitter" in low or "t.co/" in low or "x.com/" in low or "(@" in low
    or "post" in low or "tweet" in low,
    id(_CAPTION_LABEL): lambda low: ":" in low or "," in low[:16] or low.startswith(("represent", "(represent")),
    id(_CREDIT_LABELLED): lambda low: ":" in low[-100:],
    id(_CREDIT_AGENCY): lambda low: low[-1:] in ")]" or "/" in low[-100:] or "getty" in low or "wire" in low
    or "photo by" in low,
    id(_NEWSLETTER_WITHIN): lambda low: "inbox" in low or "sign" in low,
    id(_PROMPT_WITHIN): lambda low: "click" in low or "tap" in low,
    id(_CREDIT_WITHIN): lambda low: "contributed" in low or "rights" in low,
}
# The explicit rules as the loop reads them: (reason, pattern, searched, cheap test or None)
_RULES = tuple((reason, pattern, id(pattern) in _SEARCHED, _MAY_MATCH.get(id(pattern)))
               for reason, pattern in _EXPLICIT)
# Prompts worded like furniture but able to open a real sentence: never a line reporting speech.
_GUARDED = {"newsletter", "subscribe", "share", "prompt", "media", "comments", "byline", "correction"}

# Long lines are article copy whatever they start with; explicit rules stop at this length
# except for captions and credits, which are recognised by how they end.
_MAX_EXPLICIT_WORDS = 45

# --- shape rules ---------------------------------------------------------------------------

# A line "ends" if its last character (after closing quotes/brackets) is one of these.
_FINAL = frozenset(".!?…:;,—–")
_CLOSERS = frozenset("\"'”’»)]")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]|(?:^|\s)[‘']|[’'](?:\s|$)")
# Reported speech is never dropped on shape alone: a paragraph that merely lost its full stop.
_SPEECH = re.compile(
    r"\b(?:said|says|told|tells|added|asked|announced|stated|insisted|claimed|warned|explained|noted|"
    r"according\s+to|confirmed|denied|urged)\b",
    _I,
)
# What a photo caption says: people doing something in the picture, or where they stand in it.
_CAPTION_VERBS = (
    "speak arrive pose walk hold attend leave gesture wave celebrate visit sit stand meet talk "
    "address watch react look smile greet hug embrace shake kick score lift raise sign deliver "
    "unveil tour inspect gather queue wait march protest survey carry lay mourn cheer pray cross "
    "sprays spray fight clear"
).split()
_CAPTION_CUE = re.compile(
    r"\b(?:pictured|photographed|seen\s+(?:here|at|in|with|during|on)|file\s+(?:photo|image)|"
    r"\((?:left|right|centre|center|top|bottom|inset|second\s+(?:left|right)|l|r|c)\)|"
    r",\s*(?:left|right|centre|center)\s*,|left\s+to\s+right|from\s+left|"
    r"(?:" + "|".join(_CAPTION_VERBS) + r")(?:s|es|ing)?)\b"
    # "Members of the association at the complex on Tuesday": a picture dated by its day
    r"|\b(?:on|last)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?$"
    r"|\bin\s+(?:19|20)\d\d$",
    _I,
)
# A line that stops on one of these was cut mid-sentence (a link or a page break), not a caption.
_DANGLING = re.compile(
    r"\b(?:a|an|the|and|or|but|of|to|in|on|at|for|from|with|by|as|that|which|who|is|are|was|were|"
    r"be|has|have|had|his|her|its|their|our|this|these|those|into|than|not|very)$",
    _I,
)
# A teaser label standing alone ("READ MORE", "Related Topics", "Top Stories"): headlines follow.
_BARE_LABEL = re.compile(r"[^\W\d_][\w’' ]{0,30}:?")
# "The Northern Echo: Diane Bointon with her mother": a caption prefixed with the site's name.
_OUTLET_LABEL = re.compile(r"(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}:\s+\S")
_LIST_START = re.compile(r"^(?:[-–—•*·▪●]|\d{1,2}[.)]|[a-z][.)])\s")
_WORD = re.compile(r"\w[\w'’.-]*")

SUBHEAD_WORDS = 8  # a short unpunctuated line: sub-heading, section label, teaser headline
CAPTION_WORDS = 30  # the longest caption recognised by its shape and wording
TRUNCATED_WORDS = 15  # the longest cut-off last line dropped without other evidence
HEADLINE_WORDS = 20  # the longest unpunctuated first line taken for the headline


@dataclass
class _Line:
    start: int
    end: int
    text: str
    words: int
    ends: bool  # ends with closing punctuation
    reason: str | None = None


_LINE = re.compile(r"[^\r\n\u2028\u2029]+")


def find_leftovers(text: str) -> list[Excluded]:
    """Excluded spans (whole lines, offsets into ``text``) with the reason each was excluded."""
    lines = _lines(text)
    if not lines:
        return []
    for line in lines:
        line.reason = _explicit_reason(line)
    _mark_promotions(lines)
    _mark_embedded_posts(lines)
    _mark_labelled_captions(lines)
    if _one_paragraph_per_line(lines):
        _mark_by_shape(lines)
    return [Excluded(line.start, line.end, line.reason) for line in lines if line.reason]


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        words = len(_WORD.findall(stripped))
        lines.append(_Line(start, start + len(stripped), stripped, words, _ends(stripped)))
    return lines


def _ends(line: str) -> bool:
    """True when the line closes with punctuation (looking inside closing quotes/brackets)."""
    i = len(line) - 1
    while i >= 0 and line[i] in _CLOSERS:
        if line[i] in "\"”’'»":
            return True  # a closing quotation mark: the paragraph ends with speech
        i -= 1
    return i >= 0 and line[i] in _FINAL


def _explicit_reason(line: _Line) -> str | None:
    text = _DECORATION.sub("", line.text)
    low = text.lower()
    speech = None
    for reason, pattern, searched, may_match in _RULES:
        if searched:
            if line.words > CAPTION_WORDS + 15 or not may_match(low):  # type: ignore[misc]  # (every searched one has a test)
                continue
            match = pattern.search(text)
        elif line.words <= _MAX_EXPLICIT_WORDS and (may_match is None or may_match(low)):
            match = pattern.fullmatch(text)
        else:
            continue
        if not match:
            continue
        bare_agency = pattern is _CREDIT_AGENCY and _BARE_AGENCY.fullmatch(match.group().strip())
        if bare_agency and _ends(text[: match.start()].rstrip()):
            continue  # "... the ban. [Reuters]": the source of a news brief, not a caption
        if reason in _GUARDED or bare_agency:
            if speech is None:
                speech = bool(_SPEECH.search(text))
            if speech:
                continue
        return reason
    if _STYLED.search(text):
        return "embed"
    return None


def _mark_promotions(lines: list[_Line]) -> None:
    """Mark a newsletter box from its opening to its closing marker."""
    for i, line in enumerate(lines):
        if not _PROMO_OPEN.fullmatch(line.text):
            continue
        box = lines[i : i + PROMO_LINES + 2]
        end = next((j for j, other in enumerate(box) if j and _PROMO_CLOSE.fullmatch(other.text)), None)
        for other in box[: (end or 0) + 1]:
            other.reason = "newsletter"


def _mark_labelled_captions(lines: list[_Line]) -> None:
    for line, following in zip(lines, lines[1:], strict=False):
        if (line.reason and not following.reason and following.words <= CAPTION_WORDS + 10
                and _CAPTION_ABOVE.fullmatch(line.text)
                and not (_SPEECH.search(following.text) and _QUOTE_MARKS.search(following.text))):
            line.reason = following.reason = "caption"


def _mark_embedded_posts(lines: list[_Line]) -> None:
    """The text of an embedded post sits just above its signature or picture link."""
    for i, line in enumerate(lines):
        if line.reason != "embed" or i == 0:
            continue
        prev = lines[i - 1]
        if prev.reason or prev.words > 60 or _SPEECH.search(prev.text) or _QUOTE_MARKS.search(prev.text):
            continue  # a paragraph reporting the post ("X tweeted: ...") is article copy
        if not prev.ends or _EMOJI.search(prev.text) or _HANDLE_OR_TAG.search(prev.text):
            prev.reason = "embed"


def _one_paragraph_per_line(lines: list[_Line]) -> bool:
    """False for hard-wrapped text, where long lines regularly stop mid-sentence."""
    long_lines = [line for line in lines if line.words >= 10 and not line.reason]
    open_ended = sum(not line.ends for line in long_lines)
    return open_ended < 3 or open_ended / len(long_lines) <= 0.3


def _mark_by_shape(lines: list[_Line]) -> None:
    last = len(lines) - 1
    while last >= 0 and lines[last].reason:
        last -= 1
    after_teaser = False
    for i, line in enumerate(lines):
        if line.reason:
            # Lines under a bare "READ MORE" / "Related" label are the teaser headlines.
            after_teaser = line.reason in ("read-more", "footer") and _BARE_LABEL.fullmatch(line.text) is not None
            continue
        prev = lines[i - 1] if i else None
        following = lines[i + 1] if i < len(lines) - 1 else None
        reason: str | None
        if i == 0 and _is_headline(line, following):
            reason = "headline"
        else:
            reason = _shape_reason(line, prev, following, i == last, after_teaser)
        line.reason = reason
        after_teaser = after_teaser and reason is not None


def _is_headline(line: _Line, following: _Line | None) -> bool:
    """A first line with no closing punctuation, even one reporting speech (``Mayor says ...``),
    is the headline; headlines are not quotations."""
    text = line.text
    return (not line.ends and 3 <= line.words <= HEADLINE_WORDS and following is not None
            and not text[:1].islower() and not following.text[:1].islower()
            and not _QUOTE_MARKS.search(text) and not _DANGLING.search(text))


def _open_quote(text: str) -> bool:
    """The line opens a quotation it never closes (it was cut off inside it)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _shape_reason(line: _Line, prev: _Line | None, following: _Line | None, is_last: bool,
                  after_teaser: bool) -> str | None:
    if line.ends:
        return None
    text = line.text
    if after_teaser and line.words <= CAPTION_WORDS:
        return "read-more"
    if is_last:
        if _SPEECH.search(text) or (_QUOTE_MARKS.search(text) and not _open_quote(text)):
            return None  # a last paragraph that merely lost its full stop
        if line.words <= TRUNCATED_WORDS:
            return "truncated" if line.words > 4 or text[:1].islower() else "footer"
        # A longer cut-off line goes only when it stops on a dangling word and reports no speech.
        if line.words <= CAPTION_WORDS and _DANGLING.search(text) and not (
            _SPEECH.search(text) or _QUOTE_MARKS.search(text)
        ):
            return "truncated"
        return None
    if following is not None and following.text[:1].islower():
        return None  # the sentence goes on in the next line
    if _QUOTE_MARKS.search(text) or _LIST_START.match(text) or text[:1].islower() or _DANGLING.search(text):
        return None
    if prev is not None and not prev.reason and prev.text.endswith(":"):
        return None  # a list or a continuation introduced by the line above
    if _SPEECH.search(text):
        return None
    if line.words <= SUBHEAD_WORDS:
        return "subhead"
    if line.words <= CAPTION_WORDS and (_CAPTION_CUE.search(text) or _OUTLET_LABEL.match(text)):
        return "caption"
    return None
