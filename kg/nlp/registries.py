"""catalogue registries that are read on every Doc sent between processes, looked up once.

srsly asks its msgpack encoder and decoder registries for all their functions on every
``dumps``/``loads``, and spaCy asks for displaCy's colour registry on every render. Each
such ``get_all`` copies catalogue's global registry (every function spaCy and thinc
register) and scans the installed packages' entry points: with ``n_process=2`` on news
sentences of 42 characters, that was most of the time spent moving Docs between the
processes (34.6k chars/s; 48.4k with the lookups cached). The cache is kept until
something new is registered, so a registration made later is still seen; entry points
of packages installed while the process runs are not.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import catalogue


def _cached(get_all: Callable[[], dict[str, Any]]) -> Callable[[], dict[str, Any]]:
    state: dict[str, Any] = {}

    def get_all_cached() -> dict[str, Any]:
        size = len(catalogue.REGISTRY)
        if state.get("size") != size:
            state["size"], state["found"] = size, get_all()
        return dict(state["found"])

    get_all_cached.__wrapped__ = get_all  # type: ignore[attr-defined]
    return get_all_cached


@lru_cache(maxsize=1)
def cache_registry_lookups() -> None:
    """Once per process (forked pipeline processes inherit it)."""
    import srsly.msgpack
    from spacy.util import registry

    for reg in (srsly.msgpack.msgpack_encoders, srsly.msgpack.msgpack_decoders, registry.displacy_colors):
        reg.get_all = _cached(reg.get_all)  # type: ignore[method-assign]
