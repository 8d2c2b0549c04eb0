"""The terminal report: failing epics with their findings, then the totals."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import IO

import click

from ticketlint.engine import Checked
from ticketlint.model import Severity, Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.summary import Tally
from ticketlint.writeback.outcome import WriteLog

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


@dataclass
class TextReporter:
    stream: IO[str]
    style: Style
    unreadable: list[Unreadable] = field(default_factory=list)

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
        result = item.result
        if not (result.findings or result.excused) or self.style.quiet:
            return
        epic = result.epic
        owner = epic.owner or "unassigned"
        self._write(f"{self._style(epic.key, bold=True)}  {epic.summary}  ({owner})")
        if epic.url:
            self._write(f"  {self._style(epic.url, dim=True)}")
        indent = " " * 11
        for finding in sorted(result.findings, key=lambda f: -f.severity.rank):
            badge = self._style(f"{finding.severity.value:<8}", fg=_COLORS[finding.severity], bold=True)
            self._write(f"  {badge} {finding.rule}")
            wrapped = textwrap.wrap(
                finding.message,
                width=max(40, self.style.width - len(indent)),
                break_long_words=False,
            )
            for line in wrapped:
                self._write(indent + line)
        for excused in result.excused:
            badge = self._style(f"{'waived' if excused.kind == 'waiver' else 'baseline':<8}", dim=True)
            self._write(f"  {badge} {excused.finding.rule}: {excused.reason}")
        self._write()

    def finish(self, tally: Tally) -> None:
        if self.unreadable:
            self._write(self._style("Could not evaluate:", bold=True))
            for item in self.unreadable:
                self._write(f"  {item.key}: {item.message}")
            self._write()
        counts = tally.by_severity
        line = (
            f"{tally.checked} epic{'s' if tally.checked != 1 else ''} checked: "
            f"{tally.passing} passing, {tally.failing} failing"
        )
        if tally.not_selected:
            line += f", {tally.not_selected} not selected by any rule"
        if tally.unreadable:
            line += f", {tally.unreadable} could not be read"
        self._write(self._style(line, bold=True))
        self._write("Findings: " + ", ".join(f"{counts[s.value]} {s.value}" for s in Severity))
        if tally.by_excuse:
            waived, baselined = tally.by_excuse["waiver"], tally.by_excuse["baseline"]
            self._write(f"Excused: {waived} by waivers, {baselined} by the baseline")
        for waiver in tally.unused_waivers:
            self._write(f"Unused waiver (nothing to excuse; remove it?): {waiver}")
        if tally.by_rule and not self.style.quiet:
            self._write("By rule:")
            width = max(len(rule) for rule in tally.by_rule)
            for rule, number in tally.by_rule.most_common():
                self._write(f"  {rule:<{width}}  {number}")
        if tally.writes is not None:
            self._writes(tally.writes)

    def _writes(self, log: WriteLog) -> None:
        """What apply wrote to Jira (or would write, in a dry run), epic by epic, then totals."""
        self._write()
        if log.dry_run:
            self._write(self._style("Plan (dry run: nothing was written to Jira):", bold=True))
        elif log.epics and not self.style.quiet:
            self._write(self._style("Written to Jira:", bold=True))
        width = max((len(e.key) for e in log.epics), default=0)
        for epic in log.epics:
            if epic.done and not epic.failed and not self.style.quiet:
                self._write(f"  {epic.key:<{width}}  {'; '.join(epic.done)}")
            for note in epic.notes:  # shown even with -q: something needs a person's look
                self._write(f"  {epic.key:<{width}}  note: {note}")
        for epic in log.failed:
            done = f" (done before it failed: {'; '.join(epic.done)})" if epic.done else ""
            self._write(self._style(f"  {epic.key}: not written: {epic.failed}{done}", fg="red"))
        self._write(log.totals_sentence())
        if log.left:
            self._write(log.left_sentence())
        if log.failed:
            count = len(log.failed)
            self._write(
                f"{count} epic{'s' if count != 1 else ''} could not be written; the next run tries again."
            )


def create(stream: IO[str], style: Style) -> TextReporter:
    return TextReporter(stream, style)
