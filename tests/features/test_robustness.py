"""Step bindings for features/robustness.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("robustness.feature")
