"""Batch parsing: local processes and Dask give the single-process result, in input order (small gazetteer)."""

from __future__ import annotations

import json
from pathlib import Path

from dataclasses import replace

import pytest

from geo.runner import parse_many
from geo.text.documents import load_documents
from geo.model import Document, InputError

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset" / "gold.jsonl"


@pytest.fixture(scope="module")
def documents():
    """The seed reports plus the domain dev set's texts (when present): real war reporting."""
    docs, problems = load_documents([ROOT / "seeds"])
    assert not problems
    if DEVSET.exists():
        for line in DEVSET.read_text(encoding="utf-8").splitlines()[:12]:
            item = json.loads(line)
            docs.append(Document(id=f"dev:{item['id']}", text=item["text"]))
    return docs


def _dump(parsed):
    return [json.dumps(p.to_dict(), sort_keys=True, default=str) for p in parsed]


@pytest.fixture(scope="module")
def single(documents, gazetteer):
    return parse_many(documents, gazetteer=gazetteer, workers=1)


def test_single_process_keeps_input_order(documents, single):
    assert [p.document.id for p in single] == [d.id for d in documents]
    assert len(single) == len(documents) > 0
    # The same documents, with the language the first stage detects filled in.
    assert all(replace(p.document, language=d.language) == d and p.document.language for p, d in zip(single, documents))


@pytest.mark.parametrize("workers, chunksize", [(2, 1), (2, 3)])
def test_process_pool_matches_single_process(documents, single, gazetteer, workers, chunksize):
    parsed = parse_many(documents, gazetteer=gazetteer, workers=workers, chunksize=chunksize, progress=False)
    assert [p.document.id for p in parsed] == [d.id for d in documents]
    assert _dump(parsed) == _dump(single)


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster


@pytest.mark.parametrize("chunksize", [None, 2])
def test_dask_on_local_cluster_matches_single_process(documents, single, gazetteer, cluster, chunksize):
    parsed = parse_many(documents, gazetteer=gazetteer, engine="dask", scheduler=cluster.scheduler_address,
                        chunksize=chunksize, progress=False)
    assert [p.document.id for p in parsed] == [d.id for d in documents]
    assert _dump(parsed) == _dump(single)


def test_dask_through_a_client(documents, single, gazetteer, cluster):
    from distributed import Client

    with Client(cluster) as client:
        parsed = parse_many(documents[:3], gazetteer=gazetteer, engine="dask", scheduler=client)
        assert client.status == "running"  # a caller's client is left open
    assert _dump(parsed) == _dump(single[:3])


def test_empty_batch():
    assert parse_many([], workers=2) == [] and parse_many([], engine="dask") == []


def test_unknown_engine_refused(documents):
    with pytest.raises(ValueError, match="engine"):
        parse_many(documents, engine="threads")


def test_errors_list_collects_nothing_for_good_documents(documents, gazetteer):
    errors: list[InputError] = []
    parse_many(documents[:2], gazetteer=gazetteer, workers=1, errors=errors)
    assert errors == []
