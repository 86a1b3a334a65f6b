"""How the base pipeline's matrix products run on a CPU.

thinc multiplies through the BLIS it bundles. BLIS chooses its kernels from the CPUs it was built
for and falls back to slower ones elsewhere: on the project's AMD EPYC (AVX-512) it ran float32
products at about 31 GFLOPS against 83-97 for numpy's OpenBLAS, which picks its kernels when it
loads. The models' outputs do not change (EWT test: no token's tag, head, label or entity
differs), so sitrep builds its base pipeline on numpy's BLAS unless a config says "blis".
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from thinc.api import NumpyOps, get_current_ops, use_ops
from threadpoolctl import threadpool_limits

from sitrep.errors import Errors, SitrepError

CHOICES = ("numpy", "blis")


def building_ops(choice: str) -> AbstractContextManager:
    """The context to build models in so that they multiply with `choice`.

    Only thinc's plain CPU ops are replaced: GPU ops, or Apple's Accelerate ops, are left as the
    user set them."""
    if choice not in CHOICES:
        raise SitrepError(Errors.E014.format(value=choice, choices=", ".join(CHOICES)))
    if type(get_current_ops()) is not NumpyOps:
        return nullcontext()
    return use_ops("numpy", use_blis=choice == "blis")


def limit_blas_threads(threads: int) -> None:
    """Cap the BLAS libraries loaded in this process at `threads` (0 leaves them alone).

    sitrep scales with worker processes, one per core; OpenBLAS's own threads would compete with
    them, and while they wait they spin, which costs CPU time without doing work."""
    if threads > 0:
        threadpool_limits(limits=threads, user_api="blas")
