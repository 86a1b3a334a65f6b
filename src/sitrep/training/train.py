"""Build sitrep's English pipeline from ../shared/data: corpora, training, assembly.

Two pipelines are trained separately, each on its own CNN so that the NER can learn from
corpora that have no syntax and the parser from treebanks that have no complete entities:

1. ``parser``: tagger, morphologizer, lemmatizer, parser on UD English EWT + open GUM.
2. ``ner``: entity recogniser on the open NER sets, labels harmonised (see ``labels.py``).

``assemble`` sources both into one pipeline saved to ``src/sitrep/models/en_sitrep``.
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

from . import paths
from .conllu import chunk_by_document, read_conllu, sentences_to_doc

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
    RETURNS (Path): ``output / "model-best"``.
    """
    random.seed(seed)
    overrides = {
        "paths.train": str(corpus["train"]),
        "paths.dev": str(corpus["dev"]),
        "system.seed": seed,
    }
    started = time.time()
    spacy_train(config, output, use_gpu=-1, overrides=overrides)
    logger.info("trained %s in %.0f s", config.name, time.time() - started)
    return output / "model-best"


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` as indented JSON."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf8")


def train_parser(work: Path, seed: int = 0) -> Path:
    """Build the treebank corpus and train the syntax pipeline."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = build_parse_corpus(work)
    return train_pipeline(paths.CONFIG_DIR / "parser.cfg", corpus, work / "parser", seed)


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


def train_ner(work: Path, seed: int = 0) -> Path:
    """Build the NER corpus and train the entity recogniser."""
    work.mkdir(parents=True, exist_ok=True)
    corpus = build_ner_corpus(work)
    return train_pipeline(paths.CONFIG_DIR / "ner.cfg", corpus, work / "ner", seed)
