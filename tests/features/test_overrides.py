"""Step bindings for features/overrides.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("overrides.feature")
