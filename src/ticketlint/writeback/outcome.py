"""What an ``apply`` run wrote (or, in a dry run, would write), for the reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EpicOutcome:
    """One epic's writes: what was done, and why it stopped if it failed."""

    key: str
    done: tuple[str, ...] = ()  # "create comment", "add labels a, b", ...
    failed: str | None = None
    notes: tuple[str, ...] = ()  # e.g. a comment left alone because it is not ticketlint's
    counts: Counter[str] = field(default_factory=Counter)  # comments_created, labels_added, ...


@dataclass
class WriteLog:
    """The write-back part of a run's report."""

    dry_run: bool
    max_writes: int | None
    epics: list[EpicOutcome] = field(default_factory=list)  # done (or planned), in plan order
    left: list[tuple[str, str, int]] = field(default_factory=list)  # (key, plan, writes) over budget
    requests: Counter[str] = field(default_factory=Counter)  # by method, the whole run

    @property
    def failed(self) -> list[EpicOutcome]:
        return [e for e in self.epics if e.failed]

    @property
    def totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for epic in self.epics:
            total.update(epic.counts)
        return total

    @property
    def write_requests(self) -> int:
        return sum(n for method, n in self.requests.items() if method != "GET")

    @property
    def read_requests(self) -> int:
        return self.requests["GET"]

    def as_dict(self) -> dict[str, Any]:
        done = "planned" if self.dry_run else "performed"
        return {
            "dry_run": self.dry_run,
            "max_writes": self.max_writes,
            "requests": {"read": self.read_requests, "write": self.write_requests},
            "totals": dict(sorted(self.totals.items())),
            done: [
                {"key": e.key, "writes": list(e.done), **({"notes": list(e.notes)} if e.notes else {})}
                for e in self.epics
                if not e.failed
            ],
            "skipped_by_budget": [{"key": k, "plan": p, "writes": n} for k, p, n in self.left],
            "failed": [{"key": e.key, "done": list(e.done), "message": e.failed} for e in self.failed],
        }
