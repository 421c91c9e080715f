"""Typed records: the only things that cross a stage boundary.

Flow: a reader yields `RawInput` (or `Rejection`); extraction turns the raw content into an
`Extraction`; the pipeline builds a `Document` from both, parses it into `Sentence`s of `Token`s,
and the coder adds `Event`s whose `source`/`target` are `Actor`s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Where a document's date came from, in order of precedence.
DATE_SOURCES = ("explicit", "record", "dateline", "html-meta", "unknown")


@dataclass(slots=True)
class RawInput:
    """One article as a reader found it, decoded to text but not yet cleaned."""

    origin: str  # file path, or "<stdin>"
    record: str | None  # locator inside the origin ("line 3", "record 5"); None for a whole file
    ref: str  # doc_ref: a JSONL record's own id, else the origin (plus "#n" for multi-record files)
    kind: str  # "text" (a page, clutter and all), "html", or "article" (already-clean text)
    content: str
    url: str | None = None
    title: str | None = None
    date: str | None = None  # the record's own date metadata, unparsed
    source: str | None = None  # outlet / feed name from the record


@dataclass(slots=True)
class Rejection:
    """An input that did not become a coded document, and why."""

    origin: str
    record: str | None
    reason: str
    ref: str | None = None


@dataclass(slots=True)
class Extraction:
    """Clean body text and page metadata recovered from one raw page."""

    text: str  # body paragraphs joined by a blank line
    title: str | None = None
    date: dt.date | None = None
    date_source: str | None = None  # "dateline" | "html-meta" | None
    dateline: str | None = None  # the dateline line as it stood in the page
    site: str | None = None
    dropped: list[str] = field(default_factory=list)  # clutter lines, in page order


@dataclass(slots=True)
class Token:
    """One token of a parsed sentence; offsets are into the document's clean text."""

    i: int  # index within the sentence
    text: str
    start: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index within the sentence of the syntactic head (self for the root)
    ent_type: str = ""
    ent_iob: str = "O"  # "B", "I" or "O"
    ws: str = ""  # trailing whitespace

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Sentence:
    index: int  # position in the document, from 0
    start: int  # character offsets into Document.text
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    id: str  # content hash of the normalised clean text
    ref: str  # the input's own id: a JSONL record's id, else the file path
    origin: str
    text: str
    record: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    date: dt.date | None = None
    date_source: str = "unknown"
    dateline: str | None = None  # the page's dateline ("SEOUL, March 2, 2004"), kept as metadata
    lang: str | None = None
    status: str = "ok"  # "ok" or "rejected"
    reason: str | None = None
    dropped: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    ingested_at: dt.datetime | None = None
    events: list["Event"] | None = None  # None: not coded; []: coded, no events


@dataclass(slots=True)
class Actor:
    """A coded actor as it appears in one sentence (the event contract's source/target)."""

    code: str  # CAMEO actor code, e.g. "USAGOV"
    country: str | None  # ISO3 / CAMEO country, None for IGOs and non-state actors
    sector: str | None  # GOV, MIL, REB, OPP, BUS, MED, CVL, IGO, ...
    name: str | None  # canonical name ("Charles Kartman", "United States")
    text: str  # the words in the sentence
    span: tuple[int, int]  # offsets into the document's clean text

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
        }


@dataclass(slots=True)
class Event:
    """One coded event; `to_json` gives the field contract other tools read."""

    event_id: str
    doc_id: str
    doc_ref: str
    sentence_index: int
    sentence: str
    char_start: int
    char_end: int
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover: dict[str, Any]
    trigger: dict[str, Any]
    date: str | None
    date_precision: str | None
    confidence: float
    date_text: str | None = None
    date_source: str = "document"
    modality: str = "asserted"
    historical: bool = False
    location: dict[str, Any] | None = None
    date_end: str | None = None  # a range's end, same format as `date` ("on Dec. 7-12")

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "doc_ref": self.doc_ref,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover,
            "trigger": self.trigger,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "date_end": self.date_end,
            "modality": self.modality,
            "historical": self.historical,
            "location": self.location,
            "confidence": self.confidence,
        }
