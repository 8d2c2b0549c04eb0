"""Output formats, picked by name from this registry; each module owns one format."""

from __future__ import annotations

from ticketlint.reporters import json, text
from ticketlint.reporters.base import Reporter, ReporterFactory, RunInfo, Style

REPORTERS: dict[str, ReporterFactory] = {
    "text": text.create,
    "json": json.create,
}

__all__ = ["REPORTERS", "Reporter", "RunInfo", "Style"]
