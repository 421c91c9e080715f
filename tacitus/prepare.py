"""From a raw input to an unparsed Document: clean text, metadata, date, language, content id.

Pure per-document work with no model and no store, so it runs anywhere (a worker, a test, a notebook).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .extract import extract_article, extract_html, extract_text, parse_dateline
from .lang import detect_language
from .records import Document, Extraction, RawInput, Rejection

_SPACE = re.compile(r"\s+")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Feeds write placeholders such as 0001-01-01 or 9999-12-31 for "no date"; a record date outside
# these years is not a news date and is ignored (the document is then dated from its text).
RECORD_YEARS = (1800, 2200)


@dataclass(frozen=True, slots=True)
class PrepareOptions:
    date: dt.date | None = None  # explicit --date: wins over everything else
    source: str | None = None  # explicit --source
    languages: tuple[str, ...] = ("en",)
    min_text_chars: int = 20


def extract(raw: RawInput) -> Extraction:
    """Main text and page metadata for one raw input, by its kind."""
    if raw.kind == "html":
        return extract_html(raw.content, url=raw.url)
    if raw.kind == "article":
        return extract_article(raw.content)
    return extract_text(raw.content)


def content_id(text: str) -> str:
    """Document id: a hash of the normalised text, so the same article from anywhere is stored once."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def record_date(value: str | None) -> dt.date | None:
    """A record's own date metadata ("2004-03-02", "2004-03-02T10:15:00Z", "March 2, 2004");
    None when it is missing, not a date, or a placeholder outside RECORD_YEARS."""
    if not value or not value.strip():
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            day: dt.date | None = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    else:
        day = parse_dateline(value)
    if day is None or not RECORD_YEARS[0] <= day.year <= RECORD_YEARS[1]:
        return None
    return day


def resolve_date(
    raw: RawInput, extraction: Extraction, explicit: dt.date | None
) -> tuple[dt.date | None, str]:
    """The document date and where it came from: explicit, record, dateline, html-meta, unknown."""
    if explicit is not None:
        return explicit, "explicit"
    from_record = record_date(raw.date)
    if from_record is not None:
        return from_record, "record"
    if extraction.date is not None and extraction.date_source:
        return extraction.date, extraction.date_source
    return None, "unknown"


def prepare(raw: RawInput, options: PrepareOptions) -> Document | Rejection:
    """Extract, date and identify one raw input; rejects it when no usable article text remains.

    Non-English documents come back as a Document with status "rejected" (their text is kept, so a
    later multilingual coder can pick them up); inputs with no article text become a Rejection.
    """
    extraction = extract(raw)
    text = extraction.text.strip()
    if len(text) < options.min_text_chars:
        reason = "no article text after boilerplate removal"
        if extraction.dropped:
            reason += f" ({len(extraction.dropped)} clutter lines dropped)"
        return Rejection(origin=raw.origin, record=raw.record, reason=reason, ref=raw.ref)
    date, date_source = resolve_date(raw, extraction, options.date)
    lang = detect_language(text)
    status, reason = "ok", None
    if lang != "und" and lang not in options.languages:
        status, reason = "rejected", f"unsupported language: {lang}"
    return Document(
        id=content_id(text),
        ref=raw.ref,
        origin=raw.origin,
        record=raw.record,
        text=text,
        url=raw.url,
        source=options.source or raw.source or extraction.site,
        title=raw.title or extraction.title,
        date=date,
        date_source=date_source,
        dateline=extraction.dateline,
        lang=lang,
        status=status,
        reason=reason,
        dropped=list(extraction.dropped),
    )
