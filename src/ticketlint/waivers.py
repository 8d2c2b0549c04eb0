"""Exceptions without forking a pack: waivers (in the config or as a Jira label) and baselines.

A waiver sets aside the findings of some rules on some epics, with a reason, an owner and
an expiry date; once expired, the finding counts again and says so. A label
``ticketlint-waive-<rule-id>`` on an epic waives that rule there. A baseline file records
the findings of one day; later runs report only findings that are not in it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ticketlint.config import Config
from ticketlint.engine import Checked
from ticketlint.errors import ConfigError, SourceError
from ticketlint.model import Excused, Finding
from ticketlint.selector import Selector, build_selector

WAIVE_LABEL = "ticketlint-waive-"
BASELINE_VERSION = 1


@dataclass
class Waiver:
    """One entry of the config's ``waivers:`` list; ``used`` counts the findings it excused."""

    where: str  # "ticketlint.yaml:12" for messages
    rules: frozenset[str]
    reason: str
    owner: str
    expires: dt.date
    epics: frozenset[str] = frozenset()
    selector: Selector | None = None
    jql: str | None = None  # resolved to keys (added to epics) when epics come from Jira
    used: int = 0

    def covers(self, checked: Checked) -> bool:
        epic = checked.result.epic
        if (self.epics or self.jql) and epic.key not in self.epics:
            return False
        return self.selector is None or self.selector.matches(epic)


def build_waivers(entries: Sequence[Mapping[str, Any]], where: Sequence[str]) -> list[Waiver]:
    """Waivers from the (schema-checked, dates already validated) config entries."""
    return [
        Waiver(
            where=place,
            rules=frozenset(entry["rules"]),
            reason=entry["reason"],
            owner=entry["owner"],
            expires=dt.date.fromisoformat(entry["expires"]),
            epics=frozenset(entry.get("epics") or ()),
            selector=build_selector(entry["select"]) if entry.get("select") else None,
            jql=entry.get("jql"),
        )
        for entry, place in zip(entries, where, strict=True)
    ]


def config_waivers(config: Config, known: set[str]) -> list[Waiver]:
    """The config's waivers; one naming a rule that no pack of the run has is a ConfigError."""
    problems = [
        replace(
            place,
            message=f"waiver: no rule has the id {rule!r}; rules in this run: {', '.join(sorted(known))}",
        )
        for waiver, place in zip(config.waivers, config.waiver_places, strict=True)
        for rule in waiver["rules"]
        if rule not in known
    ]
    if problems:
        raise ConfigError(problems)
    return build_waivers(config.waivers, [f"{p.path}:{p.line}" for p in config.waiver_places])


@dataclass
class Exceptions:
    """Waivers and a baseline, applied to each epic's result as it streams past."""

    waivers: list[Waiver] = field(default_factory=list)
    baseline: frozenset[tuple[str, str]] = frozenset()
    today: dt.date = field(default_factory=dt.date.today)

    def apply(self, checked: Checked) -> Checked:
        result = checked.result
        if not result.findings:
            return checked
        labels = {label[len(WAIVE_LABEL) :] for label in result.epic.labels if label.startswith(WAIVE_LABEL)}
        kept: list[Finding] = []
        excused: list[Excused] = []
        for finding in result.findings:
            reason = self._excuse(checked, finding, labels)
            if isinstance(reason, Excused):
                excused.append(reason)
            else:
                kept.append(reason)
        if not excused and kept == list(result.findings):
            return checked
        return Checked(
            replace(result, findings=tuple(kept), excused=(*result.excused, *excused)), checked.applied
        )

    def _excuse(self, checked: Checked, finding: Finding, labels: set[str]) -> Finding | Excused:
        key = checked.result.epic.key
        if finding.rule in labels:
            return Excused(finding, "waiver", f"label {WAIVE_LABEL}{finding.rule} on the epic")
        expired: Waiver | None = None
        for waiver in self.waivers:
            if finding.rule in waiver.rules and waiver.covers(checked):
                if waiver.expires >= self.today:
                    waiver.used += 1
                    return Excused(
                        finding,
                        "waiver",
                        f"{waiver.reason} ({waiver.owner}, until {waiver.expires.isoformat()})",
                    )
                expired = waiver
        if (key, finding.rule) in self.baseline:
            return Excused(finding, "baseline", "in the baseline")
        if expired is not None:
            expired.used += 1
            note = f" (The waiver by {expired.owner} expired on {expired.expires.isoformat()}.)"
            return replace(finding, message=finding.message + note)
        return finding

    def unused(self) -> list[Waiver]:
        """Waivers that excused nothing in this run: candidates for removal."""
        return [w for w in self.waivers if not w.used]


def read_baseline(path: Path) -> frozenset[tuple[str, str]]:
    """The (epic, rule) pairs a baseline file records."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"{path}: baseline file not found; write one with --write-baseline") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"{path}: not a ticketlint baseline ({error})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(findings, list)
    ):
        raise SourceError(f"{path}: not a ticketlint baseline (expected version 1 and a findings list)")
    pairs = set()
    for entry in findings:
        epic = entry.get("epic") if isinstance(entry, dict) else None
        rule = entry.get("rule") if isinstance(entry, dict) else None
        if not isinstance(epic, str) or not isinstance(rule, str):
            raise SourceError(f"{path}: each baseline entry needs epic and rule")
        pairs.add((epic, rule))
    return frozenset(pairs)


def write_baseline(path: Path, findings: Iterable[tuple[str, str]]) -> int:
    """Record today's findings; returns how many."""
    entries = [{"epic": epic, "rule": rule} for epic, rule in sorted(set(findings))]
    data = {"version": BASELINE_VERSION, "created": dt.date.today().isoformat(), "findings": entries}
    try:
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise SourceError(f"cannot write the baseline to {path}: {error.strerror}") from None
    return len(entries)
