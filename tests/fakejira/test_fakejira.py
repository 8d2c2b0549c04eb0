"""Tests of the fake Jira: the real ``jira`` client against it, raw HTTP, the JQL subset,
and the answers' shapes against Atlassian's OpenAPI description (skipped when absent).

Tests that drive the ``jira`` library skip when it is not installed.
"""

from __future__ import annotations

import base64
import copy
import json
import socket
import time
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from tests.fakejira import jql
from tests.fakejira.fixtures import FakeJiraFactory
from tests.fakejira.server import FakeJira

REPO = Path(__file__).resolve().parents[2]
OPENAPI = REPO.parent / "shared" / "jira" / "jira-cloud-platform-openapi-v3.json"

ADF = {
    "type": "doc",
    "version": 1,
    "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Goal: score payments"}]}],
}


# --------------------------------------------------------------------------- helpers


def jira_lib() -> Any:
    """The ``jira`` package, or skip the test."""
    return pytest.importorskip("jira")


def call(
    fake: FakeJira,
    method: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
    body: Any = None,
    headers: Mapping[str, str] | None = None,
    auth: bool = True,
) -> tuple[int, Any, dict[str, str]]:
    """One raw HTTP request (urllib); returns (status, parsed JSON or None, headers)."""
    url = fake.url + path + ("?" + urlencode(params, doseq=True) if params else "")
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    for name, value in {**(fake.auth_header() if auth else {}), **(headers or {})}.items():
        request.add_header(name, value)
    try:
        with urlopen(request, timeout=10) as response:
            status, raw, got = response.status, response.read(), dict(response.headers)
    except HTTPError as error:
        status, raw, got = error.code, error.read(), dict(error.headers)
    return status, (json.loads(raw) if raw else None), got


IN_PROGRESS = {
    "id": "3",
    "name": "In Progress",
    "statusCategory": {"id": 4, "key": "indeterminate", "name": "In Progress"},
}

DONE = {"id": "10001", "name": "Done", "statusCategory": {"id": 3, "key": "done", "name": "Done"}}
TODO = {"id": "1", "name": "Open", "statusCategory": {"id": 2, "key": "new", "name": "To Do"}}


def epic(key: str, **fields: Any) -> dict[str, Any]:
    """A small epic in the shape Jira returns."""
    base: dict[str, Any] = {
        "summary": f"Epic {key}",
        "issuetype": {"id": "10000", "name": "Epic"},
        "status": IN_PROGRESS,
        "labels": ["ml"],
        "components": [{"id": "10100", "name": "ML"}],
        "created": "2026-01-10T09:00:00.000+0000",
        "updated": "2026-02-01T09:00:00.000+0000",
        "description": "h1. Goal\nScore payments.",
    }
    base.update(fields)
    return {"key": key, "fields": base}


@pytest.fixture
def cloud(fake_jira_cloud: FakeJira) -> FakeJira:
    fake = fake_jira_cloud
    for n in range(1, 231):
        fake.add_issue(epic(f"ML-{n}"))
    for n in range(1, 11):
        fake.add_issue(epic(f"OPS-{n}", issuetype={"name": "Story"}, labels=[]))
    return fake


# --------------------------------------------------------------------------- Cloud via the jira client


def test_cloud_search_pages_with_next_page_token(cloud: FakeJira) -> None:
    jira_lib()
    client = cloud.client()
    assert client.server_info()["deploymentType"] == "Cloud"
    cloud.reset_log()

    found = client.search_issues(
        "project = ML AND issuetype = Epic ORDER BY key ASC", maxResults=False, fields=["summary", "labels"]
    )

    assert [i.key for i in found] == [f"ML-{n}" for n in range(1, 231)]
    assert found[0].fields.summary == "Epic ML-1"
    pages = cloud.requests_to(r"/search/jql$")
    assert len(pages) == 3  # 100 + 100 + 30, chained by nextPageToken
    assert pages[0].param("nextPageToken") is None
    assert all(p.param("nextPageToken") for p in pages[1:])
    assert all(p.query["fields"] == ["summary", "labels"] and p.param("maxResults") == "100" for p in pages)
    assert not cloud.requests_to(r"/search$"), "the removed endpoint must not be called"


def test_cloud_search_jql_raw_shape(cloud: FakeJira) -> None:
    status, page, _ = call(cloud, "GET", "/rest/api/3/search/jql", params={"jql": "project = ML"})
    assert status == 200
    assert page["issues"][0] == {"id": page["issues"][0]["id"]}, "fields defaults to id only"
    assert "total" not in page and "startAt" not in page
    assert len(page["issues"]) == 50 and page["isLast"] is False and page["nextPageToken"]

    status, page, _ = call(
        cloud,
        "GET",
        "/rest/api/3/search/jql",
        params={"jql": "project = ML", "maxResults": 500, "fields": "summary"},
    )
    assert len(page["issues"]) == 100, "capped at 100 per page"
    assert set(page["issues"][0]) == {"expand", "id", "self", "key", "fields"}
    assert page["issues"][0]["fields"] == {"summary": "Epic ML-1"}

    keys: list[str] = []
    token = None
    while True:
        body = {"jql": "project = ML ORDER BY key DESC", "maxResults": 70, "fields": ["key"]}
        if token:
            body["nextPageToken"] = token
        status, page, _ = call(cloud, "POST", "/rest/api/3/search/jql", body=body)
        assert status == 200
        keys += [i["key"] for i in page["issues"]]
        token = page.get("nextPageToken")
        if token is None:
            assert page["isLast"] is True
            break
    assert keys == [f"ML-{n}" for n in range(230, 0, -1)]

    cloud.jql_page_limit = 7  # Jira returns fewer than asked when many fields are requested
    _, page, _ = call(
        cloud, "POST", "/rest/api/3/search/jql", body={"jql": "project = ML", "maxResults": 100}
    )
    assert len(page["issues"]) == 7 and page["nextPageToken"]

    status, error, _ = call(
        cloud,
        "GET",
        "/rest/api/3/search/jql",
        params={"jql": "project = OPS", "nextPageToken": page["nextPageToken"]},
    )
    assert status == 400 and error["errorMessages"]


def test_cloud_old_search_is_gone_and_approximate_count(cloud: FakeJira) -> None:
    status, body, _ = call(cloud, "GET", "/rest/api/2/search", params={"jql": "project = ML"})
    assert status == 410
    assert "/rest/api/3/search/jql" in body["errorMessages"][0]
    status, body, _ = call(cloud, "POST", "/rest/api/3/search/approximate-count", body={"jql": "labels = ml"})
    assert (status, body) == (200, {"count": 230})


def test_cloud_unbounded_and_bad_jql_are_400(cloud: FakeJira) -> None:
    jira_mod = jira_lib()
    client = cloud.client()
    with pytest.raises(jira_mod.JIRAError) as unbounded:
        client.search_issues("ORDER BY key DESC", fields=["summary"])
    assert unbounded.value.status_code == 400
    assert "Unbounded JQL queries are not allowed here" in unbounded.value.text

    with pytest.raises(jira_mod.JIRAError) as bad:
        client.search_issues("project = ML AND (labels = ml", fields=["summary"])
    assert bad.value.status_code == 400
    assert bad.value.text == "Error in the JQL Query: Expecting ')' before the end of the query."

    status, body, _ = call(cloud, "GET", "/rest/api/3/search/jql", params={"jql": "project = NOPE"})
    assert status == 400
    assert body == {
        "errorMessages": ["The value 'NOPE' does not exist for the field 'project'."],
        "errors": {},
    }


def test_wrong_credentials_are_401(fake_jira: FakeJiraFactory) -> None:
    jira_mod = jira_lib()
    cloud = fake_jira("cloud", email="bot@example.com", api_token="right")
    with pytest.raises(jira_mod.JIRAError) as cloud_error:
        jira_mod.JIRA(server=cloud.url, basic_auth=("bot@example.com", "wrong"))
    assert cloud_error.value.status_code == 401

    dc = fake_jira("dc", pat="right-pat")
    with pytest.raises(jira_mod.JIRAError) as dc_error:
        jira_mod.JIRA(server=dc.url, token_auth="wrong-pat")
    assert dc_error.value.status_code == 401
    assert "You are not authenticated" in dc_error.value.text

    status, body, headers = call(dc, "GET", "/rest/api/2/myself", auth=False)
    assert (
        status == 401 and body["errorMessages"] and headers["X-Seraph-LoginReason"] == "AUTHENTICATED_FAILED"
    )
    assert call(dc, "GET", "/rest/api/2/serverInfo", auth=False)[0] == 200, "serverInfo is anonymous"
    logged = dc.requests_to("myself")[-1]
    assert "Authorization" not in logged.headers and logged.auth_scheme is None
    assert all("authorization" not in {h.lower() for h in r.headers} for r in dc.requests)


def test_rate_limit_retry_after_then_success(cloud: FakeJira) -> None:
    jira_lib()
    client = cloud.client()
    cloud.reset_log()
    cloud.fail_next(r"/search/jql$", 429, {"Retry-After": "1", "X-RateLimit-Limit": "10"})

    started = time.monotonic()
    found = client.search_issues("project = OPS", maxResults=False, fields=["summary"])
    elapsed = time.monotonic() - started

    assert len(found) == 10
    assert [(r.status, r.fault) for r in cloud.requests_to(r"/search/jql$")] == [(429, "status"), (200, None)]
    assert 0.9 <= elapsed < 5, "ResilientSession honours Retry-After (2 x 1 s x jitter 0.5-1)"


def test_503_and_dropped_connections_are_retried(cloud: FakeJira) -> None:
    jira_lib()
    client = cloud.client(max_retry_delay=0)  # no back-off sleeps in this test
    cloud.fail_next(r"/issue/ML-1$", 503, times=2)
    assert client.issue("ML-1").key == "ML-1"
    cloud.reset_connection_next(r"/issue/ML-2$")
    assert client.issue("ML-2").key == "ML-2"
    statuses = [(r.path.rsplit("/", 1)[-1], r.status) for r in cloud.requests_to(r"/issue/ML-[12]$")]
    assert statuses == [("ML-1", 503), ("ML-1", 503), ("ML-1", 200), ("ML-2", None), ("ML-2", 200)]


def test_a_retried_post_can_duplicate_a_comment(cloud: FakeJira) -> None:
    """The trap the README warns about: the write happened, the answer was lost, the client retried."""
    jira_lib()
    client = cloud.client(max_retry_delay=0)
    cloud.reset_connection_next(r"/issue/ML-3/comment$", method="POST", after_processing=True)
    client.add_comment("ML-3", "kickoff checklist")
    assert [c["body"] for c in cloud.comments("ML-3")] == ["kickoff checklist", "kickoff checklist"]


def test_malformed_json_reaches_the_client(cloud: FakeJira) -> None:
    jira_lib()
    client = cloud.client()
    cloud.malformed_json_next(r"/myself$")
    with pytest.raises(ValueError):
        client.myself()
    assert client.myself()["emailAddress"] == cloud.myself["emailAddress"]


# --------------------------------------------------------------------------- Data Center via the jira client


def test_dc_search_pages_with_start_at_and_total(fake_jira_dc: FakeJira) -> None:
    jira_lib()
    dc = fake_jira_dc
    for n in range(1, 251):
        dc.add_issue(epic(f"DS-{n}", status=DONE if n % 5 == 0 else TODO))
    client = dc.client()
    assert client.server_info()["deploymentType"] == "Server"
    dc.reset_log()

    found = client.search_issues(
        "project = DS AND statusCategory != Done", maxResults=False, fields=["summary"]
    )

    assert len(found) == 200 and found.total == 200
    pages = dc.requests_to(r"/rest/api/2/search$")
    assert [p.param("startAt") for p in pages] == ["0", "100"]
    assert all(p.auth_scheme == "Bearer" for p in dc.requests)

    status, body, _ = call(dc, "GET", "/rest/api/2/search", params={"jql": "", "maxResults": 5000})
    assert status == 200, "Data Center allows unbounded JQL"
    assert (body["startAt"], body["maxResults"], body["total"]) == (0, 1000, 250)
    assert set(body["issues"][0]["fields"]) >= {"summary", "labels", "status"}, "fields default to *navigable"
    assert call(dc, "GET", "/rest/api/2/search/jql", params={"jql": "project = DS"})[0] == 404
    assert call(dc, "GET", "/rest/api/3/serverInfo")[0] == 404


# --------------------------------------------------------------------------- issues, labels, comments


def test_labels_update_add_remove_and_replace(cloud: FakeJira) -> None:
    jira_mod = jira_lib()
    client = cloud.client()
    issue = client.issue("ML-4")
    issue.update(update={"labels": [{"add": "kickoff-missing"}, {"remove": "ml"}]})
    assert cloud.issue("ML-4")["fields"]["labels"] == ["kickoff-missing"]
    assert issue.fields.labels == ["kickoff-missing"], "the library reloads the issue after PUT"

    issue_id = cloud.issue("ML-4")["id"]  # the library PUTs to the issue's self link, by id
    put = cloud.requests_to(rf"/issue/{issue_id}$", method="PUT")[-1]
    assert put.status == 204
    assert put.json == {"fields": {}, "update": {"labels": [{"add": "kickoff-missing"}, {"remove": "ml"}]}}

    issue.update(fields={"labels": ["a", "b"]})
    assert cloud.issue("ML-4")["fields"]["labels"] == ["a", "b"]

    with pytest.raises(jira_mod.JIRAError) as both:
        issue.update(fields={"labels": ["x"]}, update={"labels": [{"add": "y"}]})
    assert both.value.status_code == 400 and "labels" in both.value.response.json()["errors"]

    status, body, _ = call(
        cloud, "PUT", "/rest/api/2/issue/ML-4", body={"update": {"labels": [{"add": "two words"}]}}
    )
    assert status == 400 and body["errors"] == {
        "labels": "The label 'two words' contains spaces which is invalid."
    }
    status, body, _ = call(
        cloud, "PUT", "/rest/api/2/issue/ML-4", body={"fields": {"status": {"name": "Done"}}}
    )
    assert status == 400 and "cannot be set" in body["errors"]["status"]
    assert cloud.issue("ML-4")["fields"]["labels"] == ["a", "b"], "a refused update changes nothing"

    status, body, _ = call(cloud, "GET", "/rest/api/2/issue/ML-999")
    assert (status, body) == (
        404,
        {"errorMessages": ["Issue does not exist or you do not have permission to see it."], "errors": {}},
    )


def test_comment_round_trip(cloud: FakeJira) -> None:
    jira_lib()
    client = cloud.client()
    created = client.add_comment("ML-5", "ticketlint: 2 kickoff decisions missing")
    post = cloud.requests_to(r"/issue/ML-5/comment$", method="POST")[-1]
    assert post.status == 201 and post.json == {"body": "ticketlint: 2 kickoff decisions missing"}
    assert created.author.accountId == cloud.myself["accountId"]

    created.update(body="ticketlint: 1 kickoff decision missing")
    assert [r.method for r in cloud.requests_to(rf"/comment/{created.id}$")] == ["PUT", "GET"]
    assert client.comment("ML-5", created.id).body == "ticketlint: 1 kickoff decision missing"

    created.delete()
    assert cloud.requests_to(rf"/comment/{created.id}$")[-1].status == 204
    assert cloud.comments("ML-5") == []


def test_comment_properties_and_expand(cloud: FakeJira) -> None:
    marker = {"key": "ticketlint", "value": {"version": 1, "fingerprint": "abc"}}
    status, comment, _ = call(
        cloud, "POST", "/rest/api/2/issue/ML-6/comment", body={"body": "report", "properties": [marker]}
    )
    assert status == 201 and "properties" not in comment
    cid = comment["id"]

    _, listed, _ = call(cloud, "GET", "/rest/api/2/issue/ML-6/comment", params={"expand": "properties"})
    assert listed["comments"][0]["properties"] == [marker]
    assert call(cloud, "GET", f"/rest/api/2/comment/{cid}/properties")[1]["keys"][0]["key"] == "ticketlint"
    assert call(cloud, "GET", f"/rest/api/2/comment/{cid}/properties/ticketlint")[1] == marker

    assert call(cloud, "PUT", f"/rest/api/2/comment/{cid}/properties/other", body={"a": 1})[0] == 201
    assert call(cloud, "PUT", f"/rest/api/2/comment/{cid}/properties/other", body={"a": 2})[0] == 200
    assert cloud.comment_properties(cid)["other"] == {"a": 2}
    assert call(cloud, "DELETE", f"/rest/api/2/comment/{cid}/properties/other")[0] == 204
    assert call(cloud, "GET", f"/rest/api/2/comment/{cid}/properties/other")[0] == 404

    status, updated, _ = call(
        cloud, "PUT", f"/rest/api/2/issue/ML-6/comment/{cid}", body={"body": "report v2"}
    )
    assert status == 200 and updated["body"] == "report v2" and updated["id"] == cid
    assert call(cloud, "DELETE", f"/rest/api/2/issue/ML-6/comment/{cid}")[0] == 204
    assert call(cloud, "GET", f"/rest/api/2/issue/ML-6/comment/{cid}")[0] == 404


def test_embedded_comments_are_truncated_and_the_endpoint_pages(cloud: FakeJira) -> None:
    jira_lib()
    other = cloud.make_user("grace", display_name="Grace Kim")
    for n in range(45):
        cloud.add_comment("ML-7", f"note {n}", author=other if n % 2 else None)
    client = cloud.client()

    issue = client.search_issues("key = ML-7", fields=["comment"])[0]
    embedded = issue.raw["fields"]["comment"]
    assert (len(embedded["comments"]), embedded["total"], embedded["startAt"]) == (20, 45, 0)

    bodies: list[str] = []
    start = 0
    while True:
        page = client.comments("ML-7", start_at=start, max_results=20)
        bodies += [c.body for c in page]
        if len(page) < 20:
            break
        start += len(page)
    assert bodies == [f"note {n}" for n in range(45)]
    _, page, _ = call(
        cloud, "GET", "/rest/api/2/issue/ML-7/comment", params={"startAt": 40, "maxResults": 20}
    )
    assert (page["startAt"], page["maxResults"], page["total"], len(page["comments"])) == (40, 20, 45, 5)
    assert page["comments"][1]["author"]["displayName"] == "Grace Kim"


def test_rest_v3_serves_adf_as_stored_and_wants_adf_comments(fake_jira_cloud: FakeJira) -> None:
    jira_mod = jira_lib()
    fake = fake_jira_cloud
    fake.add_issue(epic("FRAUD-1", description=ADF))
    client = fake.client(rest_api_version="3")
    assert client.issue("FRAUD-1").raw["fields"]["description"] == ADF

    with pytest.raises(jira_mod.JIRAError) as wiki_on_v3:
        client.add_comment("FRAUD-1", "plain text")  # the library sends a str; v3 wants ADF
    assert wiki_on_v3.value.status_code == 400
    status, comment, _ = call(fake, "POST", "/rest/api/3/issue/FRAUD-1/comment", body={"body": ADF})
    assert status == 201 and comment["body"] == ADF


# --------------------------------------------------------------------------- fixture behaviour


def test_request_log_latency_and_shutdown(fake_jira: FakeJiraFactory) -> None:
    fake = fake_jira("cloud", latency=0.05)
    fake.add_issue(epic("ML-1"))
    started = time.monotonic()
    search = {"jql": "key = ML-1", "fields": ["summary"]}
    status, _, _ = call(fake, "POST", "/rest/api/2/search/jql", body=search, headers={"X-Trace": "t1"})
    assert status == 200 and time.monotonic() - started >= 0.05

    [logged] = fake.requests
    assert (logged.method, logged.path, logged.status) == ("POST", "/rest/api/2/search/jql", 200)
    assert logged.json == {"jql": "key = ML-1", "fields": ["summary"]}
    assert logged.headers["X-Trace"] == "t1" and logged.auth_scheme == "Basic"
    fake.reset_log()
    assert fake.requests == []

    port = int(fake.url.rsplit(":", 1)[1])
    fake.stop()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_add_issues_accepts_a_search_answer_and_fields_list(fake_jira_dc: FakeJira) -> None:
    fake = fake_jira_dc
    answer = {"issues": [copy.deepcopy(epic("TRUST-1")), epic("TRUST-2", labels=["trust"])]}
    answer["issues"][0]["fields"]["comment"] = {"comments": [{"body": "old", "id": "555"}], "total": 1}
    fake.add_issues(answer)
    team = {
        "id": "customfield_10010",
        "name": "Team",
        "custom": True,
        "clauseNames": ["cf[10010]", "Team"],
        "schema": {"type": "option", "custom": "x:select", "customId": 10010},
    }
    fake.add_fields([team])
    fake.add_issue(epic("TRUST-3", customfield_10010={"value": "Risk"}))

    assert [c["id"] for c in fake.comments("TRUST-1")] == ["555"]
    _, body, _ = call(fake, "GET", "/rest/api/2/search", params={"jql": '"Team" = Risk', "fields": "key"})
    assert [i["key"] for i in body["issues"]] == ["TRUST-3"]
    _, fields, _ = call(fake, "GET", "/rest/api/2/field")
    assert {"customfield_10010", "summary", "labels"} <= {f["id"] for f in fields}


# --------------------------------------------------------------------------- the JQL subset


def _issue(key: str, **fields: Any) -> dict[str, Any]:
    return {"id": str(abs(hash(key)) % 100000), "key": key, "fields": fields}


ISSUES = [
    _issue(
        "ML-1",
        project={"key": "ML", "name": "Machine Learning"},
        issuetype={"name": "Epic"},
        labels=["ml"],
        status=IN_PROGRESS,
        components=[{"name": "ML"}],
        updated="2026-02-01T10:00:00.000+0000",
        customfield_10010={"value": "Risk"},
    ),
    _issue(
        "ML-2",
        project={"key": "ML"},
        issuetype={"name": "Story"},
        labels=[],
        parent={"key": "ML-1"},
        status=DONE,
        updated="2025-12-31T23:59:00.000+0000",
    ),
    _issue(
        "OPS-10",
        project={"key": "OPS"},
        issuetype={"name": "Epic"},
        labels=["ml", "infra"],
        status=TODO,
        components=[],
        updated="2026-01-01T00:00:00.000+0000",
    ),
]
CATALOG = jql.Catalog(
    custom_fields={"team": "customfield_10010", "cf[10010]": "customfield_10010"},
    projects={"ml", "ops", "machine learning"},
    keys={"ml-1", "ml-2", "ops-10"},
    now=datetime(2026, 2, 2, tzinfo=timezone.utc),
)


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("project = ML", ["ML-1", "ML-2"]),
        ("PROJECT in (ops, 'Machine Learning')", ["ML-1", "OPS-10"]),  # ML-2's project has no name
        ("issuetype = Epic", ["ML-1", "OPS-10"]),
        ("type = epic and labels = ml", ["ML-1", "OPS-10"]),
        ("labels in (infra, nothing)", ["OPS-10"]),
        ("labels != infra", ["ML-1"]),  # != never matches an empty field
        ("not labels = infra", ["ML-1", "ML-2"]),
        ("labels is EMPTY", ["ML-2"]),
        ("labels is not empty", ["ML-1", "OPS-10"]),
        ("key in (ML-1, OPS-10)", ["ML-1", "OPS-10"]),
        ("issuekey = ml-2", ["ML-2"]),
        ('status = "In Progress"', ["ML-1"]),
        ("statusCategory = Done", ["ML-2"]),
        ("statusCategory != done", ["ML-1", "OPS-10"]),
        ("statusCategory = new", ["OPS-10"]),
        ("component = ML", ["ML-1"]),
        ("parent = ML-1", ["ML-2"]),
        ('updated >= "2026-01-01"', ["ML-1", "OPS-10"]),
        ('updated < "2026/01/01"', ["ML-2"]),
        ("updated >= -7d", ["ML-1"]),
        ('updated > "2026-01-01 00:00"', ["ML-1"]),
        ("cf[10010] = Risk", ["ML-1"]),
        ('"Team" in (risk)', ["ML-1"]),
        ("project = ML AND (labels = ml OR statusCategory = Done)", ["ML-1", "ML-2"]),
        ("project = ML && !(labels = ml) || key = OPS-10", ["ML-2", "OPS-10"]),
        ("project in (ML, OPS) ORDER BY key DESC", ["OPS-10", "ML-2", "ML-1"]),
        ("labels = ml order by updated asc, key desc", ["OPS-10", "ML-1"]),
    ],
)
def test_jql_subset_matches(query: str, keys: list[str]) -> None:
    compiled = jql.compile_query(query, CATALOG)
    assert [i["key"] for i in compiled.select(ISSUES)] == keys


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("project = ML AND", "Error in the JQL Query: Expecting a field name before the end of the query."),
        (
            "project = ML labels = x",
            "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'labels'.",
        ),
        (
            'status = "In Progress',
            "Error in the JQL Query: The quoted string 'In Progress' has not been completed.",
        ),
        ("project ML", "Error in the JQL Query: Expecting operator but got 'ML'."),
        ("summary ~ kickoff", "Error in the JQL Query: Searching on the field 'summary' is not supported"),
        ("labels = currentUser()", "Error in the JQL Query: The function 'currentUser()' is not supported"),
        ("project = ML ORDER BY priority", "Error in the JQL Query: Ordering by 'priority' is not supported"),
        ("project = A#1", "Error in the JQL Query: The character '#' is a reserved JQL character."),
        ("nosuchfield = 1", "Field 'nosuchfield' does not exist or you do not have permission to view it."),
        ("project = NOPE", "The value 'NOPE' does not exist for the field 'project'."),
        ("key = ML-99", "An issue with key 'ML-99' does not exist for field 'key'."),
        ("labels > x", "The operator '>' is not supported by the 'labels' field."),
        ("updated > yesterday", "Date value 'yesterday' for field 'updated' is invalid."),
    ],
)
def test_jql_errors_read_like_jira(query: str, message: str) -> None:
    with pytest.raises(jql.JqlError) as error:
        jql.compile_query(query, CATALOG)
    assert error.value.message.startswith(message)


def test_jql_bounded() -> None:
    assert not jql.parse("").bounded
    assert not jql.parse("ORDER BY key").bounded
    assert jql.parse("project = ML ORDER BY key").bounded


# --------------------------------------------------------------------------- shapes vs Atlassian's OpenAPI


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    if not OPENAPI.is_file():
        pytest.skip(f"{OPENAPI} is not available (it lives outside the repository)")
    spec: dict[str, Any] = _nullable(json.loads(OPENAPI.read_text(encoding="utf-8")))
    return spec


def _nullable(node: Any) -> Any:
    """OpenAPI 3.0 ``nullable: true`` → JSON Schema ``type: [T, "null"]``."""
    if isinstance(node, dict):
        out = {k: _nullable(v) for k, v in node.items()}
        if out.get("nullable") is True and isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        return out
    if isinstance(node, list):
        return [_nullable(v) for v in node]
    return node


@pytest.fixture
def conforms(openapi: dict[str, Any]) -> Iterator[Any]:
    jsonschema = pytest.importorskip("jsonschema")

    def check(instance: Any, schema: str, array: bool = False) -> None:
        ref: dict[str, Any] = {"$ref": f"#/components/schemas/{schema}"}
        shape = {"type": "array", "items": ref} if array else {"allOf": [ref]}
        root = {**shape, "components": openapi["components"]}
        errors = sorted(jsonschema.Draft4Validator(root).iter_errors(instance), key=lambda e: list(e.path))
        assert not errors, f"{schema}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    yield check


def test_answers_match_atlassian_schemas(conforms: Any, cloud: FakeJira, fake_jira_dc: FakeJira) -> None:
    cloud.add_field("customfield_10010", "Team")
    for n in range(3):
        cloud.add_comment("ML-1", f"comment {n}", properties={"ticketlint": {"n": n}})

    conforms(call(cloud, "GET", "/rest/api/2/serverInfo")[1], "ServerInformation")
    conforms(call(fake_jira_dc, "GET", "/rest/api/2/serverInfo")[1], "ServerInformation")
    conforms(call(cloud, "GET", "/rest/api/3/myself")[1], "User")
    conforms(call(cloud, "GET", "/rest/api/3/field")[1], "FieldDetails", array=True)

    _, page, _ = call(
        cloud,
        "GET",
        "/rest/api/3/search/jql",
        params={
            "jql": "project = ML",
            "maxResults": 2,
            "fields": "summary,labels,comment",
            "expand": "names",
        },
    )
    assert page["nextPageToken"] and page["names"]
    conforms(page, "SearchAndReconcileResults")
    _, last, _ = call(cloud, "POST", "/rest/api/3/search/jql", body={"jql": "key = ML-1", "fields": ["*all"]})
    conforms(last, "SearchAndReconcileResults")
    conforms(call(cloud, "GET", "/rest/api/3/issue/ML-1")[1], "IssueBean")
    count = call(cloud, "POST", "/rest/api/3/search/approximate-count", body={"jql": "project = ML"})[1]
    conforms(count, "JQLCountResultsBean")

    comments = call(cloud, "GET", "/rest/api/2/issue/ML-1/comment", params={"expand": "properties"})[1]
    conforms(comments, "PageOfComments")
    for comment in comments["comments"]:
        conforms(comment, "Comment")
    conforms(call(cloud, "POST", "/rest/api/3/issue/ML-1/comment", body={"body": ADF})[1], "Comment")
    cid = comments["comments"][0]["id"]
    conforms(call(cloud, "GET", f"/rest/api/2/comment/{cid}/properties")[1], "PropertyKeys")
    conforms(call(cloud, "GET", f"/rest/api/2/comment/{cid}/properties/ticketlint")[1], "EntityProperty")
    conforms(call(cloud, "GET", "/rest/api/3/search/jql", params={"jql": "bogus"})[1], "ErrorCollection")

    fake_jira_dc.add_issue(epic("DS-1"))
    dc_page = call(fake_jira_dc, "GET", "/rest/api/2/search", params={"jql": "project = DS"})[1]
    conforms(dc_page, "SearchResults")  # the Cloud schema of the removed endpoint: same shape as DC's


def test_basic_auth_header_helper(fake_jira_cloud: FakeJira) -> None:
    header = fake_jira_cloud.auth_header()["Authorization"]
    login, _, token = base64.b64decode(header.split(" ", 1)[1]).decode().partition(":")
    assert (login, token) == ("ticketlint-bot@example.com", "cloud-api-token")
