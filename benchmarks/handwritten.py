"""The floor: a hand-written Python function doing the same three checks as the rules.

It is what a team would write without ticketlint: split the wiki text on headings and
bold labels, drop placeholders, look for a number or a name. The benchmark compares its
findings with ticketlint's (they must agree) and its speed (ticketlint's ratio to it).
"""

from __future__ import annotations

import re
from typing import Any

_HEADING = re.compile(r"^h[1-6]\.\s*(.*)$")
_LABEL = re.compile(r"^\*([^*]+?):\*\s*(.*)$")
_PLACEHOLDER = re.compile(
    r"^(tbd|n/a|\?|\[.*\]|e\.g\..*|to be decided|the one metric everyone.*|the error rate the product.*)$",
    re.I,
)
_ROLE_NAME = re.compile(r"\b(engineer|scientist|analyst|pm)\b\s*[:|]\s*(@|\[~|not needed|[A-Z][a-z]+)", re.I)
_ROLE_EMPTY = re.compile(r"\b(engineer|scientist|analyst|pm)\b\s*[:|]\s*(tbd|\?|n/a)?\s*\|?\s*$", re.I)


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        line = line.strip()
        heading = _HEADING.match(line)
        label = _LABEL.match(line)
        if heading:
            current = sections.setdefault(heading.group(1).strip().lower(), [])
        elif label:
            sections.setdefault(label.group(1).strip().lower(), []).append(label.group(2))
        elif current is not None and line:
            current.append(line)
    return sections


def _answer(lines: list[str]) -> str:
    return "\n".join(line for line in lines if not _PLACEHOLDER.match(line.strip()))


def handwritten_findings(issue: dict[str, Any]) -> set[str]:
    """The rule ids that fail for one issue."""
    sections = _sections(issue["fields"].get("description") or "")
    failed = set()
    metric = _answer(sections.get("success metric", []))
    if len(re.findall(r"\w+", metric)) < 2 or not re.search(r"\d", metric):
        failed.add("success-metric-defined")
    if not re.search(r"\d", _answer(sections.get("error tolerance", []))):
        failed.add("error-tolerance-stated")
    roles = "\n".join(sections.get("roles", [])).replace("||", "|")
    rows = [r.strip("|").replace("|", ":", 1) for r in roles.splitlines()]
    named = any(_ROLE_NAME.search(r) for r in rows)
    empty = any(_ROLE_EMPTY.search(r) for r in rows)
    if not named or empty:
        failed.add("roles-assigned")
    return failed
