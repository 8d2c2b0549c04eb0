"""Step bindings for features/init.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("init.feature")
