"""The Markdown report: for a sprint-planning doc or a chat. Readiness per owner, then what
each epic still needs, most to do first. Epic text is escaped so it cannot break the table."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import IO

from ticketlint.engine import Checked
from ticketlint.model import Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.summary import Tally

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Text from an epic as literal Markdown: no links, emphasis, tables or HTML from it."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


@dataclass
class _Epic:
    key: str
    summary: str
    owner: str
    url: str | None
    missing: list[tuple[str, str]]  # (severity, rule)


@dataclass
class MarkdownReporter:
    stream: IO[str]
    style: Style
    epics: list[_Epic] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def start(self, run: RunInfo) -> None:
        pass

    def handle(self, item: Checked | Unreadable) -> None:
        if isinstance(item, Unreadable):
            self.unreadable.append(item)
            return
        if not item.applied:
            return
        epic = item.result.epic
        missing = [(f.severity.value, f.rule) for f in item.result.findings]
        self.epics.append(_Epic(epic.key, epic.summary, epic.owner or "unassigned", epic.url, missing))

    def finish(self, tally: Tally) -> None:
        write = self.stream.write
        write("# ML kickoff readiness\n\n")
        ready = sum(1 for e in self.epics if not e.missing)
        write(f"{ready} of {len(self.epics)} epics have recorded every kickoff decision.\n\n")
        owners: Counter[str] = Counter(e.owner for e in self.epics)
        owners_ready: Counter[str] = Counter(e.owner for e in self.epics if not e.missing)
        write("## Readiness by owner\n\n| owner | ready | epics |\n|---|---:|---:|\n")
        for owner, count in sorted(
            owners.items(), key=lambda pair: (owners_ready[pair[0]] / pair[1], pair[0])
        ):
            write(f"| {escape(owner)} | {owners_ready[owner]} | {count} |\n")
        write("\n## What each epic still needs\n\n")
        todo = sorted((e for e in self.epics if e.missing), key=lambda e: (-len(e.missing), e.key))
        if not todo:
            write("Nothing: every epic checked is ready.\n")
        for epic in todo:
            key = f"[{escape(epic.key)}]({epic.url})" if epic.url else escape(epic.key)
            write(f"- **{key}** {escape(epic.summary)} ({escape(epic.owner)}): ")
            write(", ".join(f"{rule} ({severity})" for severity, rule in epic.missing) + "\n")
        if self.unreadable:
            write("\n## Could not be checked\n\n")
            for item in self.unreadable:
                write(f"- {escape(item.key)}: {escape(item.message)}\n")
        counts = tally.by_severity
        write(
            f"\n{tally.checked} epics checked: {counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} infos; {sum(tally.by_excuse.values())} findings excused.\n"
        )
        if tally.writes is not None:
            log = tally.writes
            # Our own sentences: numbers and issue keys, nothing an epic wrote.
            write(f"\n{log.totals_sentence()}\n")
            if log.left:
                write(f"\n{log.left_sentence()}\n")
            if log.failed:
                keys = ", ".join(e.key for e in log.failed)
                write(f"\n{len(log.failed)} epics could not be written: {escape(keys)}.\n")


def create(stream: IO[str], style: Style) -> MarkdownReporter:
    return MarkdownReporter(stream, style)
