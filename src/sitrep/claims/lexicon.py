"""The words attribution is built from: cue verbs with their stance, and speaker words.

The cue lexicon is written by hand from the reporting verbs of English news (say, tell, claim,
deny, assess...). Inflected forms are generated here because a blank pipeline has no lemmatizer;
with a trained pipeline the lemma is used as well.
"""

from __future__ import annotations

# stance -> base forms. "statement" is the neutral default of reporting.
CUE_VERBS: dict[str, tuple[str, ...]] = {
    "statement": (
        "say", "tell", "add", "announce", "state", "declare", "explain", "note", "write", "tweet",
        "post", "report", "reply", "respond", "answer", "confirm", "acknowledge", "admit", "insist",
        "argue", "stress", "emphasize", "emphasise", "warn", "caution", "recall", "remark", "comment",
        "observe", "continue", "point", "mention", "reveal", "disclose", "concede", "testify",
        "predict", "promise", "pledge", "vow", "urge", "suggest", "indicate", "describe", "call",
        "ask", "repeat", "reiterate", "agree", "contend", "maintain", "complain", "boast", "quip",
        "joke", "recount", "tout", "show", "find", "conclude", "signal", "propose", "demand",
        "relate", "specify", "clarify", "assert", "affirm", "threaten", "assure", "echo", "imply",
        "unveil", "reaffirm", "retweet",
    ),
    "allegation": (
        "allege", "accuse", "claim", "charge", "blame", "contend", "assert", "suspect",
    ),
    "denial": (
        "deny", "reject", "dismiss", "refute", "dispute", "rebut", "contradict", "disavow",
        "repudiate",
    ),
    "assessment": (
        "assess", "believe", "think", "judge", "conclude", "expect", "fear", "consider", "doubt",
        "suspect", "worry", "hope", "feel", "calculate", "forecast", "project", "reckon", "understand",
    ),
    "estimate": ("estimate",),
}

# Verbs of stance and intention (support, want, criticise): PARC-style attribution counts them,
# and they report a party's position. They stand as statements, and only with a named source
# directly before them.
ATTITUDE_VERBS: tuple[str, ...] = (
    "support", "back", "endorse", "oppose", "criticize", "criticise", "praise", "want", "plan",
    "seek", "refuse", "decline", "defend", "attack", "slam", "blast", "mock", "thank", "applaud",
    "condemn", "denounce", "welcome", "question", "challenge", "hail", "lament", "decry", "cite",
    "prefer", "favor", "favour", "discuss", "express", "voice", "tout", "highlight", "outline",
    "invoke", "cheer", "salute", "lambast", "ridicule", "dismiss", "recommend", "advocate",
    "intend", "aim", "wish", "lash", "push", "press", "demand", "reference", "brag", "scold",
    # communication (Levin's verbs of speaking, telling, naming and describing)
    "speak", "talk", "discuss", "address", "shout", "yell", "chant", "scream", "whisper", "cry",
    "read", "share", "release", "issue", "list", "name", "refer", "quote", "term",
    "dub", "label", "brand", "characterize", "characterise", "portray", "frame", "paint", "depict",
    "compare", "liken", "advise", "encourage", "remind", "notify", "reassure", "convince",
    "persuade", "invite", "beg", "plead", "appeal", "implore", "order", "instruct", "file",
    "submit", "swear", "certify", "offer", "float", "raise", "focus", "target", "bemoan",
    "congratulate", "commend", "credit", "fault", "forgive", "excuse", "embrace", "vote",
    # cognition and emotion
    "know", "learn", "discover", "hear", "see", "watch", "realize", "realise", "recognize",
    "recognise", "remember", "forget", "imagine", "figure", "guess", "assume", "presume",
    "suppose", "speculate", "wonder", "hate", "dislike", "dread", "enjoy",
    "admire", "respect", "trust", "distrust", "care", "regret", "appreciate", "resent", "seem",
    "appear", "ignore", "avoid", "struggle", "try", "hesitate", "agree", "disagree", "accept",
    "love", "assail", "rail", "deem",
)

ATTITUDE_BASES = frozenset(ATTITUDE_VERBS) - {b for bases in CUE_VERBS.values() for b in bases}
# Confidence of a claim whose cue is a verb of stance or cognition: it reports a position or a
# state of mind, which readers of a situation picture may want to filter out.
ATTITUDE_CONFIDENCE = 0.5

# Irregular inflections: base -> (3rd person, past, past participle, gerund).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thought", "thinking"),
    "find": ("finds", "found", "found", "finding"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "understand": ("understands", "understood", "understood", "understanding"),
    "show": ("shows", "showed", "shown", "showing"),
    "forecast": ("forecasts", "forecast", "forecast", "forecasting"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "read": ("reads", "read", "read", "reading"),
    "know": ("knows", "knew", "known", "knowing"),
    "hear": ("hears", "heard", "heard", "hearing"),
    "see": ("sees", "saw", "seen", "seeing"),
    "forget": ("forgets", "forgot", "forgotten", "forgetting"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "learn": ("learns", "learned", "learned", "learning"),
    "seek": ("seeks", "sought", "sought", "seeking"),
    "cry": ("cries", "cried", "cried", "crying"),
    "hold": ("holds", "held", "held", "holding"),
    "plan": ("plans", "planned", "planned", "planning"),
    "slam": ("slams", "slammed", "slammed", "slamming"),
    "target": ("targets", "targeted", "targeted", "targeting"),
    "refer": ("refers", "referred", "referred", "referring"),
    "lash": ("lashes", "lashed", "lashed", "lashing"),
    "echo": ("echoes", "echoed", "echoed", "echoing"),
}

# Multi-word cues, lower-case token sequences, with their stance.
PHRASE_CUES: dict[tuple[str, ...], str] = {
    ("according", "to"): "statement",
    ("pointed", "out"): "statement",
    ("points", "out"): "statement",
    ("point", "out"): "statement",
    ("made", "clear"): "statement",
    ("made", "it", "clear"): "statement",
    ("makes", "it", "clear"): "statement",
    ("make", "it", "clear"): "statement",
    ("in", "the", "words", "of"): "statement",
}

# Prepositions that belong to a cue verb, which PARC-style attribution counts as part of the cue
# ("called for", "talked about", "pointed to", "agreed with"): base -> prepositions.
_ABOUT = ("about",)
CUE_PARTICLES: dict[str, tuple[str, ...]] = {
    "call": ("for",), "ask": ("for", "about"), "push": ("for",), "press": ("for",),
    "argue": ("for", "against"), "advocate": ("for",), "appeal": ("for", "to"), "plead": ("for",),
    "vote": ("for", "against"), "warn": ("against", "about"), "caution": ("against",),
    "speak": ("about", "out", "to", "of"), "talk": ("about", "to"), "write": _ABOUT, "joke": _ABOUT,
    "complain": _ABOUT, "worry": _ABOUT, "think": _ABOUT, "care": _ABOUT, "know": _ABOUT,
    "hear": _ABOUT, "learn": _ABOUT, "testify": _ABOUT, "boast": _ABOUT, "brag": _ABOUT,
    "refer": ("to",), "point": ("to",), "respond": ("to",), "reply": ("to",), "object": ("to",),
    "react": ("to",), "agree": ("with",), "disagree": ("with",), "side": ("with",),
    "comment": ("on",), "focus": ("on",), "insist": ("on",), "weigh": ("in",),
    "lash": ("out",), "reach": ("out",), "cry": ("out",), "rail": ("against",),
}

# Cues that report a view without naming whose it is: raising verbs ("Trump seemed to ...",
# "the fallout appears significant") and passives of belief and report ("Obama is expected to
# join", "he is said to have", "it was reported that"). PolNeAR counts them as attributions
# without a source; their content is the subject with the rest of the clause.
RAISING_CUES = frozenset({"seem", "appear"})
SPEAKERLESS_PASSIVES = frozenset({
    "expect", "believe", "think", "say", "report", "rumor", "rumour", "know", "consider",
    "presume", "suppose", "project", "estimate", "predict", "understand", "assume", "allege",
    "fear", "forecast",
})

# Cue verbs whose object is the addressee or medium ("told WSJ that"), not the content.
ADDRESSEE_CUES = frozenset({"tell", "warn", "ask", "urge", "remind", "assure", "inform", "brief", "promise"})

# Cues too ambiguous to stand without a clausal complement or a quote ("Police found a body").
NEEDS_COMPLEMENT = frozenset({
    "show", "find", "call", "point", "continue", "describe", "expect", "hope", "fear", "feel",
    "judge", "consider", "calculate", "project", "understand", "signal", "propose", "demand",
    "add", "charge", "report", "post", "answer", "ask", "agree", "observe", "relate", "suspect",
    "accuse", "blame", "reject", "dismiss", "dispute", "threaten", "worry", "doubt", "maintain",
    "state", "predict", "promise", "pledge", "vow", "urge", "indicate", "reveal", "confirm",
    "acknowledge", "admit", "mention", "repeat", "specify", "clarify", "conclude", "think",
    "believe", "estimate", "assess", "warn", "declare", "claim", "announce",
})

# Cues that report nothing without "that", a quote or a colon, even after a named speaker
# ("Trump continued to rise", "she spoke at the rally", "he raised money").
STRICT_COMPLEMENT = frozenset({
    "continue", "speak", "talk", "raise", "address", "state", "comment", "try", "appear", "seem",
    "post", "file", "issue", "release", "order", "watch", "hold", "read",
    # with a noun object these report acts, not claims: declared war, pledged allegiance
    "declare", "pledge",
})
# Passive cues read with their agent ("has been denied by Washington"); other verbs in the
# passive report acts ("was acknowledged by the leadership").
PASSIVE_CUES = frozenset({"deny", "reject", "dismiss", "dispute", "refute", "allege", "claim", "accuse", "report", "confirm", "say", "state"})

# Words that may stand between an auxiliary and the cue verb and belong to the cue ("has also said").
CUE_ADVERBS = frozenset({
    "also", "later", "previously", "earlier", "repeatedly", "often", "once", "then", "further",
    "recently", "publicly", "privately", "reportedly", "again", "long", "never", "already",
    "flatly", "strongly", "firmly", "quickly", "separately", "initially", "subsequently", "since",
    "just", "first", "last", "still", "allegedly", "widely", "openly", "explicitly", "specifically",
    "now", "even", "always", "frequently", "routinely", "personally",
})

AUXILIARIES = frozenset({
    "has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would",
    "could", "can", "may", "might", "should", "must", "'s", "’s", "'ve", "’ve", "'d", "’d", "did",
    "does", "do",
})

PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "you"})
THING_PRONOUNS = frozenset({"it", "they"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUBJECT_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | {"who", "which"}

DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "some", "many", "several", "most", "all", "both", "other", "another", "each", "few",
    "two", "three", "four", "five", "no", "one", "any", "such", "more", "multiple", "numerous",
})

# Words that end a noun phrase scanned leftwards from a cue: clause links and prepositions.
NP_STOPS = frozenset({
    "and", "or", "but", "because", "while", "when", "if", "as", "after", "before", "since",
    "though", "although", "than", "so", "yet", "then", "where", "whether", "until", "unless",
    "in", "on", "at", "to", "with", "by", "from", "into", "about", "over", "under", "against",
    "during", "without", "through", "between", "among", "across", "toward", "towards", "via",
    "not", "is", "was", "are", "were", "be", "been", "has", "have", "had", "do", "does", "did",
    "will", "would", "could", "should", "may", "might", "must", "can", "said", "says", "told",
    "that", "what", "who", "which", "also", "there", "here", "now", "even", "only", "just",
    "however", "meanwhile", "instead", "still", "yes", "no",
})

# Lower-case nouns that name a source: officials, reports, bodies.
SPEAKER_NOUNS = frozenset({
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
    "report", "reports", "statement", "statements", "study", "survey", "poll", "polls", "analysis",
    "analyst", "analysts", "expert", "experts", "source", "sources", "witness", "witnesses",
    "resident", "residents", "police", "ministry", "government", "army", "military", "group",
    "groups", "community", "agency", "monitors", "observers", "diplomat", "diplomats", "leader",
    "leaders", "commander", "commanders", "minister", "ministers", "president", "authorities",
    "activists", "activist", "lawmakers", "lawmaker", "senator", "campaign", "committee",
    "council", "office", "department", "investigators", "prosecutors", "prosecutor", "judge",
    "court", "document", "documents", "assessment", "estimate", "estimates", "data", "figures",
    "members", "member", "people", "person", "officer", "officers", "aide", "aides", "adviser",
    "advisers", "advisor", "advisors", "organisation", "organization", "paper", "newspaper",
    "website", "militants", "rebels", "fighters", "insurgents", "soldiers", "troops",
    "critics", "supporters", "voters", "americans", "democrats", "republicans", "doctors",
    "medics", "staff", "researchers", "scientists", "journalists", "reporters", "correspondent",
    "relatives", "family", "families", "villagers", "locals", "mayor", "governor", "chief",
    "head", "director", "secretary", "envoy", "ambassador", "representative", "representatives",
    "candidate", "nominee", "negotiators", "mediators", "intelligence", "administration",
    "spokesmen", "spokeswomen", "polling", "pollster", "pollsters", "attorney", "attorneys",
    "lawyer", "lawyers", "economist", "economists", "strategist", "strategists", "consultant",
    "consultants", "operative", "operatives", "delegate", "delegates", "donor", "donors",
    "firm", "company", "network", "campaigns", "studies", "surveys", "memo", "filing",
    "filings", "lawsuit", "complaint", "ruling", "letter", "editorial", "article", "column",
})

# Addressees of "told": reporters, news outlets, bodies, read as the claim's medium.
MEDIUM_WORDS = frozenset({
    "reporters", "journalists", "congress", "parliament", "lawmakers", "senators", "the",
    "press", "media", "television", "radio", "audience", "crowd", "supporters", "committee",
})

# Month and weekday names and small words that are capitalised but do not start a speaker name.
NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "but", "and", "in", "on", "at", "the", "a", "an", "as", "after",
    "when", "while", "if", "this", "that", "it", "he", "she", "they", "we", "i", "so", "yet",
    "meanwhile", "however", "still", "also", "then", "now", "last", "earlier", "later",
})


def _inflect(base: str) -> tuple[str, ...]:
    """Regular English inflections of a verb: 3rd person, past, gerund."""
    if base in IRREGULAR:
        return IRREGULAR[base]
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    elif base in {"admit", "regret", "refer", "commit", "rebut", "quip"}:
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return (third, past, past, ing)


def _build_forms() -> tuple[dict[str, str], dict[str, str]]:
    """Map every inflected form to its base and every base to its stance."""
    stance_of: dict[str, str] = {}
    form_to_base: dict[str, str] = {}
    # later groups win: "claim" is an allegation even though it is also a kind of statement
    for stance, bases in [("statement", ATTITUDE_VERBS), *CUE_VERBS.items()]:
        for base in bases:
            stance_of[base] = stance
            for form in (base, *_inflect(base)):
                form_to_base[form] = base
    return form_to_base, stance_of


FORM_TO_BASE, STANCE_OF = _build_forms()
# statement wins for a few verbs listed twice where news use is mostly neutral
for _base in ("contend", "assert", "conclude"):
    STANCE_OF[_base] = "statement"
STANCE_OF["suspect"] = "assessment"


def cue_base(word: str, lemma: str = "") -> str | None:
    """The base form of a cue verb, from the lemma when the pipeline has one, else the form."""
    low = word.lower()
    if lemma and lemma.lower() in STANCE_OF and low in FORM_TO_BASE:
        return lemma.lower()
    return FORM_TO_BASE.get(low)


def stance(base: str) -> str:
    """The stance a cue verb gives its claim: statement, allegation, denial, assessment, estimate."""
    return STANCE_OF.get(base, "statement")
