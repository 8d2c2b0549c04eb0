"""The benchmark suite still runs (tiny sizes), so it cannot rot between real runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_benchmarks_run_and_agree_with_the_handwritten_floor(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--smoke", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "| what | ticketlint | reference | ratio | target |" in done.stdout
    rows = json.loads((tmp_path / "results.json").read_text())["rows"]
    agreement = next(r for r in rows if r["what"].startswith("findings agreeing"))
    assert agreement["ours"] == 1.0, "ticketlint and the hand-written floor disagree on some epic"
