"""Counting a run as results stream past: epics passing and failing, findings by severity and rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypedDict

from ticketlint.engine import Checked
from ticketlint.model import Severity, Unreadable
from ticketlint.writeback.outcome import WriteLog

FAIL_ON = {"error": 3, "warning": 2, "info": 1, "never": 99}


class SummaryDict(TypedDict):
    epics_checked: int
    epics_passing: int
    epics_failing: int
    epics_not_selected: int
    epics_unreadable: int
    findings: dict[str, int]
    epics_by_worst_severity: dict[str, int]
    findings_by_rule: dict[str, int]
    excused: dict[str, int]
    unused_waivers: list[str]


@dataclass
class Tally:
    """Running totals of one run; ``exit_code`` applies the ``--fail-on`` threshold."""

    checked: int = 0
    passing: int = 0
    failing: int = 0
    not_selected: int = 0
    unreadable: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_worst: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    by_excuse: Counter[str] = field(default_factory=Counter)
    unused_waivers: list[str] = field(default_factory=list)
    writes: WriteLog | None = None  # what ``apply`` wrote to Jira

    def add(self, item: Checked | Unreadable) -> None:
        if isinstance(item, Unreadable):
            self.unreadable += 1
            return
        self.checked += 1
        result = item.result
        if item.rules_applied == 0:
            self.not_selected += 1
        elif result.findings:
            self.failing += 1
            worst = result.worst
            assert worst is not None
            self.by_worst[worst.value] += 1
        else:
            self.passing += 1
        for finding in result.findings:
            self.by_severity[finding.severity.value] += 1
            self.by_rule[finding.rule] += 1
        for excused in result.excused:
            self.by_excuse[excused.kind] += 1

    def exit_code(self, fail_on: str) -> int:
        """2 when an epic could not be read or a write failed, else 1 or 0 by severity."""
        if self.unreadable or (self.writes is not None and self.writes.failed):
            return 2
        threshold = FAIL_ON[fail_on]
        worst = max((Severity(s).rank for s in self.by_severity), default=0)
        return 1 if worst >= threshold else 0

    def as_dict(self) -> SummaryDict:
        return {
            "epics_checked": self.checked,
            "epics_passing": self.passing,
            "epics_failing": self.failing,
            "epics_not_selected": self.not_selected,
            "epics_unreadable": self.unreadable,
            "findings": {s.value: self.by_severity[s.value] for s in Severity},
            "epics_by_worst_severity": {s.value: self.by_worst[s.value] for s in Severity},
            "findings_by_rule": dict(self.by_rule.most_common()),
            "excused": {"waiver": self.by_excuse["waiver"], "baseline": self.by_excuse["baseline"]},
            "unused_waivers": list(self.unused_waivers),
        }
