"""GitHub Actions: a workflow annotation per finding, and the Markdown report appended to
the job summary ($GITHUB_STEP_SUMMARY) when the run is inside Actions."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from typing import IO

from ticketlint.engine import Checked
from ticketlint.model import Severity, Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.reporters.markdown import MarkdownReporter
from ticketlint.summary import Tally

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class GithubReporter:
    stream: IO[str]
    style: Style
    summary: MarkdownReporter = field(init=False)

    def __post_init__(self) -> None:
        self.summary = MarkdownReporter(io.StringIO(), self.style)

    def start(self, run: RunInfo) -> None:
        self.summary.start(run)

    def handle(self, item: Checked | Unreadable) -> None:
        self.summary.handle(item)
        if isinstance(item, Unreadable):
            self.stream.write(f"::error title={_escape_property(item.key)}::{_escape_data(item.message)}\n")
            return
        for finding in item.result.findings:
            title = _escape_property(f"{item.result.epic.key} {finding.rule}")
            self.stream.write(
                f"::{_LEVEL[finding.severity]} title={title}::{_escape_data(finding.message)}\n"
            )

    def finish(self, tally: Tally) -> None:
        self.summary.finish(tally)
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target:
            buffer = self.summary.stream
            assert isinstance(buffer, io.StringIO)
            with open(target, "a", encoding="utf-8") as summary:
                summary.write(buffer.getvalue())


def create(stream: IO[str], style: Style) -> GithubReporter:
    return GithubReporter(stream, style)
