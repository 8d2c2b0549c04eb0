"""Turns the block events every markup parser emits into a Document of sections.

Parsers only know their syntax; this module owns what a section is: the body under a
heading (until a heading of the same or a higher level, sub-headings included), a bold
or plain label line ("*Success metric:* +3%"), or a row of a two-column table. Each line
of a heading's body remembers which sub-section it sits in (see ``Entry.part``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ticketlint.model import Document, Entry, Section, Task

# A label heads a line: "Success metric: +3% watch time". Short, so prose is not mistaken.
_PLAIN_LABEL = re.compile(r"^([A-Za-z][\w /&()'+-]{0,60}?)\s*:(?!//)\s*(.*)$")
_MAX_LABEL_WORDS = 6
# Panels and expands have titles but no level; they nest below any heading.
BOX_LEVEL = 7


@dataclass
class _Open:
    title: str
    kind: str
    level: int
    entries: list[Entry] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.title, self.kind, tuple(self.entries))


def _clean_title(title: str) -> str:
    return title.strip().rstrip(":").strip()


class DocumentBuilder:
    """Collects block events in document order and freezes them into a Document."""

    def __init__(self) -> None:
        self._headings: list[_Open] = []
        self._label: _Open | None = None
        self._label_heads = False  # the open label has no value of its own: it titles what follows
        self._done: list[_Open] = []
        self._lines: list[str] = []
        self._items: list[str] = []
        self._tasks: list[Task] = []

    # -- structure -------------------------------------------------------
    def heading(self, level: int, title: str) -> None:
        self._close_label()
        self.close_to(level)
        title = title.strip()
        self._lines.append(title)
        for index, open_ in enumerate(self._headings):
            part = self._headings[index + 1].title if index + 1 < len(self._headings) else title
            open_.entries.append(Entry(title, part=part))
        self._headings.append(_Open(title, "heading", level))

    def close_to(self, level: int) -> None:
        """Close every open heading at ``level`` or deeper."""
        while self._headings and self._headings[-1].level >= level:
            self._done.append(self._headings.pop())

    def blank(self) -> None:
        """A paragraph boundary: ends a label block once it has a body."""
        if self._label is not None and self._label.entries:
            self._close_label()

    def label(self, title: str, rest: str) -> None:
        """A bold (or plain) "Label: value" line; with no value it heads the lines below."""
        self._close_label()
        line = f"{title}: {rest}".strip()
        self._lines.append(line)
        self._to_headings(Entry(line), part=_clean_title(title))
        self._label = _Open(_clean_title(title), "label", 0)
        self._label_heads = not rest.strip()
        if rest.strip():
            self._label.entries.append(Entry(rest.strip()))

    # -- content ---------------------------------------------------------
    def text(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        label = self._plain_label(line)
        if label is not None:
            self.label(*label)
            return
        self._add(Entry(line))

    def verbatim(self, line: str) -> None:
        """A line of a code block: text, never a label."""
        line = line.strip()
        if line:
            self._add(Entry(line))

    def item(self, line: str, label: tuple[str, str] | None = None) -> None:
        """A list item; "- **Legal:** no PII" is also a label section of its own.

        A bold label alone ("- **Roles:**") heads the items nested below it, like a heading.
        """
        line = line.strip()
        if not line:
            return
        if label is not None:  # a bold label starts a new labelled part of the list
            self._close_label()
            if not label[1].strip():
                self.label(label[0], "")
                return
        else:
            label = self._plain_label(line)
        self._items.append(line)
        has_label = label is not None and bool(label[1].strip())
        self._add(Entry(line, "item"), part=_clean_title(label[0]) if label and has_label else "")
        if label is not None and has_label:
            self._done.append(_Open(_clean_title(label[0]), "label", 0, [Entry(label[1].strip())]))

    def task(self, line: str, done: bool) -> None:
        line = line.strip()
        self._tasks.append(Task(line, done))
        self._add(Entry(line, "task", done))

    def table_row(self, cells: Sequence[str], header: bool) -> None:
        """A table row; a data row with a first cell becomes a section titled by that cell."""
        cells = [c.strip() for c in cells]
        if not any(cells):
            return
        if self._label is not None and not self._label_heads:
            self._close_label()  # "**KPI:** CTR" then a table: the table is not the KPI's
        titled = not header and len(cells) >= 2 and bool(cells[0])
        part = _clean_title(cells[0]) if titled else ""
        line = " | ".join(cells)
        self._lines.append(line)
        if self._label is not None:  # "**RACI**" alone, then the table: it heads the table
            self._label.entries.append(Entry(line, part=part))
            part = part or self._label.title
        self._to_headings(Entry(line), part=part)
        if titled:
            body = " | ".join(c for c in cells[1:] if c)
            entries = [Entry(body)] if body else []
            self._done.append(_Open(_clean_title(cells[0]), "table", 0, entries))

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

    def _add(self, entry: Entry, part: str = "") -> None:
        """Add a body line to the open label block (if any) and every open heading."""
        self._lines.append(entry.text)
        if self._label is not None:
            self._label.entries.append(entry)
            part = part or self._label.title
        self._to_headings(entry, part)

    def _to_headings(self, entry: Entry, part: str = "") -> None:
        """Add to every open heading, tagged with the sub-section it sits in below that heading."""
        headings = self._headings
        for index, open_ in enumerate(headings):
            nearest = headings[index + 1].title if index + 1 < len(headings) else part
            open_.entries.append(
                Entry(entry.text, entry.kind, entry.done, nearest) if nearest != entry.part else entry
            )

    def _close_label(self) -> None:
        if self._label is not None:
            self._done.append(self._label)
            self._label = None
