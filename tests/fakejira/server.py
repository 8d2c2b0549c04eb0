"""A fake Jira (Cloud or Data Center) over real HTTP, for tests that drive the ``jira`` client.

This module owns :class:`FakeJira`: an in-memory Jira behind a standard-library
``ThreadingHTTPServer`` on ``127.0.0.1`` (a free port), run in a background thread. Tests
load issues, fields and comments, point a real client (pycontribs ``jira``, ``requests``,
``urllib``) at :attr:`FakeJira.url`, then inspect :attr:`FakeJira.requests` and the stored
state. Faults (429/503 with ``Retry-After``, dropped connections, broken JSON) and latency
can be injected per path.

Endpoints (``{v}`` is ``2``, ``3`` or ``latest`` on Cloud; ``2`` or ``latest`` on Data
Center, where ``/rest/api/3`` does not exist):

* ``GET /rest/api/{v}/serverInfo`` (anonymous allowed), ``GET /myself``, ``GET /field``
* Cloud: ``GET|POST /search/jql`` (``jql``, ``nextPageToken``, ``maxResults``, ``fields``,
  ``expand``), ``POST /search/approximate-count``; the old ``/search`` answers 410 Gone.
* Data Center: ``GET|POST /search`` (``startAt``, ``maxResults``, ``total``); ``/search/jql``
  and ``approximate-count`` are 404.
* ``GET|PUT /issue/{key}``; ``GET|POST /issue/{key}/comment``;
  ``GET|PUT|DELETE /issue/{key}/comment/{id}``; ``GET /comment/{id}/properties``;
  ``GET|PUT|DELETE /comment/{id}/properties/{key}``.

Behaviour copied from Jira: error bodies ``{"errorMessages": [...], "errors": {...}}``;
search/jql pages chained by opaque ``nextPageToken`` (absent on the last page), no
``total``, ``fields`` defaulting to ``id`` (issues then carry only ``id``), page size capped
at 100 (5000 when only ids/keys are asked for), unbounded JQL refused; Data Center caps
``maxResults`` at 1000 and reports the cap it applied; ``fields.comment`` embedded in an
issue holds at most :attr:`FakeJira.embedded_comment_limit` comments (default 20) with the
real ``total``; comment bodies must be strings on REST v2 and ADF documents on v3; a field
may not appear in both ``update`` and ``fields``; labels may not contain spaces or exceed
255 characters; ``status``, ``project``, ``created``... cannot be set by PUT.

Simplifications vs real Jira (by design, keep them in mind when a test passes here):

* Descriptions and comment bodies are served exactly as stored, whatever the REST version:
  load wiki strings for v2-style tests and ADF dicts for v3-style tests. No conversion, no
  ``renderedFields``.
* One permission level: an authenticated user sees and edits everything; no 403s unless
  injected with :meth:`FakeJira.fail_next`. ``notifyUsers`` is logged and ignored.
* ``*all`` returns the fields stored on the issue (plus ``comment``); ``*navigable`` the same
  without ``comment``. A field asked for by id that is registered but unset comes back as
  ``null``; unknown ids are left out. ``expand`` understands ``names`` (and ``properties``
  on comments); other values are accepted and ignored.
* The JQL subset of :mod:`tests.fakejira.jql`; no eventual consistency (``reconcileIssues``
  is ignored), no 10,000-result window on Data Center, no issue history or transitions.
* Embedded comments are the oldest ones (``startAt`` 0); the comment endpoint pages them.
* Unknown REST paths answer 404 ``{"message": "null for uri: ...", "status-code": 404}``.
* The wording of a few messages Jira does not document (invalid page token, a field in both
  ``fields`` and ``update``, unsupported update operations) is the fake's own.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
import json
import re
import secrets
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

from tests.fakejira import jql

__all__ = ["FakeJira", "Mode", "RecordedRequest", "Response"]

Mode = Literal["cloud", "dc"]

GONE_MESSAGE = (
    "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
    "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"
)
ISSUE_NOT_FOUND = "Issue does not exist or you do not have permission to see it."
CLOUD_UNAUTHENTICATED = "Client must be authenticated to access this resource."
DC_UNAUTHENTICATED = "You are not authenticated. Authentication required to perform this operation."
ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations"
READ_ONLY_FIELDS = frozenset(
    {"status", "project", "created", "updated", "comment", "creator", "statuscategorychangedate"}
)


def jira_timestamp(moment: datetime | None = None) -> str:
    """A timestamp the way Jira writes one: ``2026-01-19T09:12:44.108+0000``."""
    moment = (moment or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}+0000"


def error_body(messages: Iterable[str] = (), errors: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Jira's error collection: ``{"errorMessages": [...], "errors": {...}}``."""
    return {"errorMessages": list(messages), "errors": dict(errors or {})}


# --------------------------------------------------------------------------- records


@dataclass
class RecordedRequest:
    """One request as the fake saw it (the ``Authorization`` header is left out).

    ``query`` maps each query parameter to all its values; ``json`` is the parsed body
    (None when empty or not JSON), ``body`` the raw text; ``auth_scheme`` is ``"Basic"``,
    ``"Bearer"`` or None; ``status`` is what the fake answered (None for a dropped
    connection) and ``fault`` names the injected fault, if any.
    """

    method: str
    path: str
    query: dict[str, list[str]]
    json: Any
    body: str
    headers: dict[str, str]
    auth_scheme: str | None
    status: int | None = None
    fault: str | None = None
    received_at: float = field(default_factory=time.monotonic)

    def param(self, name: str, default: str | None = None) -> str | None:
        """The first value of query parameter ``name``."""
        values = self.query.get(name)
        return values[0] if values else default

    @property
    def params(self) -> dict[str, str]:
        """Query parameters with their first value only."""
        return {k: v[0] for k, v in self.query.items() if v}


@dataclass
class Response:
    """What a route answers: a status, a JSON-able body (or raw bytes) and headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None

    def encode(self) -> bytes:
        if self.raw is not None:
            return self.raw
        if self.body is None:
            return b""
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class _Fault:
    pattern: re.Pattern[str]
    kind: Literal["status", "reset", "malformed"]
    remaining: int
    method: str | None = None
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    after_processing: bool = False

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and self.pattern.search(path) is not None


@dataclass
class _Account:
    user_key: str
    login: str  # Cloud: email; Data Center: username (for basic auth)
    secret: str | None  # Cloud API token / DC password
    pat: str | None  # DC personal access token


class _Http(Exception):
    """Raised inside a route to answer with ``response`` at once."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def _fail(status: int, *messages: str, errors: Mapping[str, str] | None = None) -> _Http:
    return _Http(Response(status, error_body(messages, errors)))


# --------------------------------------------------------------------------- HTTP plumbing


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, fake: FakeJira) -> None:
        self.fake = fake
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__((fake.host, 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm on, the body waits for
    # the client's delayed ACK (40 ms on Linux) on every request, which no real Jira does.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.connections_lock:
                self.server.connections.discard(self.connection)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def do_DELETE(self) -> None:
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        headers = {k: v for k, v in self.headers.items()}
        response = self.server.fake._handle(method, self.path, headers, raw)
        if response is None:
            self._drop()
            return
        payload = b"" if response.status in (204, 304) else response.encode()
        self.send_response(response.status)
        content_type = "application/json;charset=UTF-8"
        if isinstance(response.body, str) and response.raw is None:
            content_type = "text/plain;charset=UTF-8"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-AREQUESTID", secrets.token_hex(4))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def _drop(self) -> None:
        """Abort the connection with a TCP reset and no response."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()


# --------------------------------------------------------------------------- the fake


_DEFAULT_FIELDS: tuple[tuple[str, str, dict[str, Any], tuple[str, ...], bool], ...] = (
    # id, name, schema, clause names, orderable
    ("summary", "Summary", {"type": "string", "system": "summary"}, ("summary",), True),
    ("description", "Description", {"type": "string", "system": "description"}, ("description",), True),
    ("issuetype", "Issue Type", {"type": "issuetype", "system": "issuetype"}, ("issuetype", "type"), True),
    ("project", "Project", {"type": "project", "system": "project"}, ("project",), False),
    ("status", "Status", {"type": "status", "system": "status"}, ("status",), False),
    ("labels", "Labels", {"type": "array", "items": "string", "system": "labels"}, ("labels",), True),
    (
        "components",
        "Components",
        {"type": "array", "items": "component", "system": "components"},
        ("component",),
        True,
    ),
    ("assignee", "Assignee", {"type": "user", "system": "assignee"}, ("assignee",), True),
    ("reporter", "Reporter", {"type": "user", "system": "reporter"}, ("reporter",), True),
    ("priority", "Priority", {"type": "priority", "system": "priority"}, ("priority",), True),
    ("parent", "Parent", {"type": "issuelink"}, ("parent",), True),
    (
        "comment",
        "Comment",
        {"type": "comments-page", "system": "comment"},
        ("comment",),
        True,
    ),
    ("created", "Created", {"type": "datetime", "system": "created"}, ("created", "createdDate"), False),
    ("updated", "Updated", {"type": "datetime", "system": "updated"}, ("updated", "updatedDate"), False),
)


class FakeJira:
    """An in-memory Jira Cloud (``mode="cloud"``) or Data Center (``mode="dc"``) over HTTP.

    Credentials: Cloud accepts HTTP basic ``email:api_token``; Data Center accepts
    ``Authorization: Bearer <pat>`` (and basic ``username:password`` when ``password`` is
    set). Anything else gets 401 with Jira's error body. ``serverInfo`` may be called
    without credentials, as on a real site.

    Tunables (plain attributes, change them any time): ``latency`` (seconds slept before
    each request), ``embedded_comment_limit``, ``jql_page_cap`` (search/jql page cap, 100),
    ``jql_id_page_cap`` (cap when only ids/keys are asked for, 5000), ``jql_page_limit``
    (force smaller search/jql pages than asked, as Jira does when many fields are asked
    for), ``dc_max_results`` (Data Center cap, 1000), ``comment_page_cap`` (100) and
    ``strict_jql_values`` (refuse unknown projects and issue keys in JQL like Jira, True).
    """

    def __init__(
        self,
        mode: Mode = "cloud",
        *,
        email: str = "ticketlint-bot@example.com",
        api_token: str = "cloud-api-token",
        username: str = "ticketlint-bot",
        display_name: str = "ticketlint bot",
        pat: str = "dc-personal-access-token",
        password: str | None = None,
        latency: float = 0.0,
        embedded_comment_limit: int = 20,
        host: str = "127.0.0.1",
    ) -> None:
        if mode not in ("cloud", "dc"):
            raise ValueError(f"mode must be 'cloud' or 'dc', not {mode!r}")
        self.mode: Mode = mode
        self.host = host
        self.latency = latency
        self.embedded_comment_limit = embedded_comment_limit
        self.jql_page_cap = 100
        self.jql_id_page_cap = 5000
        self.jql_page_limit: int | None = None
        self.dc_max_results = 1000
        self.comment_page_cap = 100
        self.strict_jql_values = True

        self._lock = threading.RLock()
        self._log: list[RecordedRequest] = []
        self._faults: list[_Fault] = []
        self._issues: dict[str, dict[str, Any]] = {}  # key -> stored issue
        self._ids: dict[str, str] = {}  # issue id -> key
        self._projects: dict[str, dict[str, str]] = {}
        self._fields: dict[str, dict[str, Any]] = {}
        self._comments: dict[str, list[dict[str, Any]]] = {}  # issue key -> comments
        self._comment_issue: dict[str, str] = {}  # comment id -> issue key
        self._comment_props: dict[str, dict[str, Any]] = {}  # comment id -> {key: value}
        self._tokens: dict[str, tuple[str, int]] = {}
        self._users: dict[str, dict[str, Any]] = {}
        self._accounts: list[_Account] = []
        self._next_issue_id = 10000
        self._next_comment_id = 100000
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

        for fid, name, schema, clauses, orderable in _DEFAULT_FIELDS:
            self.add_field(fid, name, custom=False, schema=schema, clause_names=clauses, orderable=orderable)
        self.bot = self.add_account(
            username, display_name=display_name, email=email, api_token=api_token, pat=pat, password=password
        )

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeJira:
        """Start serving on a free loopback port; sets :attr:`url`. Returns self."""
        if self._server is not None:
            return self
        self._server = _Server(self)
        port = self._server.server_address[1]
        self.url = f"http://{self.host}:{port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-jira", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the server, drop open keep-alive connections and join the thread."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        with server.connections_lock:
            connections = list(server.connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeJira:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ accounts and users

    def add_account(
        self,
        username: str,
        *,
        display_name: str | None = None,
        email: str | None = None,
        api_token: str | None = None,
        pat: str | None = None,
        password: str | None = None,
    ) -> dict[str, Any]:
        """Register a user and the credentials that authenticate as them; returns the user.

        Cloud logs in with ``(email, api_token)``; Data Center with ``pat`` (Bearer) or
        ``(username, password)``.
        """
        user = self.make_user(username, display_name=display_name, email=email)
        with self._lock:
            self._users[username] = user
            login = (email or f"{username}@example.com") if self.mode == "cloud" else username
            secret = api_token if self.mode == "cloud" else password
            self._accounts.append(_Account(username, login, secret, pat if self.mode == "dc" else None))
        return copy.deepcopy(user)

    def make_user(
        self, username: str, *, display_name: str | None = None, email: str | None = None
    ) -> dict[str, Any]:
        """A user object shaped for this mode (Cloud: ``accountId``; DC: ``name``/``key``).

        The ``self`` link is filled in when the user is served.
        """
        digest = hashlib.sha1(username.encode("utf-8")).hexdigest()
        user: dict[str, Any] = {}
        if self.mode == "cloud":
            user["accountId"] = digest[:24]
            user["accountType"] = "atlassian"
        else:
            user["name"] = username
            user["key"] = f"JIRAUSER{10000 + int(digest[:4], 16) % 90000}"
        user.update(
            {
                "emailAddress": email or f"{username}@example.com",
                "avatarUrls": {
                    size: f"https://avatars.example.com/{digest[:12]}/{size}.png"
                    for size in ("48x48", "24x24", "16x16", "32x32")
                },
                "displayName": display_name or username,
                "active": True,
                "timeZone": "Etc/UTC",
            }
        )
        return user

    def auth_kwargs(self, account: str | None = None) -> dict[str, Any]:
        """``basic_auth=...`` (Cloud) or ``token_auth=...`` (DC) for ``jira.JIRA``."""
        acct = self._account(account)
        if self.mode == "cloud":
            return {"basic_auth": (acct.login, acct.secret)}
        if acct.pat is not None:
            return {"token_auth": acct.pat}
        return {"basic_auth": (acct.login, acct.secret)}

    def auth_header(self, account: str | None = None) -> dict[str, str]:
        """``{"Authorization": ...}`` that logs in as ``account`` (default: the bot), for raw HTTP."""
        kwargs = self.auth_kwargs(account)
        if "token_auth" in kwargs:
            return {"Authorization": f"Bearer {kwargs['token_auth']}"}
        login, secret = kwargs["basic_auth"]
        return {"Authorization": "Basic " + base64.b64encode(f"{login}:{secret}".encode()).decode("ascii")}

    def client(
        self,
        *,
        rest_api_version: str = "2",
        max_retries: int = 3,
        max_retry_delay: int | None = None,
        account: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """A real ``jira.JIRA`` client logged in to this fake (imports ``jira`` lazily).

        ``max_retry_delay`` caps ``ResilientSession``'s back-off (seconds); pass 0 to make
        retries instant in tests.
        """
        from jira import JIRA

        options = dict(kwargs.pop("options", {}))
        options.setdefault("rest_api_version", rest_api_version)
        client = JIRA(
            server=self.url, options=options, max_retries=max_retries, **self.auth_kwargs(account), **kwargs
        )
        if max_retry_delay is not None:
            client._session.max_retry_delay = max_retry_delay
        return client

    def _account(self, username: str | None) -> _Account:
        with self._lock:
            for acct in self._accounts:
                if username is None or acct.user_key == username:
                    return acct
        raise KeyError(username)

    @property
    def myself(self) -> dict[str, Any]:
        """The default (bot) user, as ``/myself`` describes it."""
        return copy.deepcopy(self._users[self._accounts[0].user_key])

    # ------------------------------------------------------------------ data loading

    def add_project(self, key: str, name: str | None = None, project_id: str | None = None) -> dict[str, str]:
        """Register a project (issues register theirs automatically)."""
        with self._lock:
            existing = self._projects.get(key)
            if existing is None:
                existing = {
                    "id": project_id or str(10000 + len(self._projects)),
                    "key": key,
                    "name": name or key,
                }
                self._projects[key] = existing
            elif name:
                existing["name"] = name
            return dict(existing)

    def add_field(
        self,
        field_id: str,
        name: str,
        custom: bool = True,
        schema: Mapping[str, Any] | None = None,
        *,
        clause_names: Iterable[str] | None = None,
        orderable: bool = True,
        navigable: bool = True,
        searchable: bool = True,
    ) -> dict[str, Any]:
        """Register a field for ``GET /field`` (and for JQL by name); replaces one with the same id.

        Custom field ids look like ``customfield_10010``; their default schema is a text field
        and their clause names ``cf[10010]`` and the display name.
        """
        number = field_id.rsplit("_", 1)[-1]
        if schema is None:
            schema = (
                {
                    "type": "string",
                    "custom": "com.atlassian.jira.plugin.system.customfieldtypes:textfield",
                    "customId": int(number) if number.isdigit() else 0,
                }
                if custom
                else {"type": "string", "system": field_id}
            )
        if clause_names is None:
            clause_names = [f"cf[{number}]", name] if custom and number.isdigit() else [field_id]
        details = {
            "id": field_id,
            "key": field_id,
            "name": name,
            "custom": custom,
            "orderable": orderable,
            "navigable": navigable,
            "searchable": searchable,
            "clauseNames": list(dict.fromkeys(clause_names)),
            "schema": dict(schema),
        }
        with self._lock:
            self._fields[field_id] = details
        return copy.deepcopy(details)

    def add_fields(self, fields: Iterable[Mapping[str, Any]]) -> None:
        """Register fields given as ``GET /field`` entries (e.g. an exported ``field.json``)."""
        for f in fields:
            self.add_field(
                str(f["id"]),
                str(f.get("name", f["id"])),
                custom=bool(f.get("custom", False)),
                schema=f.get("schema"),
                clause_names=f.get("clauseNames"),
                orderable=bool(f.get("orderable", True)),
                navigable=bool(f.get("navigable", True)),
                searchable=bool(f.get("searchable", True)),
            )

    def add_issue(self, issue: Mapping[str, Any]) -> dict[str, Any]:
        """Store an issue ``{"key": ..., "fields": {...}}`` (``id`` optional); returns the copy.

        Missing ``id``, ``fields.project`` (from the key), ``created`` and ``updated`` are
        filled in. A ``fields.comment`` (a list or a ``{"comments": [...]}`` page) moves to
        the comment store. Descriptions are kept exactly as given (wiki string or ADF dict).
        Re-adding a key replaces that issue.
        """
        stored = copy.deepcopy(dict(issue))
        key = stored.get("key")
        if not isinstance(key, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*-\d+", key):
            raise ValueError(f"an issue needs a key like 'ML-1', got {key!r}")
        fields = stored.setdefault("fields", {})
        comments = fields.pop("comment", None)
        with self._lock:
            if stored.get("id") is None:
                previous = self._issues.get(key)
                stored["id"] = previous["id"] if previous else str(self._new_issue_id())
            stored["id"] = str(stored["id"])
            stored.pop("self", None)
            project = fields.get("project")
            project_key = key.rsplit("-", 1)[0]
            if isinstance(project, Mapping):
                registered = self.add_project(
                    str(project.get("key") or project_key), project.get("name"), project.get("id")
                )
            else:
                registered = self.add_project(project_key)
            fields["project"] = {**registered, **(project if isinstance(project, Mapping) else {})}
            now = jira_timestamp()
            fields.setdefault("created", now)
            fields.setdefault("updated", fields["created"])
            old = self._issues.pop(key, None)
            if old is not None:
                self._ids.pop(old["id"], None)
            self._issues[key] = stored
            self._ids[stored["id"]] = key
            self._comments.setdefault(key, [])
            if comments is not None:
                listed = comments.get("comments", []) if isinstance(comments, Mapping) else comments
                for c in listed:
                    self.add_comment(
                        key,
                        c.get("body", ""),
                        author=c.get("author"),
                        created=c.get("created"),
                        properties=c.get("properties"),
                        comment_id=c.get("id"),
                    )
        return copy.deepcopy(stored)

    def add_issues(self, issues: Iterable[Mapping[str, Any]] | Mapping[str, Any]) -> list[dict[str, Any]]:
        """Store several issues, or a whole search answer (``{"issues": [...]}``)."""
        listed: Iterable[Mapping[str, Any]] = (
            issues.get("issues", []) if isinstance(issues, Mapping) else issues
        )
        return [self.add_issue(i) for i in listed]

    def add_comment(
        self,
        issue_key: str,
        body: Any,
        *,
        author: Mapping[str, Any] | str | None = None,
        created: str | None = None,
        properties: Iterable[Mapping[str, Any]] | Mapping[str, Any] | None = None,
        comment_id: str | int | None = None,
    ) -> dict[str, Any]:
        """Add a comment (as stored; body kept as given) by ``author`` (a user dict, a username
        or None for the bot). ``properties`` is ``[{"key", "value"}]`` or ``{key: value}``."""
        with self._lock:
            key = self._resolve_key(issue_key)
            if key is None:
                raise KeyError(issue_key)
            if isinstance(author, str):
                author = self._users.get(author) or self.make_user(author)
            user = copy.deepcopy(dict(author)) if author is not None else self.myself
            cid = str(comment_id) if comment_id is not None else str(self._new_comment_id())
            when = created or jira_timestamp()
            comment = {
                "id": cid,
                "author": user,
                "body": copy.deepcopy(body),
                "updateAuthor": copy.deepcopy(user),
                "created": when,
                "updated": when,
            }
            self._comments[key].append(comment)
            self._comment_issue[cid] = key
            props = self._comment_props.setdefault(cid, {})
            if isinstance(properties, Mapping):
                props.update(copy.deepcopy(dict(properties)))
            else:
                for p in properties or ():
                    props[str(p["key"])] = copy.deepcopy(p.get("value"))
            return copy.deepcopy(comment)

    # ------------------------------------------------------------------ state inspection

    def issue(self, key: str) -> dict[str, Any]:
        """The stored issue (a copy), by key or id."""
        with self._lock:
            resolved = self._resolve_key(key)
            if resolved is None:
                raise KeyError(key)
            return copy.deepcopy(self._issues[resolved])

    @property
    def issues(self) -> list[dict[str, Any]]:
        """All stored issues (copies), in load order."""
        with self._lock:
            return copy.deepcopy(list(self._issues.values()))

    def comments(self, key: str) -> list[dict[str, Any]]:
        """The stored comments of an issue (copies), oldest first."""
        with self._lock:
            resolved = self._resolve_key(key)
            if resolved is None:
                raise KeyError(key)
            return copy.deepcopy(self._comments[resolved])

    def comment_properties(self, comment_id: str | int) -> dict[str, Any]:
        """The properties stored on a comment, ``{key: value}``."""
        with self._lock:
            return copy.deepcopy(self._comment_props.get(str(comment_id), {}))

    # ------------------------------------------------------------------ request log

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received since the last :meth:`reset_log`, oldest first."""
        with self._lock:
            return list(self._log)

    def requests_to(self, path_regex: str, method: str | None = None) -> list[RecordedRequest]:
        """Logged requests whose path matches ``path_regex`` (``re.search``), optionally by method."""
        pattern = re.compile(path_regex)
        return [
            r
            for r in self.requests
            if pattern.search(r.path) and (method is None or r.method == method.upper())
        ]

    def reset_log(self) -> None:
        """Forget the logged requests."""
        with self._lock:
            self._log.clear()

    # ------------------------------------------------------------------ faults

    def fail_next(
        self,
        path_regex: str,
        status: int = 429,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        times: int = 1,
        *,
        method: str | None = None,
        after_processing: bool = False,
    ) -> None:
        """Answer the next ``times`` requests whose path matches with ``status``.

        ``headers`` default to ``{"Retry-After": "1"}`` for 429 and 503; ``body`` defaults
        to a Jira error body (a dict/list is sent as JSON, a str as text). With
        ``after_processing`` the request takes effect first (a write that "failed" but
        happened — the duplicate-comment trap when a client retries a POST).
        """
        if headers is None:
            headers = {"Retry-After": "1"} if status in (429, 503) else {}
        if body is None:
            reason = {429: "Rate limit exceeded.", 503: "Service Unavailable"}.get(status, f"HTTP {status}")
            body = error_body([reason])
        self._add_fault(
            _Fault(
                re.compile(path_regex),
                "status",
                times,
                method=_method(method),
                status=status,
                headers=dict(headers),
                body=body,
                after_processing=after_processing,
            )
        )

    def reset_connection_next(
        self, path_regex: str, times: int = 1, *, method: str | None = None, after_processing: bool = False
    ) -> None:
        """Drop the connection (TCP reset, no response) for the next ``times`` matching requests."""
        self._add_fault(
            _Fault(re.compile(path_regex), "reset", times, _method(method), after_processing=after_processing)
        )

    def malformed_json_next(self, path_regex: str, times: int = 1, *, method: str | None = None) -> None:
        """Process the next matching request(s) but send a truncated, unparseable JSON body."""
        self._add_fault(
            _Fault(re.compile(path_regex), "malformed", times, _method(method), after_processing=True)
        )

    def clear_faults(self) -> None:
        """Cancel every pending fault."""
        with self._lock:
            self._faults.clear()

    def _add_fault(self, fault: _Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # ------------------------------------------------------------------ request handling

    def _handle(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Response | None:
        """Log, delay, inject faults and route one request; None means drop the connection."""
        parts = urlsplit(target)
        path = unquote(parts.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        text = raw.decode("utf-8", errors="replace")
        try:
            body: Any = json.loads(text) if text.strip() else None
        except ValueError:
            body = None
        auth = next((v for k, v in headers.items() if k.lower() == "authorization"), None)
        record = RecordedRequest(
            method=method,
            path=path,
            query=query,
            json=body,
            body=text,
            headers={k: v for k, v in headers.items() if k.lower() != "authorization"},
            auth_scheme=auth.split(" ", 1)[0] if auth else None,
        )
        with self._lock:
            self._log.append(record)
        if self.latency > 0:
            time.sleep(self.latency)

        fault = self._take_fault(method, path)
        if fault is not None:
            record.fault = fault.kind
        if fault is not None and not fault.after_processing:
            if fault.kind == "reset":
                return None
            record.status = fault.status
            return Response(fault.status, copy.deepcopy(fault.body), dict(fault.headers))

        try:
            response = self._route(method, path, query, body, text, auth)
        except _Http as exc:
            response = exc.response
        except Exception as exc:  # a bug in the fake: answer 500 rather than hang the client
            response = Response(500, error_body([f"fake Jira error: {type(exc).__name__}: {exc}"]))

        if fault is not None:
            if fault.kind == "reset":
                return None
            if fault.kind == "status":
                response = Response(fault.status, copy.deepcopy(fault.body), dict(fault.headers))
            else:  # malformed
                payload = response.encode()
                response = Response(
                    200 if response.status == 204 else response.status,
                    raw=payload[: len(payload) // 2] if len(payload) > 2 else b'{"',
                )
        record.status = response.status
        return response

    def _authenticate(self, auth: str | None) -> dict[str, Any] | None:
        if not auth or " " not in auth:
            return None
        scheme, _, credential = auth.partition(" ")
        credential = credential.strip()
        with self._lock:
            if scheme.lower() == "basic":
                try:
                    login, _, secret = base64.b64decode(credential).decode("utf-8").partition(":")
                except (ValueError, UnicodeDecodeError):
                    return None
                for acct in self._accounts:
                    if (
                        acct.secret is not None
                        and acct.login == login
                        and secrets.compare_digest(acct.secret, secret)
                    ):
                        return self._users[acct.user_key]
            elif scheme.lower() == "bearer" and self.mode == "dc":
                for acct in self._accounts:
                    if acct.pat is not None and secrets.compare_digest(acct.pat, credential):
                        return self._users[acct.user_key]
        return None

    def _unauthorized(self) -> Response:
        if self.mode == "cloud":
            return Response(
                401, error_body([CLOUD_UNAUTHENTICATED]), {"WWW-Authenticate": 'Basic realm="protected-area"'}
            )
        return Response(
            401,
            error_body([DC_UNAUTHENTICATED]),
            {"WWW-Authenticate": 'OAuth realm="jira"', "X-Seraph-LoginReason": "AUTHENTICATED_FAILED"},
        )

    def _not_found_route(self, path: str) -> Response:
        return Response(404, {"message": f"null for uri: {self.url}{path}", "status-code": 404})

    def _route(
        self, method: str, path: str, query: dict[str, list[str]], body: Any, text: str, auth: str | None
    ) -> Response:
        m = re.fullmatch(r"/rest/api/(2|3|latest)(/.*)", path)
        versions = ("2", "3", "latest") if self.mode == "cloud" else ("2", "latest")
        if m is None or m.group(1) not in versions:
            return self._not_found_route(path)
        version = "2" if m.group(1) == "latest" else m.group(1)
        rest = m.group(2).rstrip("/") or "/"
        user = self._authenticate(auth)
        if user is None and not (auth is None and rest == "/serverInfo"):
            return self._unauthorized()
        ctx = _Ctx(self, method, path, version, query, body, text, user)
        for pattern, handlers in _ROUTES:
            match = re.fullmatch(pattern, rest)
            if match is None:
                continue
            handler = handlers.get(method)
            if handler is None:
                return Response(405, None, {"Allow": ", ".join(sorted(handlers))})
            return handler(ctx, *match.groups())
        return self._not_found_route(path)

    # ------------------------------------------------------------------ helpers for routes

    def _new_issue_id(self) -> int:
        while str(self._next_issue_id) in self._ids:
            self._next_issue_id += 1
        self._next_issue_id += 1
        return self._next_issue_id - 1

    def _new_comment_id(self) -> int:
        while str(self._next_comment_id) in self._comment_issue:
            self._next_comment_id += 1
        self._next_comment_id += 1
        return self._next_comment_id - 1

    def _resolve_key(self, key_or_id: str) -> str | None:
        if key_or_id in self._issues:
            return key_or_id
        if key_or_id in self._ids:
            return self._ids[key_or_id]
        upper = key_or_id.upper()
        return upper if upper in self._issues else None

    def _catalog(self) -> jql.Catalog:
        custom: dict[str, str] = {}
        for f in self._fields.values():
            if f["custom"]:
                for name in [f["name"], *f["clauseNames"]]:
                    custom[str(name).lower()] = f["id"]
        projects: set[str] | None = None
        keys: set[str] | None = None
        if self.strict_jql_values:
            projects = {str(v).lower() for p in self._projects.values() for v in p.values()}
            keys = {k.lower() for k in self._issues} | set(self._ids)
        return jql.Catalog(custom_fields=custom, projects=projects, keys=keys)


def _method(method: str | None) -> str | None:
    return method.upper() if method else None


# --------------------------------------------------------------------------- routes


@dataclass
class _Ctx:
    fake: FakeJira
    method: str
    path: str
    version: str
    query: dict[str, list[str]]
    body: Any
    text: str
    user: dict[str, Any] | None

    @property
    def api(self) -> str:
        return f"{self.fake.url}/rest/api/{self.version}"

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def int_param(self, name: str, default: int, source: Mapping[str, Any] | None = None) -> int:
        value: Any = source.get(name) if source is not None else self.param(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise _fail(400, f"The value '{value}' of parameter '{name}' is not an integer.") from None

    def json_object(self) -> dict[str, Any]:
        if not isinstance(self.body, dict):
            if self.text.strip():
                raise _fail(400, "Unexpected character in the request body: not a JSON object.")
            raise _fail(400, "No content to map due to end-of-input")
        return self.body

    def expand(self, source: Mapping[str, Any] | None = None) -> set[str]:
        raw: Any = source.get("expand") if source is not None else self.query.get("expand", [])
        if raw is None:
            return set()
        items = [raw] if isinstance(raw, str) else list(raw)
        return {part.strip() for item in items for part in str(item).split(",") if part.strip()}

    def served_user(self, user: Mapping[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(dict(user))
        if "accountId" in out:
            link = f"{self.api}/user?accountId={out['accountId']}"
        else:
            link = f"{self.api}/user?username={out.get('name', '')}"
        return {"self": link, **{k: v for k, v in out.items() if k != "self"}}


RouteHandler = Callable[..., Response]


def _server_info(ctx: _Ctx) -> Response:
    cloud = ctx.fake.mode == "cloud"
    version = [1001, 0, 0] if cloud else [9, 12, 15]
    info = {
        "baseUrl": ctx.fake.url,
        "displayUrl": ctx.fake.url,
        "version": "1001.0.0-SNAPSHOT" if cloud else "9.12.15",
        "versionNumbers": version,
        "deploymentType": "Cloud" if cloud else "Server",
        "buildNumber": 100287 if cloud else 9120015,
        "buildDate": "2025-11-20T00:00:00.000+0000",
        "serverTime": jira_timestamp(),
        "scmInfo": "0d6c1a6b5e1f4e9a8f7b3c2d1e0f9a8b7c6d5e4f",
        "serverTitle": "Jira",
    }
    if not cloud:
        info.pop("displayUrl")
    return Response(200, info)


def _myself(ctx: _Ctx) -> Response:
    assert ctx.user is not None
    user = ctx.served_user(ctx.user)
    user.update(
        {
            "locale": "en_US",
            "groups": {"size": 1, "items": []},
            "applicationRoles": {"size": 1, "items": []},
            "expand": "groups,applicationRoles",
        }
    )
    if ctx.fake.mode == "dc":
        user["deleted"] = False
    return Response(200, user)


def _field_list(ctx: _Ctx) -> Response:
    with ctx.fake._lock:
        return Response(200, copy.deepcopy(list(ctx.fake._fields.values())))


# -- issues and searches ------------------------------------------------------------------


@dataclass(frozen=True)
class _FieldSpec:
    id_only: bool
    include_all: bool
    with_comment: bool
    include: frozenset[str]
    exclude: frozenset[str]


def _field_spec(values: Any, default: str) -> _FieldSpec:
    if values is None:
        items: list[str] = []
    elif isinstance(values, str):
        items = [values]
    else:
        items = [str(v) for v in values]
    tokens = [t.strip() for item in items for t in item.split(",") if t.strip()] or [default]
    include_all = any(t in ("*all", "*navigable") for t in tokens)
    with_comment = "*all" in tokens
    exclude = frozenset(t[1:] for t in tokens if t.startswith("-"))
    include = frozenset(t for t in tokens if not t.startswith(("-", "*")) and t != "id")
    if exclude and not include and not include_all:
        include_all = True  # "-description" means navigable fields minus description
    id_only = not include_all and not include
    return _FieldSpec(id_only, include_all, with_comment and "comment" not in exclude, include, exclude)


def _render_comment(
    ctx: _Ctx, issue: Mapping[str, Any], comment: Mapping[str, Any], expand: set[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "self": f"{ctx.api}/issue/{issue['id']}/comment/{comment['id']}",
        "id": comment["id"],
    }
    out["author"] = ctx.served_user(comment["author"])
    out["body"] = copy.deepcopy(comment["body"])
    out["updateAuthor"] = ctx.served_user(comment["updateAuthor"])
    out["created"] = comment["created"]
    out["updated"] = comment["updated"]
    if "visibility" in comment:
        out["visibility"] = copy.deepcopy(comment["visibility"])
    if ctx.fake.mode == "cloud":
        out["jsdPublic"] = True
    if "properties" in expand:
        props = ctx.fake._comment_props.get(comment["id"], {})
        out["properties"] = [{"key": k, "value": copy.deepcopy(v)} for k, v in props.items()]
    return out


def _render_issue(ctx: _Ctx, issue: Mapping[str, Any], spec: _FieldSpec, expand: set[str]) -> dict[str, Any]:
    if spec.id_only:
        return {"id": issue["id"]}
    fake = ctx.fake
    stored = issue["fields"]
    if spec.include_all:
        wanted = [f for f in stored if f not in spec.exclude]
        if spec.with_comment and "comment" not in wanted:
            wanted.append("comment")
    else:
        wanted = []
    wanted += [f for f in sorted(spec.include) if f not in wanted and f not in spec.exclude]
    fields: dict[str, Any] = {}
    for name in wanted:
        if name == "comment":
            comments = fake._comments.get(issue["key"], [])
            shown = comments[: max(fake.embedded_comment_limit, 0)]
            fields["comment"] = {
                "comments": [_render_comment(ctx, issue, c, set()) for c in shown],
                "self": f"{ctx.api}/issue/{issue['id']}/comment",
                "maxResults": len(shown),
                "total": len(comments),
                "startAt": 0,
            }
        elif name in stored:
            fields[name] = copy.deepcopy(stored[name])
        elif name in fake._fields:
            fields[name] = None
    out: dict[str, Any] = {
        "expand": ISSUE_EXPAND,
        "id": issue["id"],
        "self": f"{ctx.api}/issue/{issue['id']}",
        "key": issue["key"],
        "fields": fields,
    }
    if "names" in expand:
        out["names"] = _names(fake, fields)
    return out


def _names(fake: FakeJira, fields: Mapping[str, Any]) -> dict[str, str]:
    return {f: fake._fields[f]["name"] for f in fields if f in fake._fields}


def _run_jql(ctx: _Ctx, text: Any, *, require_bounded: bool) -> list[Mapping[str, Any]]:
    if text is not None and not isinstance(text, str):
        raise _fail(400, "The JQL query must be a string.")
    try:
        query = jql.compile_query(text or "", ctx.fake._catalog())
    except jql.JqlError as exc:
        raise _fail(400, exc.message) from None
    if require_bounded and not query.bounded:
        raise _fail(400, jql.UNBOUNDED_MESSAGE)
    return query.select(ctx.fake._issues.values())


def _search_gone(ctx: _Ctx) -> Response:
    return Response(410, error_body([GONE_MESSAGE]))


def _search_jql(ctx: _Ctx) -> Response:
    fake = ctx.fake
    if ctx.method == "POST":
        source: Mapping[str, Any] = ctx.json_object()
        text, token, fields_arg = source.get("jql"), source.get("nextPageToken"), source.get("fields")
        expand = ctx.expand(source)
    else:
        source = {"maxResults": ctx.param("maxResults")}
        text, token, fields_arg = ctx.param("jql"), ctx.param("nextPageToken"), ctx.query.get("fields")
        expand = ctx.expand()
    asked = ctx.int_param("maxResults", 50, source)
    spec = _field_spec(fields_arg, "id")
    with fake._lock:
        offset = 0
        if token:
            saved = fake._tokens.get(str(token))
            if saved is None or saved[0] != (text or ""):
                raise _fail(400, "The nextPageToken is invalid or does not belong to this JQL query.")
            offset = saved[1]
        found = _run_jql(ctx, text, require_bounded=True)
        only_ids = spec.id_only or (spec.include <= {"key"} and not spec.include_all)
        cap = fake.jql_id_page_cap if only_ids else fake.jql_page_cap
        size = min(asked if asked > 0 else 50, cap)
        if fake.jql_page_limit is not None:
            size = max(1, min(size, fake.jql_page_limit))
        page = found[offset : offset + size]
        issues = [_render_issue(ctx, i, spec, expand) for i in page]
        result: dict[str, Any] = {"issues": issues}
        if offset + size < len(found):
            new_token = secrets.token_urlsafe(24)
            fake._tokens[new_token] = (text or "", offset + size)
            result["nextPageToken"] = new_token
        result["isLast"] = "nextPageToken" not in result
        if "names" in expand:
            result["names"] = {k: v for i in issues for k, v in _names(fake, i.get("fields", {})).items()}
    return Response(200, result)


def _search_dc(ctx: _Ctx) -> Response:
    fake = ctx.fake
    if ctx.method == "POST":
        source: Mapping[str, Any] = ctx.json_object()
        text, fields_arg, expand = source.get("jql"), source.get("fields"), ctx.expand(source)
    else:
        source = {"startAt": ctx.param("startAt"), "maxResults": ctx.param("maxResults")}
        text, fields_arg, expand = ctx.param("jql"), ctx.query.get("fields"), ctx.expand()
    start = ctx.int_param("startAt", 0, source)
    asked = ctx.int_param("maxResults", 50, source)
    if start < 0:
        raise _fail(400, "startAt must be a non-negative number.")
    size = max(0, min(asked, fake.dc_max_results))
    spec = _field_spec(fields_arg, "*navigable")
    with fake._lock:
        found = _run_jql(ctx, text, require_bounded=False)
        page = found[start : start + size]
        issues = [_render_issue(ctx, i, spec, expand) for i in page]
        result: dict[str, Any] = {
            "expand": "schema,names",
            "startAt": start,
            "maxResults": size,
            "total": len(found),
            "issues": issues,
        }
        if "names" in expand:
            result["names"] = {k: v for i in issues for k, v in _names(fake, i.get("fields", {})).items()}
    return Response(200, result)


def _approximate_count(ctx: _Ctx) -> Response:
    body = ctx.json_object()
    with ctx.fake._lock:
        found = _run_jql(ctx, body.get("jql"), require_bounded=True)
    return Response(200, {"count": len(found)})


def _stored_issue(ctx: _Ctx, key: str) -> dict[str, Any]:
    resolved = ctx.fake._resolve_key(key)
    if resolved is None:
        raise _fail(404, ISSUE_NOT_FOUND)
    return ctx.fake._issues[resolved]


def _get_issue(ctx: _Ctx, key: str) -> Response:
    with ctx.fake._lock:
        issue = _stored_issue(ctx, key)
        spec = _field_spec(ctx.query.get("fields"), "*all")
        return Response(200, _render_issue(ctx, issue, spec, ctx.expand()))


def _label_errors(labels: Any) -> str | None:
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        return "data was not an array"
    for label in labels:
        if not label or any(ch.isspace() for ch in label):
            return f"The label '{label}' contains spaces which is invalid."
        if len(label) > 255:
            return f"The label '{label}' exceeds the maximum length for a single label of 255 characters."
    return None


def _put_issue(ctx: _Ctx, key: str) -> Response:
    fake = ctx.fake
    body = ctx.json_object()
    fields = body.get("fields") or {}
    update = body.get("update") or {}
    if not isinstance(fields, dict) or not isinstance(update, dict):
        raise _fail(400, "Can not deserialize the request: 'fields' and 'update' must be objects.")
    with fake._lock:
        issue = _stored_issue(ctx, key)
        errors: dict[str, str] = {}
        for name in sorted(set(fields) & set(update)):
            errors[name] = f"Field '{name}' cannot be set in both 'fields' and 'update'."
        for name in sorted(set(fields) | set(update)):
            if name in errors or (name == "comment" and name in update):
                continue
            if name in READ_ONLY_FIELDS or (name not in fake._fields and name not in issue["fields"]):
                errors[name] = (
                    f"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown."
                )
        if errors:
            raise _fail(400, errors=errors)

        new_fields = copy.deepcopy(issue["fields"])
        new_comments: list[Any] = []
        for name, value in fields.items():
            if name == "labels" and (problem := _label_errors(value)):
                errors[name] = problem
            new_fields[name] = copy.deepcopy(value)
        for name, operations in update.items():
            if not isinstance(operations, list):
                errors[name] = "data was not an array"
                continue
            for op in operations:
                problem = _apply_update(new_fields, new_comments, name, op)
                if problem:
                    errors[name] = problem
                    break
        if errors:
            raise _fail(400, errors=errors)
        for body_value in new_comments:
            if problem := _comment_body_error(ctx, body_value):
                raise _fail(400, errors={"comment": problem})
        new_fields["updated"] = jira_timestamp()
        issue["fields"] = new_fields
        for body_value in new_comments:
            fake.add_comment(issue["key"], body_value, author=ctx.user)
    return Response(204)


def _apply_update(fields: dict[str, Any], comments: list[Any], name: str, op: Any) -> str | None:
    if not isinstance(op, dict) or len(op) != 1:
        return "Each update operation must be an object with exactly one operation."
    verb, value = next(iter(op.items()))
    if name == "comment":
        if verb == "add" and isinstance(value, dict) and "body" in value:
            comments.append(copy.deepcopy(value["body"]))
            return None
        return f"Operation '{verb}' is not supported by the fake Jira for field 'comment'."
    if name == "labels":
        labels: list[str] = list(fields.get("labels") or [])
        if verb == "set":
            problem = _label_errors(value)
            if problem is None:
                fields["labels"] = list(dict.fromkeys(value))
            return problem
        problem = _label_errors([value])
        if problem is not None:
            return problem
        if verb == "add":
            if value not in labels:
                labels.append(value)
        elif verb == "remove":
            labels = [label for label in labels if label != value]
        else:
            return f"Operation '{verb}' is not supported by the fake Jira for field 'labels'."
        fields["labels"] = labels
        return None
    if verb == "set":
        fields[name] = copy.deepcopy(value)
        return None
    return f"Operation '{verb}' is not supported by the fake Jira for field '{name}'."


# -- comments ---------------------------------------------------------------------------------


def _comment_body_error(ctx: _Ctx, body: Any) -> str | None:
    if ctx.version == "3":
        if not isinstance(body, dict) or body.get("type") != "doc":
            return "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
        return None
    if not isinstance(body, str):
        return "Operation value must be a string"
    if not body.strip():
        return "Comment body can not be empty!"
    return None


def _properties_from(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, list) or not all(isinstance(p, dict) and "key" in p for p in value):
        raise _fail(400, errors={"properties": "Properties must be a list of {key, value} objects."})
    return {str(p["key"]): copy.deepcopy(p.get("value")) for p in value}


def _list_comments(ctx: _Ctx, key: str) -> Response:
    fake = ctx.fake
    start = ctx.int_param("startAt", 0)
    asked = ctx.int_param("maxResults", fake.comment_page_cap)
    order = ctx.param("orderBy")
    if order not in (None, "created", "+created", "-created"):
        raise _fail(400, f"Invalid orderBy value '{order}'. Only 'created' ordering is supported.")
    with fake._lock:
        issue = _stored_issue(ctx, key)
        comments = list(fake._comments[issue["key"]])
        if order == "-created":
            comments.reverse()
        size = max(0, min(asked, fake.comment_page_cap))
        page = comments[max(start, 0) : max(start, 0) + size]
        expand = ctx.expand()
        return Response(
            200,
            {
                "startAt": start,
                "maxResults": size,
                "total": len(comments),
                "comments": [_render_comment(ctx, issue, c, expand) for c in page],
            },
        )


def _add_comment(ctx: _Ctx, key: str) -> Response:
    fake = ctx.fake
    body = ctx.json_object()
    with fake._lock:
        issue = _stored_issue(ctx, key)
        if "body" not in body:
            raise _fail(400, errors={"comment": "Comment body can not be empty!"})
        if problem := _comment_body_error(ctx, body["body"]):
            raise _fail(400, errors={"comment": problem})
        props = _properties_from(body.get("properties"))
        created = fake.add_comment(issue["key"], body["body"], author=ctx.user, properties=props)
        stored = _find_comment(ctx, issue, created["id"])
        if "visibility" in body:
            stored["visibility"] = copy.deepcopy(body["visibility"])
        return Response(201, _render_comment(ctx, issue, stored, ctx.expand()))


def _find_comment(ctx: _Ctx, issue: Mapping[str, Any], comment_id: str) -> dict[str, Any]:
    for comment in ctx.fake._comments.get(issue["key"], []):
        if comment["id"] == comment_id:
            return comment
    raise _fail(404, f"Can not find a comment for the id: {comment_id}.")


def _get_comment(ctx: _Ctx, key: str, comment_id: str) -> Response:
    with ctx.fake._lock:
        issue = _stored_issue(ctx, key)
        return Response(200, _render_comment(ctx, issue, _find_comment(ctx, issue, comment_id), ctx.expand()))


def _update_comment(ctx: _Ctx, key: str, comment_id: str) -> Response:
    fake = ctx.fake
    body = ctx.json_object()
    with fake._lock:
        issue = _stored_issue(ctx, key)
        comment = _find_comment(ctx, issue, comment_id)
        if "body" in body and (problem := _comment_body_error(ctx, body["body"])):
            raise _fail(400, errors={"comment": problem})
        props = _properties_from(body.get("properties"))
        if "body" in body:
            comment["body"] = copy.deepcopy(body["body"])
        if "visibility" in body:
            comment["visibility"] = copy.deepcopy(body["visibility"])
        fake._comment_props.setdefault(comment_id, {}).update(props)
        comment["updated"] = jira_timestamp()
        assert ctx.user is not None
        comment["updateAuthor"] = copy.deepcopy(ctx.user)
        return Response(200, _render_comment(ctx, issue, comment, ctx.expand()))


def _delete_comment(ctx: _Ctx, key: str, comment_id: str) -> Response:
    fake = ctx.fake
    with fake._lock:
        issue = _stored_issue(ctx, key)
        comment = _find_comment(ctx, issue, comment_id)
        fake._comments[issue["key"]].remove(comment)
        fake._comment_issue.pop(comment_id, None)
        fake._comment_props.pop(comment_id, None)
    return Response(204)


def _comment_for_properties(ctx: _Ctx, comment_id: str) -> str:
    if comment_id not in ctx.fake._comment_issue:
        raise _fail(404, f"Can not find a comment for the id: {comment_id}.")
    return comment_id


def _list_comment_properties(ctx: _Ctx, comment_id: str) -> Response:
    with ctx.fake._lock:
        _comment_for_properties(ctx, comment_id)
        keys = [
            {"self": f"{ctx.api}/comment/{comment_id}/properties/{k}", "key": k}
            for k in ctx.fake._comment_props.get(comment_id, {})
        ]
    return Response(200, {"keys": keys})


def _get_comment_property(ctx: _Ctx, comment_id: str, prop: str) -> Response:
    with ctx.fake._lock:
        _comment_for_properties(ctx, comment_id)
        props = ctx.fake._comment_props.get(comment_id, {})
        if prop not in props:
            raise _fail(404, f"The property with key '{prop}' does not exist.")
        return Response(200, {"key": prop, "value": copy.deepcopy(props[prop])})


def _put_comment_property(ctx: _Ctx, comment_id: str, prop: str) -> Response:
    if not ctx.text.strip():
        raise _fail(400, "The property value must not be empty.")
    if ctx.body is None:
        raise _fail(400, "The property value must be valid JSON.")
    if len(prop) > 255:
        raise _fail(400, "The property key cannot be longer than 255 characters.")
    with ctx.fake._lock:
        _comment_for_properties(ctx, comment_id)
        props = ctx.fake._comment_props.setdefault(comment_id, {})
        existed = prop in props
        props[prop] = copy.deepcopy(ctx.body)
    return Response(200 if existed else 201, {})


def _delete_comment_property(ctx: _Ctx, comment_id: str, prop: str) -> Response:
    with ctx.fake._lock:
        _comment_for_properties(ctx, comment_id)
        props = ctx.fake._comment_props.get(comment_id, {})
        if prop not in props:
            raise _fail(404, f"The property with key '{prop}' does not exist.")
        del props[prop]
    return Response(204)


def _cloud_only(handler: RouteHandler) -> RouteHandler:
    def wrapped(ctx: _Ctx, *args: str) -> Response:
        if ctx.fake.mode != "cloud":
            return ctx.fake._not_found_route(ctx.path)
        return handler(ctx, *args)

    return wrapped


def _by_mode(cloud: RouteHandler, dc: RouteHandler) -> RouteHandler:
    def wrapped(ctx: _Ctx, *args: str) -> Response:
        return (cloud if ctx.fake.mode == "cloud" else dc)(ctx, *args)

    return wrapped


_KEY = r"([^/]+)"
_ROUTES: tuple[tuple[str, dict[str, RouteHandler]], ...] = (
    (r"/serverInfo", {"GET": _server_info}),
    (r"/myself", {"GET": _myself}),
    (r"/field", {"GET": _field_list}),
    (r"/search", {"GET": _by_mode(_search_gone, _search_dc), "POST": _by_mode(_search_gone, _search_dc)}),
    (r"/search/jql", {"GET": _cloud_only(_search_jql), "POST": _cloud_only(_search_jql)}),
    (r"/search/approximate-count", {"POST": _cloud_only(_approximate_count)}),
    (rf"/issue/{_KEY}", {"GET": _get_issue, "PUT": _put_issue}),
    (rf"/issue/{_KEY}/comment", {"GET": _list_comments, "POST": _add_comment}),
    (
        rf"/issue/{_KEY}/comment/{_KEY}",
        {"GET": _get_comment, "PUT": _update_comment, "DELETE": _delete_comment},
    ),
    (rf"/comment/{_KEY}/properties", {"GET": _list_comment_properties}),
    (
        rf"/comment/{_KEY}/properties/{_KEY}",
        {"GET": _get_comment_property, "PUT": _put_comment_property, "DELETE": _delete_comment_property},
    ),
)
