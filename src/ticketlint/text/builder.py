"""Turns the block events every markup parser emits into a Document of passages.

Parsers only know their syntax; this module owns what a passage is. Containers: the body
under a heading (until a heading of the same or a higher level, sub-headings included), a
label or a question alone on its line (titling the lines below it), a table column under
its header cell. Leaves, which hold every line of text exactly once: a paragraph, a list
item (titled by its lead phrase: "Plan B — ...", "Owner: ...", "Which mistake hurts
less? ..."; sub-items nest in it), a "Label: value" line, a table row (titled by its first
cell), a checklist item. Each line of a heading's body remembers which sub-section it
sits in (see ``Entry.part``), so a rule can leave out a sub-section about something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ticketlint.model import Document, Entry, Passage, Task

# A label heads a line: "Success metric: +3% watch time". Short, so prose is not mistaken.
_PLAIN_LABEL = re.compile(r"^([A-Za-z][\w /&()'+-]{0,60}?)\s*:(?!//)\s*(.*)$")
_MAX_LABEL_WORDS = 6
# A lead phrase before a dash or an arrow: "Cost of a wrong call — ...", "Plan B -> ...".
# In a list item a spaced hyphen counts too ("Owner - Priya").
_DASH_LEAD = re.compile(r"^(?P<lead>[^\s].{0,60}?)\s+(?P<sep>—|–|->|→|=>|--)\s+(?P<rest>\S.*)$")
_ITEM_DASH_LEAD = re.compile(r"^(?P<lead>[^\s].{0,60}?)\s+(?P<sep>—|–|->|→|=>|--|-)\s+(?P<rest>\S.*)$")
_MAX_DASH_LEAD_WORDS = 6
# A question, alone or followed by its answer: "How will we know it worked? CTR +2%".
_QUESTION = re.compile(r"^(?:Q\d*\s*[:.)]\s*)?(?P<q>[^?]{3,200}\?)\s*(?:A\d*\s*[:.)]\s*)?(?P<rest>.*)$")
_MAX_QUESTION_WORDS = 24
_SEPARATOR = re.compile(r"^[\s—–:=>-]+")
# "A: ..." / "Answer: ..." opens the answer to the question above it.
_ANSWER = re.compile(r"^(?:A\d*|Ans|Answer)\s*[:.)]\s*(?P<rest>.+)$")
_QUESTION_LABEL = re.compile(r"^Q\d*$")
_ANSWER_LABEL = re.compile(r"^(A\d*|Ans|Answer)$")
# A list item that is only a short title, maybe with a trailing dash or arrow ("Red lines ->",
# "Deal-breakers"): it titles the items nested below it.
_TITLE_ONLY = re.compile(r"^(?P<title>[^\s.!?;,][^.!?;,]{0,50}?)\s*(:|->|—|–|-|→|=>|\.)?\s*$")
_MAX_TITLE_ONLY_WORDS = 5
# Every lead above needs one of these; a line without any is plain text.
_LEAD_SIGNS = re.compile(r"[:?—–>→=]|\s-")
# Leading bullets, check marks and emoji are not part of a label.
_LEADING_SIGNS = re.compile(r"^[^\w@(\[]+")
# Panels and expands have titles but no level; they nest below any heading.
BOX_LEVEL = 7


@dataclass
class _Open:
    title: str
    kind: str
    level: int
    path: tuple[str, ...]
    index: int  # its place among the document's passages
    entries: list[Entry] = field(default_factory=list)

    def freeze(self) -> Passage:
        return Passage(self.title, self.kind, tuple(self.entries), self.path)


def _titles_its_items(item: _Open) -> None:
    """An untitled list item that turns out to have items nested below it, and is short
    enough to be a title ("Red lines ->", "Deal-breakers"), titles them."""
    if item.title or len(item.entries) != 1:
        return
    bare = _TITLE_ONLY.match(item.entries[0].text)
    if bare is not None and _words(bare.group("title")) <= _MAX_TITLE_ONLY_WORDS:
        item.title, item.entries = _clean_title(bare.group("title")), []


def _clean_title(title: str) -> str:
    return title.strip().rstrip(":").strip()


def _words(text: str) -> int:
    return len(text.split())


class DocumentBuilder:
    """Collects block events in document order and freezes them into a Document."""

    def __init__(self) -> None:
        self._passages: list[_Open] = []  # in the order they open: document order
        self._headings: list[_Open] = []
        self._label: _Open | None = None  # a label (or question) block still taking lines
        self._label_heads = False  # the open label has no value of its own: it titles what follows
        self._paragraph: int | None = None  # the paragraph taking lines, by index
        self._list: list[tuple[int, int]] = []  # open list items: (depth, index), outermost first
        self._columns: list[_Open] | None = None  # the open table's columns, when it has a header row
        self._lines: list[str] = []
        self._line_passages: list[int] = []
        self._items: list[str] = []
        self._tasks: list[Task] = []

    # -- structure -------------------------------------------------------
    def heading(self, level: int, title: str) -> None:
        """A heading; "## Success metric: +3% CTR" titles the section and starts its body."""
        self._end_blocks()
        self.close_to(level)
        title = title.strip()
        lead = self._lead(title, plain=False)
        rest = ""
        if lead is not None and lead[2] != "question" and lead[1].strip():
            title, rest = _clean_title(lead[0]), lead[1].strip()
        self._emit(title, -1)
        for index, open_ in enumerate(self._headings):
            part = self._headings[index + 1].title if index + 1 < len(self._headings) else title
            open_.entries.append(Entry(title, part=part))
        self._headings.append(self._open(title, "heading", level))
        if rest:
            self.text(rest)

    def close_to(self, level: int) -> None:
        """Close every open heading at ``level`` or deeper."""
        while self._headings and self._headings[-1].level >= level:
            self._headings.pop()

    def blank(self) -> None:
        """A paragraph boundary: ends a paragraph, and a label block once it has a body."""
        self._paragraph = None
        self._columns = None
        if self._label is not None and self._label.entries:
            self._close_label()

    def label(self, title: str, rest: str, kind: str = "label") -> None:
        """A bold (or plain) "Label: value" line; with no value it heads the lines below."""
        if _ANSWER_LABEL.match(title) and self._label is not None and self._label.kind == "question":
            self.text(rest)  # "**A:** ..." answers the question above
            return
        if _QUESTION_LABEL.match(title) and rest.strip():  # "**Q:** Which mistake hurts less?"
            question = _QUESTION.match(rest.strip())
            title, rest = (question.group("q"), question.group("rest")) if question else (rest, "")
        self._end_blocks()
        if title.rstrip().endswith("?"):
            kind = "question"
        line = f"{title}: {rest}".strip() if kind == "label" else f"{title} {rest}".strip()
        title = _clean_title(title)
        self._label_heads = not rest.strip()
        opened = self._open(title, kind, 0)
        self._emit(line, -1 if self._label_heads else self._index(opened))
        self._to_headings(Entry(line), part=title)
        self._label = opened
        if rest.strip():
            opened.entries.append(Entry(rest.strip()))

    # -- content ---------------------------------------------------------
    def text(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        value_open = self._label is not None and not self._label_heads
        if (answer := _ANSWER.match(line)) is not None and self._label is not None:
            line = answer.group("rest").strip()
        elif (lead := self._lead(line, plain=True)) is not None and (
            lead[2] == "label" or self._paragraph is None
        ):
            self.label(*lead)
            return
        if value_open and self._paragraph is None and self._label is not None:
            self._add(Entry(line, continues=True), self._index(self._label))  # the label's value goes on
            return
        self._list.clear()
        self._columns = None
        continues = self._paragraph is not None
        if self._paragraph is None:
            self._paragraph = self._index(self._open("", "paragraph", 0))
        self._add(Entry(line, continues=continues), self._paragraph)

    def verbatim(self, line: str) -> None:
        """A line of a code block: text, never a label."""
        line = line.strip()
        if line:
            if self._paragraph is None:
                self._paragraph = self._index(self._open("", "paragraph", 0))
            self._add(Entry(line), self._paragraph)

    def item(self, line: str, label: tuple[str, str] | None = None, depth: int = 1) -> None:
        """A list item, titled by its lead phrase if it has one; sub-items nest in it.

        "- **Legal:** no PII" is a label of its own (and still an item); a bold label alone
        ("- **Roles:**") heads the items below it, like a heading.
        """
        line = line.strip()
        if not line:
            return
        self._paragraph = None
        self._columns = None
        kind = "label"
        if label is not None:  # a bold label starts a new labelled part of the list
            self._close_label()
            if not label[1].strip():
                self._list.clear()
                self.label(label[0], "")
                return
        else:
            lead = self._lead(line, plain=False)
            label, kind = (lead[:2], lead[2]) if lead is not None else (None, "item")
        title = _clean_title(label[0]) if label is not None and label[1].strip() else ""
        while self._list and self._list[-1][0] >= depth:
            self._list.pop()
        parents = [self._passages[index] for _, index in self._list]
        if parents:
            _titles_its_items(parents[-1])
        path = self._path() + tuple(p.title for p in parents if p.title)
        opened = self._open(title, kind if title else "item", 0, path)
        if title and label is not None:
            opened.entries.append(Entry(label[1].strip()))
        elif not title:
            opened.entries.append(Entry(line, "item"))
        self._items.append(line)
        entry = Entry(line, "item", part=title)
        self._emit(line, self._index(opened))
        for parent in parents:
            parent.entries.append(entry)
        self._to_label_and_headings(entry, title)
        self._list.append((depth, self._index(opened)))

    def task(self, line: str, done: bool) -> None:
        line = line.strip()
        self._paragraph = None
        self._columns = None
        self._tasks.append(Task(line, done))
        opened = self._open("", "task", 0)
        entry = Entry(line, "task", done)
        opened.entries.append(entry)
        self._add(entry, self._index(opened), to_self=False)

    def table_row(self, cells: Sequence[str], header: bool) -> None:
        """A table row; a data row with a first cell is a passage titled by that cell.

        Under a header row, each cell also joins its column, titled by the header cell.
        """
        cells = [c.strip() for c in cells]
        if not any(cells):
            return
        self._paragraph = None
        self._list.clear()
        if self._label is not None and not self._label_heads:
            self._close_label()  # "**KPI:** CTR" then a table: the table is not the KPI's
        line = " | ".join(cells)
        if header:
            self._emit(line, -1)
            self._columns = (
                [self._open(_clean_title(c), "column", 0) for c in cells] if len(cells) > 1 else None
            )
            self._to_label_and_headings(Entry(line), "")
            return
        titled = len(cells) >= 2 and bool(cells[0])
        part = _clean_title(cells[0]) if titled else ""
        row = self._open(part, "table", 0)
        body = " | ".join(c for c in cells[1:] if c) if titled else line
        if body:
            row.entries.append(Entry(body))
        for column, cell in zip(self._columns or (), cells, strict=False):
            if cell:
                column.entries.append(Entry(cell, part=part))
        self._emit(line, self._index(row))
        if self._label is not None:  # "**RACI**" alone, then the table: it heads the table
            self._label.entries.append(Entry(line, part=part))
            part = part or self._label.title
        self._to_headings(Entry(line), part=part)

    # -- result ----------------------------------------------------------
    def build(self) -> Document:
        self._close_label()
        self.close_to(0)
        return Document(
            text="\n".join(self._lines),
            passages=tuple(p.freeze() for p in self._passages),
            items=tuple(self._items),
            tasks=tuple(self._tasks),
            line_passages=tuple(self._line_passages),
        )

    # -- helpers ---------------------------------------------------------
    @staticmethod
    def _lead(line: str, *, plain: bool) -> tuple[str, str, str] | None:
        """``(title, rest, kind)`` when a line opens with a label, a question or a lead phrase."""
        if not _LEAD_SIGNS.search(line):  # most lines: no colon, question mark, dash or arrow
            return None
        bare = _LEADING_SIGNS.sub("", line)
        question = _QUESTION.match(bare)
        # "KPI: what do we move?" is a label whose value is a question, not a question.
        if question and ":" not in question.group("q") and _words(question.group("q")) <= _MAX_QUESTION_WORDS:
            return question.group("q"), _SEPARATOR.sub("", question.group("rest")), "question"
        match = _PLAIN_LABEL.match(bare)
        if match and match.group(2) and _words(match.group(1)) <= _MAX_LABEL_WORDS:
            return match.group(1), match.group(2), "label"
        dash = (_DASH_LEAD if plain else _ITEM_DASH_LEAD).match(bare)
        if (
            dash
            and _words(dash.group("lead")) <= _MAX_DASH_LEAD_WORDS
            and not dash.group("lead").endswith(".")
        ):
            return dash.group("lead"), dash.group("rest"), "label" if plain else "item"
        return None

    def _open(self, title: str, kind: str, level: int, path: tuple[str, ...] | None = None) -> _Open:
        if path is None:
            path = self._path()
        opened = _Open(title, kind, level, path, len(self._passages))
        self._passages.append(opened)
        return opened

    @staticmethod
    def _index(opened: _Open) -> int:
        return opened.index

    def _path(self) -> tuple[str, ...]:
        titles = [h.title for h in self._headings if h.title]
        if self._label is not None and self._label_heads:
            titles.append(self._label.title)
        return tuple(titles)

    def _emit(self, line: str, passage: int) -> None:
        self._lines.append(line)
        self._line_passages.append(passage)

    def _end_blocks(self) -> None:
        self._close_label()
        self._paragraph = None
        self._list.clear()
        self._columns = None

    def _add(self, entry: Entry, passage: int, *, to_self: bool = True) -> None:
        """Add a body line to its passage, the open label block (if any) and every open heading."""
        if to_self and self._passages[passage] is not self._label:
            self._passages[passage].entries.append(entry)
        self._emit(entry.text, passage)
        self._to_label_and_headings(entry, entry.part)

    def _to_label_and_headings(self, entry: Entry, part: str) -> None:
        if self._label is not None:
            self._label.entries.append(entry)
            part = part or self._label.title
        self._to_headings(entry, part)

    def _to_headings(self, entry: Entry, part: str = "") -> None:
        """Add to every open heading, tagged with the sub-section it sits in below that heading."""
        headings = self._headings
        for index, open_ in enumerate(headings):
            nearest = headings[index + 1].title if index + 1 < len(headings) else part
            tagged = (
                entry
                if nearest == entry.part
                else Entry(entry.text, entry.kind, entry.done, nearest, entry.continues)
            )
            open_.entries.append(tagged)

    def _close_label(self) -> None:
        self._label = None
        self._label_heads = False
