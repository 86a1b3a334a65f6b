"""Stage sitrep_actors: mentions linked to KB actors or kept as new ones."""

from __future__ import annotations

from sitrep.pipeline import load, run
from tests.actors.conftest import actor_of


def test_linker_isis_k_family_is_one_actor(link):
    doc = link("ISIS-K claimed the attack. Officials blamed IS-Khorasan, and ISKP denied it. "
               "Islamic State Khorasan Province later said more.")
    actors = [a for a in doc._.actors if a.kb_id == "iskp"]
    assert len(actors) == 1
    assert [m.text for m in actors[0].mentions] == ["ISIS-K", "IS-Khorasan", "ISKP", "Islamic State Khorasan Province"]
    assert actors[0].name == "Islamic State Khorasan Province" and actors[0].id.startswith("a")
    for m in actors[0].mentions:
        assert doc.text[m.start:m.end] == m.text


def test_linker_sector_and_country(link):
    doc = link("Pakistani soldiers clashed with TTP fighters, the Pentagon said. Kenyan police arrested two men.")
    soldiers = actor_of(doc, "Pakistani soldiers")
    assert (soldiers.kb_id, soldiers.sector, soldiers.country) == ("PAK-MIL", "military", "PAK")
    assert actor_of(doc, "the Pentagon").kb_id == "USA-MIL"
    assert actor_of(doc, "TTP fighters").kb_id == "ttp"
    police = actor_of(doc, "Kenyan police")
    assert (police.sector, police.country) == ("police", "KEN")
    doc = link("Hundreds of young men were killed by law enforcement agents in the barrios.")
    assert actor_of(doc, "law enforcement agents").sector == "police"


def test_linker_former_status_is_a_separate_actor(link):
    doc = link("Former Afghan soldiers joined the group. The Afghan army collapsed in August. "
               "Ex-members of the NDS fled.")
    former = actor_of(doc, "Former Afghan soldiers")
    army = actor_of(doc, "Afghan army")
    assert former.status == "former" and former.kb_id == "AFG-MIL" and former.country == "AFG"
    assert army.status is None and army.id != former.id
    nds = next(a for a in doc._.actors if a.kb_id == "AFG-SPY")
    assert nds.sector == "intelligence"


def test_linker_the_group_takes_compatible_antecedent(link):
    doc = link("Boko Haram attacked a village in Borno state. The Nigerian army said the group lost ten fighters.")
    boko = next(a for a in doc._.actors if a.kb_id == "boko-haram")
    assert "the group" in [m.text for m in boko.mentions]
    army = actor_of(doc, "Nigerian army")
    assert "the group" not in [m.text for m in army.mentions]


def test_linker_descriptor_needs_tag(link):
    doc = link("The Taliban met ISWAP envoys. The Taliban spokesman said the terror group was not welcome.")
    iswap = next(a for a in doc._.actors if a.kb_id == "iswap")
    assert "the terror group" in [m.text for m in iswap.mentions]


def test_linker_unknown_actors_are_kept_with_a_sector(link):
    doc = link("Unidentified gunmen killed two farmers near the market.")
    gunmen = actor_of(doc, "gunmen")
    farmers = actor_of(doc, "farmers")
    assert gunmen.kb_id is None and gunmen.sector == "rebels"
    assert farmers.kb_id is None and farmers.sector == "civilians"


def test_linker_unknown_named_org_from_ner(tmp_path):
    nlp = load(base="blank:en", stages=[])
    ruler = nlp.add_pipe("entity_ruler")  # stands in for a trained NER: it sets doc.ents
    ruler.add_patterns([{"label": "ORG", "pattern": "Zorland Liberation Front"}])
    from sitrep.pipeline.factories import register_stage

    register_stage("sitrep_actors")
    nlp.add_pipe("sitrep_actors")
    doc = run(nlp, "The Zorland Liberation Front ambushed a convoy.")
    actor = actor_of(doc, "Zorland Liberation Front")
    assert actor.kb_id is None and actor.sector == "rebels"


def test_linker_extra_kb_config(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("- {id: zlf, name: Zorland Liberation Front, aliases: [ZLF], sector: rebels, country: AFG}\n", encoding="utf-8")
    cfg = tmp_path / "sitrep.cfg"
    cfg.write_text(
        '[sitrep]\nbase = "blank:en"\nexclude = []\nstages = ["sitrep_actors"]\n\n[stages]\n\n'
        f'[stages.sitrep_actors]\nextra_kb = ["{path}"]\n', encoding="utf-8")
    doc = run(load(cfg), "ZLF fighters ambushed a convoy.")
    actor = actor_of(doc, "ZLF fighters")
    assert (actor.kb_id, actor.country) == ("zlf", "AFG")


def test_linker_place_is_not_an_actor(link):
    doc = link("Fighting continued in Afghanistan and Syria. Pakistan accused India of shelling.")
    assert all(m.text not in ("Afghanistan", "Syria") for a in doc._.actors for m in a.mentions)
    assert actor_of(doc, "Pakistan").kb_id == "PAK"
    assert actor_of(doc, "India").sector == "government"


def test_linker_titled_person_without_ner(link):
    doc = link("Gambian President Dawda Jawara met rebels in Darfur, Sudan. Hungarian and Romanian officials agreed.")
    person = actor_of(doc, "Dawda Jawara")
    assert (person.kb_id, person.sector, person.country) == (None, "government", "GMB")
    assert actor_of(doc, "rebels").country == "SDN"
    assert actor_of(doc, "Hungarian").country == "HUN"
    assert actor_of(doc, "Romanian officials").country == "ROU"


def test_person_takes_no_country_from_an_earlier_item_of_a_list():
    nlp = load(base="blank:en", stages=[])
    ruler = nlp.add_pipe("entity_ruler")  # stands in for a trained NER: it sets doc.ents
    ruler.add_patterns([{"label": "PERSON", "pattern": "John Mwangi"}, {"label": "PERSON", "pattern": "Dawda Jawara"}])
    from sitrep.pipeline.factories import register_stage

    register_stage("sitrep_actors")
    nlp.add_pipe("sitrep_actors")
    doc = run(nlp, "Delegates came from Kenya, Uganda and Tanzania, and John Mwangi spoke first. "
                   "Gambian President Dawda Jawara replied.")
    assert actor_of(doc, "John Mwangi").country is None
    assert actor_of(doc, "Dawda Jawara").country == "GMB"


def test_linker_capital_only_when_acting(link):
    doc = link("The claim was denied by Washington. Talks were held in Moscow.")
    assert actor_of(doc, "Washington").kb_id == "USA"
    assert all(m.text != "Moscow" for a in doc._.actors for m in a.mentions)


def test_linker_plural_description_takes_two_actors(link):
    doc = link("Hamas and Fatah met in Cairo. The two groups agreed on a truce.")
    holders = [a.kb_id for a in doc._.actors if any(m.text == "The two groups" for m in a.mentions)]
    assert sorted(holders) == ["fatah", "hamas"]


def test_linker_state_description_takes_country(link):
    doc = link("Nigerian troops entered Maiduguri on Monday. The army said the town was calm.")
    army = actor_of(doc, "The army")
    assert (army.kb_id, army.country) == ("NGA-MIL", "NGA")
    assert actor_of(doc, "Nigerian troops").id == army.id


def test_linker_alias_before_full_stop(link):
    doc = link("Former soldiers joined ISIS-K. Others joined IS-K.")
    (actor,) = [a for a in doc._.actors if a.kb_id == "iskp"]
    assert [m.text for m in actor.mentions] == ["ISIS-K", "IS-K"]
    assert all(doc.text[m.start:m.end] == m.text for m in actor.mentions)


def test_linker_text_without_capitals(link):
    text = ("the guatemala army said today that guerrillas of the farabundo marti national liberation front "
            "attacked a farm. it is clear that the fmln wants to show us its strength, the army said. ") * 2
    doc = link(text)
    army = actor_of(doc, "guatemala army")
    assert army.kb_id == "GTM-MIL"
    fmln = next(a for a in doc._.actors if a.kb_id == "fmln")
    assert {m.text for m in fmln.mentions} >= {"fmln", "farabundo marti national liberation front"}
    assert not any(a.kb_id in ("isis", "USA") for a in doc._.actors)  # "is", "us" are words here


def test_linker_weapon_platforms_stand_for_their_force(link):
    doc = link("Turkish artillery shelled a village. Russian drones struck Kharkiv overnight.")
    assert actor_of(doc, "Turkish artillery").kb_id == "TUR-MIL"
    assert (actor_of(doc, "Russian drones").sector, actor_of(doc, "Russian drones").country) == ("military", "RUS")


def test_linker_description_before_a_name_is_one_mention(link):
    doc = link("The rebel movement Seleka seized Bangui on Sunday.")
    seleka = actor_of(doc, "The rebel movement Seleka")
    assert (seleka.kb_id, seleka.sector, seleka.country) == ("seleka", "rebels", "CAF")
    assert not any(a.name == "rebel movement" for a in doc._.actors)


def test_descriptor_gives_an_unknown_name_its_sector_and_kind():
    from sitrep.actors.candidate import Candidate
    from sitrep.actors.matching import _named_by_descriptor

    group = Candidate(0, 3, "anaphor", sector="rebels", name="the militant group")
    name = Candidate(3, 5, "entity", name="Ansar Khalifa")
    later = Candidate(9, 11, "person", name="Ansar Khalifa")  # the NER's reading of a later mention
    journalist = Candidate(14, 15, "generic", sector="media", name="journalist")
    person = Candidate(15, 17, "person", name="Ana Lima")
    out = _named_by_descriptor([group, name, later, journalist, person])
    assert [(c.start, c.end, c.kind, c.sector) for c in out] == [
        (0, 5, "entity", "rebels"), (9, 11, "entity", "rebels"), (14, 17, "person", "media")]
    apart = Candidate(4, 6, "entity", name="Ansar Khalifa")  # a word between: no apposition
    assert _named_by_descriptor([Candidate(0, 3, "anaphor", sector="rebels", name="the group"), apart])[1].sector is None


def test_kb_names_match_without_accents():
    from sitrep.actors.kb import fold, load_kb

    assert fold("Séléka") == fold("Seleka")
    assert load_kb().lookup("Séléka").id == "seleka"


def _with_ner(patterns: list[dict]):
    nlp = load(base="blank:en", stages=[])
    nlp.add_pipe("entity_ruler").add_patterns(patterns)  # stands in for a trained NER
    from sitrep.pipeline.factories import register_stage

    register_stage("sitrep_actors")
    nlp.add_pipe("sitrep_actors")
    return nlp


def test_bracketed_acronym_and_the_organization_are_the_named_org():
    nlp = _with_ner([{"label": "ORG", "pattern": "Consejo de Organizaciones de Honduras"},
                     {"label": "ORG", "pattern": "COPINH"}, {"label": "ORG", "pattern": "Movimiento Amplio de Honduras"}])
    doc = run(nlp, "Garcia belonged to the Consejo de Organizaciones de Honduras (COPINH), the same organization "
                   "that Caceres led. COPINH called for an inquiry. The Movimiento Amplio de Honduras marched.")
    org = actor_of(doc, "Consejo de Organizaciones de Honduras")
    assert org.country == "HND"
    assert {m.text for m in org.mentions} >= {"COPINH", "the same organization"}
    assert len([m for m in org.mentions if m.text == "COPINH"]) == 2
    assert actor_of(doc, "Movimiento Amplio de Honduras") is not org


def test_bracketed_acronym_is_the_named_org_even_where_the_kb_knows_it_as_another():
    nlp = _with_ner([{"label": "ORG", "pattern": "National Police Agency"}])
    doc = run(nlp, "National Police Agency (NPA) chief Huang vowed to bolster security. The NPA sent officers.")
    agency = actor_of(doc, "National Police Agency")
    assert [m.text for m in agency.mentions] == ["National Police Agency", "NPA", "NPA"]
    assert not any(a.kb_id == "npa" for a in doc._.actors)  # not the New People's Army


def test_an_organization_with_no_antecedent_gets_no_sector_guess(link):
    doc = link("The organization said it would appeal.")
    assert actor_of(doc, "The organization").sector is None
    assert actor_of(link("The terror group said it would fight on."), "The terror group").sector == "rebels"


def test_the_adjective_of_an_attack_names_its_perpetrator(link):
    doc = link("A militant ambush killed four soldiers in Kunar.")
    assert actor_of(doc, "militant").sector == "rebels"
    # before any other noun the adjective names no one
    assert not [a for a in link("The US put the group on its terrorist list.")._.actors if a.name == "terrorist"]


def test_the_body_recovered_is_no_organisation(link):
    doc = link("The Palestinian Red Crescent treated 19 wounded. Police recovered the body on Monday.")
    assert not [m for a in doc._.actors for m in a.mentions if m.text == "the body"]
    assert actor_of(link("The UN Security Council met. The world body condemned the attack."), "The world body")



def test_a_country_name_in_a_list_of_persons_is_a_person():
    nlp = load()  # the default config: its NER reads the names
    doc = run(nlp, "I lost my brother, Daniel Rivera; two nephews, Jordan and Josué Rivera. Jordan and Israel signed a deal.")
    persons = {a.name: a for a in doc._.actors if a.kb_id is None}
    assert persons["Jordan"].country is None and persons["Josué Rivera"].country is None
    assert any(a.kb_id == "JOR" for a in doc._.actors)  # the state, where the text names it


def test_an_unknown_organisation_takes_its_sector_from_its_name():
    import spacy

    from sitrep.actors.matching import guess_org_sector

    nlp = spacy.blank("en")
    for name, sector in (("Progressive Movement", "party"), ("Patriotic Union of Kurdistan", "party"),
                         ("Tupac Amaru Revolutionary Movement", "rebels"), ("National Liberation Front", "rebels"),
                         ("Mineworkers Union", "labour"), ("Mahdi Army", "rebels"), ("Bolivian Army", "military"),
                         ("Kachin Independence Army", "rebels")):
        doc = nlp(name)
        assert guess_org_sector(doc[:], {"Bolivian", "Bolivia"}.__contains__) == sector, name


def test_a_general_secretary_is_no_general(link):
    doc = link("The rally was led by the party's General Secretary Tarun Chug. General Asim Munir visited the troops.")
    assert actor_of(doc, "Tarun Chug").sector != "military"
    assert actor_of(doc, "Asim Munir").sector == "military"
    doc = link("Councilman César Lesme said the mayor was not guarded.")
    assert actor_of(doc, "César Lesme").sector == "government"


def test_a_verb_ends_a_described_mention():
    doc = run(load(), "If the party disobeyed government orders, they would be imprisoned.")
    assert not any("disobeyed" in m.text for a in doc._.actors for m in a.mentions)
