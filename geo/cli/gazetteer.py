"""`strikemap gazetteer` (placeholder until its module lands)."""

import click


@click.group("gazetteer")
def gazetteer_group():
    """The offline gazetteer."""
