"""Step bindings for features/rule_packs.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("rule_packs.feature")
