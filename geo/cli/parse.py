"""`strikemap parse` (placeholder until its module lands)."""

import click


@click.command("parse")
def parse_cmd():
    """Not built yet."""
    raise click.ClickException("strikemap parse is not built yet")
