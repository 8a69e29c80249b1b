"""`strikemap summary` (placeholder until its module lands)."""

import click


@click.command("summary")
def summary_cmd():
    """Not built yet."""
    raise click.ClickException("strikemap summary is not built yet")
