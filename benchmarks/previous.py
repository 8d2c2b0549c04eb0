"""Evaluation speed now against the engine before detection moved to passages and concepts.

The earlier engine is checked out from git history (``BEFORE``) into a temporary worktree
and timed in a subprocess on the very same generated issues, in the same run, so the ratio
does not depend on the machine. Skipped, with a message, where there is no git history.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The last commit before passages and concepts (issue 12): section titles and synonym lists.
BEFORE = "8c889d7"

# Runs inside the worktree's interpreter path: parse + evaluate every issue, best of N.
_TIMER = """
import json, sys, time
from pathlib import Path
from ticketlint.engine import evaluate_epic
from ticketlint.fields import FieldCatalog
from ticketlint.rulefile import load_rules
from ticketlint.trackers.issue import epic_from_issue
issues = json.loads(Path(sys.argv[1]).read_text())
rules = list(load_rules(["builtin:ml-kickoff"], Path(sys.argv[2])).active)
best = float("inf")
for _ in range(int(sys.argv[3])):
    catalog = FieldCatalog()
    started = time.process_time()
    for issue in issues:
        evaluate_epic(rules, epic_from_issue(issue, catalog))
    best = min(best, time.process_time() - started)
print(json.dumps({"seconds": best, "rules": len(rules)}))
"""


def _time(src: Path, root: Path, issues_file: Path, repeats: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(issues_file), str(root), str(repeats)],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def previous_rows(issues: list[dict[str, Any]], repeats: int) -> list[dict[str, Any]]:
    """One row: parse + evaluate now vs before the rewrite, on the same issues."""
    with tempfile.TemporaryDirectory() as tmp:
        worktree = Path(tmp) / "before"
        added = subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), BEFORE],
            capture_output=True,
            text=True,
            check=False,
        )
        if added.returncode != 0:
            print(f"skipped: the engine before {BEFORE} needs the git history ({added.stderr.strip()})")
            return []
        try:
            issues_file = Path(tmp) / "issues.json"
            issues_file.write_text(json.dumps(issues))
            # Alternate, so both see the same state of the machine; keep each one's best.
            now = before = float("inf")
            for _ in range(2):
                now = min(now, _time(ROOT / "src", ROOT, issues_file, repeats)["seconds"])
                before = min(before, _time(worktree / "src", worktree, issues_file, repeats)["seconds"])
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)],
                capture_output=True,
                check=False,
            )
    count = len(issues)
    return [
        {
            "what": f"parse + evaluate {count:,} epics, now vs before concepts ({BEFORE}), epics/s",
            "ours": count / now,
            "reference": count / before,
            "ratio": now / before,
            "target": "within 1.5x of before",
        }
    ]
