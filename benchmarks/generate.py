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
    "* ML engineer: Priya Raman\n* Data scientist: Mei Chen\n* Data engineer: not needed\n* PM: [~dana.lee]"
    "\n* Product analyst: Omar Haddad",
    "||Role||Name||\n|ML engineer|[~ben.carter]|\n|Data scientist|Mei Chen|\n|Data engineer|Rui Costa|"
    "\n|PM|Sam Ortiz|\n|Product analyst|not needed|",
    "ML engineer, data scientist, PM",
    "* ML engineer: TBD\n* PM: ?",
]
# The other nine decisions: answers that record the decision, and ones that only seem to.
ANSWERS = {
    "Kickoff review with PM": ["Reviewed with Dana Lee (PM) on 2026-03-02",
                               "Walked through with [~sam.ortiz] on 12.03",
                               "Will be scheduled next week with the PM"],
    "Constraints": ["Legal: no health data in features; GDPR applies to EU users",
                    "None found, checked with legal on 2026-02-01", "the usual ones", "none"],
    "Proxy metric": ["Train on CTR; weekly check that CTR lift tracks watch-time lift",
                     "N/A because we train on the refund labels we report on", "CTR"],
    "Acceptable error kind": ["False positives are fine because a human reviews every flag in the queue",
                              "To be discussed with the team once the data is in", "Both kinds are bad"],
    "Unacceptable mistakes": ["Never auto-ban a verified creator without a human look", "nothing"],
    "Remediation": ["Human review queue for scores 0.4 to 0.7, owned by Trust and Safety",
                    "We will fix issues as they come up", "Retrain weekly"],
    "Why ML": ["A keyword heuristic reaches 61% precision and humans cannot review 2M items a day",
               "Because ML is the future and everyone wants AI in the product", "It is better"],
    "Baseline": ["Current CTR 3.1% with the popularity ranker; measured by a 2-week A/B test",
                 "Current CTR 3.1% with the popularity ranker", "We have no idea yet"],
    "Data sources": ["Labels from moderator decisions since 2024; DPIA 123 approved by privacy",
                     "Event logs and labels from the warehouse tables",
                     "Warehouse tables of orders; privacy review pending with legal"],
}  # fmt: skip
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


def generate(count: int, seed: int = 20261129, first: int = 1) -> list[dict[str, Any]]:
    """``count`` issues numbered from ``first``, always the same for the same seed."""
    rng = random.Random(seed)
    issues = []
    for number in range(first, first + count):
        parts = [
            "h2. Background",
            " ".join([FILLER] * rng.randint(1, 6)),
            _section(rng, "Success metric", METRICS),
            _section(rng, "Error tolerance", TOLERANCES),
            _section(rng, "Roles", ROLES),
            *(_section(rng, title, answers) for title, answers in ANSWERS.items()),
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
