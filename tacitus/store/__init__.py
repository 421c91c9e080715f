"""The document store (DuckDB): the only part of Tacitus that speaks SQL.

`Store` opens a file and applies pending schema migrations; its methods are the named queries
the pipeline, CLI, API and dashboard share.
"""

from tacitus.store.db import Store
from tacitus.store.migrations import MIGRATIONS, Migration
from tacitus.store.results import UNKNOWN, DocumentSummary, RunSummary, StoreStats

__all__ = [
    "MIGRATIONS",
    "UNKNOWN",
    "DocumentSummary",
    "Migration",
    "RunSummary",
    "Store",
    "StoreStats",
]
