"""ticketlint: lint ML epics for the kickoff decisions that keep projects from getting stuck."""

__version__ = "0.1.0"
