"""Markdown (offline exports, GitHub issues) → Document."""

from __future__ import annotations

import re

from ticketlint.model import Document
from ticketlint.text.builder import DocumentBuilder
from ticketlint.text.inline import drop_spans, split_label, split_task

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_CLOSING_HASHES = re.compile(r"\s+#+$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^([-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r"^(```|~~~)")
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BOLD_LABEL = re.compile(r"^(\*\*|__|\*|_)(?P<label>[^*_\s][^*_]*?)\1(?P<rest>.*)$")

_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_CODE = re.compile(r"`([^`]*)`")
# Emphasis marks are dropped where they touch a word's edge (linear; see wiki.py).
_EMPHASIS = re.compile(r"(?<![\w*~])(\*+|_+|~~)(?=\S)|(?<=\S)(\*+|_+|~~)(?![\w*~])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# ~~Struck out~~ (or <del>/<s>) text is withdrawn: it is not part of what the epic says.
_STRIKE_OPEN = re.compile(r"~~(?=\S)|<(?:del|s|strike)>", re.IGNORECASE)
_STRIKE_CLOSE = re.compile(r"(?<=\S)~~|</(?:del|s|strike)>", re.IGNORECASE)


_MARKUP = re.compile(r"[\[`<*_~]")


def clean_inline(text: str) -> str:
    """Plain text of a Markdown line: links, code spans and emphasis marks removed."""
    if not _MARKUP.search(text):
        return text.strip()
    if "~" in text or "<" in text:
        text = drop_spans(text, _STRIKE_OPEN, _STRIKE_CLOSE)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    return _EMPHASIS.sub("", text).strip()


def _cells(line: str) -> list[str]:
    return [clean_inline(c) for c in line.strip().strip("|").split("|")]


def parse_markdown(source: str) -> Document:
    """Parse Markdown; never fails, whatever the input."""
    doc = DocumentBuilder()
    lines = source.splitlines()
    fence: str | None = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        if fence is not None:
            if line.startswith(fence):
                fence = None
            else:
                doc.verbatim(line)
            continue
        if not line:
            doc.blank()
            continue
        if match := _FENCE.match(line):
            fence = match.group(1)
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if line.startswith(">"):
            line = line.lstrip("> ").strip()
            if not line:
                continue
        if _is_table_row(line):
            if not _TABLE_SEPARATOR.match(line) or "-" not in line:
                doc.table_row(_cells(line), header=bool(_TABLE_SEPARATOR.match(following)))
            continue
        if _SETEXT.match(following) and not _BULLET.match(line) and not _SETEXT.match(line):
            doc.heading(1 if following.startswith("=") else 2, clean_inline(line))
            continue
        if _SETEXT.match(line) and index > 0 and lines[index - 1].strip():
            continue  # underline of a setext heading, handled above
        _parse_line(doc, line, len(raw) - len(raw.lstrip()))
    return doc.build()


def _is_table_row(line: str) -> bool:
    return line.startswith("|") and line.count("|") >= 2


def _parse_line(doc: DocumentBuilder, line: str, indent: int = 0) -> None:
    if match := _HEADING.match(line):
        title = _CLOSING_HASHES.sub("", match.group(2).strip())
        doc.heading(len(match.group(1)), clean_inline(title))
    elif match := _BULLET.match(line):
        item = match.group(2).strip()
        task = split_task(item)
        if task is not None:
            doc.task(clean_inline(task[0]), task[1])
            return
        label = split_label(item, _BOLD_LABEL)
        doc.item(clean_inline(item), None if label is None else _clean(label), depth=1 + indent // 2)
    elif (label := split_label(line, _BOLD_LABEL)) is not None:
        doc.label(*_clean(label))
    else:
        doc.text(clean_inline(line))


def _clean(label: tuple[str, str]) -> tuple[str, str]:
    return clean_inline(label[0]), clean_inline(label[1])
