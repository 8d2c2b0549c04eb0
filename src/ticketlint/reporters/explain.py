"""The explanation: for each epic, per decision, what was found where and why it counted or not.

For the person who asks "why was I flagged?" (``ticketlint check --explain KEY``). Every
rule applied is listed, passing ones too, with each place the rule looked at and its verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

import click

from ticketlint.engine import Checked
from ticketlint.model import Evidence, Severity, Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.summary import Tally

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_SHOWN_PLACES = 6  # the places a rule looked at, listed under it; the rest are counted


@dataclass
class ExplainReporter:
    stream: IO[str]
    style: Style
    unreadable: list[Unreadable] = field(default_factory=list)
    explained: int = 0

    def _style(self, text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if self.style.color else text  # type: ignore[arg-type]

    def _write(self, text: str = "") -> None:
        self.stream.write(text + "\n")

    def start(self, run: RunInfo) -> None:
        pass

    def handle(self, item: Checked | Unreadable) -> None:
        if isinstance(item, Unreadable):
            self.unreadable.append(item)
            return
        epic = item.result.epic
        self.explained += 1
        self._write(f"{self._style(epic.key, bold=True)}  {epic.summary}")
        if not item.applied:
            self._write("  No rule applies to this epic: no pack's selector picks it (labels, type, status).")
            self._write()
            return
        severities = {f.rule: f.severity for f in item.result.findings}
        waived = {e.finding.rule: e for e in item.result.excused}
        for evidence in item.result.evidence:
            self._rule(evidence, severities.get(evidence.rule), waived.get(evidence.rule) is not None)
        self._write()

    def _rule(self, evidence: Evidence, severity: Severity | None, waived: bool) -> None:
        if evidence.passed:
            mark, verdict = self._style("✓", fg="green", bold=True), "recorded"
        elif waived:
            mark, verdict = self._style("–", dim=True), "missing, but waived or in the baseline"
        else:
            color = _COLORS[severity] if severity is not None else "red"
            mark, verdict = self._style("✗", fg=color, bold=True), "missing"
        self._write(f"  {mark} {self._style(evidence.rule, bold=True)}: {verdict}")
        if evidence.passed:
            self._write(f"      answered in {evidence.where}: {_quoted(evidence.quote)}")
        elif evidence.quote:
            self._write(f"      closest: {evidence.where}: {_quoted(evidence.quote)}")
            self._write(f"      why it does not count: {evidence.reason}")
        else:
            self._write(
                f"      {evidence.reason or 'nothing found about it'}; the answer belongs in {evidence.where}"
            )
        others = [s for s in evidence.looked if s.where != evidence.where or s.quote != evidence.quote]
        if not others:
            return
        self._write("      also looked at:")
        for seen in others[:_SHOWN_PLACES]:
            verdict = "counts" if seen.counted else (seen.reason or "does not count")
            self._write(f"        - {seen.where}: {_quoted(seen.quote)} ({verdict})")
        if len(others) > _SHOWN_PLACES:
            self._write(f"        ... and {len(others) - _SHOWN_PLACES} more")

    def finish(self, tally: Tally) -> None:
        for item in self.unreadable:
            self._write(f"{self._style(item.key, bold=True)}  could not be read: {item.message}")
        if not self.explained and not self.unreadable:
            self._write("No epic to explain: check the key, and that the sources or the JQL include it.")


def _quoted(text: str) -> str:
    return f'"{text}"' if text else "(empty)"


def create(stream: IO[str], style: Style) -> ExplainReporter:
    return ExplainReporter(stream, style)
