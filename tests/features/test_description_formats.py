"""Step bindings for features/description_formats.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("description_formats.feature")
