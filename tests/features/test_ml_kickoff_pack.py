"""Step bindings for features/ml_kickoff_pack.feature (shared steps live in conftest.py)."""

from pytest_bdd import scenarios

scenarios("ml_kickoff_pack.feature")
