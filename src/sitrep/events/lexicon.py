"""The trigger lexicon: words and phrases that name a PLOVER event, with their type and mode.

Written by hand from the PLOVER 0.8 manual and the CAMEO verb classes it merges, not learned
from any evaluation set. Each entry is a lemma phrase; verbs are inflected here (attack,
attacks, attacked, attacking) and nouns get their plural, so the matcher needs no lemmatizer
and works on a blank pipeline.

An entry may carry an `act`, a finer class the views and evaluations read: ``kill``, ``force``
(violence short of killing), ``arrest``, ``clash`` (fighting between armed sides), ``destroy``
(property), ``loot``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str | None
    act: str | None
    weight: float  # prior that a match really names an event of this type
    pos: str = ""  # "v" verb form, "n" noun form, "nv" either ("attack"), "" a fixed phrase


STRONG = 0.9  # unambiguous in news: "arrested", "bombing"
MEDIUM = 0.7  # usually an event, sometimes not: "fighting", "visit"
WEAK = 0.5  # often something else: "warned", "welcomed"
# who strikes by walking out: "worker strikes and demonstrations" are a protest, not an attack
LABOUR_STRIKERS = ("worker", "workers'", "workers", "labour", "labor", "teachers'", "teachers", "doctors'", "doctors", "nurses'",
                   "nurses", "transport", "rail", "miners'", "miners", "truckers'", "truckers", "union", "trade union", "student",
                   "students'", "indefinite", "warning", "sit-down", "token")
STRIKING_WHO = ("workers", "worker", "staff", "employees", "teachers", "lecturers", "doctors", "nurses", "miners", "drivers",
                "unions", "union", "members", "truckers", "dockworkers", "academics", "pilots", "farmers", "students")

IRREGULAR: dict[str, tuple[str, str]] = {  # verb -> (past, past participle)
    "shoot": ("shot", "shot"), "beat": ("beat", "beaten"), "take": ("took", "taken"),
    "hold": ("held", "held"), "meet": ("met", "met"), "fight": ("fought", "fought"),
    "strike": ("struck", "struck"), "blow": ("blew", "blown"), "set": ("set", "set"),
    "throw": ("threw", "thrown"), "give": ("gave", "given"), "send": ("sent", "sent"),
    "withdraw": ("withdrew", "withdrawn"), "break": ("broke", "broken"), "burn": ("burned", "burnt"),
    "seek": ("sought", "sought"), "forbid": ("forbade", "forbidden"), "lay": ("laid", "laid"),
    "catch": ("caught", "caught"), "hit": ("hit", "hit"), "put": ("put", "put"), "cut": ("cut", "cut"),
    "shut": ("shut", "shut"), "swear": ("swore", "sworn"), "run": ("ran", "run"),
    "sell": ("sold", "sold"), "lead": ("led", "led"), "bring": ("brought", "brought"),
    "forgive": ("forgave", "forgiven"), "hang": ("hanged", "hung"), "stand": ("stood", "stood"),
    "begin": ("began", "begun"), "keep": ("kept", "kept"), "pick": ("picked", "picked"),
    "rise": ("rose", "risen"), "go": ("went", "gone"), "slay": ("slew", "slain"),
}
DOUBLE_FINAL = {  # verbs that double their last consonant: ban -> banned, banning
    "ban", "stab", "kidnap", "rob", "plan", "grab", "hit", "shut", "stop", "trap", "nab", "gun",
    "club", "drop", "jab", "set", "cut", "put", "run", "slam", "bar", "scrap", "ship", "step",
    "picket", "expel", "compel", "control", "patrol", "rebel", "refer", "deter", "transfer", "cancel", "commit", "admit",
    "submit", "permit", "equip",
}
NO_DOUBLE = {"picket"}


def verb_forms(verb: str) -> set[str]:
    """base, 3rd person, past, participle and -ing forms of an English verb."""
    forms = {verb}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(verb + "es")
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb in IRREGULAR:
        forms.update(IRREGULAR[verb])
    if verb.endswith("e") and not verb.endswith("ee"):
        regular, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("ee"):
        regular, ing = verb + "d", verb + "ing"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        regular, ing = verb[:-1] + "ied", verb + "ing"
    elif verb in DOUBLE_FINAL and verb not in NO_DOUBLE:
        regular, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        regular, ing = verb + "ed", verb + "ing"
    if verb not in IRREGULAR or verb in {"burn", "hang"}:
        forms.add(regular)
    forms.add(ing)
    return forms


def noun_forms(noun: str) -> set[str]:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


def expand(phrase: str) -> set[str]:
    """Surface forms of a lexicon phrase: 'v:open fire' inflects 'open'; 'n:attack' pluralises."""
    kind, _, text = phrase.partition(":")
    head, _, rest = text.partition(" ")
    if kind == "v":
        heads = verb_forms(head)
    elif kind == "n":
        if rest:  # inflect the last word of a noun phrase: "tear gas shell" -> "... shells"
            *front, last = text.split(" ")
            return {" ".join([*front, form]) for form in noun_forms(last)}
        heads = noun_forms(head)
    else:
        return {phrase}
    return {f"{h} {rest}".strip() for h in heads}


# (type, mode, act, weight, phrases). "v:" verbs, "n:" nouns, bare strings are matched as is.
LEXICON: list[tuple[str, str | None, str | None, float, tuple[str, ...]]] = [
    # --- verbal cooperation ---
    ("AGREE", None, None, MEDIUM, ("v:agree to", "v:agree on", "v:agree", "v:pledge to", "v:promise to", "v:offer to", "v:accept mediation")),
    ("CONSULT", None, None, MEDIUM, ("v:meet with", "v:hold talks", "talks", "v:negotiate", "n:negotiation", "v:discuss", "v:confer", "n:summit", "n:consultation")),
    ("CONSULT", "visit", None, MEDIUM, ("v:visit", "n:visit", "v:host")),
    ("CONSULT", "phone", None, MEDIUM, ("v:telephone", "phoned", "phone call", "telephone call", "telephone conversation")),
    ("CONSULT", "third-party", None, MEDIUM, ("v:mediate", "n:mediation")),
    ("SUPPORT", None, None, WEAK, ("v:praise", "v:endorse", "v:welcome", "v:commend", "v:congratulate", "v:apologize", "v:apologise", "v:forgive",
                                   "v:express support", "v:voice support", "v:pledge support", "v:recognize", "v:recognise", "v:defend",
                                   "v:pledge allegiance", "v:swear allegiance", "v:sign", "v:hail")),
    ("CONCEDE", None, None, MEDIUM, ("v:concede", "v:accede to", "v:relent", "v:ease restrictions", "v:lift the ban", "v:yield to", "v:give in to")),
    # --- material cooperation ---
    ("COOPERATE", None, None, MEDIUM, ("v:cooperate", "n:cooperation", "v:collaborate", "n:collaboration", "v:share intelligence",
                                       "joint operation", "joint operations", "v:extradite", "n:extradition", "joint exercise", "joint exercises")),
    ("AID", None, None, MEDIUM, ("v:aid", "v:donate", "v:deliver aid", "humanitarian aid", "military aid", "economic aid", "food aid", "relief supplies",
                                 "v:airlift", "v:grant asylum", "v:provide aid", "v:send aid", "v:supply weapons", "v:supply arms", "n:aid package")),
    ("RETREAT", "release", None, MEDIUM, ("v:release", "v:free", "v:set free", "v:hand over", "n:prisoner swap", "n:prisoner exchange")),
    ("RETREAT", "withdraw", None, MEDIUM, ("v:withdraw", "n:withdrawal", "v:pull out", "v:pull back", "v:retreat", "n:pullout", "v:lift the blockade",
                                           "v:lift the curfew", "v:lift curfew")),
    ("RETREAT", "disarm", None, STRONG, ("v:surrender", "v:lay down arms", "v:lay down their arms", "v:disarm", "v:demobilize", "v:demobilise")),
    ("RETREAT", "ceasefire", None, STRONG, ("n:ceasefire", "n:cease-fire", "n:truce", "n:armistice", "v:declare a ceasefire")),
    # --- verbal conflict ---
    ("REQUEST", None, None, MEDIUM, ("v:demand", "n:demand", "v:call for", "v:call on", "v:urge", "v:appeal for", "v:appeal to", "v:request",
                                     "v:ask for", "v:press for", "v:plead", "n:appeal")),
    ("ACCUSE", "disapprove", None, MEDIUM, ("v:condemn", "n:condemnation", "v:criticize", "v:criticise", "n:criticism", "v:denounce", "v:deplore",
                                            "v:censure", "v:rebuke", "v:slam", "v:blame")),
    ("ACCUSE", "allege", None, MEDIUM, ("v:accuse", "n:accusation", "v:allege", "n:allegation", "v:sue", "n:lawsuit", "v:file a complaint",
                                        "v:file a case", "v:lodge a complaint", "v:convict", "v:indict", "n:indictment")),
    ("ACCUSE", "investigate", None, MEDIUM, ("v:investigate", "n:investigation", "v:probe", "n:probe", "n:inquiry", "n:enquiry", "v:look into")),
    ("REJECT", None, None, MEDIUM, ("v:reject", "n:rejection", "v:refuse", "n:refusal", "v:veto", "v:defy", "v:rebuff", "v:spurn", "v:turn down")),
    ("THREATEN", None, None, STRONG, ("v:threaten", "n:ultimatum", "v:issue an ultimatum")),
    ("THREATEN", "violence", None, MEDIUM, ("v:vow to retaliate", "v:threaten to attack", "v:threaten to kill", "v:warn of retaliation")),
    ("SANCTION", "withdraw", None, MEDIUM, ("v:sever ties", "v:sever relations", "v:cut ties", "v:break off relations", "v:break off talks",
                                            "v:downgrade relations", "v:recall its ambassador", "v:suspend talks", "v:halt talks")),
    ("SANCTION", "discontinue", None, MEDIUM, ("v:suspend aid", "v:cut aid", "v:freeze aid", "v:halt aid", "v:cut off aid")),
    ("SANCTION", "expel", None, MEDIUM, ("v:expel", "n:expulsion")),
    # --- material conflict ---
    ("PROTEST", "demo", None, STRONG, ("v:protest", "n:protest", "n:protester", "n:protestor", "v:demonstrate", "n:demonstration", "n:demonstrator",
                                       "v:rally", "n:rally", "v:march", "n:sit-in", "took to the streets", "take to the streets", "n:agitation",
                                       "v:picket", "n:dharna")),
    ("PROTEST", "hunger", None, STRONG, ("n:hunger strike", "hunger strikes", "fast unto death")),
    ("PROTEST", "boycott", None, STRONG, ("v:boycott", "n:boycott", "general strike", "n:bandh", "n:hartal", "v:go on strike", "on strike",
                                          "n:strike call", "n:walkout", "n:strike action", "n:nationwide strike", "n:national strike",
                                          *(f"n:{who} strike" for who in LABOUR_STRIKERS),
                                          *(f"striking {who}" for who in STRIKING_WHO))),
    ("PROTEST", "obstruct", None, MEDIUM, ("v:block the road", "v:block roads", "n:road blockade", "n:roadblock", "v:block traffic",
                                           "n:rail roko", "n:rasta roko", "n:chakka jam")),
    ("PROTEST", "riot", None, STRONG, ("v:riot", "n:riot", "n:rioter", "n:rioting", "v:pelt stones", "n:stone pelting", "n:stone-pelting",
                                       "n:mob violence", "n:arson", "n:arsonist")),
    ("MOBILIZE", "troops", None, MEDIUM, ("v:deploy", "n:deployment", "v:mobilize", "v:mobilise", "n:mobilization", "n:mobilisation",
                                          "v:send troops", "v:mass troops", "n:reinforcement", "v:put on alert", "high alert", "v:station troops")),
    ("MOBILIZE", "police", None, WEAK, ("v:patrol", "n:flag march", "v:step up security", "v:tighten security", "n:security cordon", "v:cordon off",
                                        "v:cordon", "n:barricade", "v:barricade", "tight security", "security arrangements", "security arrangement",
                                        "n:security cover", "n:bandobast", "n:police protection", "n:police escort", "v:escort", "v:guard",
                                        "v:post policemen", "v:rush to the spot", "n:police picket", "v:intervene", "n:intervention",
                                        "v:bring the situation under control", "v:bring under control", "v:control the situation",
                                        "v:control the mob", "on alert", "v:step up vigil", "v:keep a close watch", "v:keep a watch",
                                        "n:vigil", "v:reinforce security", "n:police presence", "v:rescue", "v:increase security",
                                        "v:heighten security", "heightened security", "v:beef up security", "security was beefed up",
                                        "security has been stepped up", "security was stepped up", "security has been tightened",
                                        "security was tightened", "n:manhunt", "v:launch a manhunt", "v:launch a hunt", "v:keep under watch",
                                        "v:keep under observation", "v:keep under surveillance", "n:surveillance")),
    ("COERCE", "arrest", "arrest", STRONG, ("v:arrest", "n:arrest", "v:detain", "n:detention", "v:nab", "v:apprehend", "taken into custody",
                                            "v:take into custody", "v:round up", "booked", "v:charge with", "v:remand", "n:remand", "jailed",
                                            "v:imprison", "n:imprisonment", "caught", "v:capture", "v:hold for questioning", "under arrest",
                                            "in custody", "n:custody", "police custody", "judicial custody", "v:put behind bars")),
    ("COERCE", None, None, MEDIUM, ("questioned", "v:interrogate", "n:interrogation", "n:questioning", "v:disperse", "v:chase away",
                                    "v:register a case", "v:register cases", "v:file an fir", "v:lodge an fir", "v:register an fir",
                                    "v:register fir", "n:combing operation", "v:comb", "v:recover arms", "v:recover weapons")),
    ("COERCE", "seize", None, MEDIUM, ("v:seize", "n:seizure", "v:confiscate", "v:occupy", "n:occupation", "v:take control", "n:takeover",
                                       "v:take over", "v:raid", "n:raid", "v:search", "n:search operation", "n:crackdown", "v:crack down", "v:evict")),
    ("COERCE", "seize", "loot", MEDIUM, ("v:loot", "n:looting", "v:plunder", "v:ransack")),
    ("COERCE", "curfew", None, STRONG, ("n:curfew", "v:impose curfew", "v:impose a curfew", "n:prohibitory orders", "n:section 144")),
    ("COERCE", "martial-law", None, STRONG, ("martial law", "state of emergency")),
    ("COERCE", "restrict", None, MEDIUM, ("n:sanction", "v:impose sanctions", "n:embargo", "n:blockade", "v:blockade", "v:restrict",
                                          "v:shut down", "v:close the border")),
    ("COERCE", "ban", None, MEDIUM, ("v:ban", "n:ban", "v:outlaw", "v:proscribe")),
    ("COERCE", "deport", None, STRONG, ("v:deport", "n:deportation", "v:extradite to")),
    ("COERCE", "censor", None, MEDIUM, ("v:censor", "n:censorship", "v:block websites", "n:internet shutdown")),
    # cyber operations: PLOVER's gold records code hacking as COERCE in its "cyber" context, not
    # as ASSAULT ("tried to hack into the computers of ... army officers")
    ("COERCE", None, None, MEDIUM, ("n:cyber attack", "n:cyberattack", "n:cyber-attack", "n:spyware attack", "n:ransomware attack",
                                    "n:malware attack", "n:hacking attack", "v:hack into")),
    ("ASSAULT", None, "force", STRONG, ("v:attack", "n:attack", "n:attacker", "v:strike", "v:assault", "n:assault", "v:storm", "v:strike at", "v:target",
                                        "n:offensive", "v:invade", "n:invasion", "v:wound", "v:injure", "v:maim", "n:violence against")),
    ("ASSAULT", None, "clash", STRONG, ("v:fight", "n:fighting", "v:clash", "n:clash", "n:battle", "v:battle", "n:skirmish", "n:gunbattle",
                                        "n:gun battle", "n:firefight", "n:exchange of fire", "v:exchange fire", "n:encounter", "n:hostilities")),
    ("ASSAULT", None, "kill", STRONG, ("v:kill", "n:killing", "v:murder", "n:murder", "v:slaughter", "v:lynch", "n:lynching", "v:execute",
                                       "v:behead", "v:hack to death", "v:burn alive", "v:burn to death", "v:stab to death", "v:beat to death",
                                       "v:slay", "v:shoot dead", "v:gun down", "n:genocide", "n:pogrom", "v:lynch")),
    ("ASSAULT", "massacre", "kill", STRONG, ("v:massacre", "n:massacre", "n:mass killing", "n:carnage", "n:bloodbath")),
    ("ASSAULT", "firearms", "force", STRONG, ("v:shoot", "n:shooting", "v:open fire", "v:fire at", "v:fire on", "v:fire upon", "n:gunfire",
                                              "n:firing", "v:fire shots", "v:fire bullets", "n:sniper fire", "v:fire in the air",
                                              "n:police firing", "v:fire rounds", "n:gunman", "n:gunmen", "v:fire rubber bullets")),
    ("ASSAULT", "explosives", "force", STRONG, ("v:bomb", "n:bombing", "n:bomb", "n:blast", "n:explosion", "v:explode", "v:detonate",
                                                "n:ied", "n:car bomb", "n:roadside bomb", "v:blow up", "n:grenade attack", "v:hurl a grenade",
                                                "n:bomb attack", "n:bombing attack", "n:landmine", "n:bomber")),
    ("ASSAULT", "suicide-attack", "force", STRONG, ("n:suicide bomber", "n:suicide bombing", "n:suicide attack", "n:suicide blast")),
    ("ASSAULT", "aerial", "force", STRONG, ("n:airstrike", "n:air strike", "n:air raid", "n:drone strike", "n:drone attack", "v:air-strike")),
    ("ASSAULT", "heavy-weapons", "force", STRONG, ("v:shell", "n:shelling", "v:bombard", "n:bombardment", "n:artillery fire",
                                                   "n:missile strike", "n:missile attack", "n:rocket attack", "v:fire rockets", "v:fire missiles",
                                                   "n:mortar attack", "n:mortar fire")),
    ("ASSAULT", "assassinate", "kill", STRONG, ("v:assassinate", "n:assassination")),
    ("ASSAULT", "abduct", None, STRONG, ("v:kidnap", "n:kidnapping", "v:abduct", "n:abduction", "v:hijack", "n:hijacking",
                                         "v:take hostage", "v:hold hostage", "n:hostage-taking")),
    ("ASSAULT", "beat", "force", STRONG, ("v:beat", "n:beating", "v:thrash", "v:lathi-charge", "n:lathi-charge", "n:lathi charge", "n:lathicharge",
                                         "v:lathicharge", "n:baton charge", "v:baton-charge", "n:tear gas", "n:teargas", "n:tear-gas",
                                         "n:tear gas shell", "n:tear-gas shell", "n:teargas shell", "v:lob tear gas", "n:rubber bullet", "n:water cannon", "v:manhandle", "v:club",
                                         "v:cane-charge", "n:cane charge", "v:stab", "n:stabbing")),
    ("ASSAULT", "sexual", "force", STRONG, ("v:rape", "n:rape", "n:gang-rape", "v:gang-rape", "n:sexual assault", "v:molest")),
    ("ASSAULT", "torture", "force", STRONG, ("v:torture", "n:torture")),
    ("ASSAULT", None, "destroy", MEDIUM, ("v:destroy", "v:torch", "v:set ablaze", "v:set on fire", "v:set fire to", "v:burn", "v:demolish",
                                          "v:vandalise", "v:vandalize", "n:vandalism")),
    ("ASSAULT", "cleansing", "kill", STRONG, ("n:ethnic cleansing",)),
    ("ASSAULT", "unconventional", "force", STRONG, ("n:chemical attack", "n:chemical weapons attack", "n:gas attack")),
]

# A match next to one of these is not an event: "heart attack", "released a statement".
FIGURATIVE = frozenset({"legal", "court", "courtroom", "political", "election", "electoral", "custody", "title",
                        "price", "trade", "tariff", "budget", "culture", "verbal", "bidding", "ratings", "pillow"})
DETERMINER_LIKE = frozenset({"the", "a", "an", "of", "for", "over", "about", "against", "with", "these", "those", "his", "her",
                             "their", "its", "our", "two", "three", "several", "many", "any", "all", "other", "some", "by"})
BLOCK_BEFORE: dict[str, frozenset[str]] = {
    "release": frozenset({"press", "news", "a", "the", "its", "official"}),
    "releases": frozenset({"press", "news"}),
    "attack": frozenset({"heart", "panic", "asthma"}),
    "arrest": frozenset({"cardiac", "heart", "respiratory", "cardio-respiratory", "cardiopulmonary"}),
    "attacks": frozenset({"heart", "panic", "asthma"}),
    "sign": frozenset({"a", "the", "no", "any", "every", "clear", "positive"}),
    "signs": frozenset({"no", "any", "clear", "positive", "the"}),
    "book": frozenset({"a", "the", "his", "her", "this", "new"}),
    "search": frozenset({"a", "the"}),
    "demand": frozenset({"supply", "market", "the", "high", "low", "growing", "rising", "strong", "weak"}),
    "target": frozenset({"a", "the", "main", "primary", "easy", "soft", "prime"}),
    "targets": frozenset({"the", "military", "civilian", "easy", "soft"}),
    "fire": frozenset({"a", "the", "cease"}),
    "striking": frozenset({"most", "more", "very", "particularly", "especially", "quite", "equally", "less", "so", "too", "as",
                           "found", "find"}),
    # "the alleged gangsters", "of alleged abuses": the participle qualifies a noun; nobody alleges here
    "alleged": DETERMINER_LIKE,
    "offensive": frozenset({"less", "more", "most", "very", "highly", "deeply", "so", "too", "as", "not", "be", "is", "was",
                            "are", "were", "been", "find", "found", "finds", "considered", "deemed", "seen"}),
    "free": frozenset({"a", "for", "is", "are", "was", "were", "be", "tax", "duty"}),
    "rally": frozenset({"market", "stock", "price"}),
    # "the occupied West Bank", "Israeli-occupied Golan", "parts of occupied Ukraine": a place's epithet
    "occupied": frozenset({"the", "a", "an", "-", "of", "in"}),
    "charge": frozenset({"in", "free", "of"}),
    # figurative conflicts: "a legal fight", "the trade war", "a political battle"
    **{form: FIGURATIVE for form in ("fight", "fights", "battle", "battles", "war", "wars", "clash", "clashes")},
}
# "lobbying to kill the report", "killed the deal": a harm verb whose object is a text or a plan
# is no violence (read past a determiner or possessive)
PLANS = frozenset({"report", "bill", "deal", "plan", "plans", "proposal", "project", "motion", "idea", "story", "talks",
                   "agreement", "legislation", "measure", "investigation", "inquiry", "probe", "resolution", "reform",
                   "reforms", "momentum", "mood", "buzz"})
# "fight corruption", "the fight against poverty", "fight this patriarchy": a campaign, not a clash
ABSTRACT_FOES = frozenset({
    "corruption", "poverty", "patriarchy", "discrimination", "inequality", "racism", "sexism", "hunger", "disease",
    "impunity", "cancer", "covid", "covid-19", "pandemic", "virus", "inflation", "injustice", "stigma", "climate",
    "illiteracy", "unemployment", "malaria", "ebola", "hiv", "aids", "tuberculosis", "misinformation",
    "disinformation", "graft", "fires", "wildfires", "wildfire", "obesity", "addiction", "prejudice", "xenophobia"})
FIGHT_FORMS = ("fight", "fights", "fought", "fighting", "battle", "battles", "battled", "battling", "combat", "combats",
               "combating", "combatting")
# "destroy the political order", "destroyed his reputation": no property destroyed
ABSTRACT_GOODS = frozenset({
    "order", "hopes", "hope", "chances", "chance", "reputation", "reputations", "economy", "career", "careers", "credibility",
    "trust", "relationship", "relations", "democracy", "image", "legacy", "morale", "future", "confidence", "dreams", "dream",
    "livelihood", "livelihoods", "system", "institutions", "unity", "culture", "myth", "argument", "case", "narrative"})
DESTROY_FORMS = verb_forms("destroy")
# "mobilise workers nationwide", "mobilize funds": no forces deployed
CIVIL_MOBILIZED = frozenset({"workers", "supporters", "voters", "members", "funds", "resources", "support", "people", "citizens",
                             "masses", "public", "opinion", "students", "youths", "youth", "communities", "donors", "investment",
                             "investors", "money", "capital", "farmers", "women", "residents", "followers", "party", "grassroots"})
MOBILIZE_FORMS = verb_forms("mobilize") | verb_forms("mobilise")
BLOCK_OBJECTS: dict[str, frozenset[str]] = {**{form: PLANS for form in ("kill", "kills", "killed", "killing")},
                                            **{form: ABSTRACT_FOES for form in FIGHT_FORMS},
                                            **{form: ABSTRACT_GOODS for form in DESTROY_FORMS},
                                            **{form: CIVIL_MOBILIZED for form in MOBILIZE_FORMS}}
# Causes of death and harm that are no one's act: "an earthquake that killed 1,000 people",
# "floods have killed 20" are not ASSAULT events (ACLED codes no disasters or accidents)
HAZARDS = frozenset({
    "earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "aftershock", "aftershocks", "flood", "floods",
    "flooding", "floodwaters", "landslide", "landslides", "mudslide", "mudslides", "storm", "storms", "cyclone", "cyclones",
    "typhoon", "typhoons", "hurricane", "hurricanes", "tornado", "tornadoes", "avalanche", "avalanches", "tsunami",
    "drought", "heatwave", "lightning", "wildfire", "wildfires", "disease", "outbreak", "cholera", "epidemic", "pandemic",
    "covid", "covid-19", "virus", "accident", "accidents", "crash", "crashes", "collision", "stampede", "downpour",
    "downpours", "rain", "rains", "monsoon", "blizzard", "eruption", "volcano", "blaze", "blazes", "inferno"})
# What "explodes" in a figure of speech: "protests exploded across the country", "a wave of
# anger exploded" are no explosion (the subject, or without a parse the word before the verb)
EXPLODE_FORMS = frozenset(verb_forms("explode"))
FIGURATIVE_BLASTS = frozenset({
    "protest", "protests", "wave", "waves", "violence", "anger", "rage", "fury", "outrage", "frustration", "crowd", "crowds",
    "situation", "tension", "tensions", "unrest", "debate", "controversy", "scandal", "row", "price", "prices", "demand",
    "market", "markets", "population", "number", "numbers", "sales", "movement", "crisis", "issue", "story", "popularity",
    "interest", "growth", "cases", "infections", "internet", "fans", "audience", "stadium", "city", "country", "streets"})
# "was killed after getting hit by a truck": a vehicle that hit someone is a road accident
VEHICLES = frozenset({"truck", "lorry", "bus", "car", "vehicle", "train", "tractor", "tipper", "dumper", "minibus",
                      "motorcycle", "motorbike", "taxi", "van", "tanker", "trailer"})
BLOCK_AFTER: dict[str, frozenset[str]] = {
    "release": frozenset({"statement", "report", "video", "figures", "data", "list", "results", "film", "album", "details", "footage", "date"}),
    "released": frozenset({"statement", "a", "its", "their", "his", "her", "report", "video", "figures", "data", "list", "results", "footage",
                           "last", "on", "this", "yesterday", "today", "earlier", "by"}),
    "releases": frozenset({"statement", "report", "video"}),
    "free": frozenset({"trade", "speech", "and", "elections", "election", "market", "movement", "of", "from", "to"}),
    "sign": frozenset({"of", "that", "language"}),
    "demand": frozenset({"for", "and"}),
    "visit": frozenset({"site", "website"}),
    "host": frozenset({"country", "nation", "family", "city"}),
    "book": frozenset({"of", "about", "on"}),
    "defend": frozenset({"the", "itself", "themselves", "ourselves"}),  # "defend the country": no event by itself
    "fighting": frozenset({"for", "corruption", "poverty", "spirit", "chance"}),
    "fight": frozenset({"against", "corruption", "poverty", "for", "back"}),
    "target": frozenset({"of", "for"}),
    "strike": frozenset({"a", "balance", "deal"}),
    "shoot": frozenset({"film", "the"}),
    "march": frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
                        "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "2019", "2020", "2021", "2022", "2023", "2024"}),
    "capture": frozenset({"the", "attention", "imagination", "market"}),
    "striking": frozenset({".", ",", ";", "that", "how", "!", "?"}),  # "the shift is striking.": the adjective
    # "riot shields", "riot gear": no riot ("riot police" stays one: they are sent where one is feared)
    "riot": frozenset({"shields", "shield", "gear", "control", "act", "helmets", "vehicles", "vehicle", "van", "vans",
                       "equipment", "guns"}),
    "offensive": frozenset({"remarks", "remark", "comments", "comment", "language", "content", "posts", "post", "words", "jokes",
                            "joke", "behaviour", "behavior", "to", "and", "or", "tweets", "slogans", "cartoon", "cartoons"}),
    "welcome": frozenset({"to", "back", "home"}),  # a greeting: "Welcome to new India"
}
# verbs that trigger only as verbs: their bare form is often a noun or a name ("March", "Book")
VERB_ONLY_FORMS = frozenset({"shells", "strike", "march", "book", "free", "search", "sign", "host", "target", "club", "catch", "shell"})


# A verb and its object with words between: "police fired 12 rounds", "fired six rounds of tear gas".
# (type, mode, act, weight, verb forms, object nouns or closing phrases, most words between)
GAPPED: list[tuple[str, str | None, str | None, float, frozenset[str], frozenset[str], int]] = [
    ("ASSAULT", "firearms", "force", STRONG, frozenset(verb_forms("fire")),
     frozenset({"rounds", "round", "shots", "shot", "bullets", "bullet", "pellets", "volleys"}), 3),
    ("ASSAULT", "beat", "force", STRONG, frozenset(verb_forms("fire") | verb_forms("lob") | verb_forms("burst") | {"exploded", "used"}),
     frozenset({"shells", "canisters", "teargas", "tear-gas"}), 4),
    # "rebels fired mortars at the barracks", "fired two rockets into the town"
    ("ASSAULT", "heavy-weapons", "force", STRONG, frozenset(verb_forms("fire") | verb_forms("lob")),
     frozenset({"mortars", "mortar", "rockets", "rocket", "missiles", "missile", "artillery"}), 3),
    # "hacked two villagers to death", "shot the driver dead": the victim between the verb and its end
    # ("to" is part of the end: "shot by members of the death squads" is no killing)
    ("ASSAULT", None, "kill", STRONG,
     frozenset(set().union(*(verb_forms(v) for v in ("hack", "stab", "beat", "burn", "club", "bludgeon", "stone", "batter", "shoot")))),
     frozenset({"to death"}), 4),
    ("ASSAULT", None, "kill", STRONG, frozenset(verb_forms("shoot")), frozenset({"dead"}), 4),
]


def surface_table() -> dict[str, Entry]:
    """Every surface form of the lexicon -> its entry; a later entry never shadows an earlier one."""
    table: dict[str, Entry] = {}
    kinds: dict[str, set[str]] = {}
    for type_, mode, act, weight, phrases in LEXICON:
        for phrase in phrases:
            kind = phrase.partition(":")[0] if ":" in phrase else ""
            for form in expand(phrase):
                table.setdefault(form.lower(), Entry(type_, mode, act, weight))
                kinds.setdefault(form.lower(), set()).add(kind)
    for form, entry in table.items():
        pos = "".join(k for k in ("n", "v") if k in kinds[form])
        table[form] = Entry(entry.type, entry.mode, entry.act, entry.weight, pos)
    for form in VERB_ONLY_FORMS:
        table.pop(form, None)
    return table
