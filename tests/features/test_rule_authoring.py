"""Step bindings for features/rule_authoring.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("rule_authoring.feature")
