"""`strikemap export` (placeholder until its module lands)."""

import click


@click.command("export")
def export_cmd():
    """Not built yet."""
    raise click.ClickException("strikemap export is not built yet")
