"""Main-text extraction: body paragraphs, headline, dateline and page metadata from raw pages.

    extract_text(text) -> Extraction         plain-text pages (jusText per line + tail rule)
    extract_article(text) -> Extraction      already-clean article text (JSONL records)
    extract_html(html, url=None) -> Extraction   HTML pages (trafilatura, jusText fall-back)
    parse_dateline(line) -> date | None      a dateline line or a leading wire dateline

Neither extractor raises on a string; the heavy libraries are imported on first use.
"""

from tacitus.extract.article import extract_article
from tacitus.extract.datelines import parse_dateline
from tacitus.extract.html import extract_html
from tacitus.extract.plain import extract_text

__all__ = ["extract_article", "extract_html", "extract_text", "parse_dateline"]
