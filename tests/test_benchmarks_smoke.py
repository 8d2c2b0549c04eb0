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
    by_what = {r["what"]: r for r in rows}
    agreements = [r for what, r in by_what.items() if what.startswith("findings agreeing")]
    assert len(agreements) == 2 and all(r["ours"] == 1.0 for r in agreements), "some epic disagrees"
    # Counts, not timings: these hold on any machine.
    assert all(
        r["ratio"] == 1.0
        for what, r in by_what.items()
        if what.startswith(("requests,", "write requests, first"))
    )
    assert all(r["ours"] == 0 for what, r in by_what.items() if what.startswith("write requests, second"))
    assert by_what["jira and requests imported by an offline check (modules)"]["ours"] == 0
