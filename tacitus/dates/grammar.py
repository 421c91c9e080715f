"""Our grammar of English temporal expressions: words -> a calendar period, given a base date.

Why our own grammar and not a date library for everything: a news date is relative to the story's
date and to the verb's tense ("in May" is last May, "will meet in May" is next May; "Thursday" in a
Thursday story is that day), ranges ("Dec. 7-12"), decades, "the end of the year" and "43 years
after the Korean War" are outside what general parsers do, and a general parser's relative base is
fixed when it is built. Everything here is a full match of the whole expression: a phrase that is
not entirely a date ("after 19 months of talks") is not a date. `dateparser`, built once, only reads
absolute dates with an explicit year in formats this grammar does not cover ("11/03/1996").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .anchors import anchor_year

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31)}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year", "decade": "decade",
         "decades": "decade"}  # fmt: skip
COUNT_UNITS = frozenset({"year", "years", "decade", "decades"})  # what anchored counts count
PAST_MODS = frozenset({"last", "past", "previous", "this past"})
NEXT_MODS = frozenset({"next", "coming"})
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
# Prepositions that introduce the period itself ("on Monday", "in 1993", "by the end of May").
SAME_PREPS = frozenset({"on", "in", "at", "during", "over", "throughout", "around", "by", "before",
                        "within"})  # fmt: skip
RANGE_WORDS = frozenset({"-", "to", "through", "until", "till", "and"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
# "most of 2002", "the rest of the year": a share of a period dates an event to that period.
PORTION_WORDS = frozenset({"most", "much", "all", "part", "rest", "remainder", "bulk"})
PART_WORDS = {"end": "end", "close": "end", "beginning": "start", "start": "start", "turn": "start",
              "middle": "mid"}  # fmt: skip

_MON = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(1[6-9]\d\d|20\d\d)"
RE_MDY = re.compile(rf"{_MON} {_DAY}(?: {_YEAR})?")
RE_DMY = re.compile(rf"{_DAY} (?:of )?{_MON}(?: {_YEAR})?")
RE_MY = re.compile(rf"{_MON} (?:of )?{_YEAR}")
RE_MONTH = re.compile(rf"(?:(last|next|this|past|previous|coming|this past) )?{_MON}")
RE_YEAR = re.compile(_YEAR)
RE_DECADE = re.compile(r"(?:(early|mid|late) )?((?:1[6-9]|20)\d0)'?s")
RE_NUMERIC = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}")
RE_HAS_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Period:
    """A resolved stretch of the calendar: a start at a precision, and an optional end."""

    start: dt.date
    precision: str  # "day" | "month" | "year"
    end: dt.date | None = None
    end_precision: str | None = None
    relative: bool = False  # the calendar position came from the base date, not the words


Library = Callable[[str], Any]  # text -> dateparser's DateData


@dataclass(frozen=True, slots=True)
class Context:
    base: dt.date | None  # the document date
    future: bool  # the verb looks forward: "in May" is the next May
    library: Library | None = None  # absolute dates in formats the grammar does not read


def parse_expression(
    text: str, base: dt.date | None, future: bool = False, library: Library | None = None
) -> Period | None:
    """Resolve one expression's words against a base date; None when it is not (all) a date."""
    words = normalise(text)
    if not words:
        return None
    try:
        return _phrase(words, Context(base, future, library))
    except (OverflowError, ValueError):  # "3000 years ago", "next year" on 9999-12-31:
        return None  # a period off the calendar (years 1 to 9999) is no date


def normalise(text: str) -> list[str]:
    """Lower-case words: no "the", no dots or commas, digit ranges split ("7-12" -> 7 - 12).
    "sun", "sat", "wed" and "mar" written in lower case are words, not abbreviated dates."""
    s = re.sub(r"\b(?:sun|sat|wed|mar)\b(?!\.)", "~", text)  # lower-case words, not "Sun."
    s = s.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"(?<!year)'s\b", "", s)
    s = re.sub(r"(?<=[a-z])\.", "", s)
    s = re.sub(r"[,;:()\"]", " ", s)
    if not RE_NUMERIC.search(s):
        s = re.sub(r"(?<=\d)-(?=\d)", " - ", s)
    s = re.sub(r"\bmid-(?=\d|[a-z])", "mid ", s)
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)  # forty-three, mid-may, six-day
    return [w for w in s.split() if w not in ("the", ".")]


# --- phrases: prepositions and ranges ------------------------------------------------------


def _phrase(w: list[str], c: Context) -> Period | None:
    head = w[0]
    if head in SAME_PREPS and len(w) > 1:
        return _phrase(w[1:], c)
    if head == "since" and len(w) > 1:
        # "since" looks back whatever the verb's tense: "since spring" in January is last spring
        p = _phrase(w[1:], replace(c, future=False))
        if p is None or (c.base is not None and p.start > c.base):
            return None
        if c.base is None:
            return p
        if _last_day(p.start, p.precision) >= c.base:  # "since January" on 1 January: that month
            return replace(p, end=None, end_precision=None)
        return replace(p, end=c.base, end_precision="day")
    if head == "for" and len(w) > 1:  # "scheduled for next spring"; "for two years" is no date
        return _core(w[1:], c)
    if head in ("after", "until", "till") or head in ("from", "between") and len(w) < 4:
        return None  # "after May": some time after, not May
    if head in ("from", "between"):
        return _split_range(w[1:], c, ("to", "until", "through", "till", "-", "and"))
    return _core(w, c) or _split_range(w, c, RANGE_WORDS) or _library(w, c)


def _split_range(w: list[str], c: Context, seps: frozenset[str] | tuple[str, ...]) -> Period | None:
    for k in range(1, len(w) - 1):
        if w[k] in seps:
            found = _range(w[:k], w[k + 1 :], c)
            if found is not None:
                return found
    return None


def _range(left: list[str], right: list[str], c: Context) -> Period | None:
    """"Dec. 7-12", "May 3 to June 5, 1996", "Monday and Tuesday", "1995-96": one period."""
    if len(right) == 1 and right[0].isdigit() and len(right[0]) <= 2:
        # the end shares the start's month ("Dec. 7-12") or century ("1995-96")
        lo = _core(left, c)
        if lo is None:
            return None
        n = int(right[0])
        if lo.precision == "day" and 1 <= n <= 31 and lo.end is None:
            return _with_end(lo, _safe_date(lo.start.year, lo.start.month, n), "day")
        if lo.precision == "year" and len(right[0]) == 2:
            return _with_end(lo, dt.date(lo.start.year // 100 * 100 + n, 1, 1), "year")
        return None
    hi = _core(right, c)
    if hi is None:
        return None
    lo: Period | None
    if len(left) == 1 and left[0].isdigit() and hi.precision == "day":  # "7-12 December 1997"
        first = _safe_date(hi.start.year, hi.start.month, int(left[0]))
        lo = Period(first, "day", relative=hi.relative) if first else None
    elif not hi.relative:  # the end carries the year: "May 3 to June 5, 1996"
        lo = _core(left, Context(hi.start, False, c.library))
        lo = replace(lo, relative=False) if lo is not None else None
    else:
        lo = _core(left, c)
        if lo is not None:
            hi = _core(right, Context(lo.start, True, c.library))
    if lo is None or hi is None or hi.start < lo.start:
        return None
    return _with_end(lo, hi.end or hi.start, hi.end_precision or hi.precision)


def _with_end(p: Period, end: dt.date | None, precision: str) -> Period | None:
    """`p` running to `end`; None when the end's period closes before `p`'s own does ("this
    month - January 1" read in mid-January is no range)."""
    if end is None or end < p.start or _last_day(end, precision) < _last_day(p.start, p.precision):
        return None
    return replace(p, end=end, end_precision=precision)


# --- the core: one period ------------------------------------------------------------------


def _core(w: list[str], c: Context) -> Period | None:
    if not w:
        return None
    s = " ".join(w)
    for rule in (_fixed, _calendar, _parts, _qualified, _weekday, _season, _units, _ago, _anchored):
        found = rule(w, s, c)
        if found is not None:
            return found
    return None


def _fixed(w: list[str], s: str, c: Context) -> Period | None:
    """yesterday, today, tonight, tomorrow, last night, this morning; Christmas."""
    days = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
            "overnight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "earlier today": 0, "later today": 0}  # fmt: skip
    key = s
    if len(w) == 2 and w[0] in ("yesterday", "today", "tomorrow") and w[1] in DAY_PARTS:
        key = w[0]
    if key in days:
        return _day(c.base + dt.timedelta(days=days[key])) if c.base else None
    if s in HOLIDAYS:
        month, day = HOLIDAYS[s]
        return _yearless_day(month, day, c)
    return None


def _calendar(w: list[str], s: str, c: Context) -> Period | None:
    """Month-day-year, day-month-year, month-year, month, year and decade forms."""
    if m := RE_MDY.fullmatch(s):
        return _month_day(MONTHS[m[1]], int(m[2]), m[3], c)
    if m := RE_DMY.fullmatch(s):
        return _month_day(MONTHS[m[2]], int(m[1]), m[3], c)
    if m := RE_MY.fullmatch(s):
        return Period(dt.date(int(m[2]), MONTHS[m[1]], 1), "month")
    if m := RE_MONTH.fullmatch(s):
        return _yearless_month(MONTHS[m[2]], m[1], c)
    if RE_YEAR.fullmatch(s):
        return Period(dt.date(int(s), 1, 1), "year")
    if m := RE_DECADE.fullmatch(s):
        first = int(m[2])
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}[m[1]]
        return Period(dt.date(first + lo, 1, 1), "year", dt.date(first + hi, 1, 1), "year")
    if len(w) > 2 and w[0] in MONTHS and w[1] == "of":  # "May of last year"
        named = _year_of(w[2:], c)
        if named is not None:
            return Period(dt.date(named.start.year, MONTHS[w[0]], 1), "month", relative=named.relative)
    if len(w) > 1 and w[0] in WEEKDAYS and w[1] in MONTHS:  # "Friday, Nov. 21"
        return _calendar(w[1:], " ".join(w[1:]), c)
    return None


def _parts(w: list[str], s: str, c: Context) -> Period | None:
    """"the end of the year" -> December; "the beginning of 1994" -> January 1994."""
    if len(w) > 2 and w[0] in DAY_PARTS and w[1] == "of":  # "the morning of Nov. 20"
        p = _core(w[2:], c)
        return p if p is not None and p.precision == "day" else None
    if len(w) > 3 and w[1] in ("half", "quarter") and w[0] in ORDINALS and w[2] == "of":
        return _fraction(w[1], ORDINALS[w[0]], w[3:], c)
    if len(w) > 2 and w[0] in PORTION_WORDS and w[1] == "of":
        return _core(w[2:], c)
    if len(w) < 3 or w[0] not in PART_WORDS or w[1] != "of":
        return None
    p = _core(w[2:], c)
    if p is None:
        return None
    part = PART_WORDS[w[0]]
    if p.end is not None and part != "mid":  # a range: its first or last stretch
        when, prec = (p.start, p.precision) if part == "start" else (p.end, p.end_precision)
        return Period(when, prec or p.precision, relative=p.relative)
    if p.precision == "year" and part != "mid":
        month = 12 if part == "end" else 1
        return Period(dt.date(p.start.year, month, 1), "month", relative=p.relative)
    return p


def _fraction(kind: str, n: int, w: list[str], c: Context) -> Period | None:
    """"the first half of the year" -> January to June; "the third quarter of 1996"."""
    year = _year_of(w, c)
    size = 6 if kind == "half" else 3
    if year is None or n * size > 12:
        return None
    y = year.start.year
    first = dt.date(y, (n - 1) * size + 1, 1)
    return Period(first, "month", dt.date(y, n * size, 1), "month", relative=year.relative)


def _qualified(w: list[str], s: str, c: Context) -> Period | None:
    """"early 1994", "late May", "earlier this month", "later this year": the same period."""
    if len(w) > 1 and w[0] in ("early", "mid", "late", "earlier", "later"):
        if w[0] in ("earlier", "later") and w[1] not in ("this", "in", "on"):
            return None
        return _core(w[1:] if w[1] not in ("in", "on") else w[2:], c)
    return None


def _weekday(w: list[str], s: str, c: Context) -> Period | None:
    """[last|next|this] Monday [morning]: the nearest such day on the tense's side of the base."""
    if w[-1] in DAY_PARTS and len(w) > 1:
        w = w[:-1]
    mod, rest = _modifier(w)
    if len(rest) != 1 or rest[0] not in WEEKDAYS or c.base is None:
        return None
    wd = WEEKDAYS[rest[0]]
    future = mod in NEXT_MODS or (mod in (None, "this") and c.future)
    if future:
        ahead = (wd - c.base.weekday()) % 7
        return _day(c.base + dt.timedelta(days=ahead or (7 if mod in NEXT_MODS else 0)))
    back = (c.base.weekday() - wd) % 7
    return _day(c.base - dt.timedelta(days=back or (7 if mod in PAST_MODS else 0)))


def _season(w: list[str], s: str, c: Context) -> Period | None:
    """"spring 1995", "the summer of 1996", "last winter": the season's months as a range."""
    mod, rest = _modifier(w)
    if not rest or rest[0] not in SEASONS:
        return None
    first, last = SEASONS[rest[0]]
    tail = rest[1:]
    if tail and tail[0] == "of":
        tail = tail[1:]
        if not tail:  # "the winter of": cut short, not this winter
            return None
    if tail and mod is None:  # "spring 1995", "the summer of last year", "the winter of 2003-04"
        named = _year_of(tail, c) or _winter_years(tail, first, last, c)
        if named is None:
            return None
        year = named.start.year
        end = _season_end(year, first, last)
        return Period(dt.date(year, first, 1), "month", end, "month", named.relative)
    if tail or c.base is None:
        return None
    month = c.base.replace(day=1)
    years = [c.base.year - 2, c.base.year - 1, c.base.year, c.base.year + 1]  # last winter, in January
    if mod in NEXT_MODS:  # the next one to begin
        year = next(y for y in years if dt.date(y, first, 1) > month)
    elif mod in PAST_MODS:  # the last one to have ended
        year = [y for y in years if _season_end(y, first, last) < month][-1]
    elif c.future:  # this one, or the next
        year = next(y for y in years if _season_end(y, first, last) >= month)
    else:  # the last one to have begun
        year = [y for y in years if dt.date(y, first, 1) <= month][-1]
    return Period(dt.date(year, first, 1), "month", _season_end(year, first, last), "month", True)


def _year_of(w: list[str], c: Context) -> Period | None:
    """A phrase that names one calendar year: "1995", "last year", "next year"."""
    p = _core(w, c)
    return p if p is not None and p.precision == "year" and p.end is None else None


def _winter_years(w: list[str], first: int, last: int, c: Context) -> Period | None:
    """"2003-04" after a winter names the two years it spans: the winter begins in the first."""
    span = _split_range(w, c, RANGE_WORDS) if last < first else None
    if span is None or span.precision != "year" or span.end is None:
        return None
    return span if span.end.year == span.start.year + 1 else None


def _last_day(start: dt.date, precision: str) -> dt.date:
    """The last calendar day of the day, month or year that starts at `start`."""
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        return dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def _season_end(year: int, first: int, last: int) -> dt.date:
    return dt.date(year + 1 if last < first else year, last, 1)


def _units(w: list[str], s: str, c: Context) -> Period | None:
    """last/this/next week, month, year, decade, weekend; "the past two years"."""
    if c.base is None:
        return None
    mod, rest = _modifier(w)
    if len(rest) == 1 and rest[0] in ("weekend",):
        return _weekend(mod, c)
    if len(rest) == 1 and rest[0] in UNITS and not rest[0].endswith("s"):
        unit = UNITS[rest[0]]
        if mod is None and unit not in ("year", "month", "week"):
            return None  # "the year" is this year; "the day", "the decade" are not dates
        if mod == "past" and unit != "week":  # "the past year": the twelve months up to now
            lo, hi = _shift(c.base, unit, -1, window=False), _shift(c.base, unit, 0, window=False)
            return Period(lo.start, lo.precision, hi.start, hi.precision, relative=True)
        step = 0 if mod in (None, "this") else (-1 if mod in PAST_MODS else 1)
        return _shift(c.base, unit, step, window=True)
    if mod in ("past", "last", "next", "coming") and len(rest) == 2 and rest[1] in UNITS:
        n = _number(rest[0])
        if n is None or n < 2:
            return None
        sign = -1 if mod in ("past", "last") else 1
        far = _shift(c.base, UNITS[rest[1]], sign * n, window=False)
        near = _shift(c.base, UNITS[rest[1]], 0, window=False)
        lo, hi = (far, near) if sign < 0 else (near, far)
        return Period(lo.start, lo.precision, hi.start, hi.precision, relative=True)
    return None


def _ago(w: list[str], s: str, c: Context) -> Period | None:
    """"three days ago", "a year ago", "two decades ago"."""
    if len(w) != 3 or w[2] != "ago" or w[1] not in UNITS or c.base is None:
        return None
    n = _number(w[0])
    if n is None:
        return None
    return _shift(c.base, UNITS[w[1]], -n, window=False)


def _anchored(w: list[str], s: str, c: Context) -> Period | None:
    """"Forty-three years after the end of the Korean War", "two years before 1990"."""
    for k, word in enumerate(w):
        if word in ("after", "before") and k >= 2 and w[k - 1] in COUNT_UNITS:
            n = _number(" ".join(w[: k - 1]))
            if n is None:
                return None
            years = n * (10 if w[k - 1].startswith("decade") else 1)
            year = _anchor(w[k + 1 :], word, c)
            if year is None:
                return None
            return Period(dt.date(year + years if word == "after" else year - years, 1, 1), "year")
    return None


def _anchor(w: list[str], direction: str, c: Context) -> int | None:
    """The year an anchor phrase names: a well-known event, or a phrase with one year in it."""
    side = "end" if direction == "after" else "start"
    if len(w) > 2 and w[0] in PART_WORDS and w[1] == "of":
        side, w = ("end" if PART_WORDS[w[0]] == "end" else "start"), w[2:]
    elif len(w) > 2 and w[0] in ("outbreak", "onset") and w[1] == "of":
        side, w = "start", w[2:]
    found = anchor_year(" ".join(w), side)
    if found is not None:
        return found
    years = [x for x in w if RE_YEAR.fullmatch(x)]
    if len(years) == 1:
        return int(years[0])
    p = _core(w, Context(None, c.future, c.library))
    if p is not None and not p.relative:
        return (p.end if side == "end" and p.end else p.start).year
    return None


# --- the library, for absolute dates in formats we do not read ------------------------------


def _library(w: list[str], c: Context) -> Period | None:
    """dateparser for "11/03/1996" and the like: only with an explicit year, the year checked."""
    s = " ".join(w)
    years = RE_HAS_YEAR.findall(s)
    if c.library is None or not years or not (RE_NUMERIC.search(s) or any(x in MONTHS for x in w)):
        return None
    data = c.library(s)
    if data.date_obj is None or str(data.date_obj.year) not in years:
        return None
    precision = data.period if data.period in ("day", "month", "year") else None
    if precision is None:
        return None
    return Period(_truncate(data.date_obj.date(), precision), precision)


# --- helpers -------------------------------------------------------------------------------


def _modifier(w: list[str]) -> tuple[str | None, list[str]]:
    if len(w) > 2 and w[0] == "this" and w[1] == "past":
        return "this past", w[2:]
    if w and w[0] in PAST_MODS | NEXT_MODS | {"this"}:
        return w[0], w[1:]
    return None, w


def _number(text: str) -> int | None:
    """"43", "forty three", "a", "twenty one" -> an int; anything else -> None."""
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        if word not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[word]
    return total or None


def _day(d: dt.date) -> Period:
    return Period(d, "day", relative=True)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _month_day(month: int, day: int, year: str | None, c: Context) -> Period | None:
    if year is not None:
        d = _safe_date(int(year), month, day)
        return Period(d, "day") if d else None
    return _yearless_day(month, day, c)


def _yearless_day(month: int, day: int, c: Context) -> Period | None:
    """A month and day with no year: the nearest one on the tense's side of the base date."""
    if c.base is None:
        return None
    for year in (c.base.year, c.base.year - 1, c.base.year + 1):
        d = _safe_date(year, month, day)
        if d is not None and (d >= c.base if c.future else d <= c.base):
            if abs((d - c.base).days) <= 366:
                return Period(d, "day", relative=True)
    return None


def _yearless_month(month: int, mod: str | None, c: Context) -> Period | None:
    """"in May": the latest May not after the base; for a future verb, the next one."""
    if c.base is None:
        return None
    year, now = c.base.year, c.base.month
    if mod in NEXT_MODS:
        year += 0 if month > now else 1
    elif mod in PAST_MODS:
        year -= 0 if month < now else 1
    elif mod != "this":
        if c.future:
            year += 0 if month >= now else 1
        else:
            year -= 0 if month <= now else 1
    return Period(dt.date(year, month, 1), "month", relative=True)


def _weekend(mod: str | None, c: Context) -> Period:
    base = c.base
    assert base is not None
    if mod in NEXT_MODS or (mod in (None, "this") and c.future):
        sat = base + dt.timedelta(days=(5 - base.weekday()) % 7)
    else:
        sat = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        if mod in PAST_MODS and sat + dt.timedelta(days=1) >= base:
            sat -= dt.timedelta(days=7)
    return Period(sat, "day", sat + dt.timedelta(days=1), "day", relative=True)


def _shift(base: dt.date, unit: str, n: int, window: bool) -> Period:
    """The calendar period n units from base. Weeks are reported at month precision: a week
    does not fit our day/month/year contract, and a day would be false precision."""
    if unit == "day":
        return _day(base + dt.timedelta(days=n))
    if unit == "week":
        if not window:
            d = base + dt.timedelta(weeks=n)
            return Period(d.replace(day=1), "month", relative=True)
        near, far = base + dt.timedelta(days=n), base + dt.timedelta(weeks=n)
        lo, hi = (base, base) if n == 0 else (min(near, far), max(near, far))
        p = Period(lo.replace(day=1), "month", relative=True)
        return p if lo.month == hi.month else replace(p, end=hi.replace(day=1), end_precision="month")
    if unit == "month":
        index = base.year * 12 + base.month - 1 + n
        return Period(dt.date(index // 12, index % 12 + 1, 1), "month", relative=True)
    years = n * (10 if unit == "decade" else 1)
    if unit == "decade" and window and n != 0:
        lo, hi = sorted((base.year, base.year + years))
        return Period(dt.date(lo, 1, 1), "year", dt.date(hi, 1, 1), "year", relative=True)
    return Period(dt.date(base.year + years, 1, 1), "year", relative=True)


def _truncate(d: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return d.replace(month=1, day=1)
    if precision == "month":
        return d.replace(day=1)
    return d


def format_date(d: dt.date, precision: str) -> str:
    """ISO date cut to its precision: "1997-11-26", "1997-11", "1997"."""
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


__all__ = ["PORTION_WORDS", "Context", "Period", "format_date", "normalise", "parse_expression"]
