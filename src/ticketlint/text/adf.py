"""Atlassian Document Format (REST v3 descriptions) → Document.

Walks the tree with an explicit stack, so a document nested 10,000 deep is no problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from ticketlint.model import Document
from ticketlint.text.builder import BOX_LEVEL, DocumentBuilder

_LISTS = frozenset({"bulletList", "orderedList"})
_CLOSE_BOX = object()


def inline_text(node: Any) -> str:
    """The plain text of a node and everything below it (mentions as "@Name")."""
    parts: list[str] = []
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current, Mapping):
            continue
        kind = current.get("type")
        attrs = _attrs(current)
        if kind == "text" and isinstance(current.get("text"), str):
            if not _struck(current):  # struck-out text is withdrawn, not said
                parts.append(current["text"])
        elif kind == "mention":
            name = attrs.get("text") or attrs.get("id") or ""
            parts.append(str(name) if str(name).startswith("@") else f"@{name}")
        elif kind in ("emoji", "status"):
            parts.append(str(attrs.get("text") or attrs.get("shortName") or ""))
        elif kind in ("inlineCard", "blockCard"):
            parts.append(str(attrs.get("url") or ""))
        elif kind == "date":
            parts.append(_date(attrs.get("timestamp")))
        elif kind == "hardBreak":
            parts.append("\n")
        elif kind in ("paragraph", "heading") and parts and not parts[-1].endswith(" "):
            parts.append(" ")
        stack.extend(reversed(_children(current)))
    return "".join(parts).strip()


def _struck(node: Mapping[str, Any]) -> bool:
    marks = node.get("marks")
    return isinstance(marks, list) and any(
        isinstance(m, Mapping) and m.get("type") == "strike" for m in marks
    )


def _date(timestamp: Any) -> str:
    """An ADF date node (milliseconds since the epoch, UTC) as the date people read: 2026-03-02."""
    try:
        return dt.datetime.fromtimestamp(int(str(timestamp)) / 1000, dt.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return str(timestamp or "")


def _attrs(node: Mapping[str, Any]) -> Mapping[str, Any]:
    attrs = node.get("attrs")
    return attrs if isinstance(attrs, Mapping) else {}


def _children(node: Mapping[str, Any]) -> list[Any]:
    content = node.get("content")
    return content if isinstance(content, list) else []


def _strong_label(paragraph: Mapping[str, Any]) -> tuple[str, str] | None:
    """``(label, rest)`` when a paragraph opens with bold text ending in a colon."""
    content = _children(paragraph)
    if not content or not isinstance(content[0], Mapping):
        return None
    first = content[0]
    marks = first.get("marks")
    marks = marks if isinstance(marks, list) else []
    bold = any(isinstance(m, Mapping) and m.get("type") == "strong" for m in marks)
    if not bold or first.get("type") != "text" or not isinstance(first.get("text"), str):
        return None
    label = first["text"].strip()
    rest = inline_text({"content": content[1:]})
    if not (label.endswith((":", "?")) or rest.startswith(":") or not rest):
        return None
    return label.rstrip(":").strip(), rest.lstrip(":").strip()


def parse_adf(root: Mapping[str, Any]) -> Document:
    """Parse an ADF document; unknown or malformed nodes are skipped, never fatal."""
    doc = DocumentBuilder()
    for node, depth in _blocks(root):
        if node is _CLOSE_BOX:
            doc.blank()
            doc.close_to(BOX_LEVEL)
            continue
        kind = node.get("type")
        if kind == "heading":
            level = _attrs(node).get("level")
            doc.heading(
                level if isinstance(level, int) and 1 <= level <= BOX_LEVEL else 1,
                inline_text(node),
            )
        elif kind == "paragraph":
            label = _strong_label(node)
            if depth:
                doc.item(inline_text(node), label, depth)
            elif label is not None:
                doc.label(*label)
            else:
                for line in inline_text(node).splitlines():
                    doc.text(line)
                doc.blank()
        elif kind in ("taskItem", "decisionItem"):
            doc.task(inline_text(node), _attrs(node).get("state") in ("DONE", "DECIDED"))
        elif kind == "tableRow":
            cells = [c for c in _children(node) if isinstance(c, Mapping)]
            header = bool(cells) and all(c.get("type") == "tableHeader" for c in cells)
            doc.table_row([inline_text(c) for c in cells], header)
        elif kind == "codeBlock":
            for line in inline_text(node).splitlines():
                doc.verbatim(line)
            doc.blank()
    return doc.build()


def _blocks(root: Mapping[str, Any]) -> Iterator[tuple[Any, int]]:
    """Block nodes in document order, each with how many lists it sits in (0: none)."""
    stack: list[tuple[Any, int]] = [(child, 0) for child in reversed(_children(root))]
    while stack:
        node, depth = stack.pop()
        if node is _CLOSE_BOX:
            yield node, depth
            continue
        if not isinstance(node, Mapping):
            continue
        kind = node.get("type")
        if kind in ("heading", "paragraph", "taskItem", "decisionItem", "tableRow", "codeBlock"):
            yield node, depth
            continue
        if kind in ("panel", "expand", "nestedExpand"):
            title = _attrs(node).get("title")
            if isinstance(title, str) and title.strip():
                yield (
                    {
                        "type": "heading",
                        "attrs": {"level": BOX_LEVEL},
                        "content": [{"type": "text", "text": title}],
                    },
                    depth,
                )
                stack.append((_CLOSE_BOX, depth))
        child_depth = depth + 1 if kind in _LISTS else depth
        stack.extend((child, child_depth) for child in reversed(_children(node)))
