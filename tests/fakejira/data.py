"""Synthetic ML epics shaped like Jira's issue JSON, for tests and benchmarks that fill a FakeJira."""

from __future__ import annotations

from typing import Any

IN_PROGRESS = {"key": "indeterminate", "name": "In Progress"}


def ml_epic(number: int, *, project: str = "ML") -> dict[str, Any]:
    """Epic ``{project}-{number}``: labelled ml, in progress, with a success metric in wiki markup."""
    return {
        "key": f"{project}-{number}",
        "fields": {
            "summary": f"ML epic {number}",
            "issuetype": {"name": "Epic"},
            "project": {"key": project},
            "status": {"name": "In Progress", "statusCategory": IN_PROGRESS},
            "labels": ["ml"],
            "description": f"h2. Success metric\nWatch time +{number % 5 + 1}% in a 2-week A/B test",
        },
    }
