"""Entry point for ``python -m ticketlint``."""

from ticketlint.cli import main

main()
