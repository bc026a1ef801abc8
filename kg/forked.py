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

_NEXT: list[Job] = []  # the job the next fork runs: inherited by the child, never pickled


def _run_next() -> Any:
    return _NEXT[0]()


class Background:
    """One job in a forked process while this one goes on; ``result()`` waits for it."""

    def __init__(self, job: Job) -> None:
        _NEXT.append(job)
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        try:
            self.future = self.pool.submit(_run_next)  # forks here, with the job in place
        finally:
            _NEXT.clear()

    def result(self) -> Any:
        try:
            return self.future.result()
        finally:
            self.pool.shutdown()


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_groups(groups: list[list[Job]]) -> list[list[Any]]:
    """Each group's results, in order; an exception in any job is raised here."""
    groups = [g for g in groups if g]
    if len(groups) < 2 or not can_fork():
        return [[job() for job in g] for g in groups]
    others = [Background(lambda g=g: [job() for job in g]) for g in groups[1:]]
    first = [job() for job in groups[0]]
    return [first, *(b.result() for b in others)]


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
