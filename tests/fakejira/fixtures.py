"""Pytest fixtures that start and stop :class:`~tests.fakejira.server.FakeJira` servers.

Use them from any test module (or a conftest) by importing them::

    from tests.fakejira.fixtures import fake_jira, fake_jira_cloud, fake_jira_dc  # noqa: F401

``fake_jira`` is a factory: ``fake_jira("cloud")`` / ``fake_jira("dc", latency=0.01)``
returns a started server (keyword arguments go to :class:`FakeJira`); every server it made
is stopped at teardown. ``fake_jira_cloud`` and ``fake_jira_dc`` are ready-made single
servers for the common case.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import pytest

from tests.fakejira.server import FakeJira, Mode

__all__ = ["FakeJiraFactory", "fake_jira", "fake_jira_cloud", "fake_jira_dc"]


class FakeJiraFactory(Protocol):
    """Signature of the ``fake_jira`` fixture's value."""

    def __call__(self, mode: Mode = "cloud", **options: Any) -> FakeJira: ...


@pytest.fixture
def fake_jira() -> Iterator[FakeJiraFactory]:
    """A factory of started fake Jira servers, all stopped at teardown."""
    started: list[FakeJira] = []

    def make(mode: Mode = "cloud", **options: Any) -> FakeJira:
        fake = FakeJira(mode, **options).start()
        started.append(fake)
        return fake

    yield make
    for fake in reversed(started):
        fake.stop()


@pytest.fixture
def fake_jira_cloud(fake_jira: FakeJiraFactory) -> FakeJira:
    """A started fake Jira Cloud site (basic auth with its ``email``/``api_token``)."""
    return fake_jira("cloud")


@pytest.fixture
def fake_jira_dc(fake_jira: FakeJiraFactory) -> FakeJira:
    """A started fake Jira Data Center (Bearer personal access token)."""
    return fake_jira("dc")
