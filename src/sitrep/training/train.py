"""Build sitrep's English pipeline from ../shared/data: corpora, training, assembly.

One pipeline is trained on ONE shared efficiency CNN (``training/configs/en_sitrep.cfg``):
tagger, morphologizer, lemmatizer and parser learn from UD English EWT + open GUM, the NER from
the harmonised open NER sets (``labels.py``), all in the same run. Each component learns from
the documents that carry its annotation (spaCy skips missing annotation) and the CNN from all
of them, so the pipeline runs one CNN instead of two: about 45% faster than the earlier build
with a separate NER CNN, at the same NER and parser accuracy (docs/model-card.md).

``assemble`` adds the place ruler and saves the result to ``src/sitrep/models/en_sitrep``.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import time
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import DocBin

from sitrep.pipeline.matmul import building_ops

from . import paths
from .conllu import chunk_by_document, read_conllu, sentences_to_doc
from .gazetteer import add_place_ruler

logger = logging.getLogger(__name__)

SENTS_PER_DOC = 10  # context for sentence-boundary learning, as spaCy's converter uses
PARSE_TREEBANKS = (paths.EWT_DIR, paths.GUM_DIR)


def build_parse_corpus(work: Path) -> dict[str, Path]:
    """Write train/dev DocBins of EWT + GUM with gold syntax.

    work (Path): The folder for intermediate files.
    RETURNS (dict[str, Path]): The DocBin path of each split.
    """
    nlp = spacy.blank("en")
    out = {}
    for split in ("train", "dev"):
        docbin = DocBin(store_user_data=False)
        for treebank in PARSE_TREEBANKS:
            sentences = read_conllu(paths.ud_file(treebank, split))
            for chunk in chunk_by_document(sentences, SENTS_PER_DOC):
                docbin.add(sentences_to_doc(nlp.vocab, chunk))
        out[split] = work / f"parse-{split}.spacy"
        docbin.to_disk(out[split])
        logger.info("parse %s: %d docs -> %s", split, len(docbin), out[split])
    return out


def train_pipeline(config: Path, corpus: dict[str, Path], output: Path, seed: int) -> Path:
    """Train one spaCy pipeline and return the folder of its best model.

    config (Path): The checked-in .cfg file.
    corpus (dict[str, Path]): DocBins for 'train' and 'dev'.
    output (Path): The training output folder (model-best, model-last).
    seed (int): The random seed for spaCy, thinc and Python.
    RETURNS (Path): ``output``.
    """
    random.seed(seed)
    clean_output(output)  # no checkpoint of an earlier run may survive as model-best
    overrides = {
        "paths.train": str(corpus["train"]),
        "paths.dev": str(corpus["dev"]),
        "system.seed": seed,
    }
    started = time.time()
    with building_ops("numpy"):  # thinc's bundled BLIS multiplies 2.6-3x slower here (sitrep.pipeline.matmul)
        spacy_train(config, output, use_gpu=-1, overrides=overrides)
    logger.info("trained %s in %.0f s", config.name, time.time() - started)
    return output


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` as indented JSON."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf8")


def train_model(work: Path, seed: int = 0) -> Path:
    """Train syntax and NER together on one shared CNN, from the treebanks and NER corpora."""
    work.mkdir(parents=True, exist_ok=True)
    parse, ner = build_parse_corpus(work), build_ner_corpus(work)
    corpus = {split: _corpus_folder(work / f"corpus-{split}", [parse[split], ner[split]])
              for split in ("train", "dev")}
    train_pipeline(paths.CONFIG_DIR / "en_sitrep.cfg", corpus, work / MODEL_RUN, seed)
    return trained_model(work)


def _corpus_folder(folder: Path, docbins: list[Path]) -> Path:
    """A folder holding the given DocBins: spaCy's corpus reader reads every .spacy file in it."""
    clean_output(folder)
    folder.mkdir(parents=True)
    for docbin in docbins:
        shutil.copy(docbin, folder / docbin.name)
    return folder


def clean_output(path: Path) -> None:
    """Remove a previous output folder so a rebuild starts from nothing."""
    if path.exists():
        shutil.rmtree(path)


def build_ner_corpus(work: Path) -> dict[str, Path]:
    """Write train/dev DocBins of the harmonised open NER corpora."""
    from .ner_corpus import ner_docs

    out = {}
    for split in ("train", "dev"):
        docbin = DocBin(docs=ner_docs(split), store_user_data=False)
        out[split] = work / f"ner-{split}.spacy"
        docbin.to_disk(out[split])
        logger.info("ner %s: %d docs -> %s", split, len(docbin), out[split])
    return out


def assemble(model_dir: Path, out: Path = paths.MODEL_DIR) -> Path:
    """Add the place ruler and the model's metadata to a trained pipeline and save it, lean.

    The place ruler (``gazetteer.py``) follows the NER and only adds places it left unlabelled.

    model_dir (Path): The trained pipeline (``trained_model``).
    out (Path): Where the assembled pipeline goes (the shipped model by default).
    RETURNS (Path): ``out``.
    """
    nlp = spacy.load(model_dir)
    add_place_ruler(nlp)
    nlp.meta.update(
        name="en_sitrep",
        version=_package_version(),
        description="sitrep's English pipeline: tagger, morphologizer, lemmatizer, parser "
        "and NER trained from open data (see docs/model-card.md)",
        license="CC BY-SA 4.0",
        author="sitrep",
        sources=[
            {"name": "UD English EWT", "license": "CC BY-SA 4.0"},
            {"name": "UD English GUM (open genres)", "license": "CC BY 4.0 / CC BY-SA"},
            {"name": "re3d (CENTCOM, US State Department, UK Government)", "license": "public domain / OGL v3"},
            {"name": "WNUT17", "license": "CC BY 4.0"},
            {"name": "wikigold", "license": "CC BY 4.0"},
            {"name": "Broad Twitter Corpus", "license": "CC BY 4.0"},
        ],
    )
    nlp.meta["performance"] = _read_scores(model_dir)
    clean_output(out)
    nlp.to_disk(out)
    logger.info("assembled %s -> %s", nlp.pipe_names, out)
    return out


def _read_scores(model_dir: Path) -> dict:
    """The dev scores spaCy stored in a trained model's meta.json."""
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf8"))
    return {k: v for k, v in meta.get("performance", {}).items() if not isinstance(v, dict)}


def _package_version() -> str:
    """sitrep's version, stamped on the model."""
    from sitrep import __version__

    return __version__


def check_data() -> None:
    """Fail early, with the fix, when ../shared/data is not there."""
    from sitrep.errors import Errors, SitrepError

    for folder in (paths.EWT_DIR, paths.GUM_DIR, paths.RE3D_DIR, paths.WNUT_DIR, paths.BTC_DIR):
        if not folder.is_dir():
            raise SitrepError(Errors.E301.format(path=folder))


MODEL_RUN = "en_sitrep"  # the training run's folder under the work folder


def trained_model(work: Path) -> Path:
    """The last checkpoint of the training run, or E302 when there is none.

    The last, not spaCy's model-best: the run has a fixed length, and on this mixed dev corpus
    spaCy's selection score leaves the parser out (its first evaluation has no parse scores, and
    spaCy then drops their weights), so model-best is chosen on the NER and tags alone.
    """
    from sitrep.errors import Errors, SitrepError

    path = work / MODEL_RUN / "model-last"
    if not (path / "config.cfg").is_file():
        raise SitrepError(Errors.E302.format(part="model", path=path))
    return path


def evaluate_model(model_dir: Path) -> dict:
    """Held-out scores of an assembled pipeline: parser on EWT/GUM test, NER on GUM test,
    WNUT17 test and en_worldwide_newswire_ner (evaluation only, never trained on)."""
    from sitrep.eval import ner, parse
    from sitrep.pipeline import load_base

    nlp = load_base(str(model_dir))  # built as sitrep's runs build it, so the speed is theirs
    scores = {}
    for name, treebank in (("parse_ewt_test", paths.EWT_DIR), ("parse_gum_test", paths.GUM_DIR)):
        scores[name] = parse.run(paths.ud_file(treebank, "test"), nlp=nlp)
    ner_sets = {
        "ner_gum_test": paths.ud_file(paths.GUM_DIR, "test"),
        "ner_wnut17_test": paths.WNUT_DIR / "emerging.test.annotated",
        "ner_newswire": paths.NEWSWIRE_DIR,
    }
    scores["speed"] = measure_speed(nlp, paths.ud_file(paths.EWT_DIR, "test"))
    # the NER reads the shared CNN, so only the syntax components may be left out
    ner_nlp = load_base(str(model_dir), exclude=["tagger", "morphologizer", "trainable_lemmatizer", "parser"])
    for name, data in ner_sets.items():
        if data.exists():
            scores[name] = ner.run(data, nlp=ner_nlp)
            scores[name]["data"] = str(data)
    return scores


def measure_speed(nlp: spacy.language.Language, conllu: Path) -> dict:
    """Words per second of CPU time of the whole pipeline on a treebank's raw text.

    CPU time of this process (one thread), not wall time: the machine is shared, and the
    goal is stated per core.
    """
    texts = [s.meta.get("text", "") for s in read_conllu(conllu)]
    words = sum(len(nlp.make_doc(t)) for t in texts)
    started = time.process_time()
    for _ in nlp.pipe(texts, batch_size=SPEED_BATCH):
        pass
    seconds = time.process_time() - started
    return {"words": words, "cpu_seconds": round(seconds, 2), "words_per_second": round(words / seconds),
            "pipes": nlp.pipe_names}


SPEED_BATCH = 256


def format_scores(scores: dict) -> str:
    """The reports of every evaluation in ``scores``."""
    from sitrep.eval import ner, parse

    parts = []
    speed = scores.get("speed")
    if speed:
        parts.append(f"speed: {speed['words_per_second']:,} words/s of one core's CPU time, "
                     f"whole pipeline ({', '.join(speed['pipes'])}), {speed['words']:,} words")
    for name, metrics in scores.items():
        if name == "speed":
            continue
        metrics.setdefault("data", name)
        parts.append((parse if name.startswith("parse") else ner).report(metrics))
    return "\n\n".join(parts)
