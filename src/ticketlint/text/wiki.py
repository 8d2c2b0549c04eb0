"""Jira wiki markup (REST v2 descriptions) → Document."""

from __future__ import annotations

import re

from ticketlint.model import Document
from ticketlint.text.builder import BOX_LEVEL, DocumentBuilder
from ticketlint.text.inline import drop_spans, split_label, split_task

_HEADING = re.compile(r"^h([1-6])\.\s*(.*)$")
_BULLET = re.compile(r"^([*#-]+)\s+(.*)$")
_BOLD_LABEL = re.compile(r"^\*(?P<label>[^*\s][^*]*)\*(?P<rest>.*)$")
_BOX_OPEN = re.compile(r"^\{(panel|quote|expand|info|note|tip|warning)(:[^}]*)?\}(.*)$")
_BOX_CLOSE = re.compile(r"^(.*)\{(panel|quote|expand|info|note|tip|warning)\}\s*$")
_TITLE = re.compile(r"title=([^|}]*)")
_VERBATIM = re.compile(r"^\{(code|noformat)(:[^}]*)?\}(.*)$")

_LINK = re.compile(r"\[([^|\[\]]*)\|[^\[\]]*\]")
_BARE_LINK = re.compile(r"\[((?:https?|mailto):[^\[\]]*)\]")
_MENTION = re.compile(r"\[~(?:accountid:)?([^\[\]]+)\]")
_COLOR = re.compile(r"\{color(:[^{}]*)?\}")
_MONO = re.compile(r"\{\{([^{}]*)\}\}")
# Emphasis marks (*bold*, _italic_) are dropped where they touch a word's edge; pairing
# them up would need backtracking that is quadratic on lines full of stars.
_EMPHASIS = re.compile(r"(?<![\w*])[*_]+(?=\S)|(?<=\S)[*_]+(?![\w*])")
# -struck out- text is withdrawn: it is not part of what the epic says.
_STRIKE_OPEN = re.compile(r"(?<![\w-])-(?=[^\s\->])")
_STRIKE_CLOSE = re.compile(r"(?<=[^\s-])-(?![\w-])")


_MARKUP = re.compile(r"[\[{*_+\-^~?]")


def clean_inline(text: str) -> str:
    """Plain text of a wiki line: links, mentions, colours and emphasis marks removed."""
    if not _MARKUP.search(text):
        return text.strip()
    text = _MENTION.sub(r"@\1", text)
    text = _LINK.sub(r"\1", text)
    text = _BARE_LINK.sub(r"\1", text)
    text = _COLOR.sub("", text)
    text = _MONO.sub(r"\1", text)
    if "-" in text:
        text = drop_spans(text, _STRIKE_OPEN, _STRIKE_CLOSE)
    return _EMPHASIS.sub("", text).strip()


def _table_cells(line: str) -> tuple[list[str], bool]:
    line = _LINK.sub(r"\1", _MENTION.sub(r"@\1", line.strip()))
    header = line.startswith("||")
    cells = re.split(r"\|\|?", line.strip().strip("|"))
    return [clean_inline(c) for c in cells], header and "|" not in line.replace("||", "")


def parse_wiki(source: str) -> Document:
    """Parse wiki markup; never fails, whatever the input."""
    doc = DocumentBuilder()
    verbatim: str | None = None
    boxes: list[str] = []  # open {panel}, {quote}, ... blocks, innermost last
    for raw in source.splitlines():
        line = raw.strip()
        if verbatim is not None:
            end = "{" + verbatim + "}"
            if end in line:
                doc.verbatim(line.split(end, 1)[0])
                verbatim = None
            else:
                doc.verbatim(line)
            continue
        if not line:
            doc.blank()
            continue
        if match := _VERBATIM.match(line):
            verbatim = match.group(1)
            rest = match.group(3)
            end = "{" + verbatim + "}"
            if end in rest:
                doc.verbatim(rest.split(end, 1)[0])
                verbatim = None
            else:
                doc.verbatim(rest)
            continue
        match = _BOX_OPEN.match(line)
        # A bare "{panel}" while a panel is open closes it instead.
        if match and not (match.group(2) is None and match.group(1) in boxes):
            boxes.append(match.group(1))
            doc.blank()
            title = _TITLE.search(match.group(2) or "")
            if title and title.group(1).strip():
                doc.heading(BOX_LEVEL, clean_inline(title.group(1)))
            line = match.group(3).strip()
            if not line:
                continue
        closed = False
        if (match := _BOX_CLOSE.match(line)) and match.group(2) in boxes:
            line, closed = match.group(1).strip(), True
            del boxes[len(boxes) - 1 - boxes[::-1].index(match.group(2))]
        if line:
            _parse_line(doc, line)
        if closed:
            doc.blank()
            doc.close_to(BOX_LEVEL)
    return doc.build()


def _parse_line(doc: DocumentBuilder, line: str) -> None:
    first = line[0]
    if first not in "h|*#-":  # most lines are plain text: skip the markup patterns
        doc.text(clean_inline(line))
    elif first == "h" and (match := _HEADING.match(line)):
        doc.heading(int(match.group(1)), clean_inline(match.group(2)))
    elif first == "|":
        cells, header = _table_cells(line)
        doc.table_row(cells, header)
    elif (match := _BULLET.match(line)) and not _BOLD_LABEL.match(line):
        item = match.group(2).strip()
        task = split_task(item)
        if task is not None:
            doc.task(clean_inline(task[0]), task[1])
            return
        label = split_label(item, _BOLD_LABEL)
        doc.item(clean_inline(item), _clean_label(label), depth=len(match.group(1)))
    elif (label := split_label(line, _BOLD_LABEL)) is not None:
        doc.label(*_clean_label(label) or label)
    else:
        doc.text(clean_inline(line))


def _clean_label(label: tuple[str, str] | None) -> tuple[str, str] | None:
    return None if label is None else (clean_inline(label[0]), clean_inline(label[1]))
