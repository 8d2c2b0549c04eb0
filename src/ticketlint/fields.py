"""Field names and values: display names → ids, and any Jira field value → plain Values.

Users name custom fields by display name ("Success Metric"); issues carry ids
(``customfield_10010``). The catalog comes from the field list (``/rest/api/2/field``)
or a search page's ``names``; a name that maps to two ids is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ticketlint.errors import TicketlintError
from ticketlint.model import Task
from ticketlint.text import parse_description

STANDARD_FIELDS = (
    "summary", "description", "labels", "components", "status", "assignee", "reporter",
    "priority", "duedate", "fixVersions", "parent", "issuetype", "project", "created", "updated",
)  # fmt: skip


class AmbiguousFieldError(TicketlintError):
    """A display name used by a rule belongs to more than one field."""


@dataclass
class FieldCatalog:
    """Custom field ids by display name (case-insensitive), plus config aliases."""

    _ids: dict[str, set[str]] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    _resolved: dict[str, str | None] = field(default_factory=dict, repr=False)

    def add(self, field_id: str, name: str) -> None:
        self._ids.setdefault(name.casefold(), set()).add(field_id)
        self._names[field_id] = name
        self._resolved.clear()

    def add_field_list(self, fields: Iterable[Mapping[str, Any]]) -> None:
        for entry in fields:
            if isinstance(entry.get("id"), str) and isinstance(entry.get("name"), str):
                self.add(entry["id"], entry["name"])

    def name_of(self, field_id: str) -> str:
        return self._names.get(field_id, field_id)

    def custom_ids(self, wanted: Callable[[str], bool]) -> list[str]:
        """Ids of the custom fields whose display name ``wanted`` selects."""
        return [i for i, name in self._names.items() if i.startswith("customfield_") and wanted(name)]

    def resolve(self, name_or_id: str) -> str | None:
        """The field id a rule means, None when this site has no such field (remembered)."""
        if name_or_id not in self._resolved:
            self._resolved[name_or_id] = self._resolve(name_or_id)
        return self._resolved[name_or_id]

    def _resolve(self, name_or_id: str) -> str | None:
        name_or_id = self.aliases.get(name_or_id, name_or_id)
        if name_or_id in STANDARD_FIELDS or name_or_id in self._names:
            return name_or_id
        ids = self._ids.get(name_or_id.casefold(), set())
        if len(ids) > 1:
            raise AmbiguousFieldError(
                f'the field name "{name_or_id}" matches {len(ids)} fields ({", ".join(sorted(ids))});'
                " name one by id in the rule, or map the name to an id under fields: in ticketlint.yaml"
            )
        if ids:
            return next(iter(ids))
        return name_or_id if name_or_id.startswith("customfield_") else None


@dataclass(frozen=True)
class Value:
    """What a target holds on one epic, in the few shapes checks care about.

    ``target`` says where it is, for people; ``title`` is the title of the passage it
    comes from (if any); ``placed`` is false for a sentence found in running text, which
    a message should not name as the place to write the answer.
    """

    target: str
    present: bool
    lines: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    tasks: tuple[Task, ...] = ()
    users: tuple[str, ...] = ()
    title: str = ""
    placed: bool = True

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)


def absent(target: str) -> Value:
    return Value(target, False)


_USER_KEYS = ("accountId", "emailAddress")


def value_of(target: str, raw: Any) -> Value:
    """Convert any Jira field value (text, ADF, user, option, list, number) to a Value."""
    if raw is None or raw == "" or raw == [] or raw == {}:
        return absent(target)
    if isinstance(raw, bool):
        return Value(target, True, ("yes" if raw else "no",))
    if isinstance(raw, (int, float)):
        return Value(target, True, (str(raw),))
    if isinstance(raw, (dt.date, dt.datetime)):  # unquoted dates in hand-written YAML
        return Value(target, True, (raw.isoformat(),))
    if isinstance(raw, str):
        doc = parse_description(raw)
        lines = tuple(doc.text.splitlines()) or (raw.strip(),)
        return Value(target, bool(raw.strip()), lines, doc.items, doc.tasks)
    if isinstance(raw, Mapping):
        if raw.get("type") == "doc":
            doc = parse_description(raw, "adf")
            return Value(target, bool(doc.text), tuple(doc.text.splitlines()), doc.items, doc.tasks)
        if any(k in raw for k in _USER_KEYS) or ("displayName" in raw and "name" in raw):
            name = str(raw.get("displayName") or raw.get("name") or raw.get("accountId"))
            return Value(target, True, (name,), users=(name,))
        for key in ("value", "name", "displayName", "key"):
            if isinstance(raw.get(key), (str, int, float)):
                text = str(raw[key])
                child = raw.get("child")
                if isinstance(child, Mapping) and isinstance(child.get("value"), str):
                    text = f"{text} / {child['value']}"
                return Value(target, True, (text,))
        return absent(target)
    if isinstance(raw, list):
        parts = [value_of(target, entry) for entry in raw]
        present = [p for p in parts if p.present]
        items = tuple(p.text for p in present)
        users = tuple(u for p in present for u in p.users)
        return Value(target, bool(present), items, items, users=users)
    return absent(target)
