"""Shared helpers for the line-based parsers (wiki and Markdown): checklists and labels."""

from __future__ import annotations

import re

# "[x] done", "[ ] open", "(/) done", "(x) open" at the start of a list item.
_TASK = re.compile(r"^\[( |x|X)\]\s*(.*)$|^\((/|x|X|-)\)\s*(.*)$")


def split_task(item: str) -> tuple[str, bool] | None:
    """``(text, done)`` when a list item is a checklist entry, else None."""
    match = _TASK.match(item)
    if not match:
        return None
    if match.group(1) is not None:
        return match.group(2), match.group(1) in "xX"
    return match.group(4), match.group(3) == "/"


def split_label(line: str, bold: re.Pattern[str]) -> tuple[str, str] | None:
    """``(label, rest)`` for a line that starts with a bold label ending in a colon.

    A bold phrase alone on its line also counts (it titles the lines below it).
    """
    match = bold.match(line)
    if not match:
        return None
    label, rest = match.group("label").strip(), match.group("rest").strip()
    colon = label.endswith(":") or rest.startswith(":")
    if not colon and rest:
        return None
    return label.rstrip(":").strip(), rest.lstrip(":").strip()
