"""``python -m sitrep.training PART``: the same as ``sitrep train PART``."""

from .cli import main

main()
