"""Errors that say what was wrong and what is valid. The CLI maps them to exit codes."""

from __future__ import annotations


class TacitusError(Exception):
    """Base class for every error the library raises on purpose."""


class InputError(TacitusError):
    """An input file or record cannot be read or used; names the input and the problem."""

    def __init__(self, origin: str, problem: str, record: str | None = None):
        self.origin = origin
        self.problem = problem
        self.record = record
        where = f"{origin} ({record})" if record else origin
        super().__init__(f"{where}: {problem}")


class ConfigError(TacitusError):
    """A configuration value is missing or out of range."""


class StoreError(TacitusError):
    """The document store cannot be opened or written."""


class ModelError(TacitusError):
    """The spaCy pipeline cannot be loaded."""
