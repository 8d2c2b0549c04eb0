"""The shapes everything else passes around: epics, their parsed descriptions, findings.

Frozen and typed, with no behaviour beyond the obvious.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ticketlint.fields import FieldCatalog


class Severity(enum.Enum):
    """How much a finding matters; ``rank`` orders them (higher is worse)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True)
class Task:
    """A checklist item: ADF taskItem, or ``[x]`` / ``[ ]`` in a wiki or Markdown list."""

    text: str
    done: bool


@dataclass(frozen=True)
class Section:
    """A titled part of a description: under a heading, after a bold label, or a table row.

    ``lines`` is the plain text of the body, one entry per paragraph line, list item,
    checklist item or table row; ``items`` and ``tasks`` repeat the list and checklist
    entries so checks can count them.
    """

    title: str
    kind: str  # "heading" | "label" | "table"
    lines: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Document:
    """A description in any markup (wiki, ADF, Markdown), reduced to text and sections."""

    text: str = ""
    sections: tuple[Section, ...] = ()
    items: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()


@dataclass(frozen=True)
class Epic:
    """One epic as the checks see it: never a tracker object, always this."""

    key: str
    summary: str
    issue_type: str
    project: str
    status: str
    status_category: str
    labels: tuple[str, ...]
    components: tuple[str, ...]
    owner: str | None
    url: str | None
    description: Document
    raw: Mapping[str, Any]
    catalog: FieldCatalog


@dataclass(frozen=True)
class Unreadable:
    """An epic (or part of an export) that could not be turned into an Epic, and why."""

    key: str
    message: str
    source: str


@dataclass(frozen=True)
class Finding:
    """A rule that failed on an epic."""

    rule: str
    severity: Severity
    message: str
    target: str


@dataclass(frozen=True)
class EpicResult:
    """Every finding for one epic; an epic that passes has none."""

    epic: Epic
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
