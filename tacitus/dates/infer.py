"""The year of an undated document, inferred only from strong evidence in its own text.

Why: a page saved without its date (a pasted article, a feed item with no metadata) still says
"last year" and "this year"; with no document date those stay unresolved. When the text itself
makes its year plain, the year is inferred, and every date that rests on it is marked
`date_source="inferred"` so a user can tell it from a date the story gave. Never today's date.

The rule is deliberately conservative; when in doubt it abstains:

* a dateline that carries exactly one year names the document's year ("1996-97" names two);
* otherwise the years written in the body's date expressions are counted (a full date such as
  "Nov. 27, 1997" counts twice, being a reporter's date rather than a passing reference; a
  number on a noun, "1997 soldiers" or "the 1997 accord", does not count), and
  the most-counted year is taken when it counts at least `MIN_EVIDENCE`, no other year ties it,
  and no later year is named at all (a story cannot predate the years it reports; a later year
  may be a plan or the real present, and we cannot tell which).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..records import Document, Sentence, Token
from .grammar import MONTHS

MIN_EVIDENCE = 3
RE_YEAR = re.compile(r"(19\d\d|20\d\d)")  # a news year; "1990s" and "1,997" are not years
RE_YEAR_SPAN = re.compile(r"(19|20)\d\d\s*[-/\u2013]\s*\d\d(?![\d/-])")  # "1996-97": two years, no answer


@dataclass(frozen=True, slots=True)
class InferredYear:
    """A document year read from the document's own text, with the evidence for it."""

    year: int
    evidence: str  # "dateline 'SEOUL, 1997'", "1997: 4 (2 in full dates), no later year"


def infer_document_year(doc: Document, min_evidence: int = MIN_EVIDENCE) -> InferredYear | None:
    """The document's year when its text makes it plain, else None. A document that has a date
    needs none: it gets None too."""
    if doc.date is not None:
        return None
    if doc.dateline and not RE_YEAR_SPAN.search(doc.dateline):
        years = set(RE_YEAR.findall(doc.dateline))
        if len(years) == 1:
            return InferredYear(int(years.pop()), f"dateline {doc.dateline!r}")
    return _from_body(doc.sentences, min_evidence)


def _from_body(sentences: list[Sentence], min_evidence: int) -> InferredYear | None:
    weights: Counter[int] = Counter()
    full: Counter[int] = Counter()
    for sentence in sentences:
        for entity in _date_entities(sentence.tokens):
            words = [t.text.lower().rstrip(".") for t in entity]
            for tok in entity:
                if RE_YEAR.fullmatch(tok.text) and not _counts_things(sentence.tokens, tok):
                    is_full = _is_full_date(words)
                    weights[int(tok.text)] += 2 if is_full else 1
                    full[int(tok.text)] += is_full
    if not weights:
        return None
    ranked = weights.most_common()
    year, weight = ranked[0]
    if weight < min_evidence or (len(ranked) > 1 and ranked[1][1] == weight) or max(weights) > year:
        return None
    return InferredYear(year, f"{year}: {weight} ({full[year]} in full dates), no later year")


def _date_entities(tokens: list[Token]) -> list[list[Token]]:
    """spaCy's DATE entities: years elsewhere ("2000 troops", "Resolution 1441") do not count."""
    found: list[list[Token]] = []
    for tok in tokens:
        if tok.ent_type != "DATE":
            continue
        if tok.ent_iob == "B" or not found or found[-1][-1].i != tok.i - 1:
            found.append([tok])
        else:
            found[-1].append(tok)
    return found


def _counts_things(tokens: list[Token], tok: Token) -> bool:
    """A number on a noun that is no month: "1997 soldiers" (or "the 1997 accord", which we
    leave out too: a year that names a thing is weaker evidence than a date)."""
    head = tokens[tok.head]
    return tok.dep == "nummod" and head.i != tok.i and head.text.lower().rstrip(".") not in MONTHS


def _is_full_date(words: list[str]) -> bool:
    """A month name with a day number in the same entity: "Nov. 27, 1997", "27 November 1997"."""
    has_month = any(w in MONTHS for w in words)
    has_day = any(w.isdigit() and 1 <= int(w) <= 31 and len(w) <= 2 for w in words)
    return has_month and has_day


__all__ = ["MIN_EVIDENCE", "InferredYear", "infer_document_year"]
