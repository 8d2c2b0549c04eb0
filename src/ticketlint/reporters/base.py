"""The reporter lifecycle: start once, handle each result as it arrives, finish once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Protocol

from ticketlint.engine import Checked
from ticketlint.model import Unreadable
from ticketlint.summary import Tally


@dataclass(frozen=True)
class RunInfo:
    """What a report says about the run itself."""

    version: str
    started_at: str
    packs: tuple[str, ...]
    rules: tuple[tuple[str, str], ...]  # (id, severity) of the active rules
    sources: tuple[str, ...]
    fail_on: str


@dataclass(frozen=True)
class Style:
    """How a reporter may decorate text: colour on or off, terminal width, quiet."""

    color: bool = False
    width: int = 100
    quiet: bool = False


class Reporter(Protocol):
    def start(self, run: RunInfo) -> None: ...

    def handle(self, item: Checked | Unreadable) -> None: ...

    def finish(self, tally: Tally) -> None: ...


class ReporterFactory(Protocol):
    def __call__(self, stream: IO[str], style: Style) -> Reporter: ...


@dataclass(frozen=True)
class Fanout:
    """Several reports from one run: every call goes to each of them, in order."""

    reporters: tuple[Reporter, ...]

    def start(self, run: RunInfo) -> None:
        for reporter in self.reporters:
            reporter.start(run)

    def handle(self, item: Checked | Unreadable) -> None:
        for reporter in self.reporters:
            reporter.handle(item)

    def finish(self, tally: Tally) -> None:
        for reporter in self.reporters:
            reporter.finish(tally)
