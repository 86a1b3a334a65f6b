"""Where training reads its data, keeps its configs and writes its outputs."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
# ../shared/data next to the repository; SITREP_DATA overrides it.
DATA_DIR = Path(os.environ.get("SITREP_DATA", REPO_ROOT.parent / "shared" / "data"))
CONFIG_DIR = REPO_ROOT / "training" / "configs"
WORK_DIR = REPO_ROOT / "training" / "work"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "en_sitrep"

EWT_DIR = DATA_DIR / "ud_english_ewt"
GUM_DIR = DATA_DIR / "ud_english_gum"
RE3D_DIR = DATA_DIR / "re3d"
WNUT_DIR = DATA_DIR / "wnut17"
WIKIGOLD_FILE = DATA_DIR / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt"
BTC_DIR = DATA_DIR / "btc" / "CONLL-format" / "data"
MUC4_DIR = DATA_DIR / "muc4"
NEWSWIRE_DIR = DATA_DIR / "en_worldwide_newswire_ner" / "processed_annotated"


def ud_file(treebank_dir: Path, split: str) -> Path:
    """The CoNLL-U file of one split ('train', 'dev', 'test') of a UD treebank folder."""
    return next(treebank_dir.glob(f"*-ud-{split}.conllu"))
