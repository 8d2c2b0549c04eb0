"""Step bindings for features/detection.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("detection.feature")
