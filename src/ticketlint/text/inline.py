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

    A bold question counts too ("*Which mistake hurts less?* False negatives: ..."), and a
    bold phrase alone on its line (it titles the lines below it).
    """
    match = bold.match(line)
    if not match:
        return None
    label, rest = match.group("label").strip(), match.group("rest").strip()
    colon = label.endswith((":", "?")) or rest.startswith(":")
    if not colon and rest:
        return None
    return label.rstrip(":").strip(), rest.lstrip(":").strip()


_SPACES = re.compile(r"\s{2,}")


def drop_spans(text: str, opener: re.Pattern[str], closer: re.Pattern[str], longest: int = 80) -> str:
    """``text`` without the spans from an opener to the first closer after it, when no
    other opener comes between them and the span is short (struck-out words: "-Kenji-",
    not "-5% churn ... -x-"). Linear, so a line full of unpaired marks stays cheap."""
    closers = [(m.start(), m.end()) for m in closer.finditer(text)]
    if not closers:
        return text
    openers = [(m.start(), m.end()) for m in opener.finditer(text)]
    kept: list[str] = []
    position = index = 0
    for number, (start, end) in enumerate(openers):
        if start < position:
            continue
        while index < len(closers) and closers[index][0] < end:
            index += 1
        if index == len(closers):
            break
        close_start, close_end = closers[index]
        following = openers[number + 1][0] if number + 1 < len(openers) else len(text)
        if following < close_start or close_end - start > longest:
            continue
        kept.append(text[position:start])
        position = close_end
        index += 1
    if not kept:
        return text
    kept.append(text[position:])
    return _SPACES.sub(" ", "".join(kept)).strip()
