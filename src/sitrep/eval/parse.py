"""`sitrep eval parse`: dependency attachment (UAS/LAS) and tagging accuracy on a treebank.

Each gold CoNLL-U sentence is parsed on its gold words (gold tokenisation and sentence
boundaries, as in the CoNLL 2018 shared task's "gold tokens" setting), punctuation
included. LAS compares full UD relations (``nmod:poss``); ``las_universal`` compares the
part before the colon, as the shared task did.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import Errors, SitrepError
from sitrep.training.conllu import Sentence, read_conllu

# Pipes that tag, lemmatize or parse, in sitrep's model and in spaCy's packaged pipelines.
SYNTAX_PIPES = ("tok2vec", "transformer", "tagger", "morphologizer", "attribute_ruler",
                "trainable_lemmatizer", "lemmatizer", "parser")
BATCH_SIZE = 256


def run(data: Path, *, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    """Parse a CoNLL-U file's sentences and score them against its gold trees.

    data (Path): A .conllu file.
    nlp (Language | None): The pipeline; sitrep's shipped model if None.
    limit (int | None): Only the first ``limit`` sentences.
    RETURNS (dict): uas, las, las_universal, upos, xpos, morph, lemma accuracies, words/s.
    """
    sentences = list(read_conllu(Path(data)))[:limit]
    if not sentences:
        raise SitrepError(Errors.E802.format(path=data))
    nlp = nlp if nlp is not None else load_syntax()
    docs = [_gold_words_doc(nlp, s) for s in sentences]
    procs = [(name, proc) for name, proc in nlp.pipeline if name in SYNTAX_PIPES]
    started = time.process_time()
    for _, proc in procs:
        docs = list(proc.pipe(docs, batch_size=BATCH_SIZE)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    seconds = time.process_time() - started
    counts = {k: 0 for k in ("uas", "las", "las_universal", "upos", "xpos", "morph", "lemma")}
    words = 0
    for sent, doc in zip(sentences, docs):
        for i, (row, token) in enumerate(zip(sent.rows, doc)):
            words += 1
            head_ok = token.head.i == row.head
            counts["uas"] += head_ok
            counts["las"] += head_ok and token.dep_.lower() == row.deprel.lower()
            counts["las_universal"] += head_ok and token.dep_.split(":")[0].lower() == row.deprel.split(":")[0].lower()
            counts["upos"] += token.pos_ == row.upos
            counts["xpos"] += token.tag_ == row.xpos
            counts["morph"] += str(token.morph) == (row.feats if row.feats != "_" else "")
            counts["lemma"] += token.lemma_ == row.lemma
    metrics: dict[str, Any] = {k: round(v / words, 4) if words else 0.0 for k, v in counts.items()}
    metrics.update(
        sentences=len(sentences),
        words=words,
        words_per_second=round(words / seconds, 1) if seconds else None,
        pipes=[name for name, _ in procs],
    )
    return metrics


def report(metrics: dict[str, Any]) -> str:
    """UAS/LAS and tagging accuracies as a short table."""
    lines = [
        (
            f"parse on {metrics.get('data', '')} ({metrics['sentences']} sentences, "
            f"{metrics['words']} words, {metrics['words_per_second']} words/s of CPU time; "
            f"pipes {', '.join(metrics['pipes'])})"
        )
    ]
    names = {
        "uas": "UAS", "las": "LAS", "las_universal": "LAS (universal relations)",
        "upos": "POS (UPOS) accuracy", "xpos": "tag (XPOS) accuracy",
        "morph": "morphology accuracy", "lemma": "lemma accuracy",
    }
    for key, name in names.items():
        lines.append(f"{name:<28}{metrics[key]:>7.3f}")
    return "\n".join(lines)


def load_syntax() -> Language:
    """sitrep's shipped pipeline without its NER, built as sitrep's runs build it."""
    from sitrep.pipeline import load_base
    from sitrep.training.paths import MODEL_DIR

    return load_base(str(MODEL_DIR), exclude=["ner"])


def _gold_words_doc(nlp: Language, sent: Sentence) -> Doc:
    """A Doc of the sentence's gold words, marked as one sentence."""
    words = [row.word for row in sent.rows]
    spaces = [row.space_after for row in sent.rows]
    starts = [True] + [False] * (len(words) - 1)
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)
