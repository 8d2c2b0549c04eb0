"""Peak memory of ``ticketlint check --source`` over a small and a large export.

Streaming means the peak hardly grows with the number of epics: each run is a fresh
process (its own interpreter start-up included) whose peak resident set size is read by
the parent; the ratio of the large run to the small one should stay under 1.5.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.generate import generate

_MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def export(path: Path, count: int) -> Path:
    """``count`` generated epics as JSON Lines, written as they are generated."""
    with path.open("w", encoding="utf-8") as out:
        for start in range(0, count, 10_000):
            for issue in generate(min(10_000, count - start), seed=20261129 + start, first=start + 1):
                out.write(json.dumps(issue) + "\n")
    return path


def peak_rss_mb(source: Path) -> float:
    """Peak RSS in MB of one ``check --source`` of ``source`` in a fresh process."""
    command = [sys.executable, "-m", "ticketlint", "check", "-q", "--fail-on", "never"]
    command += ["--source", str(source)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024  # ru_maxrss is in KB on Linux


def memory_rows(small: int, large: int, workdir: Path) -> list[dict[str, Any]]:
    workdir.mkdir(parents=True, exist_ok=True)
    small_mb = peak_rss_mb(export(workdir / f"epics-{small}.jsonl", small))
    large_mb = peak_rss_mb(export(workdir / f"epics-{large}.jsonl", large))
    return [{
        "what": f"peak RSS, check --source of {large:,} epics vs {small:,} (MB)",
        "ours": large_mb, "reference": small_mb, "ratio": large_mb / small_mb,
        "target": "under 1.5 (streaming)",
    }]  # fmt: skip
