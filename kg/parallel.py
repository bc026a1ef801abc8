"""The pipeline in several processes: local worker processes, or a Dask cluster.

Both send partitions of articles out and get compact results back: per article only
what the pipeline found (every field of its Extraction but the article: sentences,
mentions, relations, place codes, the aliases the text defines). Each worker
process loads the pipeline once (``shared_nlp`` keeps it). The driver already holds the
articles, re-attaches them, and the build folds the results exactly as it folds a
one-process run, so the graph is identical whatever order partitions finish in.
At most two partitions per worker are in flight, so the input is read no faster than
the workers get through it. Cluster workers need kg (with its pipeline) installed in
the same version as the driver.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import fields
from typing import Any, Callable, Iterable, Iterator

from kg.records import Extraction
from kg.ingest import Article

Found = dict[str, Any]  # an Extraction's fields but its article, which the driver holds
_FOUND = tuple(f.name for f in fields(Extraction) if f.name != "article")


def extract_partition(articles: list[Article], model: str | None) -> list[Found]:
    """Runs in a worker: the pipeline and extraction over one partition."""
    from kg.pipeline import analyse

    return [{name: getattr(ex, name) for name in _FOUND} for ex in analyse(articles, model)]


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    part: list[Article] = []
    chars = 0
    for a in articles:
        part.append(a)
        chars += len(a.text)
        if chars >= size:
            yield part
            part, chars = [], 0
    if part:
        yield part


def _drive(
    articles: Iterable[Article],
    size: int,
    workers: int,
    submit: Callable[[list[Article]], Any],
    wait_any: Callable[[set], tuple[set, set]],
) -> Iterator[Extraction]:
    sent: dict[Any, list[Article]] = {}

    def collect(done: set) -> Iterator[Extraction]:
        for future in done:
            part = sent.pop(future)
            for article, found in zip(part, future.result()):
                yield Extraction(article, **found)

    for part in partitions(articles, size):
        sent[submit(part)] = part
        while len(sent) >= 2 * workers:
            done, _ = wait_any(set(sent))
            yield from collect(done)
    while sent:
        done, _ = wait_any(set(sent))
        yield from collect(done)


def analyse_in_processes(articles: Iterable[Article], workers: int, model: str | None, size: int) -> Iterator[Extraction]:
    """``workers`` local processes, each with its own pipeline."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _drive(
            articles, size, workers,
            lambda part: pool.submit(extract_partition, part, model),
            lambda fs: wait(fs, return_when=FIRST_COMPLETED),
        )


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A Dask client for ``address``; ``local`` or ``local:N`` starts a LocalCluster of N worker processes."""
    from distributed import Client, LocalCluster

    if address == "local" or address.startswith("local:"):
        n = int(address.partition(":")[2] or 2)
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                yield client
    else:
        with Client(address) as client:
            yield client


def analyse_on_cluster(articles: Iterable[Article], address: str, model: str | None, size: int) -> Iterator[Extraction]:
    """The pipeline on the Dask cluster at ``address``."""
    from distributed import wait as dask_wait

    with connect(address) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        yield from _drive(
            articles, size, workers,
            lambda part: client.submit(extract_partition, part, model, pure=False),
            lambda fs: dask_wait(fs, return_when="FIRST_COMPLETED"),
        )
