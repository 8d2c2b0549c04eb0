"""The JSON report (schema: ``ticketlint/schemas/report.schema.json``), written as it streams.

Every epic checked is listed, passing ones with empty ``findings``; epics that could not
be evaluated are under ``errors``. Only the errors are held until the end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import IO, Any

from ticketlint.engine import Checked
from ticketlint.model import Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.summary import Tally

REPORT_VERSION = 1


def epic_entry(item: Checked) -> dict[str, Any]:
    epic = item.result.epic
    return {
        "key": epic.key,
        "summary": epic.summary,
        "owner": epic.owner,
        "url": epic.url,
        "project": epic.project,
        "status": epic.status,
        "rules_applied": item.rules_applied,
        "findings": [
            {"rule": f.rule, "severity": f.severity.value, "message": f.message, "target": f.target}
            for f in item.result.findings
        ],
        "excused": [
            {"rule": e.finding.rule, "severity": e.finding.severity.value, "kind": e.kind, "reason": e.reason}
            for e in item.result.excused
        ],
        "evidence": [
            {
                "rule": e.rule,
                "passed": e.passed,
                "where": e.where,
                "quote": e.quote,
                "reason": e.reason,
                "looked_at": [s.where for s in e.looked],
            }
            for e in item.result.evidence
        ],
    }


@dataclass
class JsonReporter:
    stream: IO[str]
    style: Style
    errors: list[dict[str, str]] = field(default_factory=list)
    first: bool = True

    def start(self, run: RunInfo) -> None:
        header = {
            "version": REPORT_VERSION,
            "run": {
                "tool": "ticketlint",
                "tool_version": run.version,
                "started_at": run.started_at,
                "packs": list(run.packs),
                "rules": [{"id": i, "severity": s} for i, s in run.rules],
                "sources": list(run.sources),
                "fail_on": run.fail_on,
            },
        }
        self.stream.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "epics": [')

    def handle(self, item: Checked | Unreadable) -> None:
        if isinstance(item, Unreadable):
            self.errors.append({"key": item.key, "message": item.message, "source": item.source})
            return
        self.stream.write(
            ("\n  " if self.first else ",\n  ") + json.dumps(epic_entry(item), ensure_ascii=False)
        )
        self.first = False

    def finish(self, tally: Tally) -> None:
        tail: dict[str, Any] = {"summary": tally.as_dict()}
        if tally.writes is not None:
            tail["writes"] = tally.writes.as_dict()
        tail["errors"] = self.errors
        self.stream.write("\n], " + json.dumps(tail, ensure_ascii=False)[1:] + "\n")


def create(stream: IO[str], style: Style) -> JsonReporter:
    return JsonReporter(stream, style)
