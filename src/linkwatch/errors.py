"""
The few run-level failures, each with its exit code; per-link failures are values, not these.
"""

from __future__ import annotations

import click


class LinkwatchError(click.ClickException):
    """A failure that ends the run with one clear line on stderr and no traceback."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"linkwatch: error: {self.format_message()}", err=True)


class BadInput(LinkwatchError):
    """Bad usage, a bad config file or an unreadable survey (exit 2)."""

    exit_code = 2


class ServicesUnreachable(LinkwatchError):
    """The checks could not run: the network or a required service is out of reach (exit 3)."""

    exit_code = 3
