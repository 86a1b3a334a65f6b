"""`sitrep eval events --data PATH`: score the events stage on one of three open data formats.

The format is recognised from PATH:

- **PLOVER gold records** (a folder holding ``PLOVER_GSR_CAMEO.txt``, or that file): one coded
  sentence per record, compared with the first event sitrep finds in it; type accuracy and
  macro-F1 over PLOVER 0.8's types (draft labels mapped by `sitrep.events.ontology.LEGACY_TYPES`),
  and whether its source/target actors match the record's.
- **MUC-4** (a split such as ``muc4/dev.json``, one JSON document per line with ``extracts``):
  the standard document-level role F1 (GRIT's: a predicted string is right when it equals one
  mention of a gold entity) for PerpInd, PerpOrg, Target, Victim, Weapon.
- **IndiaPoliceEvents** (a folder with ``sents.jsonl``, ``docs.jsonl``, ``metadata.jsonl``):
  sentence-level P/R/F1 for KILL, ARREST, FORCE, FAIL, ANY_ACTION, read from sitrep's events by
  the mapping in `ipe_labels` (docs/events.md), never trained on.

    metrics = run(Path("../shared/data/india_police_events"), limit=500)
    print(report(metrics))
"""

from __future__ import annotations

import importlib.util
import json
import re
import string
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import Errors, SitrepError
from sitrep.eval.matching import max_matching
from sitrep.events.mentions import EventMention
from sitrep.events.ontology import EVENT_TYPES, current_type
from sitrep.pipeline import load, run_many
from sitrep.pipeline.doc import sentence_index
from sitrep.pipeline.factories import STAGES

EVENT_STAGES = ("sitrep_entities", "sitrep_quantities", "sitrep_actors", "sitrep_events", "sitrep_casualties", "sitrep_claims")
MUC_ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
IPE_LABELS = ("KILL", "ARREST", "FORCE", "FAIL", "ANY_ACTION")


# --- entry points ---


def run(data: Path, *, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score the events stage on the data set at `data`; the format is recognised from the path."""
    data = Path(data)
    kind = detect(data)
    nlp = nlp or default_pipeline(kind)
    if "sitrep_events" not in nlp.pipe_names:
        raise SitrepError(Errors.E862.format(pipes=", ".join(nlp.pipe_names)))
    started = time.perf_counter()
    metrics = {"plover": _plover, "muc4": _muc4, "ipe": _ipe}[kind](data, nlp, limit)
    metrics.update(format=kind, data=str(data), seconds=round(time.perf_counter() - started, 2),
                   pipeline=[name for name, _ in nlp.pipeline])
    return metrics


def detect(data: Path) -> str:
    """'plover', 'muc4' or 'ipe' for a path holding one of the formats this module reads."""
    if data.is_dir() and all((data / f).is_file() for f in ("sents.jsonl", "docs.jsonl", "metadata.jsonl")):
        return "ipe"
    if _plover_file(data) is not None:
        return "plover"
    if data.is_file() and data.suffix == ".json":
        with data.open(encoding="utf-8") as fh:
            first = fh.readline()
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            record = {}
        if isinstance(record, dict) and {"doctext", "extracts"} <= set(record):
            return "muc4"
    raise SitrepError(Errors.E861.format(path=data))


def default_pipeline(kind: str = "plover") -> Language:
    """The stages events rest on or feed (entities, quantities, actors, events, casualties,
    claims) that exist in this checkout, over a blank English pipeline; for MUC-4 over en_sitrep's
    tagger and parser (its NER left out, as blank has none): the argument model reads the parse,
    and `sitrep.events.train` fits it over this pipeline."""
    stages = [s for s in EVENT_STAGES if importlib.util.find_spec(STAGES[s].module) is not None]
    if kind == "muc4":
        return load(base="sitrep:en_sitrep", exclude=["ner"], stages=stages)
    return load(base="blank:en", stages=stages)


def report(metrics: dict[str, Any]) -> str:
    """A plain-text table of `run`'s metrics."""
    lines = [f"events on {metrics['data']} ({metrics['format']}, {metrics['n']} items, {metrics['seconds']} s)",
             f"pipeline: {', '.join(metrics['pipeline'])}"]
    for key, value in metrics.items():
        if key in {"task", "format", "data", "seconds", "pipeline", "n", "per_label", "per_type"}:
            continue
        lines.append(f"  {key:<24} {_fmt(value)}")
    for name in ("per_label", "per_type"):
        if name in metrics:
            lines.append(f"  {'':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
            for label, m in metrics[name].items():
                lines.append(f"  {label:<12} {m['p']:>6.3f} {m['r']:>6.3f} {m['f1']:>6.3f} {m['gold']:>6}")
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": tp + fn}


def _docs(nlp: Language, texts: Iterable[str]) -> Iterable[Doc]:
    return run_many(nlp, ((t, None) for t in texts))


# --- PLOVER gold records ---


def _plover_file(data: Path) -> Path | None:
    for candidate in (data, data / "PLOVER_GSR_CAMEO.txt", data / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"):
        if candidate.is_file() and candidate.name.startswith("PLOVER_GSR"):
            return candidate
    return None


def _plover(data: Path, nlp: Language, limit: int | None) -> dict[str, Any]:
    path = _plover_file(data)
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    records = records[:limit] if limit else records
    gold, pred, roles = [], [], Counter()
    for record, doc in zip(records, _docs(nlp, (r["text"] for r in records))):
        gold.append(current_type(record["event"]))
        # a record codes one event, the main clause's; in news prose that is the first one told
        best = doc._.events[0] if doc._.events else None
        pred.append(best.type if best else "NONE")
        if best is not None:
            _score_actors(doc, best, record, roles)
    per_type = {}
    for t in EVENT_TYPES:
        tp = sum(g == p == t for g, p in zip(gold, pred))
        fp = sum(p == t != g for g, p in zip(gold, pred))
        fn = sum(g == t != p for g, p in zip(gold, pred))
        if tp + fn:
            per_type[t] = _prf(tp, fp, fn)
    metrics = {
        "n": len(gold),
        "type_accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(len(gold), 1), 4),
        "type_macro_f1": round(sum(m["f1"] for m in per_type.values()) / max(len(per_type), 1), 4),
        "detected": round(sum(p != "NONE" for p in pred) / max(len(pred), 1), 4),
        "per_type": per_type,
    }
    for role in ("source", "target"):
        if roles[f"{role}_gold"]:
            metrics[f"{role}_match"] = round(roles[f"{role}_hit"] / roles[f"{role}_gold"], 4)
    return metrics


def _actor_texts(doc: Doc, ids: list[str]) -> list[str]:
    texts = []
    for actor in doc._.actors or []:
        if actor.id in ids:
            texts.append(actor.name.lower())
            texts.extend(m.text.lower() for m in actor.mentions)
    return texts


def _score_actors(doc: Doc, event, record: dict, counts: Counter) -> None:
    for role in ("source", "target"):
        gold = record.get(role) or []
        gold = [g["actorText"].lower() for g in gold if isinstance(g, dict) and g.get("actorText")]
        if not gold:
            continue
        counts[f"{role}_gold"] += 1
        found = _actor_texts(doc, getattr(event, role))
        if any(g in f or f in g for g in gold for f in found if f):
            counts[f"{role}_hit"] += 1


# --- MUC-4 ---


def _muc4(data: Path, nlp: Language, limit: int | None) -> dict[str, Any]:
    from sitrep.events.arguments import ArgumentFinder

    finder = ArgumentFinder.load()
    # the config's attack-arguments stage says whether the role tagger runs (the fast config: no)
    stage = nlp.get_pipe("sitrep_attack_arguments") if "sitrep_attack_arguments" in nlp.pipe_names else None
    tag = stage.tagger if stage is not None else True
    records = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    records = records[:limit] if limit else records
    counts = {role: Counter() for role in MUC_ROLES}
    seconds = 0.0  # in the argument finder alone (its phrase model and role tagger), not the pipeline
    for record, doc in zip(records, _docs(nlp, (r["doctext"] for r in records))):
        started = time.perf_counter()
        predicted = finder.roles(doc, tag=tag)
        seconds += time.perf_counter() - started
        for role in MUC_ROLES:
            _score_role(predicted.get(role, []), record["extracts"].get(role, []), counts[role])
    total = sum((c for c in counts.values()), Counter())
    per_label = {role: _prf(c["tp"], c["fp"], c["fn"]) for role, c in counts.items()}
    micro = _prf(total["tp"], total["fp"], total["fn"])
    return {"n": len(records), "role_f1": micro["f1"], "role_p": micro["p"], "role_r": micro["r"],
            "role_macro_f1": round(sum(m["f1"] for m in per_label.values()) / len(MUC_ROLES), 4),
            "arguments_ms_per_doc": round(1000 * seconds / max(len(records), 1), 1),
            "role_tagger": f"weight {finder.tagger_weight}" if finder.tagger and tag else "none",
            "incident_type_accuracy": "n/a (the keys beside this split carry no incident type)",
            "per_label": per_label}


PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")
ARTICLES = re.compile(r"\b(a|an|the)\b")


def _norm(text: str) -> str:
    """GRIT's `normalize_string` (SQuAD's): lower-case, delete punctuation, drop articles, squeeze spaces."""
    return " ".join(ARTICLES.sub(" ", PUNCTUATION.sub("", text.lower())).split())


def _score_role(predicted: list[str], gold_entities: list, counts: Counter) -> None:
    """GRIT's document-level matching (`eval.py`, phi_strict): a predicted string is right when it
    equals a mention of a gold entity; each entity is found at most once, by the assignment that
    finds the most (a second string for a found entity is a false positive)."""
    entities = [{_norm(m[0]) for m in entity} for entity in gold_entities]
    texts = list(dict.fromkeys(_norm(p) for p in predicted))
    options = [[i for i, ent in enumerate(entities) if text in ent] for text in texts]
    found = max_matching(options)
    counts["tp"] += found
    counts["fp"] += len(texts) - found
    counts["fn"] += len(entities) - found


# --- IndiaPoliceEvents ---

POLICE = re.compile(
    r"\b(police\w*|cops?|constables?|head constables?|sub-inspectors?|inspectors?|sp|dsp|dcp|acp|ssp|ig|dig|"
    r"commissioners? of police|crpf|raf|rapid action force|srp|sfr|bsf|rpf|grp|paramilitary|jawans|security forces|"
    r"khaki|law enforcers)\b",
    re.IGNORECASE,
)
# "Did police fail to intervene?" has no PLOVER type: it is police inaction, read from these cues
INACTION = re.compile(
    r"\b(mute spectators?|silent spectators?|looked on|stood by|stood idly|did nothing|did not (act|intervene|stop|come|take)|"
    r"failed to|inaction|no action|turned a blind eye|remained passive|refused to (act|intervene|register|help)|"
    r"were nowhere|was nowhere|did not respond|never came|didn't (act|come|stop|intervene)|passive|helpless|"
    r"no police|without police|not a single policeman|complicity|connivance|in connivance|abetted|sided with|"
    r"stood and watched|watched as|could do little|did little|unable to (stop|control|prevent|protect)|not acting|"
    r"no one helped|dereliction|partisan)\b",
    re.IGNORECASE,
)
NON_POLICE_SECTORS = frozenset({"rebels", "insurgents", "militia", "civilians", "religious", "business", "media", "armed_group"})
POLICE_ACTION_TYPES = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "ACCUSE", "RETREAT", "PROTEST", "REQUEST", "THREATEN"})


def _ipe(data: Path, nlp: Language, limit: int | None) -> dict[str, Any]:
    rows = [json.loads(line) for line in (data / "sents.jsonl").open(encoding="utf-8") if line.strip()]
    rows = rows[:limit] if limit else rows
    counts = {label: Counter() for label in IPE_LABELS}
    extractor = nlp.get_pipe("sitrep_events")
    for row, doc in zip(rows, _docs(nlp, (r["sent_text"] for r in rows))):
        predicted = ipe_labels(doc, extractor.mentions(doc))
        for label in IPE_LABELS:
            g, p = label in row["sent_labels"], label in predicted
            counts[label]["tp" if g and p else "fp" if p else "fn" if g else "tn"] += 1
    per_label = {label: _prf(c["tp"], c["fp"], c["fn"]) for label, c in counts.items()}
    total = sum((c for c in counts.values()), Counter())
    micro = _prf(total["tp"], total["fp"], total["fn"])
    return {"n": len(rows), "macro_f1": round(sum(m["f1"] for m in per_label.values()) / len(IPE_LABELS), 4),
            "micro_f1": micro["f1"], "per_label": per_label}


def ipe_labels(doc: Doc, mentions: list[EventMention]) -> set[str]:
    """The IndiaPoliceEvents questions a sentence answers "yes" to, read from its event mentions.

    The task is sentence-level, so this reads each event mention of the sentence (the stage's
    `mentions`, before coreferent mentions are merged). A mention is the police's
    (`_police_acts`) when a source actor is police, the trigger names the police ("police
    firing"), the police is its agent after it ("killed in police firing", "arrested by police"),
    or the police is named just before it in the same clause and no one else is its source.
    Then: KILL a police ASSAULT whose trigger kills or whose sentence has an attack with
    fatalities (`sitrep_casualties`); ARREST a COERCE/arrest whose source is the police or
    unnamed (arrests are police acts); FORCE a police ASSAULT; FAIL a negated or REJECT police
    mention, or the police named with an inaction cue; ANY_ACTION an arrest, a police ASSAULT,
    any asserted mention of a police-action type in a sentence naming the police with no other
    source, a security deployment by no non-state source, or a statement whose speaker is the
    police (`doc._.claims`, when the claims stage runs).
    """
    police_named = bool(POLICE.search(doc.text))
    sectors = {a.id: (a.sector or "").lower() for a in doc._.actors or []}
    fatal = {e.sentence for e in doc._.events if e.type == "ASSAULT" and e.fatalities and (e.fatalities.best or e.fatalities.low or 0) > 0}
    labels: set[str] = set()
    for m in mentions:
        source = {sectors.get(s, "") for s in m.source}
        target = {sectors.get(t, "") for t in m.target}
        police = police_named and _police_acts(doc, m, sectors)
        # "did police do anything?" is read more loosely: police in the sentence, no one else acting
        police_around = police or (police_named and not source & NON_POLICE_SECTORS and "police" not in target)
        if m.modality == "negated" or m.type == "REJECT":  # "failed to disperse", "refused to intervene"
            if police:
                labels.add("FAIL")
            continue
        if m.modality not in {"asserted", "alleged"}:
            continue
        if m.type == "COERCE" and m.mode == "arrest" and not source - {"", "police"}:
            labels.update({"ARREST", "ANY_ACTION"})
        if police and m.type == "ASSAULT":
            labels.update({"FORCE", "ANY_ACTION"})
            if m.act == "kill" or m.mode in {"massacre", "assassinate"} or sentence_index(doc, m.trigger.start_char) in fatal:
                labels.add("KILL")
        if police_around and m.type in POLICE_ACTION_TYPES:
            labels.add("ANY_ACTION")
        if m.type == "MOBILIZE" and not source - {"", "police", "military", "government", "unknown"}:
            labels.add("ANY_ACTION")  # security deployed, roads cordoned: law-enforcement acts, like arrests
    if police_named and INACTION.search(doc.text):
        labels.add("FAIL")
    if any(_police_speaks(claim, sectors) for claim in doc._.claims or []):
        labels.add("ANY_ACTION")  # a statement is something the police did ("police sources said")
    return labels


AGENT_GAP = re.compile(r"[,;]|\b(when|as|while|after|before|because|but|who|which|whom|where|if)\b")
AGENT_MAX_WORDS = 8  # "police on friday evening lobbed tear gas": the police is the subject of a nearby verb
BY_POLICE = re.compile(r"^\W*(\w+\W+){0,3}?(by|in|during)\s+(the\s+)?(\w+\s+)?(police|cops|policemen|crpf|raf|rpf|security forces)\b")


def _police_acts(doc: Doc, m: EventMention, sectors: dict[str, str]) -> bool:
    """Whether the police is the agent of a mention: its source actor, else the police named as the
    subject just before the trigger ("police lobbed tear gas") or as agent after it ("killed in
    police firing", "arrested by the police"), and not as its target."""
    source = {sectors.get(s, "") for s in m.source}
    target = {sectors.get(t, "") for t in m.target}
    if "police" in source or POLICE.search(m.trigger.text):  # "police firing"
        return True
    sent = m.trigger.sent
    if BY_POLICE.search(doc.text[m.trigger.end_char : sent.end_char]):  # "killed in police firing"
        return True
    if source - {"", "police", "unknown"} or "police" in target:
        return False
    before = doc.text[sent.start_char : m.trigger.start_char]
    last = None
    for last in POLICE.finditer(before):
        pass
    if last is not None:
        gap = before[last.end() :]
        return not AGENT_GAP.search(gap) and len(gap.split()) <= AGENT_MAX_WORDS
    return False


def _police_speaks(claim, sectors: dict[str, str]) -> bool:
    if claim.speaker_actor and sectors.get(claim.speaker_actor) == "police":
        return True
    return bool(claim.speaker and POLICE.search(claim.speaker.text))


