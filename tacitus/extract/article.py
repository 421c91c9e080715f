"""Article text that a crawler already extracted (a JSONL record's `text`): no clutter removal.

Running jusText over clean text would drop short paragraphs, so such text is only split into
paragraphs, whitespace-normalised and relieved of a leading wire dateline.
"""

from __future__ import annotations

import re

from tacitus.extract.body import strip_dateline_prefix
from tacitus.records import Extraction

_BLANK = re.compile(r"\n\s*\n")


def extract_article(text: str) -> Extraction:
    """Paragraphs (blank-line separated, else one per line) of already-clean article text."""
    if not isinstance(text, str) or not text.strip():
        return Extraction(text="")
    blocks = _BLANK.split(text) if _BLANK.search(text) else text.splitlines()
    paragraphs = [" ".join(b.split()) for b in blocks]
    paragraphs = [p for p in paragraphs if p]
    dateline, paragraphs = strip_dateline_prefix(paragraphs)
    return Extraction(
        text="\n\n".join(paragraphs),
        date=dateline.date if dateline else None,
        date_source="dateline" if dateline and dateline.date else None,
        dateline=dateline.text if dateline else None,
    )
