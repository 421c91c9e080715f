"""Event dates: the "when" of an event, resolved from its own words against the document date.

`DateResolver` (build once) resolves expressions and dates events; `is_historical` flags events
that lie clearly before the reporting window; `infer_document_year` reads the year of an undated
document from strong evidence in its text; `evaluate_dates` scores the resolver on our labelled
sentences. See docs/dates.md.
"""

from .evaluate import DatedRow, DateMiss, evaluate_dates, load_dated_rows
from .infer import InferredYear, infer_document_year
from .resolver import DateResolver, EventDate, is_historical

__all__ = [
    "DateMiss",
    "DateResolver",
    "DatedRow",
    "EventDate",
    "InferredYear",
    "evaluate_dates",
    "infer_document_year",
    "is_historical",
    "load_dated_rows",
]
