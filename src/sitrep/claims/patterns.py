"""Attributions found by patterns over tokens: the cue, then the speaker and content around it.

This finder needs only tokens (sentences come from `segment.py`), so it runs the same on a blank
pipeline and on a trained one; where the Doc has a parse, `parsed.py` adds the attributions these
patterns miss. Lemmas and entity labels are used where present.

The shapes it reads, for a cue verb V with its auxiliaries and adverbs ("has also said"):

- X V (that) CONTENT / X V MEDIUM (that) CONTENT ("Nabil told WSJ that ...")
- X V: “QUOTE” / X V, “QUOTE”
- “QUOTE,” X V / “QUOTE,” V X[, ROLE] / CONTENT, X V. / CONTENT, V X[, ROLE].
- NAME, ROLE, V ...                     (the role goes to `Attribution.role`)
- CONTENT has been V-ed by X            ("The claim has been denied by Washington")
- according to X, CONTENT / CONTENT, according to X
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitrep.claims.adjectives import adjective_attributions
from sitrep.claims.attribution import Attribution, positions_in
from sitrep.claims.lexicon import (
    ADDRESSEE_CUES,
    ATTITUDE_BASES,
    ATTITUDE_CONFIDENCE,
    ATTITUDE_VERBS,
    AUXILIARIES,
    CUE_ADVERBS,
    CUE_PARTICLES,
    DETERMINERS,
    FORM_TO_BASE,
    NEEDS_COMPLEMENT,
    NOT_NAMES,
    NP_STOPS,
    PASSIVE_CUES,
    PERSON_PRONOUNS,
    PHRASE_CUES,
    RAISING_CUES,
    SPEAKER_NOUNS,
    SPEAKERLESS_PASSIVES,
    STANCE_OF,
    STRICT_COMPLEMENT,
    SUBJECT_PRONOUNS,
    cue_base,
    stance,
)
from sitrep.claims.media import medium_after
from sitrep.claims.nouns import noun_attributions
from sitrep.claims.phrases import (
    QUOTE_CHARS,
    TIME_WORDS,
    apposition_after,
    apposition_before,
    capitalised,
    is_age,
    is_role,
    phrase_left,
    phrase_left_any,
    phrase_right,
    subject_at,
    token_chars,
)
from sitrep.claims.quotes import Quote, find_quotes_cached
from sitrep.claims.segment import sentences
from sitrep.pipeline.doc import text_of

END_PUNCT = frozenset({".", "!", "?", ";", ":", "…"})
PASSIVE_AUX = frozenset({"been", "was", "were", "is", "are", "be", "being"})
NEGATIONS = frozenset({"not", "n't", "never", "’t"})
# Content shorter than this (in characters) is a fragment, not a claim ("said no" is one).
MIN_CONTENT_CHARS = 2
# Words that open a phrase of time or place between a cue and its "that" ("said on Thursday that").
CIRCUMSTANCE_OPENERS = frozenset({"on", "in", "at", "during", "before", "after", "last", "this", "earlier", "to", "while", "late", "early"})
# Longest such phrase: beyond it, "that" belongs to something else.
MAX_CIRCUMSTANCE_TOKENS = 12
# Share of capitalised long words that makes a line a headline.
HEADLINE_SHARE = 0.7
# A speaker before a colon longer than this is a sentence, not a name ("Bernie Sanders:").
MAX_COLON_SPEAKER = 5
# Words that open an indirect question after "asked".
QUESTION_OPENERS = frozenset({"whether", "if", "about", "how", "what", "why", "who", "when", "where", "which"})
# Words that end a subject scanned leftwards from a raising cue ("..., and Trump is expected to").
CLAUSE_LINKS = frozenset({"and", "but", "while", "when", "because", "if", "though", "although", "as", "so", "since", "whereas", "or", "yet", "where"})
# Punctuation that may sit inside a subject.
NAME_PUNCT_SUBJECT = frozenset({"-", "'s", "’s", ".", "–"})
# A subject longer than this is not one the scan can trust.
MAX_SUBJECT_TOKENS = 12
# One-word labels before a colon that name no speaker.
COLON_LABELS = frozenset({
    "byline", "wow", "remember", "update", "updated", "note", "watch", "related", "photos", "photo",
    "video", "exclusive", "breaking", "source", "sources", "editor", "caption", "credit", "dateline",
    "headline", "correction", "warning", "read", "see", "also", "summary", "abstract", "topics",
})
# Words that tie a gerund cue to its clause's verb ("by saying", "pivoted to arguing").
GERUND_LINKS = frozenset({"by", "to", "of", "after", "before", "while", "for", "without", "about", "in", "on", "from", "when", "since"})
# Cues whose to-infinitive reports an intention or a position ("pledged to bring").
INTENTION_CUES = frozenset({"pledge", "promise", "vow", "threaten", "urge", "demand", "propose", "agree", "expect", "hope", "decline", "refuse"})
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself"})
# Cue forms that are verbs after a quantifier ("Some say", "One in five said"), nouns only after
# an article or a possessive ("have a say").
PLAIN_VERB_FORMS = frozenset({"said", "say", "says", "told", "believe", "think", "thought", "want", "wanted"})
ARTICLES = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"})
# Longest relative clause between a subject and its cue ("officials whose laws were struck down say").
MAX_RELATIVE_TOKENS = 14
# Words after a comma that open the writer's own clause, ending an indirect content.
TAIL_OPENERS = frozenset({"but", "while", "though", "although", "whereas"})
# Nouns of findings that make "in" a cue ("in a new Fox News poll, Trump leads").
# Discourse adverbials set off by commas after a subject ("Humphrey, for example, said").
DISCOURSE_ASIDES = frozenset({
    "for example", "for instance", "for its part", "for his part", "for her part", "for their part",
    "for one", "however", "too", "meanwhile", "in turn", "though", "in fact", "of course",
    "by contrast", "in contrast", "on the other hand", "in response", "likewise", "similarly",
    "instead", "therefore", "in particular", "at least", "indeed", "nonetheless", "nevertheless",
    "moreover", "also", "meantime", "in the meantime", "again", "once again", "still", "then",
    "as well", "ultimately", "initially", "later", "earlier", "separately", "privately", "publicly",
})
MAX_DISCOURSE_TOKENS = 5
# Prepositions that open a modifier of a speaker's head noun ("officials with the campaign").
MODIFIER_PREPOSITIONS = frozenset({"of", "with", "from", "in", "at", "for", "on", "to", "among", "within", "inside", "close"})
# Adjectives that take a preposition inside a speaker phrase ("familiar with", "privy to").
MODIFIER_ADJECTIVES = frozenset({"familiar", "privy", "close", "loyal", "opposed", "sympathetic", "allied", "affiliated", "involved"})
# Nouns of a venue: "Clinton in a statement said" puts no modifier on the speaker.
VENUE_NOUNS = frozenset({
    "statement", "interview", "speech", "rally", "debate", "conference", "call", "tweet", "post",
    "letter", "email", "appearance", "event", "hearing", "briefing", "video", "ad", "op-ed",
    "remarks", "address", "session", "meeting", "show", "broadcast", "podcast", "memo",
})
# Words of quantity that head a share of a group ("half of those polled", "most in the party").
SHARE_WORDS = frozenset({"half", "third", "thirds", "quarter", "majority", "most", "many", "some", "all", "few", "several", "none", "both", "each", "one", "two", "three"})
# Forms of speech verbs that report a claim even where the shapes above find no speaker
# (train split of PolNeAR: more than half of such unread forms are attributions).
FALLBACK_FORMS = frozenset({
    "said", "says", "say", "told", "tells", "saying", "asked", "announced", "declared",
    "declaring", "reported", "revealed", "stated", "claimed", "wrote", "noting", "noted",
    "arguing", "argued", "argues", "warned", "acknowledged", "explained", "explains",
    "explaining", "predicted", "insisting", "insisted", "confirmed", "vowed", "stressed",
    "suggested", "thinks", "showed", "endorsed", "described", "talked", "calling",
})
MAX_PREFIX_SOURCE_TOKENS = 30
# Words that open a clause whose subject follows them ("it turns out that the bureau asked").
SUBORDINATORS = frozenset({"while", "whereas", "when", "after", "because", "though", "although", "that", "but", "since", "if", "as", "before", "until", "unless"})
# Adverbs that mark a clause as hearsay of an unnamed source.
HEARSAY_ADVERBS = frozenset({"reportedly", "purportedly", "supposedly"})
# Words that open a counted phrase after a comma ("..., at least 21,000 said", "nearly a third").
PHRASE_OPENERS = frozenset({"at", "about", "nearly", "almost", "roughly", "around", "more", "fewer", "just", "only", "over", "some", "most"})
# Longest rest of a cue's sentence between two halves of one quotation.
MAX_QUOTE_GAP_CHARS = 120
FINDINGS_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "polling"})
# Longest stretch from "in" to its findings noun.
MAX_DOCUMENT_TOKENS = 9
# Stops for the source after "according to": a participle or clause starts after the source.
ACCORDING_STOPS = frozenset({"which", "who", "that", "released", "published", "issued", "seen", "obtained", "cited", "quoted"})


PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _words in PHRASE_CUES:
    PHRASES_BY_FIRST.setdefault(_words[0], []).append(_words)


@dataclass(frozen=True)
class Cue:
    start: int  # first token, auxiliaries included
    end: int  # after the last token
    verb: int  # the cue verb (or the first word of a phrase cue)
    base: str
    negated: bool = False  # "did not say", "has never claimed"


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions a Doc's tokens show, in text order, one per cue."""
    quotes = find_quotes_cached(doc)
    found: list[Attribution] = []
    nouns: list[Attribution] = []
    for sent in sentences(doc):
        colon = _colon_attribution(doc, sent)
        if colon is not None:
            found.append(colon)
            continue
        shared: tuple[int, int] | None = None
        first = len(found)
        for cue in find_cues(doc, sent, quotes):
            att = attribute(doc, sent, cue, quotes, shared) or _fallback(doc, sent, cue, quotes, shared)
            if att is not None:
                att.negated = cue.negated
                found.append(att)
                # a second verb shares a speaker of a verb, not of "according to"
                shared = att.source if cue.base != "according to" else shared
        _cut_at_next_attribution(doc, found[first:])
        nouns.extend(noun_attributions(doc, sent))
        nouns.extend(adjective_attributions(doc, sent))
        nouns.extend(_hearsay_adverbs(doc, sent))
    _join_broken_quotes(doc, found, quotes)
    if nouns:
        found = sorted(found + [n for n in nouns if not any(_nested(n, att) for att in found)], key=lambda a: a.cue[0])
    return [a for a in found if not _weak_inside(a, found) and not _inside_source(a, found)]


def _weak_inside(att: Attribution, found: list[Attribution]) -> bool:
    """A weak cue (stance, cognition, no source) inside another claim's content is part of what
    that claim reports ("told the Times that Carter believes ..."), not a claim of its own."""
    if att.confidence > ATTITUDE_CONFIDENCE:
        return False
    return any(o is not att and o.content[0] <= att.cue[0] < o.content[1] for o in found)


def _hearsay_adverbs(doc: Doc, sent: Span) -> list[Attribution]:
    """"He reportedly made ISIS-sympathetic comments": an adverb of hearsay marks its clause as
    reported by someone unnamed; the cue is the adverb, the content the rest of the sentence."""
    found = []
    for i in positions_in(doc, "hearsay", HEARSAY_ADVERBS, sent.start, sent.end):
        tok = doc[i]
        start = _text_start(doc, sent)
        last = sent.end - 1
        while last > tok.i and (doc[last].text in END_PUNCT or doc[last].is_space):
            last -= 1
        end = doc[last].idx + len(doc[last].text)
        if end - start < MIN_CONTENT_CHARS or last <= tok.i:
            continue
        found.append(
            Attribution(cue=token_chars(doc, tok.i, tok.i + 1), content=(start, end), source=None, base="report", kind="statement", confidence=ATTITUDE_CONFIDENCE)
        )
    return found


def _inside_source(att: Attribution, found: list[Attribution]) -> bool:
    """"78 percent of voters in a recent poll said ...": a cue inside another claim's speaker is
    part of that speaker's description, not an attribution of its own."""
    if att.base != "in" and att.confidence > ATTITUDE_CONFIDENCE:
        return False
    return any(o is not att and o.base != "in" and o.source and o.source[0] <= att.cue[0] and att.cue[1] <= o.source[1] for o in found)


def _nested(noun: Attribution, att: Attribution) -> bool:
    """Whether a noun's attribution lies inside (or across) a verb's: each word has one attribution."""
    spans = [att.cue, att.content] + ([att.source] if att.source else [])
    return any(s[0] < noun.content[1] and noun.cue[0] < s[1] for s in spans)


def _join_broken_quotes(doc: Doc, found: list[Attribution], quotes: list[Quote]) -> None:
    """“A,” he said. “B.”: a quotation broken by its cue goes on after the speaker, so the claim's
    content runs from the first half's opening mark to the second half's closing mark (the cue
    lies inside). The second half must follow in the same paragraph, close without a comma (“B,”
    would open a new attribution) and be the content of no other attribution."""
    text = text_of(doc)
    for k, att in enumerate(found):
        if not att.direct or att.content[1] > att.cue[0]:
            continue
        tail = max(att.cue[1], att.source[1] if att.source else 0)
        nxt = next((q for q in quotes if q.start >= tail), None)
        if nxt is None or not _continues_quote(text[tail : nxt.start]):
            continue
        if "\n" in text[tail : nxt.start] and text[nxt.end :].lstrip(" \t\xa0")[:1] not in {"\n", ""}:
            continue  # a quotation opening the next paragraph goes on the speaker's words only if it fills it
        if text[nxt.end - 2 : nxt.end - 1] == "," or text[nxt.end - 3 : nxt.end - 2] == ",":
            continue
        if any(o.content[0] < nxt.end and nxt.start < o.content[1] for o in found[k + 1 :]):
            continue
        att.content = (att.content[0], nxt.end)


def _continues_quote(between: str) -> bool:
    """Whether the text between a cue's speaker and the next quotation lets that quotation go on
    the speaker's words: nothing but punctuation, or the rest of the cue's sentence ("said at a
    rally in Evansville last month.", "said during a debate.") closed by a full stop or a comma,
    in the same paragraph, with no colon that would introduce someone else's words."""
    if "\n" in between:
        # news style: "“A,” he said.\n\n“B.”" -- the next paragraph's quotation is still his
        head, _, rest = between.partition("\n")
        return not rest.strip() and "\n" not in head and _continues_quote(head) and head.rstrip()[-1:] in {".", ""}
    if len(between) > MAX_QUOTE_GAP_CHARS:
        return False
    core = between.strip(" .,:;—\t")
    if not core:
        return True
    return between.rstrip()[-1:] in {".", ","} and not any(c in between for c in ':;"“”«»') and not core.endswith(("'", "’"))


def _cut_at_next_attribution(doc: Doc, atts: list[Attribution]) -> None:
    """End a content where the sentence's next attribution begins after a comma or dash:
    "X said A, adding that B", "that his members tilt Republican, he estimated that ..."."""
    text = text_of(doc)
    for att in atts:
        if att.content[0] < att.cue[0] or att.direct:
            continue
        for other in atts:
            begin = other.cue[0]
            if other.source and att.content[0] < other.source[0] < begin:
                begin = other.source[0]
            if att.content[0] < begin < att.content[1]:
                before = text[att.content[0] : begin].rstrip()
                words = before.rsplit(None, 1)
                if len(words) == 2 and words[1] in {"and", "but"} and other.source == att.source:
                    before = words[0] + ","  # "X praised A and said B": the same speaker's next verb
                if before.endswith((",", "—", ";", "–")):
                    end = att.content[0] + len(before.rstrip(",—;– "))
                    if end - att.content[0] >= MIN_CONTENT_CHARS:
                        att.content = (att.content[0], end)
                    break


def find_cues(doc: Doc, sent: Span, quotes: list[Quote]) -> list[Cue]:
    """Cue verbs and cue phrases of a sentence, outside quotations."""
    cues: list[Cue] = []
    headline = _is_headline(sent)
    i = sent.start
    while i < sent.end:
        cue = _phrase_cue(doc, i, sent.end) or _verb_cue(doc, i, sent, headline)
        if cue is not None and not _inside_quote(doc[i].idx, quotes):
            cues.append(cue)
            i = cue.end
        else:
            i += 1
    return cues


def _phrase_cue(doc: Doc, i: int, end: int) -> Cue | None:
    if doc[i].lower_ == "in" and _document_follows(doc, i + 1, end) and not _follows_cue(doc, i):
        return Cue(start=i, end=i + 1, verb=i, base="in")
    for words in PHRASES_BY_FIRST.get(doc[i].lower_, ()):
        if i + len(words) <= end and tuple(t.lower_ for t in doc[i : i + len(words)]) == words:
            base = " ".join(words) if words[0] in {"according", "in"} else FORM_TO_BASE.get(words[0], words[0])
            return Cue(start=_aux_start(doc, i), end=i + len(words), verb=i, base=base)
    return None


def _follows_cue(doc: Doc, i: int) -> bool:
    """"said in a poll", "leads in the polls": "in" after a verb is a venue or a place, not a cue."""
    return i > 0 and (doc[i - 1].lower_ in FORM_TO_BASE or doc[i - 1].lower_ in {"lead", "leads", "leading", "led", "ahead", "behind", "up", "down", "slipped", "trails", "trailing"})


def _document_follows(doc: Doc, i: int, end: int) -> bool:
    """"in a new Fox News poll", "in most surveys": a poll or survey whose findings the sentence
    reports. The preposition is then a cue of its own (PolNeAR's "in" with the poll as source)."""
    if i >= end or doc[i].lower_ not in DETERMINERS - {"that", "this"} | {"the", "a", "an"}:
        return False
    for j in range(i + 1, min(i + MAX_DOCUMENT_TOKENS, end)):
        tok = doc[j]
        if tok.lower_ in FINDINGS_NOUNS:
            return True
        if tok.is_punct and tok.text not in {"-", "/", "'s", "’s"} or tok.lower_ in NP_STOPS:
            return False
    return False


def _is_headline(sent: Span) -> bool:
    """A title-cased line ("Glenn Beck Blasts Drudge"), where a capitalised verb is still a verb."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(capitalised(t) for t in words) >= HEADLINE_SHARE * len(words)


def _verb_cue(doc: Doc, i: int, sent: Span, headline: bool = False) -> Cue | None:
    tok = doc[i]
    base = cue_base(tok.text, tok.lemma_) or _unlisted_cue(doc, i, sent)
    if base is None:
        return None
    # tags of a small trained pipeline are too often wrong on these verbs to veto them
    if _looks_like_noun(doc, i, sent, headline):
        return None
    start = _aux_start(doc, i)
    # "did not say": still an attribution (who, what), but one the speaker did not make
    negated = any(t.lower_ in NEGATIONS for t in doc[max(start - 1, sent.start) : i])
    while negated and start > sent.start and (doc[start - 1].lower_ in NEGATIONS or doc[start - 1].lower_ in AUXILIARIES):
        start -= 1  # the cue is "did not say", "has never claimed"
    end = i + 1
    if end < sent.end and doc[end].lower_ in CUE_PARTICLES.get(base, ()):
        end += 1  # "called for", "talked about": the preposition is part of the cue
    return Cue(start=start, end=end, verb=i, base=base, negated=negated)


def _unlisted_cue(doc: Doc, i: int, sent: Span) -> str | None:
    """A verb outside the lexicon that takes a that-clause ("conceded that", "lamented that"):
    a lower-case past or present form right before "that", after a word that can end a subject."""
    tok = doc[i]
    if not (tok.is_lower and tok.is_alpha and len(tok) > 4 and tok.lower_.endswith(("ed", "es"))):
        return None
    if i + 1 >= sent.end or doc[i + 1].lower_ != "that" or i == sent.start:
        return None
    prev = doc[i - 1]
    if not (capitalised(prev) or prev.lower_ in PERSON_PRONOUNS | {"they"} or prev.lower_ in SPEAKER_NOUNS or prev.lower_ in AUXILIARIES | CUE_ADVERBS):
        return None
    return tok.lower_


def _looks_like_noun(doc: Doc, i: int, sent: Span, headline: bool = False) -> bool:
    """Without tags: "the report said", "a claim", "Trump's call" use a cue form as a noun."""
    before = doc[i - 1].lower_ if i > sent.start else ""
    if before in {"'s", "’s"} or (before in DETERMINERS - {"that"} and not (doc[i].lower_ in PLAIN_VERB_FORMS and before not in ARTICLES)):
        return True  # "the report", "her claims"; but "Some say", "One in three said" are verbs
    if i + 1 < sent.end and doc[i + 1].lower_ in FORM_TO_BASE and doc[i].lower_ not in {"said", "told"}:
        return True
    if i + 1 < sent.end and doc[i + 1].lower_ == "of" and doc[i].lower_.endswith("s"):
        return True  # "estimates of its strength", "reports of fighting"
    base = FORM_TO_BASE.get(doc[i].lower_, "")
    if i + 1 < sent.end and doc[i].lower_ == base and base in ATTITUDE_BASES and doc[i + 1].lower_ in {"for", "of"} and doc[i + 1].lower_ not in CUE_PARTICLES.get(base, ()):
        return True  # "government support for research", "plan for the city": a noun
    if base == "find" and i + 1 < sent.end and doc[i + 1].lower_ in REFLEXIVES:
        return True  # "found itself at the centre": a finding of no one's
    # inside a name (in running text; a headline capitalises its verbs too)
    return not headline and capitalised(doc[i]) and i > sent.start and not doc[i - 1].is_punct


def _manner_adverb(tok: Token) -> bool:
    """"hysterically", "publicly": an -ly adverb right before the verb belongs to the cue."""
    return tok.lower_.endswith("ly") and tok.is_lower and len(tok) > 4 and tok.lower_ not in {"only", "early", "family", "ally", "rally"}


def _aux_start(doc: Doc, i: int) -> int:
    """The first token of the cue: auxiliaries and adverbs chained before the verb belong to it."""
    start = i
    while start > 0 and (doc[start - 1].lower_ in AUXILIARIES or doc[start - 1].lower_ in CUE_ADVERBS or _manner_adverb(doc[start - 1])):
        start -= 1
    # an auxiliary with nothing of the verb's own before it is the source's verb ("who has said")
    return start


def attribute(
    doc: Doc, sent: Span, cue: Cue, quotes: list[Quote], shared: tuple[int, int] | None = None, *, gerund_object: bool = False
) -> Attribution | None:
    """Speaker and content of one cue, or None when the shape is not an attribution.

    shared: the source (characters) of the sentence's previous attribution, which a second verb
    ("..., but said", "..., adding") takes as its own.
    """
    if cue.base in {"according to", "in"}:
        return _according_to(doc, sent, cue)
    if _is_passive(doc, cue, sent):
        return _passive(doc, sent, cue)
    speakerless = _speakerless(doc, sent, cue, quotes)
    if speakerless is not None:
        return speakerless
    if any(t.lower_ in PASSIVE_AUX for t in doc[cue.start : cue.verb]) and not doc[cue.verb].lower_.endswith("ing"):
        return None  # "The report was published", "X was criticised": the subject is not the speaker
    floor, ceiling = sent.start, sent.end
    source, role = (None, None) if _gerund_after_comma(doc, cue) else _source_left(doc, cue, floor)
    if source is not None and not gerund_object and _gerund_after_object(doc, cue, source, floor):
        subject = _clause_subject(doc, sent, Cue(start=source[0] - 1, end=source[0], verb=source[0] - 1, base=cue.base))
        if subject is not None:  # "Trump and Ryan issued a statement describing ...": Trump and Ryan
            return _with_source(attribute(doc, sent, cue, quotes, None, gerund_object=True), subject)
    medium, after = medium_after(doc, cue.end, ceiling, addressee=cue.base in ADDRESSEE_CUES)
    after = _skip_to_that(doc, after, ceiling, addressee=cue.base in ADDRESSEE_CUES)
    content_left = False
    if source is None and not doc[cue.verb].lower_.endswith("ing") and _after_content(doc, cue.start, floor, quotes):
        source = phrase_right(doc, after, ceiling)
        if source is not None:
            source = (source[0], _place_tail(doc, source[1], ceiling))
            role_span = apposition_after(doc, source[1], ceiling)
            if role_span is not None and (_ends_sentence(doc, role_span[1], ceiling) or doc[role_span[1]].text == ","):
                role = role_span
                source = (source[0], role_span[1])
            if not (
                _ends_sentence(doc, _skip_time(doc, source[1], ceiling), ceiling)
                or _relative_follows(doc, source[1], ceiling)
                or _quote_with_comma_before(doc, cue.start, quotes)
            ):
                source = None  # "..., said the report that ..." is not "..., said X."
            else:
                source = (source[0], _asides_to_end(doc, source[1], ceiling))
                after = source[1]
                content_left = True
    elif source is not None:
        content_left = (
            _ends_sentence(doc, _skip_time(doc, after, ceiling), ceiling) and _after_content(doc, source[0], floor, quotes)
        ) or (_quote_with_comma_before(doc, source[0], quotes) and not _complement_follows(doc, after, ceiling))
        if content_left and _quote_follows(doc, after, ceiling) and not _quote_with_comma_before(doc, source[0], quotes):
            content_left = False  # "Asked if ..., Ryan said, “...”": the quotation is the content
    source_chars = token_chars(doc, *source) if source else _shared_source(doc, sent, cue, shared)
    if source_chars is None and source is None and not content_left and _gerund_after_word(doc, cue, floor):
        source_chars = _clause_subject(doc, sent, cue)  # "Obama punctuated his list by saying ..."
    if source_chars is None:
        return None
    if content_left:
        content = _content_before(doc, sent, min(source[0], cue.start), quotes)  # type: ignore[index]
    else:
        content = _trim_tail(doc, _content_after(doc, sent, after, quotes))
        if content is not None and source is not None and _parenthetical(doc, sent, source[0], after, quotes):
            content = (_text_start(doc, sent), content[1])  # "The plan, he said, would cost billions."
        strong = _strong_source(doc, source) or (source is None and source_chars is not None)
        if content is not None and not (_complement_ok(doc, cue, content) or (strong and cue.base not in STRICT_COMPLEMENT)):
            return None
        if cue.base in ATTITUDE_VERBS and not strong:
            return None  # "a pre-emptive attack": verbs of stance are often nouns
    if content is None:
        return None
    direct = _opens_quote(text_of(doc), content[0])
    return Attribution(
        cue=token_chars(doc, cue.start, cue.end),
        content=content,
        source=source_chars,
        base=cue.base,
        kind=stance(cue.base),
        role=doc[role[0] : role[1]].text if role else None,
        medium=medium,
        direct=direct,
        confidence=_confidence(cue.base, direct),
    )


def _fallback(doc: Doc, sent: Span, cue: Cue, quotes: list[Quote], shared: tuple[int, int] | None) -> Attribution | None:
    """A plain reporting verb the shapes above could not read ("Sam Solovey, a contestant on ...,
    who went on to work with Trump, said ...", "went on to say", "Trump\xa0said"): speech verbs in
    these forms report a claim far more often than not, so the claim is kept with a best-effort
    speaker (the clause's subject, or the words from the clause's start to the cue) and a lower
    confidence."""
    verb = doc[cue.verb]
    if verb.lower_ not in FALLBACK_FORMS or cue.verb != cue.start or cue.end != cue.verb + 1:
        return None  # auxiliaries ("was told", "has said") and particles have their own readings
    if any(t.lower_ in NEGATIONS for t in doc[max(cue.start - 2, sent.start) : cue.start]):
        return None
    after_dash = cue.start > sent.start and doc[cue.start - 1].text in {"—", "–", "-"}
    if not verb.lower_.endswith("ing") and not after_dash and _after_content(doc, cue.start, sent.start, quotes):
        if cue.base in ADDRESSEE_CUES:
            return None  # "…, his top aide told The Huffington Post": what follows is the addressee
        source = _inverted_rest(doc, sent, cue)  # "…, said X, a Y that Z." with a long aside
        content = _content_before(doc, sent, cue.start, quotes) if source else None
    else:
        content = _trim_tail(doc, _content_after(doc, sent, cue.end, quotes))
        second = verb.lower_.endswith("ing") or (cue.start > sent.start and doc[cue.start - 1].lower_ in {"and", "but"})
        if second:  # ", saying ...", "... and said": the clause's subject
            source = _shared_source(doc, sent, cue, shared) or _clause_subject(doc, sent, cue) or _prefix_source(doc, sent, cue)
        else:
            source = _prefix_source(doc, sent, cue) or _clause_subject(doc, sent, cue)
    if source is None or content is None:
        return None
    return Attribution(
        cue=token_chars(doc, cue.start, cue.end),
        content=content,
        source=source,
        base=cue.base,
        kind=stance(cue.base),
        direct=_opens_quote(text_of(doc), content[0]),
        confidence=ATTITUDE_CONFIDENCE,
    )


def _dash_aside_start(doc: Doc, start: int, end: int, cue_start: int) -> int | None:
    """"Many speakers — including Muslims, Christians and Jews — said": the opening dash of an
    aside closed right before the cue, whose commas are no clause boundaries."""
    if end >= cue_start or doc[end].text not in {"—", "–", "-"}:
        return None
    return next((i for i in range(end - 1, start, -1) if doc[i].text in {"—", "–"} or _spaced_dash(doc, i)), None)


def _last_clause_start(doc: Doc, start: int, end: int) -> int:
    """Where the speaker's own clause begins in the words before a cue: after the last comma,
    dash or clause link ("On Tuesday at X, Gov. John Kasich said", "..., while another says"),
    unless what follows reads as an apposition or a relative clause of the phrase before it."""
    for i in range(end - 2, start - 1, -1):
        tok = doc[i]
        link = tok.lower_ in SUBORDINATORS
        if tok.text not in {",", "—", "–"} and not link and not _spaced_dash(doc, i):
            continue
        nxt = i + 1
        while nxt < end and doc[nxt].is_space:
            nxt += 1
        if nxt >= end:
            continue
        first = doc[nxt]
        if link and first.lower_ not in {"who", "whose", "which"}:
            return nxt  # "..., although history says": the subordinate clause's own subject
        if first.lower_ in {"who", "whose", "which", "including", "a", "an"} or (tok.text in {",", "—", "–"} and first.is_lower and first.lower_ not in DETERMINERS | PHRASE_OPENERS):
            return start  # an aside of the phrase before: the whole run is the speaker
        if capitalised(first) or first.lower_ in DETERMINERS | PHRASE_OPENERS or first.like_num or first.lower_ in SUBJECT_PRONOUNS:
            return nxt
        return start
    return start


def _inverted_rest(doc: Doc, sent: Span, cue: Cue) -> tuple[int, int] | None:
    """The speaker after an inverted cue, with all its asides to the sentence's end."""
    name = phrase_right(doc, cue.end, sent.end)
    if name is None:
        return None
    last = sent.end - 1
    while last > name[1] and (doc[last].text in END_PUNCT or doc[last].is_space or doc[last].text in QUOTE_CHARS):
        last -= 1
    end = max(name[1], last + 1)
    stop = next((i for i in range(name[1], end - 1) if doc[i].text == "," and doc[i + 1].lower_ in CLAUSE_LINKS), None)
    if stop is not None:
        end = stop  # "…, said Howard, but her character …": the writer's own clause follows
    if end - cue.end > MAX_PREFIX_SOURCE_TOKENS or any(t.text in QUOTE_CHARS for t in doc[cue.end : end]):
        return None
    return token_chars(doc, cue.end, end)


def _prefix_source(doc: Doc, sent: Span, cue: Cue) -> tuple[int, int] | None:
    """The words from the sentence's start to the cue as its speaker, when they read as one long
    subject: no quotation, not too long, starting with a word that can open a noun phrase."""
    start = sent.start
    while start < cue.start and (doc[start].is_space or doc[start].lower_ in CLAUSE_LINKS | {"so", "still", "yet", "now"}):
        start += 1
    end = cue.start
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in {",", "—", "–", "-"}):
        end -= 1
    if end <= start or end - start > MAX_PREFIX_SOURCE_TOKENS:
        return None
    span = doc[start:end]
    if any(t.text in QUOTE_CHARS or t.text in {";", ":"} for t in span):
        return None
    aside = _dash_aside_start(doc, start, end, cue.start)
    start = _last_clause_start(doc, start, aside if aside is not None else end)
    if doc[end - 1].lower_ in {"to", "and", "but", "then"}:  # "Trump was not willing to say", "X met Y and said"
        subject = subject_at(doc, start, end)
        return token_chars(doc, *subject) if subject else None
    first = doc[start]
    if not (capitalised(first) or first.lower_ in DETERMINERS or first.like_num or first.lower_ in SUBJECT_PRONOUNS):
        return None
    return token_chars(doc, start, end)


def _gerund_after_object(doc: Doc, cue: Cue, source: tuple[int, int], floor: int) -> bool:
    """"issued a statement saying", "put out an ad calling": a gerund after the object of a verb
    reports what the clause's subject said; the object is no speaker."""
    if not doc[cue.verb].lower_.endswith("ing") or source[0] <= floor:
        return False
    before = doc[source[0] - 1]
    return before.is_lower and before.is_alpha and before.lower_ not in NP_STOPS | DETERMINERS


def _with_source(att: Attribution | None, source: tuple[int, int]) -> Attribution | None:
    if att is not None:
        att.source = source
        att.role = None
    return att


def _speakerless(doc: Doc, sent: Span, cue: Cue, quotes: list[Quote]) -> Attribution | None:
    """Attributions whose text names no source: "Trump seemed to ...", "Obama is expected to
    join ...", "it was reported that ...", "Asked whether ..., Ryan said" (the question)."""
    verb = doc[cue.verb].lower_
    nxt = doc[cue.end].lower_ if cue.end < sent.end else ""
    passive = any(t.lower_ in PASSIVE_AUX for t in doc[cue.start : cue.verb]) and verb != cue.base
    if cue.base == "ask" and verb == "asked" and (_participle_opening(doc, sent, cue) or (passive and nxt in QUESTION_OPENERS | {"by"})):
        return _question(doc, sent, cue)
    raising = cue.base in RAISING_CUES and not verb.endswith("ing")
    if not ((passive and cue.base in SPEAKERLESS_PASSIVES and nxt in {"to", "that"}) or raising):
        return None
    if nxt == "that" or (raising and nxt in {"as", "like", ",", ".", ""}):
        if nxt != "that":
            return None  # "as it appears", "it seems." report nothing
        start = cue.end  # "it was reported that X": the content is the clause
    else:
        start = _clause_subject_start(doc, sent, cue.start)
        if start is None:
            return None
    end = _trim_tail(doc, _content_after(doc, sent, cue.end, quotes))
    if end is None:
        return None
    return Attribution(
        cue=token_chars(doc, cue.start, cue.end),
        content=(doc[start].idx, end[1]),
        source=None,
        base=cue.base,
        kind=stance(cue.base),
        confidence=ATTITUDE_CONFIDENCE,
    )


def _participle_opening(doc: Doc, sent: Span, cue: Cue) -> bool:
    """"Asked whether ...", "When asked about ...": a participle clause, not "X asked"."""
    before = [t for t in doc[sent.start : cue.start] if not t.is_space]
    if before and before[-1].lower_ not in {"when", "if", "after", "once", "being", ",", "but", "and", "while"}:
        return False
    return cue.end < sent.end and doc[cue.end].lower_ in QUESTION_OPENERS | CUE_ADVERBS | {"specifically", "by"}


def _question(doc: Doc, sent: Span, cue: Cue) -> Attribution | None:
    """The question of "Asked whether X, Ryan said ...": from after the cue to the next comma;
    "asked by Ingraham about X" names the asker as the source."""
    source = None
    start = cue.end
    if start < sent.end and doc[start].lower_ == "by":
        source = phrase_right(doc, start + 1, sent.end)
        if source is None:
            return None
        start = source[1]
    end = start
    while end < sent.end and doc[end].text not in {",", ";", ":", "?"} and doc[end].text not in QUOTE_CHARS:
        end += 1
    if end - start < 2 or (end == sent.end and source is None and not _ends_sentence(doc, end - 1, sent.end)):
        return None
    while end > start and doc[end - 1].text in END_PUNCT:
        end -= 1
    return Attribution(
        cue=token_chars(doc, cue.start, cue.end),
        content=token_chars(doc, start, end),
        source=token_chars(doc, *source) if source else None,
        base=cue.base,
        kind="statement",
        confidence=ATTITUDE_CONFIDENCE,
    )


def _clause_subject_start(doc: Doc, sent: Span, cue_start: int) -> int | None:
    """First token of the subject before a raising cue: back to the clause's start (a comma, a
    conjunction, the sentence's start), at most MAX_SUBJECT_TOKENS away."""
    start = cue_start
    while start > sent.start and cue_start - start < MAX_SUBJECT_TOKENS:
        tok = doc[start - 1]
        if tok.is_space or (tok.is_punct and tok.text not in NAME_PUNCT_SUBJECT) or tok.lower_ in CLAUSE_LINKS:
            break
        start -= 1
        if tok.lower_ in {"which", "who", "that"}:
            break  # "which is expected to draw": the relative pronoun opens the content
    if start == cue_start or (cue_start - start >= MAX_SUBJECT_TOKENS and start > sent.start):
        return None
    return start


def _parenthetical(doc: Doc, sent: Span, source_start: int, after: int, quotes: list[Quote]) -> bool:
    """"A, he said, B": a speaker and cue set off by commas inside the content, which runs on both
    sides (PARC joins the two halves; the claim's content spans both, the cue inside)."""
    if source_start <= sent.start or doc[source_start - 1].text != "," or after >= sent.end or doc[after].text != ",":
        return False
    if _quote_ending_at(text_of(doc), doc[source_start].idx, quotes) is not None:
        return False  # a quotation before: "“A,” he said, “B”" is joined as a quotation
    nxt = doc[after + 1] if after + 1 < sent.end else None
    return nxt is not None and nxt.lower_ not in {"that", "adding", "saying"} and nxt.text not in QUOTE_CHARS and source_start - 1 > sent.start


def _trim_tail(doc: Doc, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """End an indirect content before a comma that opens a new clause of the writer's own:
    ", but ...", ", while ...", ", saying ..." (a second cue of the same speaker)."""
    if content is None or _opens_quote(text_of(doc), content[0]):
        return content
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return content
    for tok in span[1:-1]:
        if tok.text != ",":
            continue
        nxt = doc[tok.i + 1]
        if nxt.lower_ in TAIL_OPENERS or (nxt.is_lower and nxt.lower_.endswith("ing") and nxt.lower_ in FORM_TO_BASE) or _new_clause(doc, tok.i + 1):
            if _inside_quote(tok.idx, find_quotes_cached(doc)):
                continue
            end = tok.idx
            return (content[0], end) if end - content[0] >= MIN_CONTENT_CHARS else content
    return content


def _place_tail(doc: Doc, end: int, ceiling: int) -> int:
    """"says political scientist Dossym Satpayev in Almaty.": a place or body closing the
    sentence after an inverted speaker belongs to it (capitalised words after in/of/at/from)."""
    if end >= ceiling or doc[end].lower_ not in {"in", "of", "at", "from", "with"}:
        return end
    j = end + 1
    if j < ceiling and doc[j].lower_ == "the":
        j += 1
    start = j
    while j < ceiling and (capitalised(doc[j]) or doc[j].text in {".", "-", "&", "'s", "’s"} and j > start) and doc[j].text not in END_PUNCT - {"."}:
        j += 1
    while j > start and doc[j - 1].text == ".":
        j -= 1
    return j if j > start and _ends_sentence(doc, j, ceiling) else end


def _new_clause(doc: Doc, i: int) -> bool:
    """", and the army ...", ", and he ...": "and" opening a clause with its own subject."""
    if i + 1 >= len(doc) or doc[i].lower_ != "and":
        return False
    nxt = doc[i + 1]
    return nxt.lower_ in SUBJECT_PRONOUNS - {"who", "which"} or nxt.lower_ in {"the", "a", "an"}


def _asides_to_end(doc: Doc, end: int, ceiling: int) -> int:
    """Extend an inverted speaker over the asides that close its sentence: "..., said Dean Baker,
    co-director of X, a liberal think tank." / "said Cruz, who had introduced ...". A relative
    clause runs to the sentence's end; other asides must read as roles."""
    j = end
    while j + 1 < ceiling and doc[j].text == ",":
        stop = j + 1
        relative = doc[stop].lower_ in {"who", "whose", "whom"}
        while stop < ceiling and not _aside_stop(doc[stop], relative):
            stop += 1
        if stop == j + 1 or not (relative or is_role(doc[j + 1 : stop]) or is_age(doc[j + 1 : stop])):
            break
        j = stop
    return j if j == end or _ends_sentence(doc, j, ceiling) or doc[j].text in QUOTE_CHARS else end


def _aside_stop(tok: Token, relative: bool) -> bool:
    if tok.text in QUOTE_CHARS or tok.text in {";", ":", ".", "!", "?"} or (tok.is_space and "\n" in tok.text):
        return True
    return tok.text == "," and not relative


def _gerund_after_word(doc: Doc, cue: Cue, floor: int) -> bool:
    """A gerund cue hanging on the clause's verb through a word ("by saying", "spent the day
    portraying", "pivoted to arguing"), whose speaker is the clause's subject."""
    return cue.start > floor and doc[cue.verb].lower_.endswith("ing") and doc[cue.start - 1].lower_ in GERUND_LINKS


def _shared_source(doc: Doc, sent: Span, cue: Cue, shared: tuple[int, int] | None) -> tuple[int, int] | None:
    """The source of a verb that has none of its own: "X said A, adding B"; "X admitted A but said B"."""
    if cue.start <= sent.start:
        return None
    prev = doc[cue.start - 1].lower_
    gerund = doc[cue.verb].lower_.endswith("ing")
    if not (prev in {"and", "but"} or (prev in {",", "—", "”", '"'} and gerund)):
        return None
    if shared is not None:
        return shared
    return _clause_subject(doc, sent, cue)


def _clause_subject(doc: Doc, sent: Span, cue: Cue) -> tuple[int, int] | None:
    """The subject of the clause a gerund or second verb hangs on, without a parse: of the phrases
    opening the sentence or following one of its commas, the last one followed by a verb-like word
    ("In Salem, New Hampshire, Trump went after Bush, calling him ...": Trump)."""
    starts = [sent.start] + [i + 1 for i in range(sent.start, cue.start - 1) if doc[i].text == ","]
    for start in reversed(starts):
        while start < cue.start and doc[start].is_space:
            start += 1
        if start >= cue.start:
            continue
        subject = subject_at(doc, start, cue.start)
        if subject is not None and _subject_then_verb(doc, subject[1], cue.start):
            return token_chars(doc, *subject)
    return None


def _subject_then_verb(doc: Doc, after_subject: int, cue_start: int) -> bool:
    """Whether a phrase is followed by a lower-case word (its verb), not punctuation or a name."""
    return after_subject < cue_start and doc[after_subject].is_lower and doc[after_subject].is_alpha


def _colon_attribution(doc: Doc, sent: Span) -> Attribution | None:
    """"Bernie Sanders: I'm not much of a socialist" -- a name, a colon, what they said."""
    first = sent.start
    while first < sent.end and doc[first].is_space:
        first += 1
    colon = next((i for i in range(first, min(first + MAX_COLON_SPEAKER + 1, sent.end)) if doc[i].text == ":"), None)
    if colon is None or colon == first or colon + 1 >= sent.end:
        return None
    speaker = doc[first:colon]
    if not all(capitalised(t) or t.text in {".", "'s", "’s", "-"} or t.lower_ in {"of", "the"} for t in speaker):
        return None
    if speaker[-1].like_num or any(t.lower_ in NOT_NAMES for t in speaker[:1]):
        return None
    if len(speaker) == 1 and (speaker[0].lower_ in COLON_LABELS or speaker[0].lower_.endswith(("ed", "ing"))):
        return None  # "BYLINE: ...", "Revealed: ...", "Contributing: ...": a label, not a speaker
    content = _content_after(doc, sent, colon + 1, [])
    if content is None:
        return None
    return Attribution(
        cue=token_chars(doc, colon, colon + 1),
        content=content,
        source=token_chars(doc, first, colon),
        base=":",
        kind="statement",
        direct=True,
        confidence=0.6,
    )


def _confidence(base: str, direct: bool) -> float:
    """Quotes are surest; verbs of stance or cognition ("likes", "wants") report a position, not speech."""
    if base in ATTITUDE_BASES or base not in STANCE_OF:
        return ATTITUDE_CONFIDENCE
    return 0.8 if direct else 0.7


def _skip_to_that(doc: Doc, after: int, ceiling: int, *, addressee: bool = False) -> int:
    """"said on Thursday that ...", "told a Senate hearing last week that ...": the words before
    "that" say when or where, and the content starts at "that"."""
    openers = CIRCUMSTANCE_OPENERS | TIME_WORDS | ({"a", "an", "the"} if addressee else set())
    if after >= ceiling or doc[after].lower_ not in openers:
        return after
    for i in range(after + 1, min(after + MAX_CIRCUMSTANCE_TOKENS, ceiling)):
        tok = doc[i]
        if tok.lower_ == "that":
            return i
        if tok.is_punct and tok.text not in {".", "-", "'s", "’s"} or tok.lower_ in FORM_TO_BASE:
            break
    return after


def _gerund_after_comma(doc: Doc, cue: Cue) -> bool:
    """", saying ...": the gerund's speaker is the clause's subject, not the phrase before the comma."""
    return cue.start > 0 and doc[cue.start - 1].text in {",", "—"} and doc[cue.verb].lower_.endswith("ing")


def _source_left(doc: Doc, cue: Cue, floor: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The speaker before the cue, with the role of its apposition ("Nabil, former head of X,")."""
    before = _skip_discourse_asides(doc, cue.start, floor)
    if before <= floor:
        return None, None
    prev = doc[before - 1]
    if prev.text == ",":
        found = apposition_before(doc, before - 1, floor)
        if found is None:
            return None, None
        return found
    if (prev.is_punct and prev.text != ")") or prev.text in QUOTE_CHARS:
        return None, None  # "Sen. Bernie Sanders (I-Vt.) said": phrase_left reads the bracket
    phrase = phrase_left(doc, before, floor) or _relative_subject(doc, before, floor)
    if phrase is None:  # "People with knowledge of the talks": the object is no source, its head is
        raw = phrase_left_any(doc, before, floor)
        modified = _with_head(doc, raw, floor)
        phrase = modified if raw is not None and modified != raw else None
    return _coordinated(doc, _with_head(doc, phrase, floor), floor), None


def _skip_discourse_asides(doc: Doc, end: int, floor: int) -> int:
    """"Humphrey, for example, said", "The campaign, for its part, said": a discourse adverbial set
    off by commas between the subject and its verb belongs to neither; the speaker ends before it."""
    while end - 1 > floor and doc[end - 1].text == ",":
        open_comma = next((i for i in range(end - 2, max(floor, end - 2 - MAX_DISCOURSE_TOKENS) - 1, -1) if doc[i].text == ","), None)
        if open_comma is None or open_comma <= floor:
            break
        aside = " ".join(t.lower_ for t in doc[open_comma + 1 : end - 1])
        if aside not in DISCOURSE_ASIDES:
            break
        end = open_comma
    return end


def _with_head(doc: Doc, phrase: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """"People with knowledge of the talks", "The senator from Vermont", "voters in a new poll":
    the phrase found before the cue may be the object of a preposition that modifies the real
    head; the speaker is then the head with its modifier."""
    if phrase is None or phrase[0] - 1 <= floor:
        return phrase
    prep = phrase[0] - 1
    word = doc[prep].lower_
    if word not in MODIFIER_PREPOSITIONS:
        return phrase
    head_end = prep - 1 if prep - 1 > floor and doc[prep - 1].lower_ in MODIFIER_ADJECTIVES else prep
    head = phrase_left(doc, head_end, floor)
    if head is None or doc[head[1] - 1].lower_ in SUBJECT_PRONOUNS:
        return phrase
    last = doc[head[1] - 1]
    if any(t.lower_ in VENUE_NOUNS for t in doc[phrase[0] : phrase[1]]):
        return head if word in {"in", "on", "during", "at"} else phrase  # "Clinton in a statement said"
    if word in {"in", "at", "on", "during"} and capitalised(doc[head[0]]) and not (last.lower_ in SPEAKER_NOUNS or last.is_lower):
        return head  # "Trump in Iowa said": a name with a place is a circumstance
    if not (last.lower_ in SPEAKER_NOUNS or last.text in {"%", "percent"} or last.lower_ in SHARE_WORDS or _plural_noun(last) or capitalised(last)):
        return phrase
    return (head[0], phrase[1])


def _plural_noun(tok: Token) -> bool:
    low = tok.lower_
    return tok.is_lower and tok.is_alpha and len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "ous", "is", "us"))


def _relative_subject(doc: Doc, cue_start: int, floor: int) -> tuple[int, int] | None:
    """"The state officials whose laws have been invalidated say": a subject with its relative
    clause, back from the cue to "who"/"whose" and the phrase before it (no punctuation between)."""
    for j in range(cue_start - 2, max(floor, cue_start - MAX_RELATIVE_TOKENS) - 1, -1):
        tok = doc[j]
        if tok.is_punct or tok.text in QUOTE_CHARS or (tok.is_space and "\n" in tok.text):
            return None
        if tok.lower_ in {"who", "whose"}:
            head = phrase_left(doc, j, floor)
            return (head[0], cue_start) if head is not None and doc[head[1] - 1].lower_ not in SUBJECT_PRONOUNS else None
    return None


def _coordinated(doc: Doc, phrase: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """"Mr. Xi and other leaders", "Sanders and his supporters": a name joined by "and" to the
    speaker phrase is part of the source."""
    if phrase is None or phrase[0] - 1 <= floor or doc[phrase[0] - 1].lower_ != "and":
        return phrase
    before = phrase_left(doc, phrase[0] - 1, floor)
    if before is None or doc[before[0]].lower_ in NOT_NAMES - {"he", "she", "they", "we", "i"}:
        return phrase
    if not (capitalised(doc[before[0]]) or doc[before[0]].lower_ in PERSON_PRONOUNS | {"they"} or (_group_head(doc, before) and _group_head(doc, phrase))):
        return phrase  # "he and Mr. Allen said"; "89% of young Democrats and 83% of Republicans say"
    return (_listed(doc, before[0], floor), phrase[1])


def _group_head(doc: Doc, phrase: tuple[int, int]) -> bool:
    """A phrase headed by a group of people or a share ("labor unions", "83% of voters")."""
    last = doc[phrase[1] - 1]
    return last.lower_ in SPEAKER_NOUNS or _plural_noun(last) or (capitalised(last) and last.lower_ not in NOT_NAMES)


def _listed(doc: Doc, start: int, floor: int) -> int:
    """"labor unions, environmental groups, and many Democratic lawmakers": earlier members of a
    comma list joined to the coordinated speaker."""
    while start - 1 > floor and doc[start - 1].text == ",":
        member = phrase_left(doc, start - 1, floor)
        if member is None or not _group_head(doc, member):
            break
        start = member[0]
    return start


def _after_content(doc: Doc, tok: int, floor: int, quotes: list[Quote]) -> bool:
    """Whether token `tok` follows a content: a comma, a closing quote, or a quote's end."""
    if tok <= floor:
        return _quote_ending_at(text_of(doc), doc[tok].idx, quotes) is not None
    prev = doc[tok - 1]
    return prev.text in {",", "”", '"', "»", "''", "“"} or (prev.text == "—" and tok - 1 > floor)


def _skip_time(doc: Doc, i: int, ceiling: int) -> int:
    """Skip a time phrase after the cue ("last week", "on Tuesday"): it is not content."""
    j = i
    while j < ceiling and j - i < 4 and (doc[j].lower_ in TIME_WORDS or doc[j].lower_ in {"on", "last", "this", "earlier", "later", "in", "late", "early"}):
        j += 1
    return j if j > i and doc[j - 1].lower_ in TIME_WORDS else i


def _quote_with_comma_before(doc: Doc, tok: int, quotes: list[Quote]) -> bool:
    """"“...,” Spencer said, as ...": a quotation closed by a comma right before the speaker."""
    text = text_of(doc)
    quote = _quote_ending_at(text, doc[tok].idx, quotes)
    if quote is None or "\n" in text[quote.end : doc[tok].idx]:
        return False
    inner = text[quote.start : quote.end].rstrip("”»\"'")  # the closing mark, "''" included
    return inner[-1:] in {",", "—", "?", "!"} or "," in text[quote.end : doc[tok].idx]


def _quote_follows(doc: Doc, i: int, ceiling: int) -> bool:
    while i < ceiling and doc[i].text in {",", ":"}:
        i += 1
    return i < ceiling and doc[i].text in {"“", '"', "''", "``"}


def _complement_follows(doc: Doc, i: int, ceiling: int) -> bool:
    """Whether the cue is followed by its own content: "that ...", a colon or a new quotation."""
    while i < ceiling and doc[i].text == ",":
        i += 1
    return i < ceiling and (doc[i].lower_ == "that" or doc[i].text in {":", "“"})


def _relative_follows(doc: Doc, i: int, ceiling: int) -> bool:
    """", who ..." after an inverted speaker ("said Harvey, who ..."): the clause is not the content."""
    return i + 1 < ceiling and doc[i].text == "," and doc[i + 1].lower_ in {"who", "whose", "whom"}


def _ends_sentence(doc: Doc, i: int, ceiling: int) -> bool:
    """Whether only closing punctuation (or a new quotation) follows token `i` in its sentence."""
    if i >= ceiling:
        return True
    tok = doc[i]
    if tok.text in END_PUNCT:
        return True
    return tok.text == "," and (i + 1 >= ceiling or doc[i + 1].text in QUOTE_CHARS | {"“"})


def _content_before(doc: Doc, sent: Span, stop: int, quotes: list[Quote]) -> tuple[int, int] | None:
    """The content before a trailing "X said": the quote that ends there, else the sentence's start."""
    stop_char = doc[stop].idx
    quote = _quote_ending_at(text_of(doc), stop_char, quotes)
    if quote is not None:
        # 'The media are "manipulating ...," Gilmore said': the words before the quote belong to it
        start = _text_start(doc, sent)
        return (min(start, quote.start) if start >= _paragraph_start(doc, quote.start) else quote.start, quote.end)
    end = stop_char
    while end > sent.start_char and (text_of(doc)[end - 1].isspace() or text_of(doc)[end - 1] in ",—"):
        end -= 1
    start = _text_start(doc, sent)
    if end - start < MIN_CONTENT_CHARS:
        return None
    return (start, end)


def _paragraph_start(doc: Doc, char: int) -> int:
    """Offset after the last paragraph break before `char`."""
    return text_of(doc).rfind("\n", 0, char) + 1


def _text_start(doc: Doc, sent: Span) -> int:
    """Offset of a sentence's first character that is not a space or a paragraph break."""
    start = sent.start_char
    while start < sent.end_char and text_of(doc)[start].isspace():
        start += 1
    return start


def _content_after(doc: Doc, sent: Span, after: int, quotes: list[Quote]) -> tuple[int, int] | None:
    """The content after "X said": to the sentence's end, or to the end of a quote running on."""
    while after < sent.end and doc[after].text in {",", ":", "—"}:
        after += 1
    if after >= sent.end:
        return None
    start = doc[after].idx
    last = sent.end - 1
    while last > after and (doc[last].text in END_PUNCT or doc[last].is_space):
        last -= 1
    end = doc[last].idx + len(doc[last].text)
    for quote in quotes:
        if start <= quote.start < end and quote.end > end:
            end = quote.end
    if end - start < MIN_CONTENT_CHARS:
        return None
    return (start, end)


def _strong_source(doc: Doc, source: tuple[int, int] | None) -> bool:
    """A source right before its verb that is a name, a personal pronoun or headed by a source
    noun: "Trump called X", "they want", "Democratic voters support"."""
    if source is None:
        return False
    first, last = doc[source[0]], doc[source[1] - 1]
    if last.lower_ in PERSON_PRONOUNS | {"they", "who", "which"} or last.lower_ in SPEAKER_NOUNS:
        return True  # "who": a relative pronoun stands for the person before it ("voters who want")
    if last.lower_ in SUBJECT_PRONOUNS:
        return False  # "it", "who": too often a thing or a clause
    if last.text == "," or capitalised(first):
        return capitalised(first)  # "Sanders, a Vermont senator," / "Dave Gorab"
    return capitalised(last)


def _complement_ok(doc: Doc, cue: Cue, content: tuple[int, int]) -> bool:
    """Ambiguous cues ("found", "called") need "that", a quote or a clause-like content."""
    if cue.base not in NEEDS_COMPLEMENT | STRICT_COMPLEMENT:
        return True
    head = text_of(doc)[content[0] : content[0] + 5].lower()
    if cue.base in {"ask", "wonder", "question"} and head.startswith(("why ", "what ", "how ", "who ", "when ", "about", "for ")):
        return True  # the content of a question
    if cue.base in INTENTION_CUES and head.startswith("to "):
        return True  # "pledged to bring", "threatened to leave": an intention is a position
    return head.startswith(("that ", "whether", "if ")) or _opens_quote(text_of(doc), content[0])


def _is_passive(doc: Doc, cue: Cue, sent: Span) -> bool:
    return (
        cue.base in PASSIVE_CUES
        and any(t.lower_ in PASSIVE_AUX for t in doc[cue.start : cue.verb])
        and cue.end < sent.end
        and doc[cue.end].lower_ == "by"
    )


def _passive(doc: Doc, sent: Span, cue: Cue) -> Attribution | None:
    """"The claim has been denied by Washington": the content is the subject, the source the agent."""
    source = phrase_right(doc, cue.end + 1, sent.end)
    content = phrase_left(doc, cue.start, sent.start) or _np_left_any(doc, cue.start, sent.start)
    if source is None or content is None:
        return None
    end = source[1]
    # "by Washington and the ousted government": coordinated agents are one source
    while end + 1 < sent.end and doc[end].lower_ in {"and", "or"}:
        more = phrase_right(doc, end + 1, sent.end)
        if more is None:
            break
        end = more[1]
    return Attribution(
        cue=token_chars(doc, cue.start, cue.end),
        content=token_chars(doc, *content),
        source=token_chars(doc, source[0], end),
        base=cue.base,
        kind=stance(cue.base),
        confidence=0.7,
    )


def _np_left_any(doc: Doc, end: int, floor: int) -> tuple[int, int] | None:
    """Any short phrase before the auxiliary, back to a determiner: "The claim", "Such reports"."""
    start = end
    while start > floor and end - start < 6 and not doc[start - 1].is_punct:
        start -= 1
        if doc[start].lower_ in DETERMINERS:
            return (start, end)
    return None


def _according_to(doc: Doc, sent: Span, cue: Cue) -> Attribution | None:
    """"according to X, CONTENT" and "CONTENT, according to X"."""
    end = cue.end
    while end < sent.end and (not doc[end].is_punct or doc[end].text in {"-", "'s", "’s", ".", "/", "&"}) and doc[end].text not in QUOTE_CHARS and doc[end].lower_ not in ACCORDING_STOPS and not _spaced_dash(doc, end):
        end += 1
    while end > cue.end and doc[end - 1].is_punct:
        end -= 1
    if end == cue.end:
        return None
    if cue.base == "in":  # "in the latest NBC News/WSJ poll": the poll is the source, not what follows
        end = next((j + 1 for j in range(cue.end, end) if doc[j].lower_ in FINDINGS_NOUNS), end)
    source = (cue.end, end)
    lead = doc[sent.start : cue.start]
    if all(t.is_punct or t.is_space or t.lower_ in {"but", "and", "yet", "so"} for t in lead):
        content = _content_after(doc, sent, _skip_to_comma(doc, end, sent.end), [])
    else:
        content = _content_before(doc, sent, cue.start, [])
    if content is None:
        return None
    return Attribution(
        cue=token_chars(doc, cue.start, cue.end),
        content=content,
        source=token_chars(doc, *source),
        base=cue.base,
        kind="statement",
        confidence=0.8 if cue.base == "according to" else ATTITUDE_CONFIDENCE,
    )


def _spaced_dash(doc: Doc, i: int) -> bool:
    """" - " set off by spaces opens an aside; "Reuters-Ipsos" is a name."""
    return doc[i].text in {"-", "–", "—", "--"} and i > 0 and bool(doc[i - 1].whitespace_)


def _skip_to_comma(doc: Doc, i: int, end: int) -> int:
    while i < end and doc[i].text != ",":
        i += 1
    return i


def _opens_quote(text: str, char: int) -> bool:
    return text[char] in QUOTE_CHARS or text.startswith(("''", "``"), char)


def _quote_ending_at(text: str, char: int, quotes: list[Quote]) -> Quote | None:
    """The quotation that ends just before `char`, with only spaces and commas between, in the
    same paragraph (a quotation closing the paragraph before is no content of "The crowd cheered")."""
    pos = char
    while pos > 0 and (text[pos - 1].isspace() or text[pos - 1] in ",—"):
        pos -= 1
    if "\n" in text[pos:char]:
        return None
    for quote in quotes:
        if quote.end == pos:
            return quote
    return None


def _inside_quote(char: int, quotes: list[Quote]) -> bool:
    return any(q.start < char < q.end for q in quotes)
