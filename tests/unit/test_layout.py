"""The package's shape: imports flow one way, with no circles."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_import_circles_among_the_packages():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_cycles.py")], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 import circles" in done.stdout


def test_the_circle_finder_finds_a_circle(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg import b\n")
    (pkg / "b.py").write_text("def f():\n    from pkg.a import x\n")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_cycles.py"), "pkg"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "pkg.a pkg.b" in done.stdout
