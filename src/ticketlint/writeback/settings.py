"""The ``apply:`` section of ticketlint.yaml (already schema-checked), with its defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ticketlint.model import Severity

DEFAULT_SUMMARY_LABEL = "kickoff-incomplete"
# Where the built-in packs' docs (docs: docs/rules/...) are published.
BUILTIN_DOCS_URL = "https://github.com/ticketlint/ticketlint/blob/main/"


@dataclass(frozen=True)
class ApplySettings:
    """What ``ticketlint apply`` writes, and how fast."""

    threshold: Severity = Severity.WARNING
    summary_label: str | None = DEFAULT_SUMMARY_LABEL
    ready_label: str | None = None
    on_pass: str = "resolve"  # resolve | delete
    mention: str = "none"  # none | owner
    docs_url: str | None = None
    workers: int = 4
    max_writes: int | None = None

    @classmethod
    def from_config(cls, section: Mapping[str, Any], max_writes: int | None = None) -> ApplySettings:
        """Settings from the config's ``apply:``; ``--max-writes`` wins over ``max_writes:``."""
        return cls(
            threshold=Severity(section.get("threshold", "warning")),
            summary_label=section.get("summary_label", DEFAULT_SUMMARY_LABEL),
            ready_label=section.get("ready_label"),
            on_pass=section.get("on_pass", "resolve"),
            mention=section.get("mention", "none"),
            docs_url=section.get("docs_url"),
            workers=int(section.get("workers", 4)),
            max_writes=max_writes if max_writes is not None else section.get("max_writes"),
        )
