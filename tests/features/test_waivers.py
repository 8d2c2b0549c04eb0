"""Step bindings for features/waivers.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("waivers.feature")
