"""Makes the fake Jira fixtures available to the tests in this package."""

from tests.fakejira.fixtures import fake_jira, fake_jira_cloud, fake_jira_dc

__all__ = ["fake_jira", "fake_jira_cloud", "fake_jira_dc"]
