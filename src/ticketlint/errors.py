"""The one exception hierarchy: every error a user can fix is a TicketlintError.

``str(error)`` is the message the user reads; the CLI maps any of these to exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass


class TicketlintError(Exception):
    """Something the user can fix: bad input, bad configuration, bad rule file."""


@dataclass(frozen=True)
class Problem:
    """One located problem in a YAML file: ``path:line:col: rule "id": message``."""

    path: str
    line: int
    col: int
    message: str
    rule: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        rule = f' rule "{self.rule}":' if self.rule else ""
        return f"{where}:{rule} {self.message}"


class FileProblems(TicketlintError):
    """One or more located problems in rule packs or configuration, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.col))
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, path: str, message: str) -> FileProblems:
        return cls([Problem(path, 1, 1, message)])


class RuleFileError(FileProblems):
    """A rule pack is malformed or inconsistent."""


class ConfigError(FileProblems):
    """``ticketlint.yaml`` is malformed or names something that does not exist."""


class SourceError(TicketlintError):
    """An epic export could not be read."""


class UsageError(TicketlintError):
    """A command-line option names something that does not exist."""
