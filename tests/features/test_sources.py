"""Step bindings for features/sources.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("sources.feature")
