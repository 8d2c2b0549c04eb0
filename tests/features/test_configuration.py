"""Step bindings for features/configuration.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("configuration.feature")
