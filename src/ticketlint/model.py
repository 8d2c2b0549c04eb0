"""The shapes everything else passes around: epics, their parsed descriptions, findings.

Frozen and typed, with no behaviour beyond the obvious.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import cached_property
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
    sub-section that holds another decision. ``continues`` marks a line that goes on the
    paragraph of the line before it (a wrapped line, not a new statement).
    """

    text: str
    kind: str = "line"  # "line" | "item" | "task"
    done: bool = False
    part: str = ""
    continues: bool = field(default=False, compare=False)


# Passages that title a part of a description the way a template does; the ``section:``
# target looks only at these (list leads, questions and table columns are passages too).
SECTION_KINDS = frozenset({"heading", "label", "table"})


@dataclass(frozen=True)
class Passage:
    """One place a statement lives: a titled part of a description, a block of text, a field.

    Kinds: ``heading`` (its body, sub-headings included), ``label`` ("*KPI:* +3%", or a
    label alone on its line, titling the lines below it), ``table``
    (a data row titled by its first cell), ``column`` (a header cell and the cells below
    it), ``item`` (a list item, titled by its lead phrase if it has one: "Plan B — ..."),
    ``question`` (a question and the answer below it), ``paragraph``, ``task`` (a checklist
    or decision item), ``field`` (a custom field, titled by its display name).
    ``path`` holds the titles of the passages around it, outermost first.
    """

    title: str
    kind: str
    entries: tuple[Entry, ...] = ()
    path: tuple[str, ...] = ()

    # Derived views, computed when first asked for: most passages are never looked at.
    @cached_property
    def lines(self) -> tuple[str, ...]:
        return tuple(e.text for e in self.entries)

    @cached_property
    def items(self) -> tuple[str, ...]:
        return tuple(e.text for e in self.entries if e.kind == "item")

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(Task(e.text, e.done) for e in self.entries if e.kind == "task")

    @cached_property
    def parts(self) -> frozenset[str]:
        return frozenset(e.part for e in self.entries if e.part)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def without_parts(self, drop: Callable[[str], bool]) -> Passage:
        """This passage minus the sub-sections whose titles ``drop`` selects."""
        dropped = {p for p in self.parts if drop(p)}
        if not dropped:
            return self
        kept = tuple(e for e in self.entries if e.part not in dropped)
        return Passage(self.title, self.kind, kept, self.path)

    def where(self) -> str:
        """Where the passage is, for a person reading the epic: 'under "Risks", list item "Plan B"'."""
        own = (
            f'{_KIND_NAMES.get(self.kind, self.kind)} "{self.title}"' if self.title else _UNTITLED[self.kind]
        )
        if self.kind == "field":
            return own
        path = " › ".join(f'"{t}"' for t in self.path)
        return f"{own} under {path}" if path else own


_KIND_NAMES = {
    "heading": "section",
    "label": "label",
    "table": "table row",
    "column": "table column",
    "item": "list item",
    "question": "question",
    "paragraph": "paragraph",
    "task": "checklist item",
    "field": "field",
}
_UNTITLED = {
    "paragraph": "a paragraph",
    "item": "a list item",
    "task": "a checklist item",
    "table": "a table row",
}


@dataclass(frozen=True)
class Document:
    """A description in any markup (wiki, ADF, Markdown), reduced to text and passages.

    ``line_passages`` gives, for each line of ``text``, the index in ``passages`` of the
    passage holding it as its own text (-1 for heading titles and table header rows).
    """

    text: str = ""
    passages: tuple[Passage, ...] = ()
    items: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    line_passages: tuple[int, ...] = ()

    @property
    def sections(self) -> tuple[Passage, ...]:
        """Headings, labels and table rows: the parts a template titles."""
        return tuple(p for p in self.passages if p.kind in SECTION_KINDS)


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
    memo: MutableMapping[object, Any] = field(default_factory=dict, compare=False, repr=False)


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
class Seen:
    """One candidate a rule judged: where it is, a short quote, whether it counted, and why
    not (what was missing, or what kind of non-answer it was)."""

    where: str
    quote: str
    counted: bool
    reason: str = ""


@dataclass(frozen=True)
class Evidence:
    """Why a rule passed or failed on an epic: the passage that decided it (where, quote),
    why it did not count, and every candidate the rule looked at."""

    rule: str
    passed: bool
    where: str
    quote: str
    reason: str = ""
    looked: tuple[Seen, ...] = ()


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
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
