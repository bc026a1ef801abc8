"""`kg serve` answers a real SPARQL client, refuses updates and stops runaway queries."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SDO, RDF
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
from urllib.error import HTTPError


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("export")
    g = Graph()
    for i in range(300):
        s = URIRef(f"https://example.org/id/entity/p{i}")
        g.add((s, RDF.type, SDO.Person))
        g.add((s, RDFS.label, Literal(f"人物{i}", lang="zh")))
    g.serialize(folder / "graph.ttl", format="turtle")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(folder), "--port", str(port), "--timeout", "2", "--limit", "100"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(10)


def test_a_sparql_client_gets_results(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery('SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "人物7"@zh }')
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == ["https://example.org/id/entity/p7"]


def test_results_are_cut_at_the_limit(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery("SELECT ?s WHERE { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    assert len(client.queryAndConvert()["results"]["bindings"]) == 100


def test_rdflib_sparqlstore_reads_it(endpoint: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = Graph(store=SPARQLStore(endpoint))
    [(n,)] = list(store.query("SELECT (COUNT(?s) AS ?n) WHERE { ?s a <https://schema.org/Person> }"))
    assert int(n) == 300


def test_updates_are_refused(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery('INSERT DATA { <urn:a> <urn:b> "c" }')
    with pytest.raises((SPARQLWrapperException, HTTPError)) as info:
        client.query()
    assert "403" in str(info.value) or "read-only" in str(info.value)


def test_a_runaway_query_is_stopped(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    client.setReturnFormat(JSON)
    start = time.time()
    with pytest.raises((SPARQLWrapperException, HTTPError)) as info:
        client.queryAndConvert()
    assert time.time() - start < 15
    assert "503" in str(info.value) or "timed out" in str(info.value)
