"""The shapes everything else passes around: epics, their parsed descriptions, findings.

Frozen and typed, with no behaviour beyond the obvious.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
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
class Entry:
    """One line of a section's body: a paragraph line, a list item or a checklist item.

    ``part`` is the title of the sub-section (sub-heading, bold label or table row) the
    line sits in, "" for the section's own text: a rule can then leave out a
    sub-section that holds another decision.
    """

    text: str
    kind: str = "line"  # "line" | "item" | "task"
    done: bool = False
    part: str = ""


@dataclass(frozen=True)
class Section:
    """A titled part of a description: under a heading, after a bold label, or a table row."""

    title: str
    kind: str  # "heading" | "label" | "table"
    entries: tuple[Entry, ...] = ()
    lines: tuple[str, ...] = field(init=False, repr=False, compare=False)
    items: tuple[str, ...] = field(init=False, repr=False, compare=False)
    tasks: tuple[Task, ...] = field(init=False, repr=False, compare=False)
    parts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = self.entries
        object.__setattr__(self, "lines", tuple(e.text for e in entries))
        object.__setattr__(self, "items", tuple(e.text for e in entries if e.kind == "item"))
        object.__setattr__(self, "tasks", tuple(Task(e.text, e.done) for e in entries if e.kind == "task"))
        object.__setattr__(self, "parts", frozenset(e.part for e in entries if e.part))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def without_parts(self, drop: Callable[[str], bool]) -> Section:
        """This section minus the sub-sections whose titles ``drop`` selects."""
        dropped = {p for p in self.parts if drop(p)}
        if not dropped:
            return self
        return Section(self.title, self.kind, tuple(e for e in self.entries if e.part not in dropped))


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
    # What targets found on this epic, so checks sharing a target resolve it once.
    memo: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)


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
class Excused:
    """A finding set aside by a waiver or a baseline, and why."""

    finding: Finding
    kind: str  # "waiver" | "baseline"
    reason: str


@dataclass(frozen=True)
class EpicResult:
    """Every finding for one epic; an epic that passes has none. Excused findings do not count."""

    epic: Epic
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    excused: tuple[Excused, ...] = field(default_factory=tuple)

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
