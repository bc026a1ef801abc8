"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over an export (Starlette + pyoxigraph).

Each query runs in a forked worker that opens the on-disk store read-only, so a runaway
query is killed at the timeout without touching the server. Updates are refused.
"""

from __future__ import annotations

import multiprocessing as mp
import tempfile
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from kg.validate import bulk_load, is_store, loadable_export

RESULT_TYPES = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "application/xml": pyoxigraph.QueryResultsFormat.XML,
    "text/csv": pyoxigraph.QueryResultsFormat.CSV,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {"text/turtle": pyoxigraph.RdfFormat.TURTLE, "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES}
UPDATE_TYPE = "application/sparql-update"


def prepare_store(target: Path, store_dir: Path | None = None) -> Path:
    """An on-disk store of ``target``: used as is when it is one, else loaded from the export."""
    if is_store(target):
        return target
    path = loadable_export(target)
    if path is None:
        raise FileNotFoundError(f"{target}: no graph.ttl or graph.nt to serve")
    store_dir = store_dir or Path(tempfile.mkdtemp(prefix="kg-store-"))
    store = pyoxigraph.Store(str(store_dir))
    bulk_load(store, path)
    store.flush()
    del store
    return store_dir


def _run(store_dir: str, query: str, accept: str, limit: int, conn) -> None:  # in the worker
    try:
        store = pyoxigraph.Store.read_only(store_dir)
        result = store.query(query)
        if isinstance(result, pyoxigraph.QueryTriples):
            fmt = GRAPH_TYPES.get(accept, pyoxigraph.RdfFormat.N_TRIPLES)
            triples = [t for _, t in zip(range(limit), result)]
            body = pyoxigraph.serialize(triples, format=fmt)
            conn.send((200, fmt.media_type, body))
            return
        fmt = RESULT_TYPES.get(accept, pyoxigraph.QueryResultsFormat.JSON)
        if isinstance(result, pyoxigraph.QuerySolutions):
            variables = result.variables
            rows = [row for _, row in zip(range(limit + 1), result)]
            truncated = len(rows) > limit
            body = _solutions(variables, rows[:limit], fmt)
            conn.send((200, fmt.media_type, body, truncated))
            return
        conn.send((200, fmt.media_type, result.serialize(format=fmt)))
    except SyntaxError as exc:
        conn.send((400, "text/plain", f"query does not parse: {exc}".encode()))
    except Exception as exc:  # noqa: BLE001 - reported to the client, the server goes on
        conn.send((400, "text/plain", f"query failed: {exc}".encode()))


def _solutions(variables: list, rows: list, fmt: pyoxigraph.QueryResultsFormat) -> bytes:
    """Serialize already-read solutions by re-querying them as VALUES (keeps the limit exact)."""
    store = pyoxigraph.Store()
    names = " ".join(str(v) for v in variables)
    values = " ".join(
        "(" + " ".join(str(row[v]) if row[v] is not None else "UNDEF" for v in variables) + ")" for row in rows
    )
    q = f"SELECT {names} WHERE {{ VALUES ({names}) {{ {values} }} }}" if variables else "SELECT * WHERE {}"
    return store.query(q).serialize(format=fmt)


def make_app(store_dir: Path, timeout: float = 10.0, limit: int = 10000) -> Starlette:
    ctx = mp.get_context("fork")

    async def sparql(request: Request) -> Response:
        if request.method == "GET":
            params = request.query_params
            if "update" in params:
                return PlainTextResponse("updates are not allowed: this endpoint is read-only", 403)
            query = params.get("query")
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip()
            if ctype == UPDATE_TYPE:
                return PlainTextResponse("updates are not allowed: this endpoint is read-only", 403)
            if ctype == "application/sparql-query":
                query = (await request.body()).decode("utf8")
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_qs((await request.body()).decode("utf8"))
                if "update" in form:
                    return PlainTextResponse("updates are not allowed: this endpoint is read-only", 403)
                query = form.get("query", [""])[0]
            else:
                return PlainTextResponse(f"unsupported content type {ctype!r}", 415)
        if not query:
            return PlainTextResponse("missing the query parameter", 400)
        accept = _accept(request.headers.get("accept", ""))
        parent, child = ctx.Pipe(duplex=False)
        worker = ctx.Process(target=_run, args=(str(store_dir), str(query), accept, limit, child), daemon=True)
        worker.start()
        child.close()
        import anyio

        ready = await anyio.to_thread.run_sync(parent.poll, timeout)
        if not ready:
            worker.kill()
            worker.join()
            return PlainTextResponse(f"query timed out after {timeout:g} s", 503)
        status, media, body, *extra = parent.recv()
        worker.join()
        headers = {"X-KG-Truncated": "true"} if extra and extra[0] else {}
        return Response(body, status_code=status, media_type=media, headers=headers)

    return Starlette(routes=[Route("/sparql", sparql, methods=["GET", "POST"])])


def _accept(header: str) -> str:
    for part in header.split(","):
        media = part.split(";")[0].strip()
        if media in RESULT_TYPES or media in GRAPH_TYPES:
            return media
    return "application/sparql-results+json"


def serve(target: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0, limit: int = 10000) -> None:
    import uvicorn

    store_dir = prepare_store(target)
    print(f"kg serve: SPARQL endpoint on http://{host}:{port}/sparql (read-only)", flush=True)
    uvicorn.run(make_app(store_dir, timeout, limit), host=host, port=port, log_level="warning")
