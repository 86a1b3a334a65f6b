"""PLOVER actor sectors and the words that name them in news text.

Sector names are lower-case words; `SECTOR_CODES` gives the CAMEO/PLOVER three-letter code
each corresponds to, so views and evaluations can compare with coded data.
"""

from __future__ import annotations

# sector -> CAMEO/PLOVER actor type code
SECTOR_CODES: dict[str, str] = {
    "government": "GOV",
    "military": "MIL",
    "police": "COP",
    "intelligence": "SPY",
    "rebels": "REB",  # rebels and insurgents, including jihadist groups
    "militia": "UAF",  # armed groups not fighting the state: militias, paramilitaries, PMCs
    "opposition": "OPP",
    "legislature": "LEG",
    "judiciary": "JUD",
    "party": "PTY",
    "civilians": "CVL",
    "refugees": "REF",
    "media": "MED",
    "igo": "IGO",
    "ngo": "NGO",
    "business": "BUS",
    "religious": "REL",
    "criminal": "CRM",
    "education": "EDU",
    "labour": "LAB",
    "health": "HLH",
    "elite": "ELI",
}
SECTORS = tuple(SECTOR_CODES)
CODE_SECTORS = {code: sector for sector, code in SECTOR_CODES.items()} | {
    "CIV": "civilians", "JRN": "media", "INS": "rebels", "SEP": "rebels", "PMC": "militia",
}

# The state-level sectors every country gets an entry for: "Afghan police" -> AFG-COP.
STATE_SECTORS: dict[str, str] = {
    "government": "",  # the country's own entry: id "AFG"
    "military": "MIL",
    "police": "COP",
    "intelligence": "SPY",
}

# Singular forms that news uses mostly as adjectives ("terrorist attacks", "civilian
# infrastructure", "rebel positions") are left out.
# Head nouns that name a sector; a country before them makes a state actor ("Afghan soldiers"),
# alone they make a generic actor ("militants", "civilians"). Multi-word entries match first.
SECTOR_NOUNS: dict[str, str] = {
    # government
    "government": "government", "governments": "government", "officials": "government",
    "official": "government", "authorities": "government", "administration": "government",
    "regime": "government", "ministry": "government", "minister": "government",
    "rulers": "government", "cabinet": "government", "president": "government",
    "prime minister": "government", "foreign ministry": "government", "diplomats": "government",
    "government employees": "government", "leaders": "government", "leadership": "government",
    "embassy": "government", "state department": "government", "interior ministry": "government",
    "foreign secretary": "government", "foreign minister": "government", "defence secretary": "military",
    "defense secretary": "military", "secretary of state": "government", "interior minister": "government",
    "international community": "igo",
    # military
    "soldiers": "military", "soldier": "military", "troops": "military", "troop": "military", "army": "military",
    "military": "military", "armed forces": "military", "forces": "military", "navy": "military",
    "air force": "military", "commandos": "military", "special forces": "military",
    "military units": "military", "defence ministry": "military",
    "defense ministry": "military", "ministry of defence": "military", "ministry of defense": "military",
    "marines": "military", "paratroopers": "military", "warplanes": "military", "jets": "military",
    "security forces": "military", "servicemen": "military", "generals": "military",
    "peacekeepers": "military", "coalition forces": "military", "national guard": "military",
    # weapon platforms stand for the force that uses them: "Turkish artillery targeted ..."
    "artillery": "military", "drones": "military", "helicopters": "military", "gunships": "military",
    "tanks": "military", "warships": "military", "fighter jets": "military", "aircraft": "military",
    # police
    "police": "police", "policemen": "police", "police officers": "police", "police officer": "police",
    "police personnel": "police", "policeman": "police", "cops": "police", "gendarmes": "police",
    "gendarmerie": "police", "border guards": "police", "border police": "police",
    "prison guards": "police", "riot police": "police", "law enforcement": "police",
    "law enforcement agents": "police", "law enforcement officers": "police", "law enforcement officials": "police",
    "law enforcement agencies": "police",
    # intelligence
    "intelligence": "intelligence", "intelligence service": "intelligence",
    "intelligence services": "intelligence", "intelligence agency": "intelligence",
    "intelligence agencies": "intelligence", "spy agency": "intelligence", "spies": "intelligence",
    "intelligence officials": "intelligence", "intelligence officers": "intelligence",
    "intelligence community": "intelligence", "agents": "intelligence", "secret service": "intelligence",
    # rebels and insurgents
    "militants": "rebels", "insurgents": "rebels",
    "rebels": "rebels", "jihadists": "rebels",
    "extremists": "rebels", "terrorists": "rebels", "guerrillas": "rebels",
    "gunmen": "rebels", "fighters": "rebels", "separatists": "rebels", "insurgency": "rebels",
    "suicide bomber": "rebels", "suicide bombers": "rebels", "bombers": "rebels", "attackers": "rebels",
    "assailants": "rebels", "armed group": "rebels", "armed groups": "rebels",
    "terror group": "rebels", "terrorist group": "rebels", "extremist group": "rebels",
    "militant group": "rebels", "jihadist group": "rebels", "rebel group": "rebels",
    "insurgent group": "rebels", "terrorist organization": "rebels", "terrorist organisation": "rebels",
    "extremist organization": "rebels", "extremist organisation": "rebels",
    # militia
    "militia": "militia", "militias": "militia", "militiamen": "militia", "paramilitaries": "militia",
    "paramilitary": "militia", "mercenaries": "militia", "vigilantes": "militia",
    # civilians
    "civilians": "civilians", "residents": "civilians",
    "villagers": "civilians", "schoolgirls": "civilians", "schoolchildren": "civilians",
    "students": "civilians", "children": "civilians", "women": "civilians", "pregnant women": "civilians",
    "babies": "civilians", "worshippers": "civilians", "farmers": "civilians", "pilgrims": "civilians",
    "passengers": "civilians", "shoppers": "civilians", "protesters": "civilians",
    "demonstrators": "civilians", "locals": "civilians", "families": "civilians",
    "mob": "civilians", "mobs": "civilians", "rioters": "civilians",  # ACLED's "Rioters" are civilians acting
    "patients": "civilians", "hostages": "civilians", "citizens": "civilians", "tourists": "civilians",
    "aid workers": "ngo", "doctors": "health", "nurses": "health", "health workers": "health",
    # refugees
    "refugees": "refugees", "migrants": "refugees", "asylum seekers": "refugees",
    "displaced people": "refugees", "displaced persons": "refugees", "idps": "refugees",
    # others
    "journalists": "media", "journalist": "media", "reporters": "media", "reporter": "media",
    "media": "media", "press": "media", "clerics": "religious", "cleric": "religious",
    "imam": "religious", "priests": "religious", "priest": "religious", "monks": "religious",
    "opposition": "opposition", "opposition parties": "opposition", "lawmakers": "legislature",
    "parliament": "legislature", "legislators": "legislature", "senators": "legislature",
    "judges": "judiciary", "court": "judiciary", "prosecutors": "judiciary",
    "businessmen": "business", "traders": "business", "companies": "business",
    "smugglers": "criminal", "traffickers": "criminal", "gangs": "criminal", "gang": "criminal",
    "kidnappers": "criminal", "bandits": "criminal", "criminals": "criminal", "cartel": "criminal",
    "gangsters": "criminal", "gang members": "criminal", "thugs": "criminal", "goons": "criminal", "mobsters": "criminal",
    "drug traffickers": "criminal", "drug lords": "criminal", "cartels": "criminal",
    "teachers": "education", "workers": "labour", "unions": "labour", "tribal elders": "elite",
    "elders": "elite",
}

# Perpetrators named only by the adjective of their attack: "suspected rebel attacks", "a militant
# ambush" (before any other noun, "terrorist list", "rebel leader", the word names no actor)
PERPETRATOR_ADJECTIVES: dict[str, str] = {
    "rebel": "rebels", "militant": "rebels", "insurgent": "rebels", "jihadist": "rebels", "terrorist": "rebels",
    "guerrilla": "rebels", "extremist": "rebels", "separatist": "rebels", "maoist": "rebels", "bandit": "criminal",
}
ATTACK_NOUNS = frozenset({"attack", "attacks", "assault", "assaults", "raid", "raids", "ambush", "ambushes", "bombing",
                          "bombings", "offensive", "killings", "shelling", "incursion", "incursions", "violence"})

# Nouns too vague to be an actor alone; they make one with a country or a name ("US
# intelligence", "Taliban leaders") or as a description ("the leadership").
QUALIFIED_ONLY = {
    "intelligence", "leadership", "leaders", "official", "officials", "agents", "press", "media",
    "court", "president", "minister", "prime minister", "embassy", "cabinet", "administration",
    "government", "army", "military", "units", "workers", "elders",
}

# Collective nouns that stand for a group named before: "the group", "the militants".
# Each lists the sectors its antecedent may have.
ANAPHORIC_NOUNS: dict[str, tuple[str, ...]] = {
    "group": ("rebels", "militia", "criminal", "opposition", "igo", "ngo", "party"),
    "groups": ("rebels", "militia", "criminal", "party", "opposition"),
    "organization": ("rebels", "militia", "igo", "ngo", "party", "criminal", "business", "media"),
    "organisation": ("rebels", "militia", "igo", "ngo", "party", "criminal", "business", "media"),
    "militants": ("rebels", "militia"),
    "insurgents": ("rebels",),
    "rebels": ("rebels",),
    "jihadists": ("rebels",),
    "fighters": ("rebels", "militia"),
    "movement": ("rebels", "opposition", "party", "religious"),
    "militia": ("militia", "rebels"),
    "outfit": ("rebels", "militia"),
    "network": ("rebels", "criminal"),
    "affiliate": ("rebels",),
    "faction": ("rebels", "militia", "party"),
    "agency": ("intelligence", "igo", "government", "police"),
    "army": ("military",),
    "military": ("military",),
    "government": ("government",),
    "authorities": ("government",),
    "regime": ("government",),
    "administration": ("government",),
    "police": ("police",),
    "alliance": ("igo", "rebels", "military"),
    "bloc": ("igo",),
    "coalition": ("igo", "military", "rebels", "opposition"),
    "body": ("igo", "ngo", "government"),
    "charity": ("ngo",),
}
# Of those, the nouns any organisation may be called, whatever its sector: "the same organization
# that Caceres led" is the COPINH named before, though sitrep knows no sector for it.
OPEN_COLLECTIVES = frozenset({"group", "organization", "organisation", "movement", "body"})
# Of those, the ones that alone, with no antecedent and no descriptor, suggest no sector (in
# conflict news an unnamed "group" or "movement" is most often an armed one, kept as rebels)
NO_SECTOR_ALONE = frozenset({"organization", "organisation", "body"})
# Of those, the ones that need a word between the determiner and the noun: "the world body" is
# an organisation, "recovered the body" a corpse
MODIFIED_ONLY = frozenset({"body"})
# Adjectives of an anaphoric noun that only fit actors carrying that tag in the KB:
# "the terror group" may be Islamic State but not the Afghan Taliban's government.
DESCRIPTOR_TAGS: dict[str, str] = {
    "terror": "terrorist", "terrorist": "terrorist", "extremist": "extremist",
    "jihadist": "jihadist", "islamist": "islamist", "militant": "armed", "armed": "armed",
    "insurgent": "insurgent", "rebel": "insurgent", "separatist": "separatist",
}
DETERMINERS = {"the", "this", "that", "these", "those"}

# Words before a mention that make it a former member: "former Afghan soldiers", "ex-rebels".
STATUS_WORDS: dict[str, str] = {
    "former": "former", "ex": "former", "ex-": "former", "erstwhile": "former", "retired": "former",
    "ousted": "former", "disbanded": "former", "deposed": "former", "one-time": "former",
    "breakaway": "breakaway", "dissident": "breakaway", "renegade": "breakaway", "defected": "former",
}
# "members of X", "fighters from X": the mention is X's people, with X's sector and country.
MEMBER_NOUNS = {
    "members", "member", "fighters", "officers", "personnel", "commanders", "veterans",
    "staff", "employees", "agents", "operatives", "cadres", "soldiers", "troops", "remnants",
    "ranks", "elements", "supporters", "loyalists", "recruits", "defectors", "units", "leaders",
    "leader", "head", "chief", "spokesman", "spokesperson", "commander", "official", "officials",
}
# Titles that carry a sector onto the person they introduce: "President X", "General Y".
TITLE_SECTORS: dict[str, str | None] = {
    "president": "government", "minister": "government", "secretary": "government",
    "ambassador": "government", "governor": "government", "mayor": "government",
    "prime": "government", "chancellor": "government", "king": "government",
    "spokesman": "government", "official": "government", "envoy": "government",
    "general": "military", "gen.": "military", "colonel": "military", "col.": "military",
    "commander": "military", "major": "military", "captain": "military", "lt.": "military",
    "admiral": "military", "sergeant": "military", "inspector": "police",
    "senator": "legislature", "sen.": "legislature", "rep.": "legislature", "lawmaker": "legislature",
    "congressman": "legislature", "congresswoman": "legislature", "legislator": "legislature", "mp": "legislature",
    "councilman": "government", "councilwoman": "government", "councillor": "government", "councilor": "government",
    "alderman": "government", "commissioner": "government", "prosecutor": "judiciary", "attorney": "judiciary",
    "judge": "judiciary", "justice": "judiciary", "imam": "religious", "cleric": "religious",
    "pope": "religious", "rev.": "religious", "archbishop": "religious", "bishop": "religious",
    "ayatollah": "religious", "patriarch": "religious", "sheikh": "religious", "mullah": "religious",
    "journalist": "media", "reporter": "media", "correspondent": "media", "editor": "media",
    # None: the sector comes from the organisation named with the title ("IS leader X")
    "leader": None, "chief": None, "head": None, "emir": "rebels",
}

# Words allowed between two coordinated mentions besides "and"/"or": "the NDS and elite military
# units" (adjectives of the second noun).
COORDINATION_WORDS = {"and", "or", ",", "as", "well", "&"}
MAX_COORDINATION_ADJECTIVES = 2

# Sectors of actors that can be at war with or allied to each other; aid to refugees or
# "supporting civilians" is not an alliance.
ORGANISED_SECTORS = {
    "government", "military", "police", "intelligence", "rebels", "militia", "igo", "opposition",
    "party", "legislature", "criminal", None,
}

# Descriptions that name a state institution: "the army", "the government" after "Nigeria"
# or "Nigerian troops" is Nigeria's army or government, whatever sector the antecedent had.
STATE_ANAPHORS = {"army", "military", "government", "authorities", "regime", "administration", "police"}
