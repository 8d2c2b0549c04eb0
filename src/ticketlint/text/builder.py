"""Turns the block events every markup parser emits into a Document of sections.

Parsers only know their syntax; this module owns what a section is: the body under a
heading (until a heading of the same or a higher level), a bold or plain label line
("*Success metric:* +3%"), or a row of a two-column table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ticketlint.model import Document, Section, Task

# A label heads a line: "Success metric: +3% watch time". Short, so prose is not mistaken.
_PLAIN_LABEL = re.compile(r"^([A-Za-z][\w /&()'+-]{0,60}?)\s*:\s*(.*)$")
_MAX_LABEL_WORDS = 6
# Panels and expands have titles but no level; they nest below any heading.
BOX_LEVEL = 7


@dataclass
class _Open:
    title: str
    kind: str
    level: int
    lines: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.title, self.kind, tuple(self.lines), tuple(self.items), tuple(self.tasks))


class DocumentBuilder:
    """Collects block events in document order and freezes them into a Document."""

    def __init__(self) -> None:
        self._headings: list[_Open] = []
        self._label: _Open | None = None
        self._done: list[_Open] = []
        self._lines: list[str] = []
        self._items: list[str] = []
        self._tasks: list[Task] = []

    # -- structure -------------------------------------------------------
    def heading(self, level: int, title: str) -> None:
        self._close_label()
        self.close_to(level)
        self._headings.append(_Open(title.strip(), "heading", level))
        self._lines.append(title)

    def close_to(self, level: int) -> None:
        """Close every open heading at ``level`` or deeper."""
        while self._headings and self._headings[-1].level >= level:
            self._done.append(self._headings.pop())

    def blank(self) -> None:
        """A paragraph boundary: ends a label block once it has a body."""
        if self._label is not None and self._label.lines:
            self._close_label()

    def label(self, title: str, rest: str) -> None:
        """A bold (or plain) "Label: value" line; with no value it heads the lines below."""
        self._close_label()
        self._label = _Open(title.strip().rstrip(":").strip(), "label", 0)
        self._lines.append(f"{title}: {rest}".strip())
        if rest.strip():
            self._label.lines.append(rest.strip())
        for open_ in self._headings:
            open_.lines.append(f"{title}: {rest}".strip())

    # -- content ---------------------------------------------------------
    def text(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        label = self._plain_label(line)
        if label is not None:
            self.label(*label)
            return
        self._add(line)

    def item(self, line: str, label: tuple[str, str] | None = None) -> None:
        """A list item; "- **Legal:** no PII" is also a label section of its own."""
        line = line.strip()
        if not line:
            return
        if label is None:
            label = self._plain_label(line)
        self._add(line)
        self._items.append(line)
        for open_ in self._targets():
            open_.items.append(line)
        if label is not None and label[1].strip():
            self._done.append(_Open(label[0].strip().rstrip(":").strip(), "label", 0, [label[1].strip()]))

    def task(self, line: str, done: bool) -> None:
        task = Task(line.strip(), done)
        self._add(task.text)
        self._tasks.append(task)
        for open_ in self._targets():
            open_.tasks.append(task)

    def table_row(self, cells: Sequence[str], header: bool) -> None:
        """A table row; a data row with a first cell becomes a section titled by that cell."""
        cells = [c.strip() for c in cells]
        if not any(cells):
            return
        self._close_label()
        self._add(" | ".join(cells))
        if not header and len(cells) >= 2 and cells[0]:
            body = " | ".join(c for c in cells[1:] if c)
            lines = (body,) if body else ()
            self._done.append(_Open(cells[0].rstrip(":").strip(), "table", 0, list(lines)))

    # -- result ----------------------------------------------------------
    def build(self) -> Document:
        self._close_label()
        self.close_to(0)
        return Document(
            text="\n".join(self._lines),
            sections=tuple(s.freeze() for s in self._done),
            items=tuple(self._items),
            tasks=tuple(self._tasks),
        )

    @staticmethod
    def _plain_label(line: str) -> tuple[str, str] | None:
        match = _PLAIN_LABEL.match(line)
        if match and match.group(2) and len(match.group(1).split()) <= _MAX_LABEL_WORDS:
            return match.group(1), match.group(2)
        return None

    def _targets(self) -> list[_Open]:
        return [*self._headings, *([self._label] if self._label else [])]

    def _add(self, line: str) -> None:
        self._lines.append(line)
        for open_ in self._targets():
            open_.lines.append(line)

    def _close_label(self) -> None:
        if self._label is not None:
            self._done.append(self._label)
            self._label = None
