"""HTML pages: trafilatura for the body and the page metadata, jusText as the fall-back.

Why this split: on HTML, trafilatura uses the markup (article elements, link density, metadata
tags) and does better than line statistics alone; its date comes from htmldate run without the
"extensive" free-text search, which otherwise reads any year in the body as the page's date.
Nothing is fetched: the page is parsed once here and the tree is handed over.

When trafilatura keeps nothing (small or odd pages), the page's visible paragraphs go through
the same jusText path as plain text. `dropped` is best effort: the visible paragraphs (jusText's
DOM walk) whose text is not in the kept body.
"""

from __future__ import annotations

import datetime as dt
import logging
from copy import deepcopy
from typing import Any

from tacitus.extract.body import (
    HEAD_SCAN, assemble, cut_tail, is_tail_line, strip_dateline_prefix, word_count,
)
from tacitus.extract.classify import Block, classify_dom
from tacitus.extract.clutter import is_clutter_line
from tacitus.extract.datelines import Dateline, match_dateline_line
from tacitus.extract.flatten import flatten, too_deep
from tacitus.extract.plain import extract_text
from tacitus.records import Extraction

log = logging.getLogger(__name__)

_MIN_PROSE_WORDS = 5
# htmldate: metadata and markup only, no free-text search; dates up to today, from 1900 on.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "min_date": "1900-01-01"}


def extract_html(html: str, url: str | None = None) -> Extraction:
    """Body, title, date, site and clutter of an HTML page; Extraction(text="") if empty.

    The date is the body's dateline when it has one (date_source "dateline"), else the page
    metadata's (date_source "html-meta").
    """
    if not isinstance(html, str) or not html.strip():
        return Extraction(text="")
    tree = _parse(html)
    if tree is not None and too_deep(tree):  # the parser dropped what lies below its limit
        tree = _parse(flatten(html))
    if tree is None:  # not HTML at all: treat as the text it is
        return extract_text(html)
    blocks = _visible_blocks(tree)
    doc = _trafilatura(tree, url)
    paragraphs = _paragraphs(doc.text or "") if doc is not None else []
    if not _has_prose(paragraphs):
        return _fallback(tree, url, blocks)
    return _from_trafilatura(doc, paragraphs, blocks)


def _paragraphs(text: str) -> list[str]:
    """trafilatura's body lines, whitespace normalised, without consent notices, share rows and
    menus (it keeps those when a page has little else), and without tail lines at the top
    ("Sign up for our newsletter" cannot open an article)."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    kept = [line for line in lines if line and not is_clutter_line(line)]
    start = next((i for i, line in enumerate(kept) if not is_tail_line(line)), len(kept))
    return kept[start:]


def _has_prose(paragraphs: list[str]) -> bool:
    """Whether trafilatura kept any sentence-sized paragraph; on a tiny page it may keep only
    a menu ("Home World"), and jusText then does better."""
    return any(word_count(line) >= _MIN_PROSE_WORDS for line in paragraphs)


def _parse(html: str) -> Any:
    """lxml tree of the page; a bare fragment is wrapped so that it parses as a page."""
    from trafilatura.utils import load_html

    for candidate in (html, f"<html><body><div>{html}</div></body></html>"):
        try:
            tree = load_html(candidate)
        except Exception as err:  # lxml/trafilatura raise several types on malformed input
            log.debug("unparsable HTML (%s)", err)
            tree = None
        if tree is not None and len(tree):
            return tree
    return None


def _visible_blocks(tree: Any) -> list[Block]:
    try:
        return classify_dom(tree)
    except Exception as err:  # jusText's SAX walk can fail on exotic trees; dropped is optional
        log.debug("jusText could not walk the page (%s)", err)
        return []


def _trafilatura(tree: Any, url: str | None) -> Any:
    """trafilatura's Document for the page (body text and metadata), or None. It works on its
    own copy of the tree, so the caller's stays intact."""
    from trafilatura import bare_extraction

    try:
        return bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            date_extraction_params=_date_params(),
        )
    except Exception as err:  # trafilatura raises on some malformed trees; fall back instead
        log.debug("trafilatura failed on %s (%s)", url or "page", err)
        return None


def _date_params() -> dict[str, Any]:
    return {**_DATE_PARAMS, "max_date": dt.date.today().isoformat()}


def _from_trafilatura(doc: Any, paragraphs: list[str], blocks: list[Block]) -> Extraction:
    paragraphs = paragraphs[: cut_tail(paragraphs)]
    title = " ".join(doc.title.split()) if doc.title else None
    dateline, paragraphs = _leading_dateline(paragraphs, title)
    body_with_prefix = "\n\n".join(paragraphs)
    prefix, paragraphs = strip_dateline_prefix(paragraphs)
    dateline = dateline if dateline is not None and dateline.date else (prefix or dateline)
    text = "\n\n".join(paragraphs)
    skip = {_squeeze(s) for s in (title, dateline.text if dateline else None) if s}
    return _with_date(
        Extraction(
            text=text,
            title=title,
            dateline=dateline.text if dateline else None,
            site=_site(doc),
            dropped=_dropped(blocks, body_with_prefix, skip),
        ),
        dateline,
        doc.date,
    )


def _leading_dateline(
    paragraphs: list[str], title: str | None
) -> tuple[Dateline | None, list[str]]:
    """Take a repeated headline and a whole-line dateline off the top of the body."""
    found: Dateline | None = None
    head, rest = paragraphs[:HEAD_SCAN], paragraphs[HEAD_SCAN:]
    kept = []
    for text in head:
        if title and text == title:
            continue
        line = match_dateline_line(text) if found is None else None
        if line is not None:
            found = line
            continue
        kept.append(text)
    return found, kept + rest


def _fallback(tree: Any, url: str | None, blocks: list[Block]) -> Extraction:
    """jusText over the page's visible paragraphs, with the page metadata read on its own."""
    meta = _metadata(tree, url)
    title = " ".join(meta.title.split()) if meta is not None and meta.title else None
    result = assemble(blocks, title=title)
    result.site = _site(meta) if meta is not None else None
    found = Dateline(result.dateline, result.date) if result.dateline else None
    return _with_date(result, found, meta.date if meta is not None else None)


def _metadata(tree: Any, url: str | None) -> Any:
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(deepcopy(tree), url, _date_params())
    except Exception as err:  # metadata is optional; a failure must not lose the body
        log.debug("no metadata for %s (%s)", url or "page", err)
        return None


def _with_date(result: Extraction, dateline: Dateline | None, meta_date: str | None) -> Extraction:
    """Dateline date first, else the page metadata's date."""
    if dateline is not None and dateline.date is not None:
        result.date, result.date_source = dateline.date, "dateline"
        return result
    day = _iso_date(meta_date)
    result.date, result.date_source = day, ("html-meta" if day else None)
    return result


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _site(doc: Any) -> str | None:
    return doc.sitename or doc.hostname or None


def _dropped(blocks: list[Block], text: str, skip: set[str]) -> list[str]:
    """Visible paragraphs whose text is not part of the kept body (nor the title/dateline)."""
    kept = _squeeze(text)
    out = []
    for block in blocks:
        key = _squeeze(block.text)
        if key and key not in kept and key not in skip:
            out.append(block.text)
    return out


def _squeeze(text: str) -> str:
    """Text without whitespace, to compare blocks that two tools spaced differently."""
    return "".join(text.split())
