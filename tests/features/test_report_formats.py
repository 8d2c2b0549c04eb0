"""Step bindings for features/report_formats.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("report_formats.feature")
