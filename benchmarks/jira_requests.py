"""Requests and wall time of a read-only check against the fake Jira, against their floors.

Requests: the minimum is serverInfo + field list + ceil(N / 100) searches. Wall time with
latency injected per request: the floor is what the requests cost if nothing else took
time: sequential pages on Cloud; on Data Center the first page, then the rest in rounds of
``workers`` concurrent requests.
"""

from __future__ import annotations

import math
import os
import time
from contextlib import contextmanager
from typing import Any
from unittest import mock

from click.testing import CliRunner
from tests.fakejira.data import ml_epic
from tests.fakejira.server import FakeJira

from ticketlint.cli import main

PAGE = 100
WORKERS = 4


@contextmanager
def site(mode: str, count: int, latency: float) -> Any:
    fake = FakeJira(mode).start()
    try:
        fake.add_issues([ml_epic(n) for n in range(1, count + 1)])
        fake.latency = latency
        auth = fake.auth_kwargs()
        env = {"JIRA_URL": fake.url, "CI": "1"}
        if "token_auth" in auth:
            env["JIRA_PAT"] = auth["token_auth"]
        else:
            env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = auth["basic_auth"]
        with mock.patch.dict(os.environ, env):
            yield fake
    finally:
        fake.stop()


def check_against_jira(mode: str, count: int, latency: float) -> tuple[int, float]:
    """(requests made, wall seconds) of one ``ticketlint check`` of ``count`` epics."""
    with site(mode, count, latency) as fake:
        runner = CliRunner()
        with runner.isolated_filesystem():  # no ticketlint.yaml around to point elsewhere
            started = time.perf_counter()
            result = runner.invoke(main, ["check", "-q", "--fail-on", "never"])
            elapsed = time.perf_counter() - started
        assert result.exit_code == 0, result.stderr
        return len(fake.requests), elapsed


def jira_rows(count: int, latency: float) -> list[dict[str, Any]]:
    pages = math.ceil(count / PAGE)
    minimum = 2 + pages
    rows = []
    for mode, label in (("cloud", "Cloud"), ("dc", "Data Center")):
        made, _ = check_against_jira(mode, count, 0.0)
        rows.append({
            "what": f"requests, check of {count:,} epics ({label})",
            "ours": made, "reference": minimum, "ratio": made / minimum, "target": "1.00 (the minimum)",
        })  # fmt: skip
    for mode, label in (("cloud", "Cloud"), ("dc", "Data Center")):
        _, wall = check_against_jira(mode, count, latency)
        rounds = 2 + pages if mode == "cloud" else 3 + math.ceil((pages - 1) / WORKERS)
        floor = rounds * latency
        rows.append({
            "what": f"wall time, {count:,} epics, {latency * 1000:.0f} ms per request ({label}), s",
            "ours": wall, "reference": floor, "ratio": wall / floor, "target": "within 1.2x",
        })  # fmt: skip
    return rows
