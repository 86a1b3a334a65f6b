"""Noun phrases around a cue, found from word shapes when the Doc has no parse.

A speaker phrase is scanned leftwards from the cue ("a senior Pentagon official | said") or
rightwards after it ("said | Dan Gerstein, director of ..."), with its apposition ("Rahmatullah
Nabil, former head of ..., | told"). The scan stops at clause words, prepositions other than
"of"/"for", punctuation and time words, and keeps a phrase only when its head can name a source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.claims.lexicon import (
    ATTITUDE_BASES,
    DETERMINERS,
    FORM_TO_BASE,
    NP_STOPS,
    SPEAKER_NOUNS,
    SUBJECT_PRONOUNS,
)

# A speaker phrase longer than this is a clause, not a name with its title.
MAX_PHRASE_TOKENS = 14
# An apposition longer than this is a sentence of its own, not a role.
MAX_APPOSITION_TOKENS = 25
# Asides followed back from a cue to the name they describe.
MAX_ASIDES = 3
# Tokens that may sit inside a name: possessives, initials' dots, hyphens, ampersands.
NAME_PUNCT = frozenset({"'s", "’s", "'", "’", ".", "-", "&", "–", "/"})
TIME_WORDS = frozenset({
    "week", "month", "year", "today", "yesterday", "tomorrow", "day", "days", "night", "morning",
    "afternoon", "evening", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "ago", "tonight",
})
# Day and month names end a speaker phrase even when capitalised ("Trump on Tuesday said").
CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december",
})
# Nouns of office that make an aside a role even when it opens with a small word ("under secretary").
ROLE_NOUNS = frozenset({"secretary", "minister", "director", "head", "chief", "spokesman", "spokeswoman", "commander", "general", "adviser", "advisor", "ambassador", "envoy"})
# Capitalised words that open a sentence without being a name ("According to X, ...").
CLAUSE_OPENERS = frozenset({"according", "despite", "amid", "following", "like", "unlike", "asked", "speaking", "meanwhile", "however"})
# Shares of a group that speak in polls ("Almost half said", "a majority say").
SHARE_NOUNS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "plurality", "minority"})
# Prepositions that join a speaker to its body: "officials with the committee", "Goldberg of the Review".
LINKING_PREPOSITIONS = frozenset({"of", "with", "within", "for", "at", "from", "to"})
APPROXIMATORS = frozenset({"about", "nearly", "almost", "roughly", "around", "over", "than", "only", "just", "some"})
# Participles that attach a date to a source phrase ("a poll released Thursday").
PARTICIPLES = frozenset({"published", "released", "issued", "filed", "conducted", "made", "taken", "obtained"})
# Quote marks as tokens and as first characters; "''" is the doubled apostrophe some papers print.
CONTENT_STOPS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")"})
QUOTE_CHARS = frozenset({'"', "“", "”", "«", "»", "„", "''", "``"})


def capitalised(tok: Token) -> bool:
    """A word starting with a capital letter ("McCain", "US", "al-Qaida" is not)."""
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _inside_name(tok: Token) -> bool:
    """A small word inside a capitalised name or a share: "Council on American-Islamic Relations",
    "Jeb Bush and Chris Christie", "Six in 10 voters"."""
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if before is None or after is None:
        return False
    if tok.lower_ == "in" and before.like_num and after.like_num:
        return True
    if not capitalised(before) or not capitalised(after) or after.lower_ in CALENDAR:
        return False
    return capitalised(tok) or tok.lower_ in {"and", "on", "for", "of", "the", "&"}


def is_stop(tok: Token) -> bool:
    """Whether a token ends a speaker phrase."""
    low = tok.lower_
    if tok.is_punct and tok.text not in NAME_PUNCT and tok.text != "%":
        return True
    if tok.text in QUOTE_CHARS or (tok.is_space and "\n" in tok.text):
        return True
    if low in CALENDAR or (low in TIME_WORDS and not capitalised(tok)):
        return True
    if low in NP_STOPS and not _inside_name(tok) and not (tok.is_upper and len(tok) > 1):
        return True  # ("IS statements", "US officials": an acronym is not the word it spells)
    # a reporting verb ends the phrase; "figures", "names" may be nouns of it, and so is a
    # possessor ("the state's party leader")
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in {"'s", "’s"}:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in {"-", "–"}:
        return False  # "the 50-state poll"
    return low in FORM_TO_BASE and not capitalised(tok) and low not in SPEAKER_NOUNS and FORM_TO_BASE[low] not in ATTITUDE_BASES


def _dated_participle(doc: Doc, i: int, floor: int) -> bool:
    """"The report published Tuesday": a time word after a participle stays in the phrase."""
    return doc[i].lower_ in TIME_WORDS and i - 1 > floor and doc[i - 1].lower_ in PARTICIPLES


def _approximator(doc: Doc, i: int) -> bool:
    """"About 4 in 10", "nearly half": a word before a number that belongs to the phrase."""
    return doc[i].lower_ in APPROXIMATORS and i + 1 < len(doc) and (doc[i + 1].like_num or doc[i + 1].lower_ in {"half", "a", "one"})


def phrase_left(doc: Doc, end: int, floor: int, *, check: bool = True) -> tuple[int, int] | None:
    """The speaker phrase ending just before token `end`, not reaching before token `floor`.
    With check=False the phrase need not name a source (it may be the object of a modifier)."""
    if end <= floor:
        return None
    last = doc[end - 1]
    if last.lower_ in SUBJECT_PRONOUNS:
        return (end - 1, end)
    start = end
    if last.text == ")":  # "Kirsten Gillibrand (D-NY) said"
        opening = next((i for i in range(end - 2, max(floor, end - 8) - 1, -1) if doc[i].text == "("), None)
        if opening is None or opening <= floor:
            return None
        start = opening
    while start > floor and end - start < MAX_PHRASE_TOKENS:
        tok = doc[start - 1]
        if is_stop(tok) and not _dated_participle(doc, start - 1, floor) and not _approximator(doc, start - 1):
            break
        start -= 1
        if tok.lower_ in DETERMINERS and not (start > floor and doc[start - 1].text in {"-", "–"}):
            if start > floor and _approximator(doc, start - 1):
                start -= 1  # "About four in 10"
            elif start - 1 > floor and doc[start - 1].lower_ in LINKING_PREPOSITIONS and not is_stop(doc[start - 2]):
                start -= 1  # "Jonah Goldberg of the National Review": go on past "of the"
                continue
            break
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"of", "for"}):
        start += 1
    if start >= end or (check and not names_a_source(doc[start:end])):
        return None
    return (start, end)


def phrase_left_any(doc: Doc, end: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase ending before token `end`, whether or not it can name a source."""
    return phrase_left(doc, end, floor, check=False)


def phrase_right(doc: Doc, start: int, ceiling: int) -> tuple[int, int] | None:
    """The speaker phrase starting at token `start`, ending before token `ceiling`."""
    if start >= ceiling:
        return None
    first = doc[start]
    if first.lower_ in SUBJECT_PRONOUNS:
        return (start, start + 1)
    end = start
    while end < ceiling and end - start < MAX_PHRASE_TOKENS:
        tok = doc[end]
        if is_stop(tok) and not (end == start and tok.lower_ in DETERMINERS - {"that"}):
            break
        end += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"of", "for", "'s", "’s"}):
        end -= 1
    if end <= start or not names_a_source(doc[start:end]):
        return None
    return (start, _parenthetical_end(doc, end, ceiling))


def _parenthetical_end(doc: Doc, end: int, ceiling: int) -> int:
    """"Sen. Chris Murphy (D-Conn.)": a short bracket right after a name belongs to it."""
    if end < ceiling and doc[end].text == "(":
        close = next((i for i in range(end + 1, min(end + 8, ceiling)) if doc[i].text == ")"), None)
        if close is not None:
            return close + 1
    return end


def subject_at(doc: Doc, start: int, ceiling: int) -> tuple[int, int] | None:
    """The subject phrase opening a clause, without a parse: a pronoun, a capitalised name, or a
    determiner with up to three words ending in a source noun ("the group's leader")."""
    first = doc[start]
    if first.lower_ in SUBJECT_PRONOUNS:
        return (start, start + 1)
    if is_stop(first) or first.lower_ in CLAUSE_OPENERS:
        return None
    end = start
    if capitalised(first) and first.lower_ not in DETERMINERS:
        while end < ceiling and (capitalised(doc[end]) or doc[end].text in NAME_PUNCT) and not is_stop(doc[end]):
            end += 1
        while end < ceiling and doc[end].lower_ in SPEAKER_NOUNS:
            end += 1  # "Black voters", "Clinton campaign officials"
        return (start, end) if end > start else None
    if first.lower_ in DETERMINERS:
        best = None
        for end in range(start + 1, min(start + 6, ceiling)):
            tok = doc[end]
            if is_stop(tok) or tok.lower_ in FORM_TO_BASE:
                break
            if tok.lower_ in SPEAKER_NOUNS or capitalised(tok):
                best = (start, end + 1)
        return best
    return None


def apposition_after(doc: Doc, end: int, ceiling: int) -> tuple[int, int] | None:
    """", director of X" after a name and before token `ceiling`: the role's tokens, commas left out."""
    if end >= ceiling or doc[end].text != ",":
        return None
    stop = end + 1
    while stop < ceiling and doc[stop].text not in {",", ";", ":", ".", "!", "?"} and doc[stop].text not in QUOTE_CHARS:
        stop += 1
    role = (end + 1, stop)
    if not 0 < stop - end - 1 <= MAX_APPOSITION_TOKENS or not is_role(doc[role[0] : role[1]]):
        return None
    return role


def apposition_before(doc: Doc, comma: int, floor: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The speaker ending at the comma before a cue, with its asides: (source tokens, role tokens).

    "Nabil, former head of X," gives the whole span and the role; a chain of asides is followed
    back to the proper name it describes ("Tom Fitton, the president of Judicial Watch, a
    conservative group that ...,"), and a relative clause stays in the span without being a role
    ("Chris Cox, who runs the NRA's lobbying arm,"). An age or a circumstance ("Sarandon, 69,",
    "Trump, in Kentucky,") is not part of the speaker: the source is then the name alone.
    """
    if doc[comma].text != ",":
        return None
    commas = _aside_commas(doc, comma, floor)
    best = None
    for k, open_comma in enumerate(commas):
        name = phrase_left(doc, open_comma, floor)
        if name is None or not _is_name(doc[name[0] : name[1]]):
            continue
        best = (k, open_comma, name)
        if capitalised(doc[name[0]]) and doc[name[0]].lower_ not in DETERMINERS:
            break  # a proper name: the asides after it describe it
    if best is None:
        return None
    k, open_comma, name = best
    first_aside = doc[open_comma + 1 : (commas[k - 1] if k else comma)]
    if k == 0 and comma - open_comma == 2 and capitalised(doc[comma - 1]):
        # "a woman in Worcester, Massachusetts,": a place and its state are part of the source
        return (_located(doc, name[0], floor), comma + 1), None
    if is_role(first_aside):
        return (name[0], comma + 1), (first_aside.start, first_aside.end)
    if first_aside[0].lower_ in {"who", "whose", "including"} or is_age(first_aside):
        return (name[0], comma + 1), None  # "Jim Bennett, 57, told": PARC keeps the age in the source
    return name, None


def is_age(span: Span) -> bool:
    """"57", "24": an age set off by commas after a name."""
    return len(span) == 1 and span[0].like_num and span[0].text.isdigit() and len(span[0].text) <= 3


def _aside_commas(doc: Doc, comma: int, floor: int) -> list[int]:
    """The commas opening up to MAX_ASIDES comma-delimited asides before token `comma`, nearest first."""
    commas: list[int] = []
    i = comma - 1
    while i > floor and len(commas) < MAX_ASIDES and comma - i <= MAX_APPOSITION_TOKENS * MAX_ASIDES:
        text = doc[i].text
        if text in QUOTE_CHARS or text in {";", ":", "(", ")"} or (doc[i].is_space and "\n" in text):
            break
        if text == ",":
            commas.append(i)
        i -= 1
    return commas


def _located(doc: Doc, start: int, floor: int) -> int:
    """Extend "Worcester" back over "a woman in" / "a delegate from"."""
    if start - 1 > floor and doc[start - 1].lower_ in {"in", "from", "of"}:
        before = phrase_left(doc, start - 1, floor)
        if before is not None:
            return before[0]
    return start


def names_a_source(span: Span) -> bool:
    """Whether a phrase can be a speaker: a name, a pronoun, or headed by a source noun."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    head = words[-1]
    if head.lower_ in SUBJECT_PRONOUNS:
        return len(span) == 1
    link = next((k for k in range(1, len(span) - 1) if span[k].lower_ in LINKING_PREPOSITIONS), None)
    if link is not None and not span[link - 1].is_punct and names_a_source(span[:link]):
        return True  # "Proponents of the new bill": the head comes before its modifier
    if head.like_num:
        return len(span) >= 3 and span[-2].lower_ == "in"  # "About 4 in 10"
    if head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or capitalised(head):
        return True
    if head.lower_ in SPEAKER_NOUNS:
        return True
    if len(span) == 1 and head.lower_ in {"several", "some", "many", "most", "others", "both", "few", "all"}:
        return True  # "Several said ..."
    if head.text in {"%", "percent"} and span[0].like_num:
        return True  # "47% say"
    if head.lower_ in SHARE_NOUNS:
        return True  # "Nearly a third", "Almost half", "a majority of voters"
    if len(words) <= 3 and head.is_lower and head.is_alpha and len(head) > 3 and head.lower_.endswith("s") and not head.lower_.endswith(("ss", "ous")):
        return True  # "security specialists", "Democratic strategists": a plural group
    if head.pos_ in {"NOUN", "PROPN"} and span[0].lower_ in DETERMINERS:
        return True
    if any(t.lower_ in {"'s", "’s"} for t in span[:-1]):
        return True  # "Donald Trump's campaign manager"
    # "The magazine", "the 46-year-old", "Twenty-four percent": a determined or counted phrase
    return (span[0].lower_ in DETERMINERS or span[0].like_num) and len(span) > 1


def _is_name(span: Span) -> bool:
    return any(capitalised(t) for t in span) or span[-1].ent_type_ in {"PERSON", "ORG"}


def is_role(span: Span) -> bool:
    """Whether an apposition reads as a role ("former head of X"), not an age, a place or a clause."""
    first = span[0]
    if first.lower_ in FORM_TO_BASE and not capitalised(first):
        return False
    if all(t.like_num or t.is_punct for t in span):
        return False
    if first.lower_ in NP_STOPS | {"who", "which", "whose"}:
        # "under secretary of defence": a role noun right after makes the small word part of a title
        return first.lower_ not in {"who", "which", "whose"} and any(t.lower_ in ROLE_NOUNS for t in span[1:3])
    if first.is_lower and first.lower_.endswith(("ing", "ed")):
        return False  # "wearing a T-shirt", "clad in red": a scene, not a role
    # "Worcester, Massachusetts,": a one-word capitalised aside is a place
    return not (len(span) == 1 and capitalised(first))


def clause_until_stop(doc: Doc, sent: Span, start: int) -> tuple[int, int] | None:
    """Character offsets of the words from token `start` up to the next punctuation stop or
    line break in the sentence ("aware [that the talks had failed], officials said"); None when
    fewer than two words lie there."""
    end = start
    while end < sent.end and doc[end].text not in CONTENT_STOPS and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    if end - start < 2:
        return None
    return token_chars(doc, start, end)


def token_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)
