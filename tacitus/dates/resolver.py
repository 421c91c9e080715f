"""The date of an event: the temporal expression attached to its trigger, resolved against the
document date; the document date when the event has none of its own.

Old coders stamp every event with the story's date, so a 1993 crisis recalled in a 1997 story
becomes a 1997 event. Here the expression that belongs to the trigger's clause dates the event,
and `is_historical` flags events that lie clearly before the reporting window.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from ..events.syntax import Tree
from ..records import Document, Sentence
from .attach import (
    Expression,
    clause_chain,
    clause_count,
    expression_text,
    find_expressions,
    governing_verb,
    date_span,
    has_date_words,
    own_expressions,
    verb_tense,
)
from .grammar import Period, format_date, parse_expression
from .infer import InferredYear, infer_document_year

TENSES = ("past", "present", "future")
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as precisely as the words allow."""

    date: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None
    precision: str | None  # "day" | "month" | "year" | None
    text: str | None  # the words used (None when the document date was used)
    source: str  # "expression" | "document" | "inferred" | "unknown"
    end: str | None = None  # range end, same format
    span: tuple[int, int] | None = None  # offsets of `text` in the document text


class DateResolver:
    """Resolves expressions and dates events; build once and share (it holds the date library's
    parser and a bounded cache of resolved expressions)."""

    def __init__(self, cache_size: int = 4096):
        self._cache: dict[tuple[str, dt.date | None, bool], Period | None] = {}
        self._cache_size = cache_size
        self._parser: Any = None
        self._inferred: tuple[str, InferredYear | None] | None = None  # (doc id, its year)

    def resolve(self, text: str, doc_date: dt.date | None, tense: str = "past") -> EventDate | None:
        """One expression's words -> a date, or None when the words are not a date we can place.
        Relative words with no document date give None (never today's date); "in 1993" still
        resolves."""
        if tense not in TENSES:
            raise ValueError(f"tense {tense!r} is not one of {', '.join(TENSES)}")
        period = self._period(text, doc_date, tense == "future")
        return None if period is None else _event_date(period, text.strip(), None)

    def document_date(self, doc: Document) -> dt.date | InferredYear | None:
        """What a document's expressions resolve against: its own date; else the year its text
        makes plain (see infer.py), remembered for the document being coded; else None."""
        if doc.date is not None:
            return doc.date
        if self._inferred is None or self._inferred[0] != doc.id:
            self._inferred = (doc.id, infer_document_year(doc))
        return self._inferred[1]

    def event_date(
        self, sentence: Sentence, tree: Tree, verb: int, doc_date: dt.date | InferredYear | None
    ) -> EventDate:
        """The date of the event whose trigger is token `verb` of the sentence: its own clause's
        expression, else the sentence's if the sentence is a single clause, else the document's.
        With an inferred year instead of a date, what rests on that year is marked "inferred"."""
        if not 0 <= verb < len(sentence.tokens):
            raise ValueError(f"trigger index {verb} is outside sentence {sentence.index} "
                             f"({len(sentence.tokens)} tokens)")  # fmt: skip
        if isinstance(doc_date, InferredYear):
            return self._inferred_date(sentence, tree, verb, doc_date)
        if has_date_words(sentence):
            found = self._from_expressions(sentence, tree, verb, doc_date)
            if found is not None:
                return found
        if doc_date is None:
            return EventDate(None, None, None, "unknown")
        return EventDate(doc_date.isoformat(), "day", None, "document")

    def clause_on_a_date(
        self, sentence: Sentence, tree: Tree, verb: int, doc_date: dt.date | InferredYear | None
    ) -> EventDate | None:
        """ "events since June 2014, when Israel and Hamas fought a war": a relative clause on a
        date happened at that date; None when the clause hangs on no date or it does not
        resolve."""
        tok = tree.tokens[verb]
        if tok.dep != "relcl" or tok.head == verb or tree.tokens[tok.head].ent_type != "DATE":
            return None
        lo, hi = date_span(tree.tokens, tok.head)
        text, span = expression_text(sentence, lo, hi)
        period = self._period(text, doc_date if isinstance(doc_date, dt.date) else None, False)
        return _event_date(period, text, span) if period is not None else None

    def before(self, sentence: Sentence, interval: tuple[str, int, int], base: EventDate) -> EventDate | None:
        """The date of an event that a clause places a length of time before `base`, the date
        of the clause it hangs from ("five years after crowds burned down its embassy, an
        official said on Saturday": the burning, five years before that Saturday, at year
        precision); `interval` is what `attach.interval_before` read in the clause. None when
        `base` has no date."""
        if base.date is None:
            return None
        words, lo, hi = interval
        start = dt.date.fromisoformat(base.date if base.precision == "day" else (base.date + "-01-01")[:10])
        period = self._period(f"{words} ago", start, False)
        if period is None:
            return None
        text, span = expression_text(sentence, lo, hi)
        return _event_date(period, text, span)

    def _inferred_date(
        self, sentence: Sentence, tree: Tree, verb: int, inferred: InferredYear
    ) -> EventDate:
        """Absolute expressions resolve as ever. A relative one is kept only when it comes out
        the same on the first and the last day of the inferred year ("last year", "this year"
        do; "yesterday", "in May" do not, so they stay unknown). No expression: the year."""
        if has_date_words(sentence):
            found = self._from_expressions(sentence, tree, verb, None)
            if found is not None:
                return found
            first = self._from_expressions(sentence, tree, verb, dt.date(inferred.year, 1, 1))
            if first is not None:
                last = self._from_expressions(sentence, tree, verb, dt.date(inferred.year, 12, 31))
                same = last is not None and (first.date, first.end) == (last.date, last.end)
                return replace(first, source="inferred") if same else EventDate(None, None, None, "unknown")
        return EventDate(str(inferred.year), "year", None, "inferred")

    # --- choosing among expressions ---------------------------------------------------------

    def _from_expressions(
        self, sentence: Sentence, tree: Tree, verb: int, doc_date: dt.date | None
    ) -> EventDate | None:
        exprs = find_expressions(tree)
        if not exprs:
            return None
        for i in clause_chain(tree, verb):
            found = self._best(sentence, tree, own_expressions(exprs, i, verb), doc_date)
            if found is not None:
                return found
        if clause_count(tree) <= 1:
            loose = [e for e in exprs if e.kind == "temporal"]
            return self._best(sentence, tree, loose, doc_date)
        return None

    def _best(
        self, sentence: Sentence, tree: Tree, exprs: list[Expression], doc_date: dt.date | None
    ) -> EventDate | None:
        """The most precise resolvable expression (nearest the verb on ties); a month or day
        with no year of its own takes the year of an explicit year beside it ("In 1993 ... in
        March")."""
        hits: list[tuple[Period, str, tuple[int, int], Expression]] = []
        for e in exprs:
            future = verb_tense(tree, governing_verb(tree.tokens, e.anchor)) == "future"
            for lo, hi in e.ranges:
                text, span = expression_text(sentence, lo, hi)
                period = self._period(text, doc_date, future)
                if period is not None:
                    hits.append((period, text, span, e))
                    break
        if not hits:
            return None
        hits.sort(key=lambda h: (PRECISION_RANK[h[0].precision], abs(h[3].root - h[3].anchor)))
        period, text, span, _ = hits[0]
        years = [h[0] for h in hits if h[0].precision == "year" and not h[0].relative and not h[0].end]
        if period.relative and period.precision != "year" and years:
            again = self._period(text, dt.date(years[0].start.year, 12, 31), False)
            period = again or period
        return _event_date(period, text, span)

    def _period(self, text: str, doc_date: dt.date | None, future: bool) -> Period | None:
        key = (text, doc_date, future)
        if key in self._cache:
            return self._cache[key]
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        found = parse_expression(text, doc_date, future, library=self._library)
        self._cache[key] = found
        return found

    def _library(self, text: str) -> Any:
        """dateparser's reading of an absolute date; its parser is built on first use, once."""
        if self._parser is None:
            from dateparser.date import DateDataParser

            self._parser = DateDataParser(
                languages=["en"],
                settings={"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first"},
            )
        return self._parser.get_date_data(text)


def _event_date(period: Period, text: str, span: tuple[int, int] | None) -> EventDate:
    end = format_date(period.end, period.end_precision or period.precision) if period.end else None
    return EventDate(
        date=format_date(period.start, period.precision),
        precision=period.precision,
        text=text,
        source="expression",
        end=end,
        span=span,
    )


def is_historical(event_date: EventDate, doc_date: dt.date | None, window_days: int = 30) -> bool:
    """True when the event lies clearly before the reporting window: the last day of its period
    (or of its range) is more than `window_days` before the document date."""
    if doc_date is None or event_date.date is None or event_date.source != "expression":
        return False
    return (doc_date - last_day(event_date.end or event_date.date)).days > window_days


def last_day(value: str) -> dt.date:
    """The last calendar day of "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


__all__ = ["DateResolver", "EventDate", "is_historical", "last_day"]
