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
    partly: set[str] = field(default_factory=set)  # epics the budget ended in: part written, part left
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

    def totals_sentence(self) -> str:
        """What was written (or would be), in one sentence for people."""
        t = self.totals
        if not self.dry_run and not self.write_requests and not self.failed and not self.left:
            return f"Jira already up to date: nothing written ({self.read_requests} reads)."
        past = not self.dry_run
        create, update, delete, add, remove = (
            ("created", "updated", "deleted", "added", "removed")
            if past
            else ("create", "update", "delete", "add", "remove")
        )
        made, added = t["comments_created"], t["labels_added"]
        comments = (
            f"{create} {made} comment{_s(made)}, {update} {t['comments_updated']}, "
            f"{delete} {t['comments_deleted']}"
        )
        labels = f"{add} {added} label{_s(added)}, {remove} {t['labels_removed']}"
        if self.dry_run:
            return f"Would write to Jira: {comments}; {labels} (nothing written, {self.read_requests} reads)."
        requests = f"{self.write_requests} write requests, {self.read_requests} reads"
        return f"Written to Jira: {comments}; {labels} ({requests})."

    def left_sentence(self) -> str:
        """The epics the write limit left for the next run ('' when none)."""
        if not self.left:
            return ""
        count, writes = len(self.left), sum(n for _, _, n in self.left)
        keys = ", ".join(key + (" (partly written)" if key in self.partly else "") for key, _, _ in self.left)
        limit = f"write limit {self.max_writes}"
        return f"Left for the next run ({limit}): {count} epic{_s(count)}, {writes} write{_s(writes)}: {keys}"

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
            "skipped_by_budget": [
                {"key": k, "plan": p, "writes": n, "partly_written": k in self.partly}
                for k, p, n in self.left
            ],
            "failed": [{"key": e.key, "done": list(e.done), "message": e.failed} for e in self.failed],
        }


def _s(count: int) -> str:
    return "" if count == 1 else "s"
