"""Write requests and wall time of ``ticketlint apply`` against the fake Jira.

Requests: every generated epic misses decisions, so the first run needs one comment POST
and one label update per epic (2N); a second run with nothing changed needs none. Wall
time with latency injected per request: the floor is the reads of the run (serverInfo,
field list, myself, the search pages, one after another) plus the writes spread over the
pool (writes x latency / workers).
"""

from __future__ import annotations

import math
import time
from typing import Any

from click.testing import CliRunner

from benchmarks.jira_requests import PAGE, site
from ticketlint.cli import main

WORKERS = 4  # apply.workers default


def _writes(fake: Any) -> int:
    return sum(1 for r in fake.requests if r.method != "GET")


def apply_twice(mode: str, count: int, latency: float) -> tuple[int, int, float]:
    """(writes of the first run, writes of the second, wall seconds of the first)."""
    with site(mode, count, latency) as fake:
        runner = CliRunner()
        with runner.isolated_filesystem():
            started = time.perf_counter()
            first = runner.invoke(main, ["apply", "-q", "--fail-on", "never"])
            wall = time.perf_counter() - started
            assert first.exit_code == 0, first.stderr
            written = _writes(fake)
            fake.reset_log()
            second = runner.invoke(main, ["apply", "-q", "--fail-on", "never"])
            assert second.exit_code == 0, second.stderr
        return written, _writes(fake), wall


def write_rows(count: int, timed_count: int, latency: float) -> list[dict[str, Any]]:
    rows = []
    for mode, label in (("cloud", "Cloud"), ("dc", "Data Center")):
        first, second, _ = apply_twice(mode, count, 0.0)
        rows.append({
            "what": f"write requests, first apply of {count:,} epics ({label})",
            "ours": first, "reference": 2 * count, "ratio": first / (2 * count),
            "target": "1.00 (2 per epic)",
        })  # fmt: skip
        rows.append({
            "what": f"write requests, second apply, nothing changed ({label})",
            "ours": second, "reference": 0, "ratio": None, "target": "0",
        })  # fmt: skip
    _, _, wall = apply_twice("cloud", timed_count, latency)
    reads = 3 + math.ceil(timed_count / PAGE)
    floor = reads * latency + 2 * timed_count * latency / WORKERS
    rows.append({
        "what": f"wall time, first apply of {timed_count:,} epics, {latency * 1000:.0f} ms per request "
        "(Cloud), s",
        "ours": wall, "reference": floor, "ratio": wall / floor, "target": "within 1.2x",
    })  # fmt: skip
    return rows
