"""`strikemap map` (placeholder until its module lands)."""

import click


@click.command("map")
def map_cmd():
    """Not built yet."""
    raise click.ClickException("strikemap map is not built yet")
