"""Datelines: the date (and place) line a news page prints above or at the head of its body.

Why a grammar and not a date search: a page's own date must come from a line that *is* a
dateline ("Thu., Nov. 27, 1997, midnight", "SEOUL, March 2, 2004 —"), never from a year that
happens to occur in a body sentence ("In 1993, the North provoked a crisis"). So a line counts
only when the whole line (or a leading prefix ending in a dash) is consumed by the grammar below.
A dateline must carry an explicit year to give a date; "SEOUL, March 2 (Reuters) -" is still a
dateline prefix (and is stripped from the body) but yields no date.

dateparser is used only as a guarded second reader for whole short lines that name a month and a
year in a form the grammar does not know ("the 27th of November, 1997").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MON = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = (
    r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?"
)
_DAY = r"[0-3]?\d(?i:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# One alternative per field order; group names say which field each number is.
_DATE = (
    rf"(?:(?P<m1>{_MON})\s*(?P<d1>{_DAY})(?!\d)(?:(?:,\s*|\s+)(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MON})(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?P<y3>{_YEAR})(?P<sep>[-/])(?P<n3>[01]?\d)(?P=sep)(?P<d3>[0-3]?\d)(?!\d)"
    r"(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?)"
)
_TZ = r"(?:[A-Z]{2,4}|[+-]\d\d:?\d\d)"
_TIME = (
    r"(?:(?i:at)\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d){1,2}(?:\s*(?i:[ap]\.?m\.?))?|\d{1,2}\s*(?i:[ap]\.?m\.?)"
    r"|(?i:midnight|noon))"
    rf"(?:\s*{_TZ})?"
)
_LABEL = (
    r"(?i:(?:first\s+|last\s+)?(?:published|posted|updated|filed|dated?)(?:\s+on)?)\s*:?\s*"
)
# Places: wire style is capitals ("WASHINGTON", "SAN JOSE, Calif."); a whole dateline line may
# also name the place in title case ("Seoul, March 2, 2004").
_CAPS_WORD = r"[A-Z][A-Z.'’&-]+"
_REGION = r",\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}"  # ", Calif.", ", South Korea"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:{_REGION})?"
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_AGENCY = r"\([A-Za-z][\w&.'’/ -]{0,30}\)"
_DASH = r"(?:—|–|―|--|-|_|:)"
_LONG_DASHES = ("—", "–", "―", "--")

_LINE_RE = re.compile(
    rf"^(?:{_LABEL})?(?:{_TIME}\s*,?\s*)?"
    rf"(?:(?:{_CAPS_PLACE}|{_TITLE_PLACE}),\s*)?"
    rf"(?:{_WEEKDAY},?\s*)?{_DATE}"
    rf"(?:\s*,?\s*{_TIME})?(?:\s*{_AGENCY})?(?:\s*{_DASH})?\s*$"
)
_PREFIX_RE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE})?(?:(?(place),\s*|)(?:{_WEEKDAY},?\s*)?{_DATE})?"
    rf"\s*(?P<agency>{_AGENCY})?\s*(?P<dash>{_DASH})\s+(?=\S)"
)
_MONTH_WORD = re.compile(rf"\b{_MON}")
_YEAR_WORD = re.compile(rf"\b{_YEAR}\b")


@dataclass(slots=True, frozen=True)
class Dateline:
    """A dateline as found: its text (stripped of the trailing dash) and the date it gives."""

    text: str
    date: dt.date | None


def parse_dateline(line: str) -> dt.date | None:
    """The date a dateline line, or a paragraph's leading dateline prefix, gives; else None.

    None also for a real dateline without a year ("SEOUL, March 2 (Reuters) -"): a date is never
    completed from today's year or from a year elsewhere in the text.
    """
    found = match_dateline_line(line) or match_dateline_prefix(line)[0]
    return found.date if found else None


def match_dateline_line(line: str) -> Dateline | None:
    """The dateline if the whole line is one (a page's date line); None for any other line."""
    line = " ".join(line.split())
    if not line or len(line) > 120:
        return None
    found = _LINE_RE.match(line)
    if found:
        return Dateline(_strip_dash(line), _date_of(found))
    day = _dateparser_line(line)
    return Dateline(line, day) if day else None


def match_dateline_prefix(paragraph: str) -> tuple[Dateline | None, str]:
    """Split a leading wire dateline ("WASHINGTON, Nov. 26, 1997 (AP) --") off a paragraph.

    Returns (dateline, rest); (None, paragraph) when the paragraph does not open with one.
    A capitals place alone counts only with an agency, a date or a long dash, so that an opening
    like "NATO - the alliance ..." is left alone.
    """
    found = _PREFIX_RE.match(paragraph)
    if not found:
        return None, paragraph
    has_date = any(found.group(g) for g in ("m1", "d2", "y3"))
    if not (has_date or found.group("place")):
        return None, paragraph
    if not (has_date or found.group("agency") or found.group("dash") in _LONG_DASHES):
        return None, paragraph
    return Dateline(_strip_dash(found.group(0).strip()), _date_of(found)), paragraph[found.end() :]


def _strip_dash(text: str) -> str:
    return re.sub(rf"\s*{_DASH}$", "", text) if len(text) > 1 else text


def _date_of(found: re.Match[str]) -> dt.date | None:
    """The calendar date of a grammar match, or None without a year or for an impossible date."""
    if found.group("y1"):
        year, month, day = found.group("y1"), _month(found.group("m1")), found.group("d1")
    elif found.group("y2"):
        year, month, day = found.group("y2"), _month(found.group("m2")), found.group("d2")
    elif found.group("y3"):
        year, month, day = found.group("y3"), int(found.group("n3")), found.group("d3")
    else:
        return None
    try:
        return dt.date(int(year), month, int(re.sub(r"\D", "", day)))
    except ValueError:
        return None


def _month(word: str) -> int:
    return _MONTHS[word.strip(".").lower()[:3]]


def _dateparser_line(line: str) -> dt.date | None:
    """Second reader for short whole lines naming a month and a year; strict, no defaults."""
    if len(line) > 60 or len(line.split()) > 8:
        return None
    if not (_MONTH_WORD.search(line) and _YEAR_WORD.search(line)):
        return None
    data = _date_parser().get_date_data(line)
    found = data.date_obj if data else None
    return found.date() if found else None


@lru_cache(maxsize=1)
def _date_parser():  # -> dateparser.date.DateDataParser, imported lazily (slow import)
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
