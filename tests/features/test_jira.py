"""Step bindings for features/jira.feature: a fake Jira site, faults, and its request log."""

from __future__ import annotations

import email.utils
import json
import socket
import time
from typing import Any

import pytest
from pytest_bdd import given, parsers, scenarios, then

from tests.conftest import EXAMPLES, Workspace
from tests.fakejira.fixtures import FakeJiraFactory
from tests.fakejira.server import FakeJira
from tests.features.conftest import serve

scenarios("jira.feature")

SEARCH = r"/search(/jql)?$"


@given(parsers.parse('a Jira {name} site with the example epics "{export}"'))
def jira_site_examples(
    fake_jira: FakeJiraFactory, monkeypatch: pytest.MonkeyPatch, site: dict[str, Any], name: str, export: str
) -> None:
    fake = serve(fake_jira, monkeypatch, site, name)
    fake.add_fields(json.loads((EXAMPLES / "field.json").read_text()))
    fake.add_issues(json.loads((EXAMPLES / export).read_text()))


@given(parsers.parse('the epic "{key}" on Jira has {count:d} comments'))
def many_comments(site: dict[str, Any], key: str, count: int) -> None:
    for number in range(count):
        site["fake"].add_comment(key, f"Comment {number}")


@given(parsers.parse('Jira answers {status:d} with Retry-After "{value}" on the next search'))
def rate_limited(site: dict[str, Any], status: int, value: str) -> None:
    site["fake"].fail_next(SEARCH, status, {"Retry-After": value})


@given("Jira answers 503 with Retry-After as a date 1 second ahead on the next search")
def unavailable_until(site: dict[str, Any]) -> None:
    site["fake"].fail_next(SEARCH, 503, {"Retry-After": email.utils.formatdate(time.time() + 1, usegmt=True)})


@given("Jira drops the connection on the next search")
def dropped(site: dict[str, Any]) -> None:
    site["fake"].reset_connection_next(SEARCH)


@given("Jira answers 403 on the next search")
def forbidden(site: dict[str, Any]) -> None:
    body = {"errorMessages": ["You do not have the permission to see the specified issues."], "errors": {}}
    site["fake"].fail_next(SEARCH, 403, body=body)


@given("Jira answers the next search with broken JSON")
def broken_json(site: dict[str, Any]) -> None:
    site["fake"].malformed_json_next(SEARCH)


@given("my Jira credentials are wrong")
def wrong_credentials(monkeypatch: pytest.MonkeyPatch, site: dict[str, Any]) -> None:
    variable = "JIRA_PAT" if site["fake"].mode == "dc" else "JIRA_API_TOKEN"
    monkeypatch.setenv(variable, "wrong-secret-123")
    site["secrets"].append("wrong-secret-123")


@given("no Jira credentials are set")
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT"):
        monkeypatch.delenv(variable, raising=False)


@given("nothing else")
def nothing_else() -> None:
    pass


@given(parsers.parse("the config file says the retry budget is {seconds:f} seconds"))
def retry_budget(workspace: Workspace, seconds: float) -> None:
    workspace.write("ticketlint.yaml", f"tracker:\n  retry_budget_seconds: {seconds}\n")


@given("the config file forces Data Center")
def forced_dc(workspace: Workspace) -> None:
    workspace.write("ticketlint.yaml", "tracker:\n  deployment: datacenter\n")


@given("the Jira URL uses https on a plain HTTP port")
def https_on_http(monkeypatch: pytest.MonkeyPatch, site: dict[str, Any]) -> None:
    monkeypatch.setenv("JIRA_URL", site["fake"].url.replace("http://", "https://"))


@given("the Jira URL has a wrong path")
def wrong_path(monkeypatch: pytest.MonkeyPatch, site: dict[str, Any]) -> None:
    monkeypatch.setenv("JIRA_URL", site["fake"].url + "/wrong")


@given(parsers.parse('two fields are named "{name}"'))
def ambiguous_field(site: dict[str, Any], name: str) -> None:
    site["fake"].add_field("customfield_10010", name)
    site["fake"].add_field("customfield_20010", name)


@given(parsers.parse("Jira takes {seconds:d} second to answer"))
def slow(site: dict[str, Any], seconds: int) -> None:
    site["fake"].latency = seconds


TIMEOUTS = (
    "the config file says requests time out after {timeout:f} seconds"
    " with a retry budget of {budget:f} seconds"
)


@given(parsers.parse(TIMEOUTS))
def timeouts(workspace: Workspace, timeout: float, budget: float) -> None:
    workspace.write(
        "ticketlint.yaml", f"tracker:\n  timeout_seconds: {timeout}\n  retry_budget_seconds: {budget}\n"
    )


@then(parsers.parse("the report has {count:d} epics"))
def report_has(workspace: Workspace, count: int) -> None:
    report = workspace.result.json()
    assert len(report["epics"]) == count, report["errors"]


@then("Jira received these requests:")
def requests_received(site: dict[str, Any], datatable: list[list[str]]) -> None:
    fake: FakeJira = site["fake"]
    for method, path, count in datatable[1:]:
        made = fake.requests_to(path, method)
        assert len(made) == int(count), f"{method} {path}: {[(r.method, r.path) for r in fake.requests]}"


@then(parsers.parse('no request went to "{path}"'))
def no_request(site: dict[str, Any], path: str) -> None:
    assert not site["fake"].requests_to(path)


@then(parsers.parse("Jira was asked for the search {count:d} times"))
def searched(site: dict[str, Any], count: int) -> None:
    assert len(site["fake"].requests_to(SEARCH)) == count


@then(parsers.parse('the requested fields include the id of "{name}"'))
def fields_requested(site: dict[str, Any], name: str) -> None:
    fake: FakeJira = site["fake"]
    ids = [f["id"] for f in json.loads((EXAMPLES / "field.json").read_text()) if f["name"] == name]
    asked = ",".join(r.param("fields") or "" for r in fake.requests_to(SEARCH))
    assert ids and ids[0] in asked.split(","), asked


@then("no secret appears in the output")
def no_secret(workspace: Workspace, site: dict[str, Any]) -> None:
    seen = workspace.result.stdout + workspace.result.stderr
    assert not [s for s in site["secrets"] if s in seen]


def test_free_port_is_closed() -> None:
    """The refused-connection scenario relies on port 9 (discard) being closed here."""
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", 9)) != 0
