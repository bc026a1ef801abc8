"""thinc's CPU ops with matrix products done by numpy's BLAS.

Half of the tagger's time is matrix products. thinc's ``NumpyOps`` multiplies with the
bundled blis, which here ran at about 80 GFLOP/s on the tagger's shapes; numpy's
OpenBLAS (AVX-512 kernels) ran the same products at about 155 GFLOP/s, one thread each.
Everything else is ``NumpyOps`` unchanged, so the trained weights and the results are
the same up to float rounding.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
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


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


@lru_cache(maxsize=1)
def keep_freed_memory() -> bool:
    """Let glibc keep the tagger's freed scratch memory for the next batch.

    Each batch allocates and frees arrays of tens of megabytes. By default glibc maps the
    largest ones fresh and returns freed heap tops to the kernel, so every batch faulted
    its memory in again: 9 s of a 61 s run over 2 million characters were spent in the
    kernel. With the mmap threshold at 256 MB and the trim threshold at 1 GB the same run
    spends no time there and peak memory is unchanged (the memory is reused, not added).
    Process-wide and only on glibc; returns whether it applied.
    """
    if not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl or another libc: nothing to tune
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, 256 << 20)) and bool(mallopt(_M_TRIM_THRESHOLD, 1 << 30))
