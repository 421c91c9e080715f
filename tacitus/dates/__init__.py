"""Event dates: the "when" of an event, resolved from its own words against the document date.

`DateResolver` (build once) resolves expressions and dates events; `is_historical` flags events
that lie clearly before the reporting window; `evaluate_dates` scores the resolver on our
labelled sentences. See docs/dates.md.
"""

from .evaluate import DatedRow, DateMiss, evaluate_dates, load_dated_rows
from .resolver import DateResolver, EventDate, is_historical

__all__ = [
    "DateMiss",
    "DateResolver",
    "DatedRow",
    "EventDate",
    "evaluate_dates",
    "is_historical",
    "load_dated_rows",
]
