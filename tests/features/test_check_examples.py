"""Step bindings for features/check_examples.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("check_examples.feature")
