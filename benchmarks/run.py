"""ticketlint's benchmarks: every figure against a baseline measured in the same run.

    python benchmarks/run.py            # full sizes (10,000 and 100,000 epics; several minutes)
    python benchmarks/run.py --smoke    # tiny sizes, as the test suite runs it

Prints a Markdown table and writes benchmarks/results/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.detection import detection_report  # noqa: E402
from benchmarks.generate import generate  # noqa: E402
from benchmarks.handwritten import handwritten_findings  # noqa: E402
from benchmarks.jira_requests import jira_rows  # noqa: E402
from benchmarks.jira_writes import write_rows  # noqa: E402
from benchmarks.memory import memory_rows  # noqa: E402
from benchmarks.previous import previous_rows  # noqa: E402
from benchmarks.startup import startup_rows  # noqa: E402
from ticketlint.engine import evaluate_epic  # noqa: E402
from ticketlint.fields import FieldCatalog  # noqa: E402
from ticketlint.rulefile import load_rules  # noqa: E402
from ticketlint.trackers.issue import epic_from_issue  # noqa: E402


def machine() -> str:
    """Where the figures were measured."""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split()[1])
        memory = f", {total_kb / 1024 / 1024:.0f} GiB"
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} cores{memory}"
    )


def best_of(repeats: int, work: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeats`` runs (the least disturbed by the rest of the machine)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def engine_rows(count: int, repeats: int, *, evaluate_only: bool = True) -> list[dict[str, Any]]:
    """The whole ml-kickoff pack over ``count`` generated epics against the hand-written floor."""
    issues = generate(count)
    rules = list(load_rules(["builtin:ml-kickoff"], ROOT).active)
    catalog = FieldCatalog()

    def ticketlint_end_to_end() -> list[set[str]]:
        return [
            {f.rule for f in evaluate_epic(rules, epic_from_issue(i, catalog)).result.findings}
            for i in issues
        ]

    def floor() -> list[set[str]]:
        return [handwritten_findings(i) for i in issues]

    ours_total, ours = best_of(repeats, ticketlint_end_to_end)
    floor_time, theirs = best_of(repeats, floor)
    agree = sum(a == b for a, b in zip(ours, theirs, strict=True)) / count
    checks = count * len(rules)
    rows = [
        {
            "what": f"parse + evaluate {count:,} epics x {len(rules)} rules (epic-rules/s)",
            "ours": checks / ours_total,
            "reference": checks / floor_time,
            "ratio": ours_total / floor_time,
            "target": "within 2x of the hand-written floor",
        },
        {
            "what": f"findings agreeing with the hand-written floor, {count:,} epics (share)",
            "ours": agree,
            "reference": 1.0,
            "ratio": agree,
            "target": "1.0",
        },
    ]
    if not evaluate_only:
        return rows
    epics = [epic_from_issue(i, catalog) for i in issues]

    def evaluate_only_run() -> list[object]:
        for epic in epics:
            epic.memo.clear()  # no help from the previous repeat
        return [evaluate_epic(rules, e) for e in epics]

    ours_eval, _ = best_of(repeats, evaluate_only_run)
    rows.insert(1, {
        "what": f"evaluate only, pre-parsed epics ({count:,} x {len(rules)})",
        "ours": checks / ours_eval, "reference": checks / floor_time, "ratio": ours_eval / floor_time,
        "target": "informational",
    })  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for the test suite")
    parser.add_argument("--epics", type=int, default=10_000)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results", help="where results.json goes"
    )
    args = parser.parse_args()
    count, repeats = (200, 1) if args.smoke else (args.epics, 3)
    jira_epics, latency = (200, 0.005) if args.smoke else (2_000, 0.05)
    work = args.out / "data"
    rows = engine_rows(count, repeats)
    rows += previous_rows(generate(count), repeats)
    rows += engine_rows(count * 10, 1, evaluate_only=False)
    rows += jira_rows(jira_epics, latency)
    rows += write_rows(jira_epics, 40 if args.smoke else 400, latency)
    rows += memory_rows(count, count * 10, work)
    rows += startup_rows(work, 1 if args.smoke else 5)
    print(f"ticketlint benchmarks on {machine()}\n")
    print("| what | ticketlint | reference | ratio | target |")
    print("|---|---:|---:|---:|---|")
    for row in rows:
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
        figures = f"{row['ours']:,.2f} | {row['reference']:,.2f} | {ratio}"
        print(f"| {row['what']} | {figures} | {row['target']} |")
    text, detection = detection_report(misses=True)
    print(f"\nDetection quality of builtin:ml-kickoff (tests/corpus and tests/corpus/sealed)\n\n{text}")
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    result = {"machine": machine(), "epics": count, "rows": rows, "detection": detection}
    (out / "results.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
