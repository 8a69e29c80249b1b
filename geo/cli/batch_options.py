"""Options and plumbing shared by the commands that analyse a batch (map, export, summary)."""

from __future__ import annotations

import functools

import click

from geo.cli.options import (
    engine_opt, no_cache_opt, outlet_opt, paths_arg, progress_opt, published_opt, scheduler_opt, workers_opt,
)
from geo.model import StrikemapError


def batch_options(func):
    """PATH... plus --published, --outlet, -j, --engine, --scheduler, --progress, --no-cache."""
    for option in reversed((paths_arg, published_opt, outlet_opt, workers_opt, engine_opt,
                            scheduler_opt, progress_opt, no_cache_opt)):
        func = option(func)
    return func


def report_problems(problems) -> None:
    """One line on stderr per input problem: ``error: FILE[:LINE]: problem`` (or ``warning:``, ``note:``)."""
    for problem in problems:
        if problem.level != "skipped":  # each skipped document is counted in one summary note instead
            click.echo(f"{problem.level}: {problem}", err=True)


def analyze_paths(paths, *, published, outlet, workers, engine, scheduler, progress, no_cache=False, fuse=True):
    """Stream PATHs (the built-in seeds when none) through ``geo.analyze`` and print input problems.

    Documents are not kept (``keep_documents=False``): memory grows with the
    events, not with the corpus; on Dask, fusion runs on the cluster.
    """
    from geo.api import analyze
    from geo.pipeline import Pipeline
    from geo.text.documents import builtin_seeds

    if not paths:
        paths = [str(builtin_seeds())]
    if scheduler and engine != "dask":
        raise StrikemapError("--scheduler needs --engine dask")
    report = analyze(list(paths), published=published, outlet=outlet, workers=workers, engine=engine,
                     scheduler=scheduler, fuse=fuse, progress=progress, keep_documents=False,
                     pipeline=Pipeline(cache=not no_cache))
    report_problems(report.errors)
    return report


def user_errors(func):
    """Turn a ``StrikemapError`` into a one-line ``Error:`` and exit status 1, no traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except StrikemapError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def exit_status(report) -> None:
    """Exit 1 when some inputs failed (after the outputs for the rest were written)."""
    failures = report.failures
    if failures:
        click.echo(f"error: {len(failures)} input{'s' if len(failures) != 1 else ''} failed; "
                   "the rest were processed", err=True)
        raise SystemExit(1)
