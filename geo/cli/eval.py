"""`strikemap eval` (placeholder until its module lands)."""

import click


@click.command("eval")
def eval_cmd():
    """Not built yet."""
    raise click.ClickException("strikemap eval is not built yet")
