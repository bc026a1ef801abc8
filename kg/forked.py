"""Groups of jobs over one in-memory graph, each group in its own forked process.

Exports only read the finished graph, so forked children share it with the parent
(copy-on-write) instead of receiving a pickled copy. The first group runs in the
calling process; where fork is not available, every group runs there in turn.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable

Job = Callable[[], Any]

_GROUPS: list[list[Job]] = []  # inherited by the forked children, never pickled
_BACKGROUND: dict[int, Job] = {}


def _run(index: int) -> list[Any]:
    return [job() for job in _GROUPS[index]]


def _run_background(key: int) -> Any:
    return _BACKGROUND[key]()


class Background:
    """One job in a forked process while this one goes on; ``result()`` waits for it."""

    def __init__(self, job: Job) -> None:
        key = len(_BACKGROUND)
        _BACKGROUND[key] = job
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        try:
            self.future = self.pool.submit(_run_background, key)  # forks here, with the job in place
        finally:
            del _BACKGROUND[key]

    def result(self) -> Any:
        try:
            return self.future.result()
        finally:
            self.pool.shutdown()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_groups(groups: list[list[Job]]) -> list[list[Any]]:
    """Each group's results, in order; an exception in any job is raised here."""
    global _GROUPS
    groups = [g for g in groups if g]
    if len(groups) < 2 or not can_fork():
        return [[job() for job in g] for g in groups]
    _GROUPS = groups
    try:
        with ProcessPoolExecutor(len(groups) - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_run, i) for i in range(1, len(groups))]
            first = _run(0)
            return [first, *(f.result() for f in futures)]
    finally:
        _GROUPS = []


def balance(costs: dict[str, float], processes: int, shared: float = 0.0, sharing: frozenset[str] = frozenset()) -> list[list[str]]:
    """Tasks spread over ``processes`` groups, largest first onto the least loaded group.

    A group that takes any task in ``sharing`` pays ``shared`` once (the RDF formats
    share one pass over the triples).
    """
    groups: list[list[str]] = [[] for _ in range(max(1, processes))]
    load = [0.0] * len(groups)
    for task in sorted(costs, key=lambda t: (-costs[t], t)):

        def after(i: int) -> float:
            extra = shared if task in sharing and not sharing.intersection(groups[i]) else 0.0
            return load[i] + costs[task] + extra

        best = min(range(len(groups)), key=lambda i: (after(i), i))
        load[best] = after(best)
        groups[best].append(task)
    return [g for g in groups if g]
