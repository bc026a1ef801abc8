"""thinc's CPU ops with matrix products done by numpy's BLAS.

Half of the tagger's time is matrix products. thinc's ``NumpyOps`` multiplies with the
bundled blis, which here ran at about 80 GFLOP/s on the tagger's shapes; numpy's
OpenBLAS (AVX-512 kernels) ran the same products at about 155 GFLOP/s, one thread each.
Everything else is ``NumpyOps`` unchanged, so the trained weights and the results are
the same up to float rounding.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import Optional

from thinc.api import Model, NumpyOps, Ops
from thinc.types import Floats2d
from thinc.api import registry


@registry.ops("KgBlasOps")
class BlasOps(NumpyOps):
    name = "kg_blas"

    def gemm(
        self,
        x: Floats2d,
        y: Floats2d,
        out: Optional[Floats2d] = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Floats2d:
        return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)


def use_blas_ops(model: Model) -> None:
    """Give every layer of ``model`` the BLAS-backed ops (weights stay where they are)."""
    ops = BlasOps()
    for node in model.walk():
        if type(node.ops) is NumpyOps:
            node.ops = ops


@lru_cache(maxsize=1)
def _controller() -> object | None:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency of kg
        return None
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager:
    """BLAS on one thread while the tagger predicts.

    kg runs one pipeline process per core (``n_process``, ``--workers``); OpenBLAS would
    otherwise start a thread per core in each of them and they would fight for the cores.
    Training is left with BLAS's own threads.
    """
    controller = _controller()
    if controller is None:  # pragma: no cover
        return nullcontext()
    return controller.limit(limits=1, user_api="blas")
