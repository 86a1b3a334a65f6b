"""Entity mentions: the baseline ruler that adds what a statistical NER tends to miss."""
