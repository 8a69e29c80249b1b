"""The ``strikemap`` command line: a click group whose subcommands live one per module."""
