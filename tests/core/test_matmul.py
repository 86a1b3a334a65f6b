"""The base pipeline's matrix products: numpy's BLAS by default, BLIS on request, same output."""

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from sitrep.errors import SitrepError
from sitrep.pipeline import load_base
from sitrep.pipeline.matmul import building_ops

TEXT = ("Gunmen attacked a police checkpoint in Kandahar on Monday, killing three officers, "
        "the provincial governor told Reuters. The Taliban denied any role.")


def analyses(nlp):
    doc = nlp(TEXT)
    return [(t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]


def test_default_multiplies_with_numpy_and_blis_gives_the_same_analysis():
    numpy_nlp = load_base("sitrep:en_sitrep")
    blis_nlp = load_base("sitrep:en_sitrep", cpu_matmul="blis")
    assert numpy_nlp.get_pipe("tok2vec").model.ops.use_blis is False
    assert blis_nlp.get_pipe("tok2vec").model.ops.use_blis is True
    assert analyses(numpy_nlp) == analyses(blis_nlp)


def test_blas_threads_are_capped():
    threadpool_limits(limits=2, user_api="blas")
    load_base("blank:en", blas_threads=1)
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


def test_unknown_choice_is_a_clear_error():
    with pytest.raises(SitrepError, match=r"E014.*numpy, blis"):
        building_ops("mkl")
