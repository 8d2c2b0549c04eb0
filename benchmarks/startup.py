"""Start-up: how long ``ticketlint --version`` and a one-epic offline check take, against
the interpreter's own start-up, and whether an offline check imports the jira library."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import generate


def _best_wall(command: list[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - started)
    return best


def _ticketlint() -> list[str]:
    script = Path(sys.executable).parent / "ticketlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ticketlint"]


def startup_rows(workdir: Path, repeats: int) -> list[dict[str, Any]]:
    workdir.mkdir(parents=True, exist_ok=True)
    one = workdir / "one-epic.jsonl"
    one.write_text(json.dumps(generate(1)[0]) + "\n")
    python = _best_wall([sys.executable, "-c", "pass"], repeats)
    version = _best_wall([*_ticketlint(), "--version"], repeats)
    check = _best_wall([*_ticketlint(), "check", "-q", "--fail-on", "never", "--source", str(one)], repeats)
    traced = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ticketlint", "check", "-q", "--source", str(one)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    imported = re.compile(r"\|\s+(jira|requests)$")  # -X importtime: "... | cumulative |   name"
    jira_modules = sum(1 for line in traced.stderr.splitlines() if imported.search(line.rstrip()))
    return [
        {"what": "start-up, ticketlint --version (s)", "ours": version, "reference": python,
         "ratio": version / python, "target": "under 0.3 s (reference: python -c pass)"},
        {"what": "start-up, check --source of one epic (s)", "ours": check, "reference": python,
         "ratio": check / python, "target": "informational"},
        {"what": "jira and requests imported by an offline check (modules)", "ours": jira_modules,
         "reference": 0, "ratio": None, "target": "0"},
    ]  # fmt: skip
