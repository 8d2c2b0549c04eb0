"""A Jira issue as JSON (REST v2 or v3, live or exported) → Epic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ticketlint.fields import FieldCatalog
from ticketlint.model import Epic
from ticketlint.text import parse_description

# statusCategory keys Jira uses, by the names people see.
_CATEGORY_NAMES = {"new": "To Do", "indeterminate": "In Progress", "done": "Done"}


def _name(value: Any, *keys: str) -> str:
    if isinstance(value, Mapping):
        for key in keys:
            if isinstance(value.get(key), str):
                return str(value[key])
    return value if isinstance(value, str) else ""


def _names(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(n for n in (_name(v, "name", "value") for v in values) if n)


def site_url(issue: Mapping[str, Any]) -> str | None:
    """The site's base URL, from the issue's ``self`` link."""
    link = issue.get("self")
    if isinstance(link, str) and "/rest/" in link:
        return link.split("/rest/", 1)[0]
    return None


def epic_from_issue(
    issue: Mapping[str, Any], catalog: FieldCatalog, description_format: str | None = None
) -> Epic:
    """Convert one issue; raise ValueError when it has no key or no fields."""
    key = issue.get("key")
    fields = issue.get("fields")
    if not isinstance(key, str) or not key:
        raise ValueError("an issue without a key")
    if not isinstance(fields, Mapping):
        raise ValueError(f"{key} has no fields")
    status = fields.get("status")
    category = status.get("statusCategory") if isinstance(status, Mapping) else None
    category_name = _name(category, "name") or _CATEGORY_NAMES.get(_name(category, "key"), "")
    site = site_url(issue)
    project = _name(fields.get("project"), "key") or key.rsplit("-", 1)[0]
    owner = _name(fields.get("assignee"), "displayName", "name") or _name(
        fields.get("reporter"), "displayName", "name"
    )
    return Epic(
        key=key,
        summary=_name(fields.get("summary")),
        issue_type=_name(fields.get("issuetype"), "name"),
        project=project,
        status=_name(status, "name"),
        status_category=category_name,
        labels=tuple(x for x in fields.get("labels") or () if isinstance(x, str)),
        components=_names(fields.get("components")),
        owner=owner or None,
        url=f"{site}/browse/{key}" if site else None,
        description=parse_description(fields.get("description"), description_format),
        raw=issue,
        catalog=catalog,
    )


# What Jira sends: wiki strings over REST v2, ADF documents over v3.
_JIRA_FORMATS: dict[type, str] = {str: "wiki", dict: "adf"}


def jira_description_format(issue: Mapping[str, Any]) -> str | None:
    """The markup of an issue's description as Jira sent it (None: no description)."""
    fields = issue.get("fields")
    description = fields.get("description") if isinstance(fields, Mapping) else None
    return _JIRA_FORMATS.get(type(description))
