"""Errors that the CLI turns into one line on stderr and an exit code, never a traceback."""


class AlignError(Exception):
    """Base class. `exit_code` is what the CLI exits with."""

    exit_code = 1


class InputError(AlignError):
    """Bad input or usage: missing, empty, binary or undecodable file, wrong language, bad option."""

    exit_code = 2


class ModelNotFoundError(InputError):
    """A model is not on disk (and the hub is not reachable or not asked)."""
