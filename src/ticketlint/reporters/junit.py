"""The JUnit XML report: one test case per epic and rule that applied to it, a failure per
finding. CI dashboards read it. Written at the end (JUnit needs totals in its header)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import IO

from ticketlint.engine import Checked
from ticketlint.model import Unreadable
from ticketlint.reporters.base import RunInfo, Style
from ticketlint.summary import Tally


@dataclass
class JunitReporter:
    stream: IO[str]
    style: Style
    cases: list[ET.Element] = field(default_factory=list)
    failures: int = 0
    errors: int = 0

    def start(self, run: RunInfo) -> None:
        pass

    def handle(self, item: Checked | Unreadable) -> None:
        if isinstance(item, Unreadable):
            case = ET.Element("testcase", classname=item.key, name="(read)")
            ET.SubElement(case, "error", message=item.message).text = item.message
            self.cases.append(case)
            self.errors += 1
            return
        epic = item.result.epic
        found = {f.rule: f for f in item.result.findings}
        for rule in item.applied:
            case = ET.Element("testcase", classname=epic.key, name=rule)
            finding = found.get(rule)
            if finding is not None:
                failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity.value)
                failure.text = f"{epic.key} {epic.summary}\n{finding.message}\n(looked at {finding.target})"
                self.failures += 1
            self.cases.append(case)

    def finish(self, tally: Tally) -> None:
        suite = ET.Element(
            "testsuite",
            name="ticketlint",
            tests=str(len(self.cases)),
            failures=str(self.failures),
            errors=str(self.errors),
            skipped="0",
        )
        suite.extend(self.cases)
        suites = ET.Element("testsuites", name="ticketlint", tests=str(len(self.cases)))
        suites.append(suite)
        ET.indent(suites)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(suites, encoding="unicode") + "\n")


def create(stream: IO[str], style: Style) -> JunitReporter:
    return JunitReporter(stream, style)
