"""Jira Cloud and Data Center: the only module that imports the ``jira`` library.

It reads ML epics page by page (Cloud: ``search/jql`` with page tokens; Data Center:
``search`` with ``startAt``/``total``, later pages fetched concurrently) and turns each
issue into an Epic at this boundary. Every request goes through one place that retries
429/503 (honouring ``Retry-After`` in seconds or as an HTTP date) and dropped connections
(backing off with jitter) within a total time budget, and turns every failure into a
TicketlintError that says which request failed and what to check. Secrets are never put
into a message.
"""

from __future__ import annotations

import email.utils
import json
import math
import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import requests
from jira import JIRA, JIRAError

from ticketlint.errors import TicketlintError
from ticketlint.fields import FieldCatalog
from ticketlint.model import Epic, Unreadable
from ticketlint.trackers.credentials import JiraSettings, shown_url
from ticketlint.trackers.issue import epic_from_issue, jira_description_format

# Always asked for: what the report, the selectors and write-back need.
BASE_FIELDS = (
    "summary",
    "status",
    "issuetype",
    "project",
    "labels",
    "components",
    "assignee",
    "reporter",
    "comment",
)
RETRYABLE = (429, 503)
SHOWN_ANSWER = 300


class JiraError(TicketlintError):
    """Jira could not be reached, refused us, or answered something we cannot use."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status Jira answered, when it answered


@dataclass(frozen=True)
class Page:
    """One search page: its issues, and where the next one starts (None on the last)."""

    issues: list[dict[str, Any]]
    next_token: str | None = None
    total: int | None = None


class JiraTracker:
    """Reads epics from one Jira site."""

    def __init__(
        self,
        settings: JiraSettings,
        *,
        on_page: Callable[[int], None] | None = None,
        log: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.on_page = on_page or (lambda count: None)
        self._log = log
        self._sleep = sleep
        self.field_list: list[Mapping[str, Any]] = []
        self.connected = False
        auth: dict[str, Any] = (
            {"token_auth": settings.pat}
            if settings.pat
            else {"basic_auth": (settings.email or "", settings.token or "")}
        )
        self.client = JIRA(
            server=settings.url,
            options={"rest_api_version": settings.api_version},
            get_server_info=False,  # asked below, through the retrying caller
            max_retries=0,  # retries are ours: Retry-After dates, a time budget, no blind POST
            timeout=settings.timeout,
            **auth,
        )
        self.catalog = FieldCatalog()
        self.cloud = settings.deployment == "cloud"
        self.site = shown_url(settings.url)
        self.sent: Counter[str] = Counter()  # requests sent, by method (retries included)
        self._count_lock = threading.Lock()

    # -- requests ------------------------------------------------------------------------
    def _url(self, path: str) -> str:
        return f"{self.settings.url.rstrip('/')}/rest/api/{self.settings.api_version}/{path}"

    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        before_retry: Callable[[], Any] | None = None,
    ) -> Any:
        """One request, retried within the time budget; the parsed JSON answer (None if empty).

        ``before_retry`` is asked before each retry and may return the outcome instead: a
        request that is not safe to repeat (a comment POST) first looks whether it happened.
        """
        url = self._url(path)
        deadline = time.monotonic() + self.settings.retry_budget
        attempt = 0
        while True:
            attempt += 1
            started = time.monotonic()
            with self._count_lock:
                self.sent[method] += 1
            try:
                response = self.client._session.request(
                    method, url, params=params, **({"json": body} if body is not None else {})
                )
                self._trace(method, url, params, str(response.status_code), started)
                if response.status_code == 204 or (method != "GET" and not response.content):
                    return None  # a write answered with no body; a read always has one
                return _json(response, method, path)
            except JIRAError as error:
                status = error.status_code or 0
                self._trace(method, url, params, str(status), started)
                if status not in RETRYABLE:
                    refused = self._refused(error, method, path)
                    refused.status = status
                    raise refused from None
                wait = _retry_after(error.response) or _backoff(attempt)
                reason = f"Jira answered {status}"
            except (requests.ConnectionError, requests.Timeout) as error:
                self._trace(method, url, params, type(error).__name__, started)
                if isinstance(error, requests.exceptions.SSLError) or _is_dns_or_refused(error):
                    raise self._unreachable(error) from None
                wait, reason = _backoff(attempt), f"the connection failed ({type(error).__name__})"
            except (requests.RequestException, ValueError) as error:
                # A URL or header requests refuses; its text may hold a credential, so it is not shown.
                raise JiraError(
                    f"cannot send {method} {path} to {self.site}: {type(error).__name__}. Check the Jira URL "
                    f"(${self.settings.url_variable}) and that the credentials hold no stray characters"
                ) from None
            if time.monotonic() + wait > deadline:
                raise JiraError(
                    f"gave up on {method} {path} after {attempt} attempts: {reason}; the retry budget of "
                    f"{self.settings.retry_budget:g} s (tracker.retry_budget_seconds) ran out"
                )
            self._sleep(wait)
            if before_retry is not None:
                outcome = before_retry()
                if outcome is not None:
                    return outcome

    def _trace(
        self, method: str, url: str, params: Mapping[str, Any] | None, outcome: str, started: float
    ) -> None:
        """The --debug HTTP log: method, URL, query, outcome, time. Never headers (credentials)."""
        if self._log is not None:
            query = "&".join(f"{k}={v}" for k, v in (params or {}).items())
            elapsed = (time.monotonic() - started) * 1000
            self._log(
                f"{method} {shown_url(url)}{'?' + query if query else ''} -> {outcome} ({elapsed:.0f} ms)"
            )

    def _refused(self, error: JIRAError, method: str, path: str) -> JiraError:
        status = error.status_code
        said = _jira_says(error)
        site = self.site
        if status == 401:
            who = (
                "the personal access token in $" + self.settings.pat_variable
                if self.settings.pat
                else f"{self.settings.email} with the API token in ${self.settings.token_variable}"
            )
            names = self.settings
            return JiraError(
                f"Jira at {site} did not accept {who} (401). Check ${names.email_variable} and "
                f"${names.token_variable} for Cloud, or ${names.pat_variable} for Data Center."
            )
        if status == 403:
            return JiraError(f"Jira at {site} refused {method} {path} (403): {said or 'no permission'}.")
        if status == 404:
            return JiraError(f"Jira at {site} has no {path} (404){': ' + said if said else ''}.")
        if status == 400:
            return JiraError(f"Jira rejected the request {method} {path} (400): {said}")
        if status == 410:
            return JiraError(
                f"Jira at {site} removed {path} (410 Gone). This site is Jira Cloud, which only searches "
                "with search/jql: set tracker.deployment to cloud (or auto) in ticketlint.yaml."
            )
        return JiraError(f"Jira at {site} answered {method} {path} with {status}: {said or 'no details'}")

    def _unreachable(self, error: Exception) -> JiraError:
        site = self.site
        if isinstance(error, requests.exceptions.SSLError):
            return JiraError(
                f"the TLS handshake with {site} failed ({_first_line(error)}). If your company uses its "
                "own certificate authority, point REQUESTS_CA_BUNDLE at its certificate file."
            )
        text = str(error)
        if "Name or service not known" in text or "NameResolution" in text or "nodename nor servname" in text:
            return JiraError(
                f"cannot find the host of {site}: check the Jira URL (${self.settings.url_variable})."
            )
        return JiraError(
            f"cannot connect to {site}: the connection was refused. Is the URL right and Jira up?"
        )

    # -- reading -------------------------------------------------------------------------
    def connect(self) -> None:
        """Ask serverInfo (Cloud or Data Center, unless forced) and the field list, once each."""
        if self.connected:
            return
        self.connected = True
        info = self.call("GET", "serverInfo")
        if not isinstance(info, Mapping) or "versionNumbers" not in info:
            raise JiraError(f"{self.site} does not look like Jira: serverInfo has no versionNumbers")
        if self.settings.deployment == "auto":
            self.cloud = info.get("deploymentType") == "Cloud"
        fields = self.call("GET", "field")
        if not isinstance(fields, list):
            raise JiraError("Jira's field list (GET field) is not a list")
        self.field_list = [f for f in fields if isinstance(f, Mapping)]
        self.catalog.add_field_list(self.field_list)

    def myself(self) -> Mapping[str, Any]:
        """The account ticketlint authenticates as (whose comments it may manage)."""
        me = self.call("GET", "myself")
        if not isinstance(me, Mapping) or not (me.get("accountId") or me.get("name") or me.get("key")):
            raise JiraError(f"Jira at {self.site} answered GET myself without an account id or user name")
        return me

    def field_ids(self, names: Sequence[str], also: Callable[[str], bool] | None = None) -> list[str]:
        """Ids of the fields to ask for: the base set, every field the rules read, and every
        custom field whose display name ``also`` selects (fields named for a concept)."""
        wanted = dict.fromkeys(BASE_FIELDS)
        for name in names:
            field_id = self.catalog.resolve(name)
            if field_id is not None:
                wanted[field_id] = None
        if also is not None:
            wanted.update(dict.fromkeys(self.catalog.custom_ids(also)))
        return list(wanted)

    def pages(self, jql: str, fields: Sequence[str]) -> Iterator[Page]:
        """Search pages in order; Data Center fetches the pages after the first concurrently."""
        size = self.settings.page_size
        params: dict[str, Any] = {"jql": jql, "maxResults": size, "fields": ",".join(fields)}
        if self.cloud:
            yield from self._token_pages(params)
            return
        first = _page(self.call("GET", "search", params={**params, "startAt": 0}), "search")
        yield first
        total = first.total or 0
        step = len(first.issues) or size
        starts = range(step, total, step)
        if not starts:
            return
        with ThreadPoolExecutor(max_workers=self.settings.workers) as pool:
            # map() keeps order and holds at most the pages in flight plus those not yet read.
            yield from pool.map(
                lambda start: _page(
                    self.call("GET", "search", params={**params, "startAt": start}), "search"
                ),
                starts,
            )

    def _token_pages(self, params: Mapping[str, Any]) -> Iterator[Page]:
        """Cloud's chained pages; the next one is fetched while the caller works on this one."""

        def fetch(token: str | None) -> Page:
            answer = self.call(
                "GET", "search/jql", params={**params, **({"nextPageToken": token} if token else {})}
            )
            page = _page(answer, "search/jql")
            return page if answer.get("isLast") is not True else Page(page.issues, None, page.total)

        with ThreadPoolExecutor(max_workers=1) as ahead:
            upcoming: Future[Page] | None = ahead.submit(fetch, None)
            while upcoming is not None:
                page = upcoming.result()
                upcoming = ahead.submit(fetch, page.next_token) if page.next_token else None
                yield page

    def keys(self, jql: str) -> set[str]:
        """The keys of the issues a JQL finds (for waivers written as JQL)."""
        self.connect()
        return {str(i["key"]) for page in self.pages(jql, ["key"]) for i in page.issues if "key" in i}

    def complete_comments(self, issue: dict[str, Any]) -> None:
        """Page the comment endpoint for an issue whose embedded comments are truncated."""
        comment = issue.get("fields", {}).get("comment")
        if not isinstance(comment, dict):
            return
        shown = comment.get("comments") or []
        total = comment.get("total") or 0
        if total <= len(shown):
            return
        collected: list[Any] = []
        while len(collected) < total:
            answer = self.call(
                "GET", f"issue/{issue['key']}/comment", params={"startAt": len(collected), "maxResults": 100}
            )
            batch = answer.get("comments") if isinstance(answer, Mapping) else None
            if not batch:
                break
            collected.extend(batch)
        comment["comments"] = collected

    def epics(
        self, jql: str, field_names: Sequence[str], also: Callable[[str], bool] | None = None
    ) -> Iterator[Epic | Unreadable]:
        """Every epic the JQL finds, converted as each page arrives."""
        self.connect()
        fields = self.field_ids(field_names, also)
        for page in self.pages(jql, fields):
            self.on_page(len(page.issues))
            for issue in page.issues:
                try:
                    self.complete_comments(issue)
                    yield epic_from_issue(issue, self.catalog, jira_description_format(issue))
                except (ValueError, RecursionError) as error:
                    key = issue.get("key") if isinstance(issue, Mapping) else None
                    yield Unreadable(str(key or "?"), f"cannot read this issue: {error}", self.site)


def _json(response: requests.Response, method: str, path: str) -> Any:
    try:
        return response.json()
    except (ValueError, json.JSONDecodeError):
        text = response.text[:SHOWN_ANSWER].strip() or "an empty body"
        raise JiraError(
            f"Jira answered {method} {path} with something that is not JSON "
            f"(status {response.status_code}, possibly cut short): {text!r}"
        ) from None


def _page(answer: Any, path: str) -> Page:
    if not isinstance(answer, Mapping) or not isinstance(answer.get("issues"), list):
        raise JiraError(f"Jira's answer to {path} has no list of issues: {str(answer)[:SHOWN_ANSWER]!r}")
    total = answer.get("total")
    token = answer.get("nextPageToken")
    return Page(
        list(answer["issues"]),
        token if isinstance(token, str) else None,
        total if isinstance(total, int) else None,
    )


def _retry_after(response: requests.Response | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    value = response.headers.get("Retry-After") if response is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _backoff(attempt: int) -> float:
    """Exponential backoff with full jitter: up to 0.5 s, 1 s, 2 s ... capped at 30 s."""
    return random.uniform(0, min(30.0, 0.5 * math.pow(2, attempt - 1)))


def _is_dns_or_refused(error: Exception) -> bool:
    text = str(error)
    return any(
        sign in text
        for sign in (
            "Name or service not known",
            "NameResolution",
            "nodename nor servname",
            "Connection refused",
            "Errno 111",
        )
    )


def _jira_says(error: JIRAError) -> str:
    """Jira's own words from an error body: errorMessages and field errors."""
    try:
        body = error.response.json() if error.response is not None else None
    except ValueError:
        body = None
    if isinstance(body, Mapping):
        parts = [str(m) for m in body.get("errorMessages") or []]
        errors = body.get("errors")
        if isinstance(errors, Mapping):
            parts += [f"{k}: {v}" for k, v in errors.items()]
        if parts:
            return " ".join(parts)
    return _first_line(error.text or "")


def _first_line(value: object) -> str:
    return str(value).strip().splitlines()[0][:SHOWN_ANSWER] if str(value).strip() else ""
