"""Parsing and fusion on a Dask cluster (distributed.LocalCluster, two worker processes).

The driver receives fused events; they, the claims, the problems and every output
file must be the same as local processes give.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import geo
from geo.cli.main import cli
from geo.runner import collect, read_inputs

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset" / "gold.jsonl"
OUTPUTS = ("events.geojson", "area_claims.geojson", "events.csv", "regions.csv", "summary.md")

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The seeds, a corpus with a bad line, and (when present) dev set reports: real war reporting."""
    folder = tmp_path_factory.mktemp("in")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    lines = [
        json.dumps({"id": "a", "text": "Russian drones struck Kharkiv overnight, injuring three people.",
                    "published": "2025-03-19"}),
        "{not json",
        json.dumps({"id": 7, "text": "Ukrainian drones attacked an oil depot in Russia's Bryansk region on Tuesday.",
                    "published": "2025-03-19"}),
    ]
    if DEVSET.exists():
        for line in DEVSET.read_text(encoding="utf-8").splitlines()[:20]:
            item = json.loads(line)
            lines.append(json.dumps({"id": f"dev-{item['id']}", "text": item["text"], "published": item["published"]}))
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(folder / "seeds"), str(folder / "corpus.jsonl")]


def _dump(events):
    return [json.dumps(e.to_dict(), sort_keys=True, default=str) for e in events]


@pytest.fixture(scope="module")
def local(inputs):
    return collect(read_inputs(inputs), workers=2, cache=False)


def test_cluster_fuses_the_same_events_as_local_processes(inputs, cluster, local):
    got = collect(read_inputs(inputs), engine="dask", scheduler=cluster.scheduler_address, cache=False, chunksize=3)
    assert got.n_documents == local.n_documents and not got.documents
    assert _dump(got.events) == _dump(local.events)
    assert [c.to_dict() for c in got.claims] == [c.to_dict() for c in local.claims]
    assert [str(p) for p in got.problems] == [str(p) for p in local.problems]
    assert any("corpus.jsonl:2" in str(p) for p in got.problems)
    assert any("salvo" in e.qualifiers for e in got.events)  # the seeds' salvo, folded on the cluster


def test_cluster_unfused_and_with_documents(inputs, cluster, local):
    raw = collect(read_inputs(inputs), engine="dask", scheduler=cluster.scheduler_address, fuse=False,
                  keep_documents=True, cache=False)
    assert [p.document.id for p in raw.documents] == [p.document.id
                                                      for p in collect(read_inputs(inputs), keep_documents=True,
                                                                       fuse=False, workers=1, cache=False).documents]
    assert sorted(_dump(raw.events)) == sorted(_dump(e for p in raw.documents for e in p.events))


def test_map_on_the_cluster_writes_the_same_files(inputs, cluster, tmp_path):
    runner = CliRunner()
    here = runner.invoke(cli, ["map", *inputs, "-o", str(tmp_path / "local"), "-j", "2", "--no-cache"])
    there = runner.invoke(cli, ["map", *inputs, "-o", str(tmp_path / "dask"), "--engine", "dask",
                                "--scheduler", cluster.scheduler_address, "--no-cache"])
    assert here.exit_code == there.exit_code == 1  # the bad corpus line; the rest written
    for name in OUTPUTS:
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_workers_use_and_fill_the_parse_cache(inputs, cluster, tmp_path, monkeypatch, local):
    path = tmp_path / "parses.sqlite"
    first = collect(read_inputs(inputs), engine="dask", scheduler=cluster.scheduler_address, cache=path)
    import sqlite3

    with sqlite3.connect(path) as con:
        stored = con.execute("SELECT COUNT(*) FROM parses").fetchone()[0]
    assert stored == local.n_documents
    second = collect(read_inputs(inputs), engine="dask", scheduler=cluster.scheduler_address, cache=path)
    assert _dump(first.events) == _dump(second.events) == _dump(local.events)


def test_api_on_the_cluster(inputs, cluster, local):
    report = geo.analyze(inputs, engine="dask", scheduler=cluster.scheduler_address, cache=False)
    assert report.n_documents == len(report.documents) == local.n_documents
    assert _dump(report.event_list) == _dump(local.events)


def tag_outlet(pd, gaz):
    """A stage of the test's own: marks every document it sees, wherever it runs."""
    from dataclasses import replace

    return replace(pd, document=replace(pd.document, outlet="tagged by an added stage"))


def test_a_stage_added_to_the_pipeline_runs_on_the_cluster(cluster):
    from geo.pipeline import Pipeline

    nlp = Pipeline(cache=False).add_stage("tag", tag_outlet, after="sentences")
    texts = ["Russian drones struck Kharkiv overnight.", "Ukrainian drones hit a depot in the Bryansk region."]
    results = list(nlp.pipe(texts, engine="dask", scheduler=cluster, chunksize=1))
    assert [r.document.outlet for r in results] == ["tagged by an added stage"] * 2
    assert [r.document.id for r in results] == ["text-1", "text-2"]


def test_the_same_stage_runs_in_local_worker_processes():
    from geo.pipeline import Pipeline

    nlp = Pipeline(cache=False).add_stage("tag", tag_outlet)
    texts = [f"Russian drones struck Kharkiv on day {n}." for n in range(6)]
    results = list(nlp.pipe(texts, n_process=2, chunksize=2))
    assert {r.document.outlet for r in results} == {"tagged by an added stage"}
    assert len(results) == 6


@pytest.mark.slow
def test_a_dask_run_is_quiet_unless_asked(tmp_path):
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text("Russian drones struck Kharkiv overnight, the mayor said.", encoding="utf-8")
    exe = [sys.executable, "-m", "geo.cli.main"]
    args = ["map", str(report), "-o", str(tmp_path / "out"), "--engine", "dask", "-j", "1", "--no-cache"]
    quiet = subprocess.run(exe + args, capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0, quiet.stderr
    assert "INFO distributed" not in quiet.stderr  # (a warning, e.g. a port in use, may still show)
    loud = subprocess.run(exe + ["-v"] + args + ["--force"], capture_output=True, text=True, timeout=300)
    assert loud.returncode == 0 and "INFO distributed" in loud.stderr
