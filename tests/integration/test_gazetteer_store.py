"""The store's life cycle on real files: validity checks, corrupt store rebuilt, concurrent builds, fallbacks."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gazetteer import Gazetteer, store


@pytest.fixture(scope="module")
def built(gazetteer) -> Path:
    """The real store's path (built once per machine by the session fixture)."""
    return gazetteer.path


def test_default_store_is_valid_and_keyed_by_inputs(built):
    assert store.check(built, store.input_hash()) is None
    assert built.name.startswith(store.STORE_PREFIX) and store.input_hash()[:16] in built.name


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "incomplete"])
def test_damaged_copies_are_detected(built, tmp_path, damage):
    copy = tmp_path / "g.sqlite"
    shutil.copyfile(built, copy)
    if damage == "truncate":
        with open(copy, "r+b") as fh:
            fh.truncate(copy.stat().st_size // 2)
    elif damage == "garbage":
        copy.write_bytes(b"not a database at all" * 100)
    elif damage == "empty":
        copy.write_bytes(b"")
    else:
        import sqlite3

        con = sqlite3.connect(copy)
        con.execute("UPDATE meta SET value = '0' WHERE key = 'complete'")
        con.commit()
        con.close()
    assert store.check(copy) is not None


def test_other_inputs_make_the_store_stale(built):
    assert store.check(built, "0" * 64) == "built from other inputs"


def test_unwritable_cache_dir_falls_back_to_a_temporary_one(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache dir's parent should be")
    monkeypatch.setenv(store.ENV_CACHE_DIR, str(blocker / "cache"))
    with pytest.warns(RuntimeWarning, match="not writable"):
        directory = store.usable_dir()
    assert directory != blocker / "cache" and os.access(directory, os.W_OK)


def test_cache_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ENV_CACHE_DIR, str(tmp_path / "c"))
    assert store.cache_dir() == tmp_path / "c"
    assert store.store_path().parent == tmp_path / "c"


def test_open_a_given_valid_path(built):
    gaz = Gazetteer.open(built)
    assert gaz.path == built and gaz.search("Kyiv")[0].geonameid == 703448


_BUILDER = """
import json, sys
from gazetteer import Gazetteer
gaz = Gazetteer.open(sys.argv[1])
print(json.dumps({"top": gaz.search("Sumy region")[0].admin1_code, "built": gaz.info()["built"]}))
"""


@pytest.mark.slow
def test_corrupt_store_is_rebuilt_by_two_processes_at_once(built, tmp_path):
    """A truncated store, opened by two processes at the same time: one rebuilds, both get a good store."""
    target = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(built, target)
    with open(target, "r+b") as fh:
        fh.truncate(target.stat().st_size // 3)
    assert store.check(target) is not None
    procs = [subprocess.Popen([sys.executable, "-c", _BUILDER, str(target)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=1200) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    results = [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]
    assert all(r["top"] == "UA.21" for r in results)
    assert results[0]["built"] == results[1]["built"]  # one build, the other process reused it
    assert store.check(target) is None
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]  # no temporary file left behind


_OPENER = """
import json, logging, sys
logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s", stream=sys.stderr)
from gazetteer import Gazetteer
gaz = Gazetteer.open()
print(json.dumps({"path": str(gaz.path), "built": gaz.info()["built"], "top": gaz.search("Sumy region")[0].admin1_code}))
"""


def _open_in(directory: Path) -> subprocess.Popen:
    env = dict(os.environ, **{store.ENV_CACHE_DIR: str(directory)})
    return subprocess.Popen([sys.executable, "-c", _OPENER], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _temps(directory: Path) -> list[Path]:
    return sorted(directory.glob(f"{store.TEMP_PREFIX}*.tmp*"))


def _builders(tmp: Path) -> list[int]:
    """Ids of live processes building into ``tmp`` (its path is on their command line)."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if str(tmp).encode() in (d / "cmdline").read_bytes():
                    pids.append(int(d.name))
            except OSError:
                continue
    return pids


def _wait_for_builder(directory: Path, proc: subprocess.Popen) -> tuple[Path, int]:
    import time

    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        temps = _temps(directory)
        if temps and _builders(temps[0]):
            return temps[0], _builders(temps[0])[0]
        time.sleep(0.05)
    raise AssertionError("no build started")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc to see the build's child")
def test_a_killed_build_leaves_no_temporary_file_for_good_and_first_runs_build_once(tmp_path):
    """SIGKILL the builder, then a first run while it builds; then three first runs at once: one build."""
    import signal
    import time

    # The building child killed: its parent says so in one line and removes the temporary file.
    victim = _open_in(tmp_path)
    tmp, child = _wait_for_builder(tmp_path, victim)
    os.kill(child, signal.SIGKILL)
    _, err = victim.communicate(timeout=120)
    assert victim.returncode != 0 and "building the gazetteer store failed" in err
    assert not _temps(tmp_path)

    # The first run itself killed half way: its child dies with it; the temporary file stays for now.
    victim = _open_in(tmp_path)
    tmp, child = _wait_for_builder(tmp_path, victim)
    time.sleep(1.0)
    assert victim.poll() is None, "the build finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=60)  # not communicate(): an orphan holding the pipes would make it wait for the orphan
    deadline = time.monotonic() + 10
    while _builders(tmp) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = _builders(tmp)
    victim.stdout.close()
    victim.stderr.close()
    assert not orphans  # no orphan goes on writing
    assert _temps(tmp_path) == [tmp] and not list(tmp_path.glob(f"{store.STORE_PREFIX}*.sqlite"))

    procs = [_open_in(tmp_path) for _ in range(3)]
    outs = [p.communicate(timeout=1200) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    results = [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]
    assert {r["top"] for r in results} == {"UA.21"}
    assert len({r["path"] for r in results}) == 1 and len({r["built"] for r in results}) == 1
    logs = "".join(err for _, err in outs)
    assert logs.count("built gazetteer store") == 1  # one process built, the others waited and used it
    assert "removed 1 temporary file(s) of an unfinished gazetteer build" in logs
    assert not _temps(tmp_path)
    assert store.check(Path(results[0]["path"]), store.input_hash()) is None


def test_stale_temporary_files_are_removed_and_stores_of_the_other_family_kept(tmp_path):
    stale = [tmp_path / f"{store.TEMP_PREFIX}abc.tmp", tmp_path / f"{store.TEMP_PREFIX}def.tmp-journal"]
    for p in stale:
        p.write_bytes(b"half a store")
    keep = [tmp_path / "notes.tmp", tmp_path / "gazetteer.lock"]
    for p in keep:
        p.write_bytes(b"")
    assert sorted(store.remove_stale_temps(tmp_path)) == sorted(stale)
    assert all(p.exists() for p in keep) and not any(p.exists() for p in stale)
    oldest, older = tmp_path / f"{store.STORE_PREFIX}{'0' * 16}.sqlite", tmp_path / f"{store.STORE_PREFIX}{'3' * 16}.sqlite"
    new = tmp_path / f"{store.STORE_PREFIX}{'1' * 16}.sqlite"
    larger = tmp_path / f"{store.GEONAMES_PREFIX}{'2' * 16}.sqlite"
    for age, p in enumerate((new, larger, older, oldest)):
        p.write_bytes(b"")
        os.utime(p, (time.time() - 3600 * age, time.time() - 3600 * age))
    store._remove_stale(tmp_path, keep=new)
    # The most recent other store of the family stays (another checkout's), older ones go.
    assert not oldest.exists() and older.exists() and new.exists() and larger.exists()
