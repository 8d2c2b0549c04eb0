"""Find, load and validate ``ticketlint.yaml``; command-line options are merged on top."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ticketlint.errors import ConfigError, Problem
from ticketlint.validation import schema_problems
from ticketlint.yamlfile import Located, YamlProblem, load_yaml

CONFIG_NAME = "ticketlint.yaml"
DEFAULT_PACKS = ("builtin:ml-kickoff",)


@dataclass(frozen=True)
class Config:
    """Settings from the config file (or defaults); ``base`` is where relative paths start."""

    base: Path
    path: Path | None = None
    rules: tuple[str, ...] = DEFAULT_PACKS
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    format: str = "text"
    color: str = "auto"
    sources: tuple[Path, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)
    tracker: dict[str, Any] = field(default_factory=dict)
    waivers: tuple[dict[str, Any], ...] = ()
    waiver_places: tuple[Problem, ...] = ()  # where each waiver is written, for messages
    overrides: tuple[dict[str, Any], ...] = ()
    override_places: tuple[Problem, ...] = ()
    apply: dict[str, Any] = field(default_factory=dict)  # write-back settings, see writeback.settings


def find_config(start: Path) -> Path | None:
    """The nearest ``ticketlint.yaml`` in ``start`` or any directory above it."""
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


_SECRET_KEYS = {"token", "api_token", "password", "pat", "secret", "apikey", "api_key"}


def _secret_problems(located: Located) -> list[Problem]:
    """A secret written into the config file is refused with advice, before anything else."""
    tracker = located.data.get("tracker") if isinstance(located.data, dict) else None
    if not isinstance(tracker, dict):
        return []
    return [
        located.problem(
            ("tracker", key),
            f'"{key}" looks like a secret: ticketlint never reads secrets from this file. Remove it and set '
            "JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center) in the environment instead",
            at_key=True,
        )
        for key in tracker
        if str(key).lower() in _SECRET_KEYS
    ]


def _waiver_problems(located: Located) -> list[Problem]:
    """What the schema cannot say about waivers: real dates, and whose epics."""
    problems = []
    for index, waiver in enumerate(located.data.get("waivers") or []):
        try:
            dt.date.fromisoformat(waiver["expires"])
        except ValueError:
            problems.append(
                located.problem(
                    ("waivers", index, "expires"),
                    f'expires: "{waiver["expires"]}" is not a date; write YYYY-MM-DD',
                )
            )
        if not waiver.get("epics") and not waiver.get("select") and not waiver.get("jql"):
            problems.append(
                located.problem(
                    ("waivers", index),
                    "a waiver names the epics it covers: epics: [KEY, ...], jql: or select:",
                )
            )
    return problems


def load_config(explicit: Path | None, cwd: Path) -> Config:
    """Load ``--config`` or the nearest config file; no file at all means defaults."""
    path = explicit if explicit is not None else find_config(cwd)
    if path is None:
        return Config(base=cwd)
    if explicit is not None and explicit.is_dir():
        raise ConfigError.single(str(explicit), "this is a directory; --config names a ticketlint.yaml file")
    if explicit is not None and not explicit.is_file():
        raise ConfigError.single(str(explicit), "config file not found")
    try:
        located = load_yaml(path)
    except YamlProblem as error:
        raise ConfigError([error.problem]) from None
    if located.data is None:  # empty, or only comments: the defaults
        located.data = {}
    data: Any = located.data
    if not isinstance(data, dict):
        raise ConfigError([located.problem((), "ticketlint.yaml must be a mapping of settings")])
    problems = _secret_problems(located) or schema_problems(located, "config.schema.json", lambda key: None)
    problems = problems or _waiver_problems(located)
    if problems:
        raise ConfigError(problems)
    base = path.parent.resolve()
    return Config(
        base=base,
        path=path,
        rules=tuple(data.get("rules", DEFAULT_PACKS)),
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        fail_on=data.get("fail_on", "error"),
        format=data.get("format", "text"),
        color=data.get("color", "auto"),
        sources=tuple(base / s for s in data.get("sources", ())),
        fields=dict(data.get("fields", {})),
        tracker=dict(data.get("tracker") or {}),
        waivers=tuple(data.get("waivers") or ()),
        waiver_places=tuple(
            located.problem(("waivers", index), "") for index in range(len(data.get("waivers") or ()))
        ),
        overrides=tuple(data.get("overrides") or ()),
        override_places=tuple(
            located.problem(("overrides", index), "") for index in range(len(data.get("overrides") or ()))
        ),
        apply=dict(data.get("apply") or {}),
    )
