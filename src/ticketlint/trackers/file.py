"""The offline tracker: epics from exported Jira answers and hand-written YAML.

Reads, in any mix: a search page (v2 ``startAt``/``total`` or v3 ``nextPageToken``/
``isLast``; its ``names`` map resolves custom fields), a JSON list of pages or of
issues, JSON Lines (one issue a line), the field list (``/rest/api/2/field``), and the
hand-written YAML format (``epics:``). Directories are read in name order, field lists
(files named ``field*``) first. Files are read one at a time and epics yielded as read.
Text descriptions in JSON are Jira's REST v2 wiki markup; hand-written ones are detected
(wiki or Markdown) unless ``description_format`` says.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ticketlint.errors import SourceError
from ticketlint.fields import FieldCatalog
from ticketlint.model import Epic, Unreadable
from ticketlint.trackers.issue import epic_from_issue, jira_description_format
from ticketlint.validation import schema_problems
from ticketlint.yamlfile import YamlProblem, load_yaml

SUFFIXES = (".json", ".jsonl", ".ndjson", ".yaml", ".yml")
_CATEGORY_KEYS = {"To Do": "new", "In Progress": "indeterminate", "Done": "done"}


def expand(paths: Sequence[Path]) -> list[Path]:
    """Files to read, directories expanded; a missing path is a SourceError."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            if not found:
                raise SourceError(f"{path}: no epic exports here (.json, .jsonl, .yaml)")
            files.extend(sorted(found, key=lambda p: (not p.name.startswith("field"), p.name)))
        elif path.is_file():
            files.append(path)
        else:
            raise SourceError(f"{path}: no such file or directory")
    return files


def read_epics(
    paths: Sequence[Path], catalog: FieldCatalog, keys: frozenset[str] = frozenset()
) -> Iterator[Epic | Unreadable]:
    """Epics from every source in order; with ``keys``, only those (a missing one is reported)."""
    seen: set[str] = set()
    for path in expand(paths):
        for item in _read_file(path, catalog):
            if keys and item.key not in keys:
                continue
            seen.add(item.key)
            yield item
    for missing in sorted(keys - seen):
        yield Unreadable(missing, "not found in the sources given", ", ".join(map(str, paths)))


def _read_file(path: Path, catalog: FieldCatalog) -> Iterator[Epic | Unreadable]:
    if path.suffix not in SUFFIXES:
        raise SourceError(
            f"{path}: not an epic export; expected a .json, .jsonl, .ndjson, .yaml or .yml file"
        )
    if path.suffix in (".yaml", ".yml"):
        yield from _read_yaml(path, catalog)
    elif path.suffix in (".jsonl", ".ndjson"):
        yield from _read_json_lines(path, catalog)
    else:
        yield from _from_json(_load_json(path), path, catalog)


def _load_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as stream:
            return json.load(stream)
    except json.JSONDecodeError as error:
        if error.pos == len(error.doc) and not error.doc.strip():
            raise SourceError(
                f"{path}: the file is empty; expected a Jira search answer or a list of issues"
            ) from None
        raise SourceError(f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}") from None
    except RecursionError:
        raise SourceError(f"{path}: JSON nested too deeply to read") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{path}: cannot read the file ({error})") from None


def _read_json_lines(path: Path, catalog: FieldCatalog) -> Iterator[Epic | Unreadable]:
    try:
        stream = path.open(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{path}: cannot read the file ({error})") from None
    with stream:
        try:
            yield from _json_lines(stream, path, catalog)
        except UnicodeDecodeError as error:
            raise SourceError(f"{path}: cannot read the file ({error.reason}; is it UTF-8 text?)") from None


def _json_lines(stream: Iterable[str], path: Path, catalog: FieldCatalog) -> Iterator[Epic | Unreadable]:
    empty = True
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        empty = False
        try:
            issue = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            yield Unreadable(f"{path.name}:{number}", f"not valid JSON: {reason}", str(path))
            continue
        yield _epic(issue, catalog, f"{path}:{number}")
    if empty:  # like an empty .json or .yaml: most likely an export that failed half-way
        raise SourceError(f"{path}: the file is empty; expected one Jira issue (JSON) per line")


def _from_json(data: Any, path: Path, catalog: FieldCatalog) -> Iterator[Epic | Unreadable]:
    if isinstance(data, Mapping) and isinstance(data.get("issues"), list):
        yield from _read_page(data, path, catalog)
    elif isinstance(data, list):
        if data and all(_is_field(entry) for entry in data):
            _add_fields(catalog, data)
        elif all(isinstance(e, Mapping) and isinstance(e.get("issues"), list) for e in data):
            for page in data:
                yield from _read_page(page, path, catalog)
        else:
            for index, issue in enumerate(data):
                yield _epic(issue, catalog, f"{path}[{index}]")
    elif isinstance(data, Mapping) and isinstance(data.get("key"), str):
        yield _epic(data, catalog, str(path))
    else:
        raise SourceError(
            f"{path}: not a Jira export; expected a search response (with issues), a list of "
            "issues or pages, a field list, or JSON Lines"
        )


def _read_page(page: Mapping[str, Any], path: Path, catalog: FieldCatalog) -> Iterator[Epic | Unreadable]:
    if isinstance(page.get("fields"), list):
        _add_fields(catalog, page["fields"])
    names = page.get("names")
    if isinstance(names, Mapping):
        _add_fields(catalog, [{"id": k, "name": v} for k, v in names.items()])
    for index, issue in enumerate(page["issues"]):
        yield _epic(issue, catalog, f"{path} issue {index + 1}")


def _is_field(entry: object) -> bool:
    return (isinstance(entry, Mapping) and "id" in entry and "name" in entry and "key" not in entry) or (
        isinstance(entry, Mapping) and ("schema" in entry or "clauseNames" in entry)
    )


def _add_fields(catalog: FieldCatalog, fields: Iterable[Any]) -> None:
    catalog.add_field_list(f for f in fields if isinstance(f, Mapping))


def _epic(
    issue: Any, catalog: FieldCatalog, where: str, fmt: str | None = None, *, from_jira: bool = True
) -> Epic | Unreadable:
    key = issue.get("key") if isinstance(issue, Mapping) else None
    try:
        if not isinstance(issue, Mapping):
            raise ValueError("expected an issue (a JSON object with key and fields)")
        if fmt is None and from_jira:
            fmt = jira_description_format(issue)
        return epic_from_issue(issue, catalog, fmt)
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        return Unreadable(key if isinstance(key, str) else where, f"cannot read this issue: {reason}", where)


def _read_yaml(path: Path, catalog: FieldCatalog) -> Iterator[Epic | Unreadable]:
    try:
        located = load_yaml(path)
    except YamlProblem as error:
        raise SourceError(str(error.problem)) from None
    if located.data is None:
        raise SourceError(f"{path}: the file is empty; expected epics: followed by a list of epics")
    problems = schema_problems(located, "epics.schema.json", lambda key: None)
    if problems:
        raise SourceError("\n".join(str(p) for p in problems))
    for index, entry in enumerate(located.data["epics"]):
        line, _ = located.where(("epics", index))
        fmt = entry.get("description_format")
        yield _epic(issue_from_yaml(entry), catalog, f"{path}:{line}", fmt, from_jira=False)


def issue_from_yaml(epic: Mapping[str, Any]) -> dict[str, Any]:
    """A hand-written epic as the Jira issue JSON it stands for (custom fields by name)."""
    key = epic["key"]
    category = epic.get("status_category") or ("Done" if epic.get("status") == "Done" else "To Do")
    fields: dict[str, Any] = {
        "summary": epic.get("summary", ""),
        "issuetype": {"name": epic.get("type", "Epic")},
        "project": {"key": epic.get("project") or key.rsplit("-", 1)[0]},
        "status": {
            "name": epic.get("status") or category,
            "statusCategory": {"key": _CATEGORY_KEYS[category], "name": category},
        },
        "labels": list(epic.get("labels", [])),
        "components": [{"name": c} for c in epic.get("components", [])],
        "assignee": {"displayName": epic["assignee"]} if epic.get("assignee") else None,
        "reporter": {"displayName": epic["reporter"]} if epic.get("reporter") else None,
        "priority": {"name": epic["priority"]} if epic.get("priority") else None,
        "description": epic.get("description"),
    }
    for name, value in (epic.get("fields") or {}).items():
        fields[str(name)] = value
    return {"key": key, "fields": fields}
