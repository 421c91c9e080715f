"""Well-known events that news counts years from ("43 years after the Korean War").

Facts only: (first year, last year) of each event, keyed by its normalised name (lower case, no
"the", hyphens as spaces). A phrase not in this table can still anchor a count when it carries one
explicit year ("two years after the 1994 accord"); otherwise the expression stays unresolved.
"""

from __future__ import annotations

ANCHORS: dict[str, tuple[int, int]] = {
    "korean war": (1950, 1953),
    "korean armistice": (1953, 1953),
    "first world war": (1914, 1918),
    "world war i": (1914, 1918),
    "world war one": (1914, 1918),
    "great war": (1914, 1918),
    "second world war": (1939, 1945),
    "world war ii": (1939, 1945),
    "world war two": (1939, 1945),
    "vietnam war": (1955, 1975),
    "cold war": (1947, 1991),
    "six day war": (1967, 1967),
    "yom kippur war": (1973, 1973),
    "iran iraq war": (1980, 1988),
    "falklands war": (1982, 1982),
    "gulf war": (1990, 1991),
    "first gulf war": (1990, 1991),
    "fall of berlin wall": (1989, 1989),
    "collapse of soviet union": (1991, 1991),
    "breakup of soviet union": (1991, 1991),
    "dissolution of soviet union": (1991, 1991),
    "bosnian war": (1992, 1995),
    "september 11 attacks": (2001, 2001),
    "iraq war": (2003, 2011),
}


def anchor_year(name: str, side: str) -> int | None:
    """First ("start") or last ("end") year of a known event, or None when it is not known."""
    span = ANCHORS.get(name)
    if span is None:
        return None
    return span[1] if side == "end" else span[0]
