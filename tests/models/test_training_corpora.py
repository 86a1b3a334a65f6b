"""Training corpora: label harmonisation, weak labels, missing values, CoNLL-U reading."""

from __future__ import annotations

import pytest
import spacy
from click.testing import CliRunner

from sitrep.training.cli import train_command
from sitrep.training.conllu import read_conllu, sentences_to_doc
from sitrep.training.labels import split_place, strip_span
from sitrep.training.ner_corpus import harmonise, to_doc
from sitrep.training.weak import numeric_spans

CONLLU = """# newdoc id = d1
# text = I can't go.
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\tEntity=(1-person-new-x-x-1-sgl)
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_
2\tca\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

"""


def test_conllu_keeps_the_text_of_multiword_tokens(tmp_path):
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf8")
    sentences = list(read_conllu(path))
    doc = sentences_to_doc(spacy.blank("en").vocab, sentences)
    assert doc.text.strip() == "I can't go."
    assert [t.head.i for t in doc] == [3, 3, 3, 3, 3]
    assert doc[3].dep_ == "ROOT" and doc[1].lemma_ == "can"  # UD "root" becomes spaCy's ROOT


def test_numeric_spans_find_amounts_dates_and_times():
    words = ["On", "27", "January", "2011", "at", "3", "pm", ",", "200", "people", "paid", "$", "5", "million", ",", "30", "percent", "of", "12", "km"]
    found = {(" ".join(words[s:e]), label) for s, e, label in numeric_spans(words)}
    assert found == {("27 January 2011", "DATE"), ("3 pm", "TIME"), ("200", "CARDINAL"),
                     ("$ 5 million", "MONEY"), ("30 percent", "PERCENT"), ("12 km", "QUANTITY")}


def test_harmonise_fills_only_labels_the_source_lacks():
    words = ["Afghan", "troops", "fired", "rockets", "at", "200", "people", "in", "Kabul", "on", "Monday"]
    gold = [(8, 9, "GPE")]
    spans, missing = harmonise(words, gold, frozenset({"GPE", "PERSON", "DATE"}), [])
    labels = {(words[s], label) for s, e, label in spans}
    assert ("Afghan", "NORP") in labels and ("200", "CARDINAL") in labels
    assert ("Monday", "DATE") not in labels  # the source annotates dates: trust its O
    assert missing == [(3, 4, "")]  # the source has no WEAPON label: "rockets" is unknown


def test_to_doc_leaves_missing_words_unknown():
    nlp = spacy.blank("en")
    doc = to_doc(nlp, ["US", "service", "members", "fired", "rockets"], None,
                 [(0, 1, "GPE")], [(0, 3, ""), (4, 5, "")])
    assert [t.ent_iob_ for t in doc] == ["B", "", "", "O", ""]


def test_place_split_and_trimming():
    assert split_place("the United States") == "GPE"
    assert split_place("Middle East") == "LOC"
    assert split_place("Bagram Airfield") == "FAC"
    words = ["the", "President", "Barack", "Obama", "'s"]
    assert strip_span(words, 0, 5, "PERSON") == (2, 4)


def test_train_command_needs_trained_parts(tmp_path):
    result = CliRunner().invoke(train_command, ["assemble", "--work", str(tmp_path), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    assert "E302" in str(result.exception) or "E301" in str(result.exception)


@pytest.mark.parametrize("part", ["all", "model", "assemble"])
def test_train_command_lists_its_parts(part):
    result = CliRunner().invoke(train_command, ["--help"])
    assert part in result.output
