"""Where the Jira connection settings come from: the config's ``tracker:`` section, options,
and environment variables for everything secret.

Secrets (API token, personal access token) are only ever read from the environment, under
names the config may choose; they never appear in a message, a report or a log.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ticketlint.errors import UsageError

DEFAULT_JQL = (
    "issuetype = Epic AND statusCategory != Done AND (labels in (ml, machine-learning) "
    'OR component = ML OR component = "Machine Learning") ORDER BY key ASC'
)
DEFAULT_ENV = {"url": "JIRA_URL", "email": "JIRA_EMAIL", "token": "JIRA_API_TOKEN", "pat": "JIRA_PAT"}


@dataclass(frozen=True)
class JiraSettings:
    """Everything needed to talk to one Jira site. ``repr`` hides the secrets."""

    url: str
    email: str | None = None
    token: str | None = field(default=None, repr=False)
    pat: str | None = field(default=None, repr=False)
    deployment: str = "auto"  # auto | cloud | datacenter
    api_version: str = "2"
    jql: str = DEFAULT_JQL
    page_size: int = 100
    workers: int = 4
    retry_budget: float = 120.0
    timeout: float = 30.0
    url_variable: str = DEFAULT_ENV["url"]
    email_variable: str = DEFAULT_ENV["email"]
    token_variable: str = DEFAULT_ENV["token"]
    pat_variable: str = DEFAULT_ENV["pat"]


def jira_configured(tracker: Mapping[str, Any], environ: Mapping[str, str], url_option: str | None) -> bool:
    """Whether a Jira site is named anywhere: option, config or environment."""
    names = {**DEFAULT_ENV, **(tracker.get("env") or {})}
    return bool(url_option or tracker.get("url") or environ.get(names["url"]))


def jira_settings(
    tracker: Mapping[str, Any], environ: Mapping[str, str], *, url_option: str | None = None
) -> JiraSettings:
    """Settings from the ``tracker:`` section (already schema-checked) and the environment."""
    names = {**DEFAULT_ENV, **(tracker.get("env") or {})}
    url = url_option or tracker.get("url") or environ.get(names["url"])
    if not url:
        raise UsageError(f"no Jira URL: set ${names['url']}, tracker.url in ticketlint.yaml, or --jira-url")
    url = str(url).strip()
    if not re.match(r"^https?://[^\s/]+", url):
        raise UsageError(
            f'the Jira URL "{shown_url(url)}" must start with https:// (or http://) and name a host'
        )
    email, token, pat = (_secret(environ, names[k]) for k in ("email", "token", "pat"))
    if not pat and not (email and token):
        raise UsageError(
            f"no Jira credentials for {url}: set ${names['email']} and ${names['token']} (Jira Cloud, an API "
            f"token) or ${names['pat']} (Data Center, a personal access token) in the environment"
        )
    return JiraSettings(
        url=url.rstrip("/"),
        email=email,
        token=token,
        pat=pat,
        deployment=tracker.get("deployment", "auto"),
        api_version=str(tracker.get("api_version", "2")),
        jql=tracker.get("jql", DEFAULT_JQL),
        page_size=int(tracker.get("page_size", 100)),
        workers=int(tracker.get("workers", 4)),
        retry_budget=_seconds(tracker, "retry_budget_seconds", 120),
        timeout=_seconds(tracker, "timeout_seconds", 30),
        url_variable=names["url"],
        email_variable=names["email"],
        token_variable=names["token"],
        pat_variable=names["pat"],
    )


def _secret(environ: Mapping[str, str], variable: str) -> str | None:
    """A credential from the environment, without the stray newline a secrets file leaves."""
    value = (environ.get(variable) or "").strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise UsageError(
            f"${variable} contains a line break or a control character; set it to the bare value"
        )
    return value or None


def _seconds(tracker: Mapping[str, Any], key: str, default: float) -> float:
    value = float(tracker.get(key, default))
    if not math.isfinite(value) or value < 0:
        raise UsageError(f"tracker.{key} in ticketlint.yaml must be a number of seconds, not {value}")
    return value


def shown_url(url: str) -> str:
    """A URL as it may appear in a message: without a user name or password in it."""
    return re.sub(r"^(\w+://)[^/@\s]*@", r"\1", url)


_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*-[0-9]+$")


def epics_jql(keys: frozenset[str]) -> str:
    """The JQL for ``--epic KEY`` options; a key that is not like ML-12 is a usage error."""
    wrong = sorted(k for k in keys if not _KEY.match(k))
    if wrong:
        raise UsageError(f"--epic takes issue keys such as ML-12, not {', '.join(repr(k) for k in wrong)}")
    return f"key in ({', '.join(sorted(keys))}) ORDER BY key ASC"
