"""Whatever people wrote on an epic, ``apply`` leaves it byte-identical.

A Hypothesis property over random comments (by people, and by the ticketlint account
itself without ticketlint's property, some carrying marker-like footers) and random labels
no rule declares: after a first apply, a fix of the epic and a second apply, every one of
them is still there exactly as it was, and at most one managed comment exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakejira.data import IN_PROGRESS
from tests.fakejira.server import FakeJira
from ticketlint.cli import main

PACK = """\
name: kickoff
selector: {labels: [ml]}
rules:
  - id: success-metric
    description: The success metric.
    severity: error
    label: needs-metric
    targets: [{section: Success metric}]
    check: {filled: {}}
    message: Write the success metric in section "Success metric" for {summary}.
  - id: baseline
    description: The baseline.
    severity: warning
    label: needs-baseline
    targets: [{section: Baseline}]
    check: {filled: {}}
    message: Record the baseline in section "Baseline".
"""
MANAGED = {"needs-metric", "needs-baseline", "kickoff-incomplete", "kickoff-ready"}
FIXED = "h2. Success metric\nFeed time +3%\nh2. Baseline\n41 min/day"

PIECES = st.sampled_from(
    [
        "Metric?",
        " ",
        "\n",
        "[~accountid:5b10a]",
        "{code}",
        "h2. Success metric",
        "ticketlint:kickoff:0123456789ab",
        "ticketlint:kickoff:",
        "Maintained by ticketlint",
        "----",
        "_x_",
        "é€",
        "\\",
    ]
)
BODIES = st.lists(PIECES, min_size=1, max_size=8).map("".join).filter(lambda b: b.strip() != "")
AUTHORS = st.sampled_from(["alice", "bob", "ticketlint"])  # "ticketlint": the account apply writes as
LABELS = st.from_regex(r"[A-Za-z0-9_.:-]{1,20}", fullmatch=True).filter(lambda x: x not in MANAGED)


def _epic(labels: list[str], description: str) -> dict[str, Any]:
    return {
        "key": "ML-1",
        "fields": {
            "summary": "Rank [~accountid:5b10a] the feed",
            "issuetype": {"name": "Epic"},
            "project": {"key": "ML"},
            "status": {"name": "In Progress", "statusCategory": IN_PROGRESS},
            "labels": ["ml", *labels],
            "description": description,
        },
    }


def _apply(root: Path, fake: FakeJira) -> None:
    auth = fake.auth_kwargs()["basic_auth"]
    env = {"JIRA_URL": fake.url, "JIRA_EMAIL": auth[0], "JIRA_API_TOKEN": auth[1], "JIRA_PAT": ""}
    result = CliRunner().invoke(
        main, ["apply", "-q", "--config", str(root / "ticketlint.yaml")], env=env, catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.stderr


@settings(max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    comments=st.lists(st.tuples(AUTHORS, BODIES), max_size=5),
    labels=st.lists(LABELS, max_size=4, unique=True),
    on_pass=st.sampled_from(["resolve", "delete"]),
)
def test_people_comments_and_undeclared_labels_are_never_touched(
    tmp_path_factory: Any, comments: list[tuple[str, str]], labels: list[str], on_pass: str
) -> None:
    root = tmp_path_factory.mktemp("apply")
    (root / "kickoff.yaml").write_text(PACK)
    (root / "ticketlint.yaml").write_text(f"rules: [kickoff.yaml]\napply: {{on_pass: {on_pass}}}\n")
    with FakeJira("cloud") as fake:
        fake.add_issue(_epic(labels, "We will build a ranker."))
        before = [
            fake.add_comment("ML-1", body, author=None if who == "ticketlint" else who)
            for who, body in comments
        ]
        _apply(root, fake)
        issue = fake.issue("ML-1")
        issue["fields"]["description"] = FIXED
        fake.add_issue(issue)  # the epic is fixed (stored again under the same key)
        _apply(root, fake)

        after = {c["id"]: c for c in fake.comments("ML-1")}
        for comment in before:
            assert after.get(comment["id"]) == comment
        kept = [c for c in after.values() if fake.comment_properties(c["id"]).get("ticketlint.managed")]
        assert len(kept) <= 1
        final = fake.issue("ML-1")["fields"]["labels"]
        assert set(labels) <= set(final)
        assert not (set(final) & MANAGED)
