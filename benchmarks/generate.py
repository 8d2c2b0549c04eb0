"""Deterministic synthetic ML epics (Jira v2 issues with wiki descriptions) for benchmarks."""

from __future__ import annotations

import random
from typing import Any

LEFTOVERS = ["TBD", "N/A", "?", "[describe the metric]", "e.g. precision ≥ 0.9", "to be decided"]
METRICS = ["Watch time per session +3% in a 2-week A/B test", "Fraud losses per 1,000 orders -20% by Q3",
           "Median time to first response under 6 hours", "improve recommendations"]  # fmt: skip
TOLERANCES = ["Precision >= 0.95 at recall >= 0.6", "At most 1% of good orders blocked",
              "as accurate as possible"]  # fmt: skip
ROLES = [
    "* ML engineer: Priya Raman\n* PM: [~dana.lee]\n* Data engineer: not needed",
    "||Role||Name||\n|ML engineer|[~ben.carter]|\n|PM|Sam Ortiz|",
    "ML engineer, data scientist, PM",
    "* ML engineer: TBD\n* PM: ?",
]
IN_PROGRESS = {"key": "indeterminate", "name": "In Progress"}
FILLER = "Context paragraph about the product area, the users affected and what changes for them."


def _section(rng: random.Random, title: str, answers: list[str]) -> str:
    roll = rng.random()
    if roll < 0.15:
        return ""  # the decision is missing altogether
    body = rng.choice(LEFTOVERS) if roll < 0.35 else rng.choice(answers)
    style = rng.random()
    if style < 0.6:
        return f"h2. {title}\n{body}\n"
    if style < 0.8 and "\n" not in body:
        return f"*{title}:* {body}\n"
    return f"h3. {title}\n{body}\n"


def generate(count: int, seed: int = 20261129) -> list[dict[str, Any]]:
    """``count`` issues, always the same for the same seed."""
    rng = random.Random(seed)
    issues = []
    for number in range(1, count + 1):
        parts = [
            "h2. Background",
            " ".join([FILLER] * rng.randint(1, 6)),
            _section(rng, "Success metric", METRICS),
            _section(rng, "Error tolerance", TOLERANCES),
            _section(rng, "Roles", ROLES),
            "h2. Notes\n" + "\n".join(f"* note {i}" for i in range(rng.randint(0, 8))),
        ]
        issues.append({
            "key": f"ML-{number}",
            "self": f"https://jira.example.com/rest/api/2/issue/{number}",
            "fields": {
                "summary": f"Synthetic epic {number}",
                "issuetype": {"name": "Epic"},
                "project": {"key": "ML"},
                "status": {"name": "In Progress", "statusCategory": IN_PROGRESS},
                "labels": ["ml"],
                "components": [],
                "assignee": {"displayName": "Dana Lee"} if rng.random() < 0.8 else None,
                "description": "\n".join(p for p in parts if p),
            },
        })  # fmt: skip
    return issues
