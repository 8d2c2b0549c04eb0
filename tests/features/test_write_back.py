"""Step bindings for features/write_back.feature: apply against a fake Jira, then read its state."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import requests
from jsonschema import Draft202012Validator
from pytest_bdd import given, parsers, scenarios, then, when

from tests.conftest import Workspace
from tests.fakejira.data import IN_PROGRESS
from tests.fakejira.fixtures import FakeJiraFactory
from tests.fakejira.server import FakeJira, jira_timestamp
from tests.features.conftest import serve
from ticketlint.validation import load_schema

scenarios("write_back.feature")

MARKER = re.compile(r"ticketlint:[a-z0-9+-]+:[0-9a-f]{12}")
WRITES = {"comment POST": (r"/issue/[^/]+/comment$", "POST"), "label PUT": (r"/issue/[^/]+$", "PUT")}


# -- reading the fake's state ---------------------------------------------------------------


def _text(body: Any) -> str:
    """A comment body as readable text: wiki escapes removed, or ADF text nodes joined."""
    if isinstance(body, str):
        return body.replace("\\", "")
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                parts.append(node["text"])
            walk(node.get("content"))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(body)
    return "".join(parts)


def _managed(fake: FakeJira, key: str) -> list[dict[str, Any]]:
    """Comments by the bot with ticketlint's marker and property."""
    bot = fake.bot["accountId"] if fake.mode == "cloud" else fake.bot["name"]
    return [
        c
        for c in fake.comments(key)
        if bot in (c["author"].get("accountId"), c["author"].get("name"))
        and MARKER.search(_text(c["body"]))
        and fake.comment_properties(c["id"]).get("ticketlint.managed")
    ]


def _state(fake: FakeJira) -> dict[str, Any]:
    """What a person sees: each epic's labels and its comments' texts."""
    return {
        i["key"]: (
            sorted(i["fields"].get("labels") or []),
            sorted(_text(c["body"]) for c in fake.comments(i["key"])),
        )
        for i in fake.issues
    }


def _edit(fake: FakeJira, key: str, fields: dict[str, Any]) -> None:
    """A person edits the epic in Jira (a real PUT, then the log is cleared)."""
    answer = requests.put(
        f"{fake.url}/rest/api/2/issue/{key}", json={"fields": fields}, headers=fake.auth_header(), timeout=5
    )
    assert answer.status_code == 204, answer.text
    fake.reset_log()


def _add_epics(fake: FakeJira, rows: list[list[str]]) -> None:
    header = rows[0]
    for row in rows[1:]:
        epic = dict(zip(header, row, strict=True))
        fake.add_issue(
            {
                "key": epic["key"],
                "fields": {
                    "summary": epic["summary"],
                    "issuetype": {"name": "Epic"},
                    "project": {"key": epic["key"].split("-")[0]},
                    "status": {"name": "In Progress", "statusCategory": IN_PROGRESS},
                    "labels": [x.strip() for x in epic["labels"].split(",") if x.strip()],
                    "description": epic["description"].replace("\\n", "\n"),
                },
            }
        )


# -- given ----------------------------------------------------------------------------------


@given(parsers.parse("a Jira {name} site with these epics:"))
def site_with_epics(
    fake_jira: FakeJiraFactory,
    monkeypatch: pytest.MonkeyPatch,
    site: dict[str, Any],
    name: str,
    datatable: list[list[str]],
) -> None:
    fake = serve(fake_jira, monkeypatch, site, name)
    _add_epics(fake, datatable)
    site["epics"] = datatable
    site["factory"] = fake_jira


@given("the same epics on a Jira Data Center site instead")
def data_center_instead(
    fake_jira: FakeJiraFactory, monkeypatch: pytest.MonkeyPatch, site: dict[str, Any]
) -> None:
    site_with_epics(fake_jira, monkeypatch, site, "Data Center", site["epics"])


@given(parsers.parse('"{command}" has run'))
def has_run(workspace: Workspace, site: dict[str, Any], command: str) -> None:
    workspace.run(command)
    assert workspace.result.exit_code in (0, 1), workspace.result.stderr
    fake: FakeJira = site["fake"]
    site["first"] = {i["key"]: [c["id"] for c in _managed(fake, i["key"])] for i in fake.issues}
    fake.reset_log()


@given(parsers.parse('on Jira the description of "{key}" becomes "{text}"'))
@when(parsers.parse('on Jira the description of "{key}" becomes "{text}"'))
def new_description(site: dict[str, Any], key: str, text: str) -> None:
    _edit(site["fake"], key, {"description": text.replace("\\n", "\n")})


@given(parsers.parse('on Jira the summary of "{key}" becomes "{text}"'))
def new_summary(site: dict[str, Any], key: str, text: str) -> None:
    _edit(site["fake"], key, {"summary": text})


@given(parsers.parse('epic "{key}" on Jira is assigned to "{user}"'))
def assigned(site: dict[str, Any], key: str, user: str) -> None:
    fake: FakeJira = site["fake"]
    site["user"] = fake.add_account(user, display_name=user.title())
    _edit(fake, key, {"assignee": site["user"]})


def _remember(site: dict[str, Any], comment: dict[str, Any]) -> None:
    site.setdefault("people", []).append(comment)


@given(parsers.parse('on Jira "{user}" commented on "{key}": "{text}"'))
def person_commented(site: dict[str, Any], user: str, key: str, text: str) -> None:
    _remember(site, site["fake"].add_comment(key, text, author=user))


@given(parsers.parse('on Jira the ticketlint account commented on "{key}": "{text}"'))
def bot_commented(site: dict[str, Any], key: str, text: str) -> None:
    _remember(site, site["fake"].add_comment(key, text))


@given(parsers.parse('on Jira "{user}" commented on "{key}" with a copy of a ticketlint footer'))
def copied_footer(site: dict[str, Any], user: str, key: str) -> None:
    text = "Copied from the bot: Maintained by ticketlint. ticketlint:kickoff:0123456789ab"
    _remember(site, site["fake"].add_comment(key, text, author=user))


@given(parsers.parse('on Jira "{key}" already has {count:d} ticketlint comments from earlier runs'))
def earlier_comments(site: dict[str, Any], key: str, count: int) -> None:
    fake: FakeJira = site["fake"]
    start = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    made = [
        fake.add_comment(
            key,
            f"Old ticketlint comment {n}\n----\n_Maintained by ticketlint. ticketlint:kickoff:{n:012x}_",
            created=jira_timestamp(start + timedelta(days=n)),
            properties={"ticketlint.managed": {"packs": "kickoff", "fingerprint": f"{n:012x}"}},
        )
        for n in range(count)
    ]
    site["oldest"] = made[0]["id"]


@given(
    parsers.parse(
        'on Jira "{key}" has a comment by the ticketlint account with the footer but no ticketlint property'
    )
)
def lookalike(site: dict[str, Any], key: str) -> None:
    body = "Posted by hand as the bot.\n----\n_Maintained by ticketlint. ticketlint:kickoff:00000000abcd_"
    site["lookalike"] = site["fake"].add_comment(key, body)


OLDER_COPY = 'on Jira "{key}" has an older copy of ticketlint\'s comment, by the ticketlint account, '


@given(parsers.parse(OLDER_COPY + "without the property"))
def older_copy(site: dict[str, Any], key: str) -> None:
    fake: FakeJira = site["fake"]
    (real,) = _managed(fake, key)
    older = fake.add_comment(key, real["body"], created="2020-01-01T00:00:00.000+0000", comment_id="1")
    site["lookalike"] = older
    fake.reset_log()


@given(parsers.parse("Jira takes {seconds:f} seconds to answer each request"))
def slow_site(site: dict[str, Any], seconds: float) -> None:
    site["fake"].latency = seconds


@given(parsers.parse("Jira {fault} on the next {write}"))
def write_fault(site: dict[str, Any], fault: str, write: str) -> None:
    fake: FakeJira = site["fake"]
    path, method = WRITES[write]
    saved = fault.endswith(" after saving")
    fault = fault.removesuffix(" after saving")
    if fault == "hits the per-issue write limit":  # Jira Cloud's 429 for too many writes to one issue
        headers = {"Retry-After": "0", "RateLimit-Reason": "jira-per-issue-on-write"}
        fake.fail_next(path, 429, headers, method=method)
        return
    if fault == "drops the connection":
        fake.reset_connection_next(path, method=method, after_processing=saved)
        return
    found = re.fullmatch(r'answers (\d+)(?: with Retry-After "(\d+)")?', fault)
    assert found, fault
    headers = {"Retry-After": found.group(2)} if found.group(2) else {}
    fake.fail_next(path, int(found.group(1)), headers, method=method, after_processing=saved)
    site["faulty"] = True


@given("no Jira site is configured")
def no_site(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN", "JIRA_PAT"):
        monkeypatch.delenv(variable, raising=False)


# -- when -----------------------------------------------------------------------------------


@when(parsers.parse('two "{command}" runs start at the same time'))
def concurrent_runs(workspace: Workspace, command: str) -> None:
    args = [sys.executable, "-m", "ticketlint", *command.split()[1:]]
    runs = [
        subprocess.Popen(
            args, cwd=workspace.root, env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode in (0, 1), err.decode()


# -- then -----------------------------------------------------------------------------------


@then(parsers.parse('epic "{key}" has one ticketlint comment saying "{text}"'))
def one_comment_saying(site: dict[str, Any], key: str, text: str) -> None:
    managed = _managed(site["fake"], key)
    assert len(managed) == 1, [_text(c["body"]) for c in site["fake"].comments(key)]
    assert text in _text(managed[0]["body"]), _text(managed[0]["body"])


@then(parsers.parse('epic "{key}" has no comments'))
def no_comments(site: dict[str, Any], key: str) -> None:
    assert site["fake"].comments(key) == []


@then(parsers.parse('epic "{key}" has the labels "{labels}"'))
def has_labels(site: dict[str, Any], key: str, labels: str) -> None:
    expected = [x.strip() for x in labels.split(",")]
    assert sorted(site["fake"].issue(key)["fields"]["labels"]) == sorted(expected)


@then(parsers.parse("Jira received {count:d} write requests"))
def write_requests(site: dict[str, Any], count: int) -> None:
    writes = [(r.method, r.path) for r in site["fake"].requests if r.method != "GET"]
    assert len(writes) == count, writes


@then(parsers.parse('one more "{command}" writes nothing to Jira'))
def rerun_writes_nothing(workspace: Workspace, site: dict[str, Any], command: str) -> None:
    site["fake"].reset_log()
    workspace.run(command)
    assert workspace.result.exit_code in (0, 1), workspace.result.stderr
    write_requests(site, 0)


@then(parsers.parse("Jira received {count:d} comment POSTs"))
def comment_posts(site: dict[str, Any], count: int) -> None:
    assert len(site["fake"].requests_to(WRITES["comment POST"][0], "POST")) == count


@then(parsers.parse('the ticketlint comment on "{key}" is the one the first run wrote'))
def same_comment(site: dict[str, Any], key: str) -> None:
    assert [c["id"] for c in _managed(site["fake"], key)] == site["first"][key]


@then(parsers.parse('the ticketlint comment on "{key}" is the oldest of them'))
def oldest_kept(site: dict[str, Any], key: str) -> None:
    assert [c["id"] for c in _managed(site["fake"], key)] == [site["oldest"]]


@then(parsers.parse('the comments people wrote on "{key}" are unchanged'))
def people_unchanged(site: dict[str, Any], key: str) -> None:
    now = {c["id"]: c for c in site["fake"].comments(key)}
    for before in site["people"]:
        assert now.get(before["id"]) == before


@then("that comment is unchanged")
def lookalike_unchanged(site: dict[str, Any]) -> None:
    before = site["lookalike"]
    now = {c["id"]: c for c in site["fake"].comments(site["fake"].issues[0]["key"])}
    assert now.get(before["id"]) == before


@then("every epic has at most one ticketlint comment")
def at_most_one(site: dict[str, Any]) -> None:
    fake: FakeJira = site["fake"]
    counts = {i["key"]: len(_managed(fake, i["key"])) for i in fake.issues}
    assert max(counts.values()) <= 1, counts


@then("Jira ends in the same state as after one apply without faults")
def converged(workspace: Workspace, site: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    faulty: FakeJira = site["fake"]
    clean = site["factory"]("cloud")
    _add_epics(clean, site["epics"])
    with monkeypatch.context() as m:
        m.setenv("JIRA_URL", clean.url)
        workspace.run("ticketlint apply -q")
    assert _state(faulty) == _state(clean)


@then(parsers.parse('the report\'s writes list "{done}" as performed and "{left}" as skipped by the budget'))
def json_writes(workspace: Workspace, done: str, left: str) -> None:
    writes = workspace.result.json()["writes"]
    assert [e["key"] for e in writes["performed"]] == [done]
    assert [e["key"] for e in writes["skipped_by_budget"]] == [left]
    assert writes["requests"]["write"] == 2


@then("the report is valid against the published report schema")
def valid_report(workspace: Workspace) -> None:
    Draft202012Validator(load_schema("report.schema.json")).validate(workspace.result.json())


@then(parsers.parse('exactly one of "{keys}" has a ticketlint comment'))
def exactly_one_of(site: dict[str, Any], keys: str) -> None:
    having = [k for k in keys.split(", ") if _managed(site["fake"], k)]
    assert len(having) == 1, having


@then(parsers.parse('the ticketlint comment on "{key}" has no live wiki markup from the epic'))
def inert(site: dict[str, Any], key: str) -> None:
    (comment,) = _managed(site["fake"], key)
    body = comment["body"]
    assert isinstance(body, str)
    line = next(x for x in body.splitlines() if "Record the baseline of" in x)
    assert "5b10a" in line and "evil.example" in line  # the text is there ...
    for live in (r"(?<!\\)\[~", r"(?<!\\)\{code", r"(?<!\\)!img", r"http://evil"):  # ... but inert
        assert not re.search(live, line), (live, line)


@then(parsers.parse('the ticketlint comment on "{key}" mentions "{user}"'))
def mentions(site: dict[str, Any], key: str, user: str) -> None:
    fake: FakeJira = site["fake"]
    (comment,) = _managed(fake, key)
    body = comment["body"]
    who = (
        f"[~accountid:{site['user']['accountId']}]" if fake.mode == "cloud" else f"[~{site['user']['name']}]"
    )
    assert body.startswith("h3. ") and body.splitlines()[1].startswith(who + ", "), body


@then(parsers.parse('the ticketlint comment on "{key}" is an ADF document mentioning only "{user}"'))
def adf_mention(site: dict[str, Any], key: str, user: str) -> None:
    (comment,) = _managed(site["fake"], key)
    body = comment["body"]
    assert isinstance(body, dict) and body["type"] == "doc"
    mentions: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "mention":
                mentions.append(node["attrs"]["id"])
            walk(node.get("content"))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(body)
    assert mentions == [site["user"]["accountId"]]
