"""A fake Jira for tests: a real HTTP server that the ``jira`` client library talks to.

* :mod:`tests.fakejira.server` — :class:`~tests.fakejira.server.FakeJira`, Cloud and Data
  Center modes, request log, fault injection, and its simplifications vs real Jira.
* :mod:`tests.fakejira.jql` — the JQL subset the fake understands.
* :mod:`tests.fakejira.fixtures` — pytest fixtures (``fake_jira`` factory,
  ``fake_jira_cloud``, ``fake_jira_dc``); import them into a test module or a conftest.
"""

from tests.fakejira.server import FakeJira, RecordedRequest

__all__ = ["FakeJira", "RecordedRequest"]
